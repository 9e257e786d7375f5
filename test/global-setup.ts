import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The end-to-end tests run the built binary: bundle it once, fresh, before any test.
 * Only the bundle (esbuild, about a second) is needed: bin/awsquiz.js runs dist/cli.cjs;
 * `npm test` type-checks first, and `npm run build` / `npm run bench` run tsc themselves.
 */
export default function setup(): () => void {
  const root = join(import.meta.dirname, '..');
  // Every test's temporary folder (helpers/cli.ts tempDir) goes in one folder of this run,
  // removed at the end: ~380 folders a run were left behind in the system's temp folder.
  // The test workers are started after this and inherit the variable.
  const temp = mkdtempSync(join(tmpdir(), 'awsquiz-tests-'));
  process.env.AWSQUIZ_TEST_TMP = temp;
  const done = () => {
    teardown();
    rmSync(temp, { recursive: true, force: true });
  };
  // Unit tests alone need no build (for several sessions editing one tree at once).
  if (process.env.AWSQUIZ_SKIP_BUILD === '1') return done;
  execFileSync(process.execPath, [join(root, 'scripts', 'bundle.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  return done;
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
