/**
 * The message catalogue (ja / en). Every string the interface prints comes from
 * here; the notes themselves are never translated. `{name}` placeholders are
 * filled by t(). A test proves both languages have every key.
 */

export type Lang = 'ja' | 'en';

const en = {
  // errors and usage
  'error.prefix': 'awsquiz: ',
  'error.unknownTopic': 'unknown topic "{topic}".',
  'error.didYouMean': 'Did you mean: {list}?',
  'error.topicList': 'Topics: {list}',
  'error.ambiguousTopic': 'topic "{topic}" matches several topics: {list}. Type more of the name.',
  'error.badInteger': '{flag} must be a whole number from {min} to {max} (got "{value}").',
  'error.badNumber': '{flag} must be a number from {min} to {max} (got "{value}").',
  'error.badChoice': '{flag} must be one of {list} (got "{value}").',
  'error.noContent':
    'no markdown notes found in {dir}. Point --content (or AWSQUIZ_CONTENT) at a folder of .md files.',
  'error.contentMissing':
    'notes folder {dir} does not exist. Point --content (or AWSQUIZ_CONTENT) at a folder of .md files.',
  'error.readFailed': 'could not read {file}: {reason}',
  'error.bug': 'unexpected error (this is a bug in awsquiz; please report it):',
  // check
  'check.fullwidthHeading':
    'heading written with a full-width space after "#": "{subject}"; expected a normal space (read as a heading anyway)',
  'check.lenientBold':
    'bold span "{subject}" is not bold in CommonMark (punctuation just inside the stars); expected a space or no punctuation there (used as a key term anyway)',
  'check.emptySection': 'section "{subject}" is empty; expected some text or sub-headings under it',
  'check.duplicateHeading':
    'heading "{subject}" appears twice under the same parent; expected distinct headings (cards are told apart by occurrence)',
  'check.noCardLine':
    'line gives no card: "{subject}"; expected a fact line, a "term：definition", or a key term in `code`/**bold**',
  'check.readError': 'could not read: {subject}',
  'check.summary': '{files} files, {cards} cards: {errors} errors, {warnings} warnings',
  'check.clean': '{files} files, {cards} cards: no problems found',
  // topics / export
  'topics.header.name': 'topic',
  'topics.header.cards': 'cards',
  'topics.header.due': 'due',
  'topics.header.new': 'new',
  'topics.total': 'total',
  'export.cardCount': '{count} cards exported',
} as const;

export type MessageKey = keyof typeof en;

const ja: Record<MessageKey, string> = {
  'error.prefix': 'awsquiz: ',
  'error.unknownTopic': 'トピック「{topic}」は見つかりません。',
  'error.didYouMean': 'もしかして: {list}',
  'error.topicList': 'トピック一覧: {list}',
  'error.ambiguousTopic':
    '「{topic}」は複数のトピックに一致します: {list}。名前をもう少し入力してください。',
  'error.badInteger': '{flag} には {min}〜{max} の整数を指定してください（指定値:「{value}」）。',
  'error.badNumber': '{flag} には {min}〜{max} の数値を指定してください（指定値:「{value}」）。',
  'error.badChoice': '{flag} には {list} のいずれかを指定してください（指定値:「{value}」）。',
  'error.noContent':
    '{dir} にマークダウンのノートがありません。--content（または AWSQUIZ_CONTENT）で .md ファイルのフォルダーを指定してください。',
  'error.contentMissing':
    'ノートのフォルダー {dir} がありません。--content（または AWSQUIZ_CONTENT）で .md ファイルのフォルダーを指定してください。',
  'error.readFailed': '{file} を読めませんでした: {reason}',
  'error.bug': '予期しないエラーです（awsquiz の不具合です。報告してください）:',
  'check.fullwidthHeading':
    '見出しの「#」の後が全角スペースです:「{subject}」。半角スペースにしてください（見出しとして読み込みます）',
  'check.lenientBold':
    '太字「{subject}」は CommonMark では太字になりません（記号が ** のすぐ内側にあります）。前後に空白を入れるか記号を外してください（キーワードとして扱います）',
  'check.emptySection': '見出し「{subject}」の下が空です。本文か小見出しを書いてください',
  'check.duplicateHeading':
    '見出し「{subject}」が同じ親の下に2回あります。別の見出しにしてください（出現順で区別します）',
  'check.noCardLine':
    'この行からは問題を作れません:「{subject}」。事実の一文、「用語：説明」、`コード` や **太字** のキーワードを書いてください',
  'check.readError': '読めませんでした: {subject}',
  'check.summary': '{files} ファイル、{cards} 枚: エラー {errors} 件、警告 {warnings} 件',
  'check.clean': '{files} ファイル、{cards} 枚: 問題は見つかりませんでした',
  'topics.header.name': 'トピック',
  'topics.header.cards': 'カード',
  'topics.header.due': '復習',
  'topics.header.new': '新規',
  'topics.total': '合計',
  'export.cardCount': '{count} 枚を書き出しました',
};

const catalogues: Record<Lang, Record<MessageKey, string>> = { en, ja };

let current: Lang = 'en';

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

/** `ja*` in LC_ALL, LC_MESSAGES or LANG (first one set wins) → Japanese; anything else English. */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return value.toLowerCase().startsWith('ja') ? 'ja' : 'en';
  }
  return 'en';
}

export function t(
  key: MessageKey,
  params: Record<string, string | number> = {},
  lang = current,
): string {
  const template = catalogues[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** For the completeness test. */
export function catalogueKeys(lang: Lang): string[] {
  return Object.keys(catalogues[lang]);
}
