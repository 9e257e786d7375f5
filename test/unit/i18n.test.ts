import { describe, expect, it } from 'vitest';
import {
  catalogueKeys,
  formatDuration,
  langFromArgv,
  langFromEnv,
  type MessageKey,
  t,
} from '../../src/ui/i18n.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  const en = catalogueKeys('en');
  const ja = catalogueKeys('ja');

  it('has every key in Japanese and English', () => {
    expect([...ja].sort()).toEqual([...en].sort());
    expect(en.length).toBeGreaterThan(150);
  });

  it('has no empty message, and the same placeholders in both languages', () => {
    for (const key of en as MessageKey[]) {
      const english = t(key, {}, 'en');
      const japanese = t(key, {}, 'ja');
      expect(english.trim(), key).not.toBe('');
      expect(japanese.trim(), key).not.toBe('');
      expect(placeholders(japanese), key).toEqual(placeholders(english));
    }
  });

  it('really is Japanese in Japanese', () => {
    const untranslated = (en as MessageKey[]).filter((key) => {
      const japanese = t(key, {}, 'ja');
      return (
        japanese === t(key, {}, 'en') &&
        /[a-z]{4,}/i.test(japanese.replace(/\{\w+\}|awsquiz|AWSQUIZ_\w+|NO_COLOR|--\w+/g, ''))
      );
    });
    expect(untranslated).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(t('error.unknownTopic', { topic: 'ec3' }, 'en')).toBe('unknown topic "ec3".');
    expect(t('error.unknownTopic', { topic: 'ec3' }, 'ja')).toBe(
      'トピック「ec3」は見つかりません。',
    );
  });
});

describe('choosing the language', () => {
  it('reads LC_ALL, then LC_MESSAGES, then LANG; ja* is Japanese, anything else English', () => {
    expect(langFromEnv({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(langFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_ALL: 'C', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_MESSAGES: 'ja', LANG: 'en_US' })).toBe('ja');
    expect(langFromEnv({})).toBe('en');
  });

  it('lets --lang win', () => {
    expect(langFromArgv(['--lang', 'ja', 'stats'], { LANG: 'en_US' })).toBe('ja');
    expect(langFromArgv(['--lang=en'], { LANG: 'ja_JP' })).toBe('en');
    expect(langFromArgv(['stats'], { LANG: 'ja_JP' })).toBe('ja');
  });

  it('says durations in words', () => {
    expect(formatDuration(0, 'en')).toBe('now');
    // Not yet due is never "now" (it followed "Nothing to study right now").
    expect(formatDuration(10_000, 'en')).toBe('in 1 min');
    expect(formatDuration(10 * 60_000, 'en')).toBe('in 10 min');
    expect(formatDuration(3 * 3_600_000, 'en')).toBe('in 3 h');
    expect(formatDuration(86_400_000, 'en')).toBe('in 1 day');
    expect(t('stats.streak', { n: 1, longest: 3 }, 'en')).toBe('Streak: 1 day (longest 3)');
    expect(t('stats.streak', { n: 2, longest: 3 }, 'en')).toBe('Streak: 2 days (longest 3)');
    expect(formatDuration(4 * 86_400_000, 'ja')).toBe('4 日後');
  });
});

describe('reasons a line is no fact', () => {
  it('are worded in both languages, for every reason the content layer gives', async () => {
    const { LEFT_OUT_REASONS } = await import('../../src/content/statement.js');
    for (const lang of ['en', 'ja'] as const) {
      const keys = new Set(catalogueKeys(lang));
      for (const reason of LEFT_OUT_REASONS) expect(keys, reason).toContain(`reason.${reason}`);
    }
  });
});
