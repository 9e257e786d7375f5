import { PassThrough } from 'node:stream';
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../../src/errors.js';
import { messagesFor } from '../../src/ui/i18n.js';
import {
  askChoice,
  askExamReview,
  askTyped,
  choicePrompt,
  fitToHeight,
  recallPrompt,
} from '../../src/ui/prompts.js';

const OPTIONS = ['Private IP', 'Public IP', 'Elastic IP(EIP)'];

/** A terminal nobody types into, for prompts that end by themselves (a deadline); what they drew. */
function silentTerminal() {
  const output = new PassThrough();
  let screen = '';
  output.on('data', (chunk) => {
    screen += String(chunk);
  });
  return {
    input: new PassThrough() as unknown as NodeJS.ReadStream,
    output,
    screen: () => screen,
  };
}

describe('choice prompt', () => {
  it('shows the question and numbered options; Enter alone answers with the first', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, {
      message: 'Which is static?',
      options: OPTIONS,
    });
    const screen = getScreen();
    expect(screen).toContain('Which is static?');
    expect(screen).toMatch(/❯ 1\. Private IP/);
    expect(screen).toContain('3. Elastic IP(EIP)');
    expect(screen).toContain(`↑↓ or 1–${OPTIONS.length} move · Enter answer`);
    expect(screen).not.toContain('f flag');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ type: 'answer', index: 0, flagged: false });
  });

  it('breaks a long header between its pieces, never starting a line with the separator', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, {
      message: 'Which is static?',
      options: OPTIONS,
      header: 'Question 10/10 · answered 9 · flagged 1',
      deadline: Date.now() + 600_000,
      look: { width: 40, style: (_style, text) => text, messages: messagesFor('en') },
    });
    const lines = getScreen().split('\n');
    expect(lines[0]).toBe('Question 10/10 · answered 9 · flagged 1');
    expect(lines[1]).toMatch(/^⏱ \d+:\d\d$/);
    events.keypress('enter');
    await answer;
  });

  it('moves with arrows, j/k and digits', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, {
      message: 'Q',
      options: OPTIONS,
    });
    events.keypress('down');
    events.keypress('down');
    expect(getScreen()).toMatch(/❯ 3\. Elastic IP/);
    events.keypress('k');
    events.keypress('2');
    events.keypress('up');
    events.keypress('enter');
    await expect(answer).resolves.toMatchObject({ index: 0 });
  });

  it('wraps long Japanese options under their number', async () => {
    const long =
      '別インスタンスへ再マップ可能な静的Public IPで、Stop StartしてもIPアドレスが維持される';
    const { answer, events, getScreen } = await render(choicePrompt, {
      message: 'Q',
      options: [long, 'b', 'c'],
      look: { width: 40, style: (_s, x) => x, messages: messagesFor('en') },
    });
    const lines = getScreen().split('\n');
    expect(lines.some((line) => line.startsWith('     ') && line.trim().length > 0)).toBe(true);
    // Answer it: a prompt left pending is force-closed when the test worker exits.
    events.keypress('enter');
    await expect(answer).resolves.toMatchObject({ index: 0 });
  });

  it('flags with f and goes back with b in an exam', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, {
      message: 'Q',
      options: OPTIONS,
      allowFlag: true,
      allowBack: true,
      selected: 2,
    });
    expect(getScreen()).toMatch(/❯ 3\./);
    expect(getScreen()).toContain('f flag for review');
    events.keypress('f');
    expect(getScreen()).toContain('⚑ flagged for review');
    events.keypress('b');
    await expect(answer).resolves.toEqual({ type: 'back', flagged: true });
  });

  it('ignores b when there is no question to go back to', async () => {
    const { answer, events } = await render(choicePrompt, {
      message: 'Q',
      options: OPTIONS,
      allowFlag: true,
    });
    events.keypress('b');
    events.keypress('f');
    events.keypress('f');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ type: 'answer', index: 0, flagged: false });
  });

  it('turns Ctrl+C into InterruptedError', async () => {
    const input = new PassThrough() as unknown as NodeJS.ReadStream;
    const output = new PassThrough();
    const pending = askChoice({ message: 'Q', options: OPTIONS }, { input, output });
    input.write('\u0003');
    await expect(pending).rejects.toBeInstanceOf(InterruptedError);
  });
});

describe('recall prompt', () => {
  it('hides the answer until Enter, then grades with Good by default', async () => {
    const { answer, events, getScreen } = await render(recallPrompt, {
      message: 'Explain: EC2 › User data',
      answer: '起動時にスクリプト実行を行う機能',
    });
    expect(getScreen()).not.toContain('起動時');
    expect(getScreen()).toContain('press Enter');
    events.keypress('enter');
    expect(getScreen()).toContain('起動時にスクリプト実行を行う機能');
    expect(getScreen()).toContain('[3 Good]');
    events.keypress('enter');
    await expect(answer).resolves.toBe('good');
  });

  it('fits the grades and key hints to a narrow terminal, never splitting a label', async () => {
    const { displayWidth } = await import('../../src/ui/layout.js');
    {
      const { answer, events, getScreen } = await render(recallPrompt, {
        message: '説明してください: SWF(Amazon Simple Workflow Service)',
        answer: 'Amazon SWF は、開発者がバックグラウンドジョブを構築するのに役立つ。',
        look: { width: 30, style: (_s, x) => x, messages: messagesFor('ja') },
      });
      events.keypress('enter');
      const lines = getScreen().split('\n');
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(30);
      for (const label of ['1 もう一度', '2 難しい', '[3 普通]', '4 簡単']) {
        expect(
          lines.some((line) => line.includes(label)),
          label,
        ).toBe(true);
      }
      events.keypress('enter');
      await expect(answer).resolves.toBe('good');
    }
  });

  it('marks an answered question neutrally, not with a tick that reads as right', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, {
      message: 'Q',
      options: OPTIONS,
    });
    events.keypress('enter');
    await answer;
    expect(getScreen()).toMatch(/^› Q/);
    expect(getScreen()).not.toContain('✔');
  });

  it('chooses another grade with arrows or digits', async () => {
    const { answer, events } = await render(recallPrompt, { message: 'Q', answer: 'A' });
    events.keypress('enter');
    events.keypress('left');
    events.keypress('left');
    events.keypress('enter');
    await expect(answer).resolves.toBe('again');
    const second = await render(recallPrompt, { message: 'Q', answer: 'A' });
    second.events.keypress('enter');
    second.events.keypress('4');
    second.events.keypress('enter');
    await expect(second.answer).resolves.toBe('easy');
  });
});

