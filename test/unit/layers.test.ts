import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * Layers point one way: cli → commands → ui / store → quiz → content → ground.
 * A module may import its own layer or one below, never one above; ui and store
 * stand side by side and do not import each other. See docs/ARCHITECTURE.md.
 */
const SRC = join(ROOT, 'src');

function layerOf(file: string): { name: string; rank: number } {
  const path = relative(SRC, file).split(sep).join('/');
  if (path === 'cli.ts') return { name: 'cli', rank: 5 };
  const top = path.includes('/') ? path.slice(0, path.indexOf('/')) : 'ground';
  const ranks: Record<string, number> = {
    commands: 4,
    ui: 3,
    store: 3,
    quiz: 2,
    content: 1,
    ground: 0,
  };
  const rank = ranks[top];
  if (rank === undefined) throw new Error(`${path} is in no layer`);
  return { name: top, rank };
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Every module a file imports: static, type-only, re-exports and import(). */
function importsOf(file: string, read = (path: string) => readFileSync(path, 'utf8')): string[] {
  const text = read(file);
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)'([^']+)'/gm)) {
    if (match[1]) found.push(match[1]);
  }
  return found;
}

function upwardImports(files: string[], read?: (path: string) => string): string[] {
  const wrong: string[] = [];
  for (const file of files) {
    const from = layerOf(file);
    for (const target of importsOf(file, read)) {
      if (!target.startsWith('.')) continue;
      const to = layerOf(resolve(file, '..', target).replace(/\.js$/, '.ts'));
      const sideways = from.rank === to.rank && from.name !== to.name;
      const edge = `${relative(SRC, file).split(sep).join('/')} → ${relative(
        SRC,
        resolve(file, '..', target),
      )
        .split(sep)
        .join('/')}`;
      if (to.rank > from.rank || sideways) {
        wrong.push(edge);
      }
    }
  }
  return wrong;
}

describe('layers', () => {
  const files = sources(SRC);

  it('every import points down a layer or stays in its own', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(upwardImports(files)).toEqual([]);
  });

  it('would catch an import up or sideways (the check itself)', () => {
    const probe = (path: string, text: string) => upwardImports([join(SRC, path)], () => text);
    expect(probe('content/probe.ts', "import { t } from '../ui/i18n.js';")).toEqual([
      'content/probe.ts → ui/i18n.js',
    ]);
    expect(probe('quiz/probe.ts', "const x = await import('../store/progress.js');")).toEqual([
      'quiz/probe.ts → store/progress.js',
    ]);
    expect(probe('ui/probe.ts', "import type { X } from '../store/progress.js';")).toEqual([
      'ui/probe.ts → store/progress.js',
    ]);
    expect(
      probe(
        'commands/probe.ts',
        "import { a } from '../quiz/exam.js';\nimport { b } from './context.js';",
      ),
    ).toEqual([]);
  });

  it('one module owns each outside library', () => {
    const owners: Record<string, (path: string) => boolean> = {
      '@inquirer/': (path) => path === 'ui/prompts.ts',
      chalk: (path) => path === 'ui/format.ts',
      'env-paths': (path) => path === 'store/paths.ts',
      commander: (path) => path === 'cli.ts' || path === 'ui/help-layout.ts',
    };
    const wrong: string[] = [];
    for (const file of files) {
      const path = relative(SRC, file).split(sep).join('/');
      for (const target of importsOf(file)) {
        for (const [library, owns] of Object.entries(owners)) {
          if ((target === library || target.startsWith(library)) && !owns(path)) {
            wrong.push(`${path} → ${target}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('no module reads the language from module state: it is handed a Messages object or a say()', () => {
    // context.messages, format.messages, look.messages; the core (quiz/questions.ts) a Say.
    const legacy = /import\s*\{([^}]*)\}\s*from\s*'[./]*(?:ui\/)?i18n\.js'/g;
    const users: string[] = [];
    for (const file of files) {
      const path = relative(SRC, file).split(sep).join('/');
      if (path === 'ui/i18n.ts' || path === 'cli.ts') continue;
      for (const match of readFileSync(file, 'utf8').matchAll(legacy)) {
        const names = (match[1] ?? '').split(',').map((name) => name.trim());
        if (names.some((name) => ['t', 'setLang', 'formatDuration'].includes(name))) {
          users.push(path);
        }
      }
    }
    expect(users).toEqual([]);
  });
  it('no module changes V8 flags while running (a pattern run before the change can crash after it)', () => {
    // v8.setFlagsFromString('--no-regexp-tier-up') after a pattern has run once crashes Node with
    // a segmentation fault the next time that pattern runs: it killed a test worker in CI. A V8
    // flag the CLI wants must be on node's command line, where it holds before any code runs.
    const wrong = files
      .map((file) => relative(SRC, file).split(sep).join('/'))
      .filter((path) =>
        /setFlagsFromString\s*\(|['"](?:node:)?v8['"]/.test(readFileSync(join(SRC, path), 'utf8')),
      );
    expect(wrong).toEqual([]);
  });
});
