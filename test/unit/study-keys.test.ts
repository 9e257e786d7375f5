/**
 * The study keys in the prompts (issue 14): x, e and u resolve the prompt
 * with the key when they are allowed, are shown in the hints in both
 * languages within 40 columns, and do nothing when not allowed (an exam).
 */
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/ui/i18n.js';
import { displayWidth } from '../../src/ui/layout.js';
import { choicePrompt, recallPrompt } from '../../src/ui/prompts.js';

const look = (lang: 'en' | 'ja', width = 40) => ({
  width,
  style: (_style: unknown, text: string) => text,
  messages: messagesFor(lang),
});

describe('study keys', () => {
  it('x on a choice question resolves with suspend; the hints name x, e and u', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, {
      message: 'Which one is static?',
      options: ['Private IP', 'Elastic IP'],
      studyKeys: ['suspend', 'edit', 'undo'],
      look: look('en'),
    });
    const screen = getScreen();
    for (const hint of ['x suspend', 'e edit note', 'u undo last']) expect(screen).toContain(hint);
    for (const line of screen.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(40);
    events.keypress('x');
    await expect(answer).resolves.toEqual({ type: 'key', key: 'suspend' });
  });

  it('u and e work before and after a recall answer is shown, in Japanese within 40 columns', async () => {
    const before = await render(recallPrompt, {
      message: '説明: 台所 › 包丁',
      answer: '牛刀: 肉も野菜も切れる万能の包丁',
      studyKeys: ['suspend', 'edit', 'undo'],
      look: look('ja'),
    });
    expect(before.getScreen()).toContain('u 直前を取消');
    before.events.keypress('u');
    await expect(before.answer).resolves.toEqual({ type: 'key', key: 'undo' });

    const after = await render(recallPrompt, {
      message: '説明: 台所 › 包丁',
      answer: '牛刀: 肉も野菜も切れる万能の包丁',
      studyKeys: ['suspend', 'edit'],
      look: look('ja'),
    });
    after.events.keypress('enter');
    const screen = after.getScreen();
    expect(screen).toContain('e ノートを編集');
    expect(screen).not.toContain('直前を取消');
    for (const line of screen.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(40);
    after.events.keypress('e');
    await expect(after.answer).resolves.toEqual({ type: 'key', key: 'edit' });
  });

  it('does nothing with x where study keys are not allowed', async () => {
    const { answer, events, getScreen } = await render(choicePrompt, {
      message: 'Which one is static?',
      options: ['Private IP', 'Elastic IP'],
      look: look('en'),
    });
    expect(getScreen()).not.toContain('x suspend');
    events.keypress('x');
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ type: 'answer', index: 1, flagged: false });
  });
});