describe('typed and review prompts', () => {
  it('returns the typed answer, or empty for "I don\'t know"', async () => {
    const ask = async (keys: string) => {
      const input = new PassThrough() as unknown as NodeJS.ReadStream;
      const pending = askTyped({ message: 'Fill in' }, { input, output: new PassThrough() });
      input.write(keys);
      return pending;
    };
    await expect(ask('16000\r')).resolves.toBe('16000');
    await expect(ask('\r')).resolves.toBe('');
  });

  it('submits on Enter and goes to a chosen question', async () => {
    const items = [
      { index: 1, answered: false, flagged: false, label: 'Which…' },
      { index: 3, answered: true, flagged: true, label: 'What…' },
    ];
    const run = async (keys: string) => {
      const input = new PassThrough() as unknown as NodeJS.ReadStream;
      const output = new PassThrough();
      let screen = '';
      output.on('data', (chunk) => {
        screen += String(chunk);
      });
      const pending = askExamReview({ message: 'Review', items }, { input, output });
      input.write(keys);
      return { choice: await pending, screen };
    };
    const submitted = await run('\r');
    expect(submitted.choice).toEqual({ type: 'submit' });
    expect(submitted.screen).toContain('Question 2 (unanswered)');
    expect(submitted.screen).toContain('Question 4 (⚑ flagged)');
    expect((await run('\u001b[B\u001b[B\r')).choice).toEqual({ type: 'goto', index: 3 });
  });

  it('keeps the countdown on the review screen and ends the exam when time runs out', async () => {
    const io = silentTerminal();
    const choice = await askExamReview(
      {
        message: 'Review',
        items: [{ index: 0, answered: false, flagged: false, label: 'Which…' }],
        deadline: Date.now() + 400,
      },
      io,
    );
    expect(choice).toEqual({ type: 'timeout' });
    expect(io.screen()).toContain('⏱ 0:0');
  });

  it('says a question was not answered when time runs out, never echoing the highlighted option', async () => {
    const io = silentTerminal();
    const result = await choicePrompt(
      {
        message: 'Which is right?',
        options: ['Highlighted option', 'Other option'],
        deadline: Date.now() + 300,
      },
      io,
    );
    expect(result).toEqual({ type: 'timeout', flagged: false });
    const last = io.screen().slice(io.screen().lastIndexOf('Which is right?'));
    expect(last).toContain("time's up: not answered");
    expect(last).not.toContain('→ Highlighted option');
  });
});

describe('a prompt taller than the window', () => {
  const more = (above: number, below: number) => `more ${above} ${below}`;
  const body = Array.from({ length: 20 }, (_, i) => `line ${i}`);

  it('keeps the top, the focused lines and the hints, and says what it hides', () => {
    const lines = fitToHeight(
      { top: ['header', '? question'], body, focus: [12, 13], bottom: ['hints'] },
      10,
      more,
    );
    expect(lines).toHaveLength(9);
    expect(lines.slice(0, 2)).toEqual(['header', '? question']);
    expect(lines).toContain('line 12');
    expect(lines).toContain('line 13');
    expect(lines.at(-1)).toBe('hints');
    expect(lines.at(-2)).toBe('more 9 6');
  });

  it('gives up the hints before the focused option', () => {
    const lines = fitToHeight(
      { top: ['h1', 'h2', 'h3', '? q'], body, focus: [5, 7], bottom: ['k1', 'k2', 'k3'] },
      10,
      more,
    );
    expect(lines).toHaveLength(9);
    expect(lines).toEqual(expect.arrayContaining(['? q', 'line 5', 'line 6', 'line 7']));
  });

  it('leaves a prompt that fits as it is', () => {
    const parts = {
      top: ['? q'],
      body: ['a', 'b'],
      focus: [0, 0] as [number, number],
      bottom: ['k'],
    };
    expect(fitToHeight(parts, 10, more)).toEqual(['? q', 'a', 'b', 'k']);
  });

  it('draws the options of a tall question in a short terminal around the highlight', async () => {
    const terminal = { isTTY: true, columns: 30, rows: 8 };
    const { answer, events, getScreen } = await render(choicePrompt, {
      message: 'A question long enough to take several lines at thirty columns, and then some more',
      options: ['one', 'two', 'three', 'four', 'five', 'six'],
      header: 'card 1/9 · EC2',
      terminal,
    });
    const first = getScreen().split('\n');
    expect(first.length).toBeLessThanOrEqual(7);
    expect(first[0]).toBe('card 1/9 · EC2');
    expect(first[1]).toMatch(/^\? A question/);
    events.keypress('6');
    const moved = getScreen().split('\n');
    expect(moved.length).toBeLessThanOrEqual(7);
    expect(moved[1]).toMatch(/^\? A question/);
    expect(moved.some((line) => line.startsWith('❯ 6. six'))).toBe(true);
    events.keypress('enter');
    await expect(answer).resolves.toMatchObject({ index: 5 });
  });
});
