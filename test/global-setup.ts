import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Command and end-to-end tests run the built CLI: build it once, fresh, before any test. */
export default function setup(): () => void {
  const root = join(import.meta.dirname, '..');
  // Unit tests alone need no build (for several sessions editing one tree at once).
  if (process.env.AWSQUIZ_SKIP_BUILD === '1') return teardown;
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  execFileSync(process.execPath, [join(root, 'scripts', 'bundle.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  return teardown;
}

/** Closes any terminal an end-to-end test left open. */
function teardown(): void {
  let sessions = '';
  try {
    sessions = execFileSync('tmux', ['list-sessions', '-F', '#{session_name}'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return; // no tmux server: nothing left open
  }
  for (const name of sessions.split('\n')) {
    if (!name.startsWith('awsquiz-e2e-')) continue;
    try {
      execFileSync('tmux', ['kill-session', '-t', name], { stdio: 'ignore' });
    } catch {
      // closed meanwhile
    }
  }
}
