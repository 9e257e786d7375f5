/**
 * Opening a note at a line in the learner's editor (`e` in a study session):
 * which editor ($VISUAL, $EDITOR, else vi if it is on the PATH), how each
 * family of editors is told the line, and handing the terminal over to it.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { basename, delimiter, join } from 'node:path';

/** The command and its own words (`code -w` → code, [-w]), or undefined when none is set or found. */
export function findEditor(env: NodeJS.ProcessEnv): string[] | undefined {
  for (const name of [env.VISUAL, env.EDITOR]) {
    const words = name?.trim().split(/\s+/).filter(Boolean) ?? [];
    if (words.length > 0) return words;
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, 'vi'), constants.X_OK);
      return [join(dir, 'vi')];
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The arguments that open `file` at `line` for this editor command. */
export function editorArguments(command: string, file: string, line: number): string[] {
  const name = basename(command)
    .toLowerCase()
    .replace(/\.(exe|cmd|bat)$/, '');
  if (['code', 'code-insiders', 'codium', 'vscodium', 'cursor'].includes(name))
    return ['-g', `${file}:${line}`];
  if (['subl', 'sublime_text', 'zed', 'zeditor'].includes(name)) return [`${file}:${line}`];
  // vi, vim, nvim, nano, emacs, micro, helix (hx), kak, joe, ne… all take +LINE.
  return [`+${line}`, file];
}

export type EditResult =
  | { ok: true }
  | { ok: false; reason: 'none' }
  | { ok: false; reason: 'failed'; editor: string; detail: string };

interface TerminalIn {
  isTTY?: boolean;
  setRawMode?: (raw: boolean) => unknown;
  pause?: () => unknown;
  resume?: () => unknown;
}

/**
 * Runs the editor in the foreground and waits for it: the terminal is
 * handed over (raw mode off, our input paused) and taken back after.
 */
export function openInEditor(
  env: NodeJS.ProcessEnv,
  stdin: NodeJS.ReadableStream,
  file: string,
  line: number,
): EditResult {
  const editor = findEditor(env);
  if (!editor) return { ok: false, reason: 'none' };
  const [command, ...own] = editor as [string, ...string[]];
  const input = stdin as unknown as TerminalIn;
  if (input.isTTY) input.setRawMode?.(false);
  input.pause?.();
  try {
    const result = spawnSync(command, [...own, ...editorArguments(command, file, line)], {
      stdio: 'inherit',
      env,
    });
    if (result.error)
      return { ok: false, reason: 'failed', editor: command, detail: result.error.message };
    return { ok: true };
  } finally {
    input.resume?.();
  }
}
