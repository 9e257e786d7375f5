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
  // help
  'help.program':
    'Study your own markdown notes in the terminal: spaced repetition, practice exams, statistics.',
  'help.version': 'print the version',
  'help.help': 'show help',
  'help.content':
    'folder of .md notes to study (default: the shipped AWS notes; env AWSQUIZ_CONTENT)',
  'help.lang': 'interface language: ja or en (default from LC_ALL / LC_MESSAGES / LANG)',
  'help.noColor': 'no colours (also NO_COLOR)',
  'help.json': 'print JSON',
  'help.seed': 'seed for reproducible order and options',
  'help.examples':
    'Examples:\n  awsquiz study ec2             learn and review one topic\n  awsquiz exam --random 20      a scored practice exam\n  awsquiz stats                 where do I stand?\n  awsquiz topics                topics with card counts\n  awsquiz --content ~/notes check   lint your own notes\n\nEnvironment: AWSQUIZ_CONTENT (notes folder), AWSQUIZ_DATA_DIR (where progress is kept), NO_COLOR.',
  'help.topics': 'list topics with card, due and new counts',
  'help.topics.examples': 'Examples:\n  awsquiz topics\n  awsquiz topics --json',
  'help.export': 'print the generated questions as JSON, CSV or an Anki import file',
  'help.export.format': 'output format',
  'help.export.topic': 'only these topics (name, prefix or alias)',
  'help.export.examples':
    'Examples:\n  awsquiz export > cards.json\n  awsquiz export --format csv --topic ebs > ebs.csv\n  awsquiz export --format anki > awsquiz.txt   (Anki: File › Import)',
  'help.check':
    'lint the notes: empty sections, duplicate or odd headings, lines that give no card',
  'help.check.examples': 'Examples:\n  awsquiz check\n  awsquiz --content ~/notes check',
  // progress store
  'store.corrupt':
    'progress file {path} could not be read (damaged); it was moved to {aside} and awsquiz starts with empty progress. Your old file is kept there.',
  'store.newer':
    'progress file {path} was written by a newer awsquiz (schema {version}; this one understands {supported}). It was left untouched: upgrade awsquiz (npm install -g awsquiz) to use it.',
  'store.unreadable': 'cannot read progress file {path}: {reason}',
  'store.locked':
    'progress file is locked by another awsquiz ({lock}). If none is running, delete that file and try again.',
  // question stems
  'q.recall': 'Explain: {path}',
  'q.whichHeading': 'Which heading under {parent} does this describe?',
  'q.whichTopic': 'Which topic of your notes does this describe?',
  'q.whichFact': 'Which statement is true of {path}?',
  'q.listChildren': 'Name the sub-topics of {path}.',
  'q.notChild': 'Which of these is NOT a sub-topic of {path}?',
  'q.cloze': 'Fill in the blank ({path}):',
  'q.clozeChoice': 'Which words fill the blank? ({path})',
  'q.term': 'Which term of {path} has this meaning?',
  'q.termTyped': 'Type the term of {path} with this meaning:',
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
  'help.program': '自分のマークダウンのノートをターミナルで学習します: 間隔反復、模擬試験、統計。',
  'help.version': 'バージョンを表示',
  'help.help': 'ヘルプを表示',
  'help.content':
    '学習する .md ノートのフォルダー（既定: 同梱の AWS ノート。環境変数 AWSQUIZ_CONTENT）',
  'help.lang': '表示言語: ja または en（既定は LC_ALL / LC_MESSAGES / LANG から）',
  'help.noColor': '色を付けない（NO_COLOR でも同じ）',
  'help.json': 'JSON で出力',
  'help.seed': '出題順と選択肢を再現するためのシード',
  'help.examples':
    '例:\n  awsquiz study ec2             1つのトピックを学習・復習\n  awsquiz exam --random 20      採点付きの模擬試験\n  awsquiz stats                 学習の進み具合\n  awsquiz topics                トピックとカード枚数\n  awsquiz --content ~/notes check   自分のノートを検査\n\n環境変数: AWSQUIZ_CONTENT（ノートのフォルダー）、AWSQUIZ_DATA_DIR（進捗の保存先）、NO_COLOR',
  'help.topics': 'トピックごとのカード・復習・新規の枚数を表示',
  'help.topics.examples': '例:\n  awsquiz topics\n  awsquiz topics --json',
  'help.export': '生成した問題を JSON・CSV・Anki 取り込み形式で出力',
  'help.export.format': '出力形式',
  'help.export.topic': 'このトピックだけ（名前・先頭部分・別名）',
  'help.export.examples':
    '例:\n  awsquiz export > cards.json\n  awsquiz export --format csv --topic ebs > ebs.csv\n  awsquiz export --format anki > awsquiz.txt   （Anki: ファイル › 読み込む）',
  'help.check': 'ノートを検査: 空の見出し、重複・不正な見出し、問題にならない行',
  'help.check.examples': '例:\n  awsquiz check\n  awsquiz --content ~/notes check',
  'store.corrupt':
    '進捗ファイル {path} が壊れていて読めません。{aside} に移して、空の進捗で始めます（元のファイルはそこに残っています）。',
  'store.newer':
    '進捗ファイル {path} は新しい awsquiz で書かれています（スキーマ {version}、このバージョンは {supported} まで）。ファイルには触れていません。awsquiz を更新してください（npm install -g awsquiz）。',
  'store.unreadable': '進捗ファイル {path} を読めません: {reason}',
  'store.locked':
    '進捗ファイルが別の awsquiz にロックされています（{lock}）。実行中のものがなければ、そのファイルを削除してやり直してください。',
  'q.recall': '説明してください: {path}',
  'q.whichHeading': '「{parent}」の下で、この説明に当てはまる見出しはどれ？',
  'q.whichTopic': 'この説明に当てはまるトピックはどれ？',
  'q.whichFact': '「{path}」について正しいものはどれ？',
  'q.listChildren': '「{path}」の下位項目を挙げてください。',
  'q.notChild': '「{path}」の下位項目でないものはどれ？',
  'q.cloze': '空欄を埋めてください（{path}）:',
  'q.clozeChoice': '空欄に入るものはどれ？（{path}）',
  'q.term': '「{path}」で、この説明に当たる用語はどれ？',
  'q.termTyped': '「{path}」で、この説明に当たる用語を入力してください:',
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

/** `--lang ja|en` on the command line wins over the environment (needed before help is built). */
export function langFromArgv(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value =
      arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value === 'ja' || value === 'en') return value;
  }
  return langFromEnv(env);
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
