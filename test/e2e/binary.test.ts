import { describe, expect, it } from 'vitest';
import { version } from '../../src/version.js';
import { hasStackTrace, runBinary } from '../helpers/cli.js';

// Everything else runs in-process (runCli); these check the built bin/awsquiz.js itself.
describe('the built awsquiz binary', () => {
  it('answers --version, runs a command from the bundle, and exits 2 on a usage mistake', () => {
    // `--version` alone is answered by bin/awsquiz.js itself, before the CLI loads: the same answer.
    expect(runBinary(['--version']).stdout).toBe(`${version()}\n`);
    expect(runBinary(['-V']).stdout).toBe(`${version()}\n`);
    expect(runBinary(['--lang', 'en', '--version']).stdout).toBe(`${version()}\n`);
    const topics = runBinary(['topics', '--json']);
    expect(topics.status).toBe(0);
    expect(JSON.parse(topics.stdout)).toHaveLength(13);
    const wrong = runBinary(['topics', '--bogus']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('unknown option --bogus');
    expect(hasStackTrace(wrong.stderr)).toBe(false);
  });
});
