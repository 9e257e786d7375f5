import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../helpers/cli.js';

/** Anything a terminal would act on: ESC, BEL, C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe("commander's messages never echo what would drive the terminal", () => {
  it('cleans an unknown option, an unknown command and a bad choice, and keeps the rest', async () => {
    const cases: [string[], string][] = [
      [['--nosuch\u001b[2J'], 'unknown option --nosuch.'],
      [['topics', '--bo\u001b]0;title\u0007gus'], 'unknown option --bogus.'],
      // OSC 52 would write the clipboard.
      [['st\u001b]52;c;aGVsbG8=\u0007uff'], 'unknown command "stuff".'],
      [['help', 'x\u001b]52;c;aGVsbG8=\u0007y'], 'unknown command "xy".'],
      [['--lang', '\u001b[2J'], 'option --lang <lang> does not take "";'],
      [['export', '--format', 'c\u009b2Jsv'], 'does not take "csv"; use one of json, csv, anki.'],
    ];
    for (const [args, expected] of cases) {
      const result = await runCli(args);
      expect(result.status, JSON.stringify(args)).toBe(2);
      expect(result.stderr, JSON.stringify(args)).toContain(expected);
      expect(CONTROL.test(result.stderr), JSON.stringify(result.stderr)).toBe(false);
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
  });

  it('echoes at most 60 characters of a 100 KB argument', async () => {
    const huge = `--${'x'.repeat(100_000)}`;
    const result = await runCli([huge]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`unknown option --${'x'.repeat(57)}….`);
    expect(result.stderr.length).toBeLessThan(300);
    const value = await runCli(['export', '--format', 'y'.repeat(100_000)]);
    expect(value.status).toBe(2);
    expect(value.stderr.length).toBeLessThan(300);
    const command = await runCli(['z'.repeat(100_000)]);
    expect(command.status).toBe(2);
    expect(command.stderr.length).toBeLessThan(300);
  });

  it('still suggests the nearest option or command', async () => {
    expect((await runCli(['stuyd'])).stderr).toContain('Did you mean: study?');
    expect((await runCli(['topics', '--jsno'])).stderr).toContain('Did you mean: --json?');
  });
});
