/**
 * The message catalogue (ja / en). Every string the interface prints comes from
 * here; the notes themselves are never translated. `{name}` placeholders are
 * filled by t(). A test proves both languages have every key.
 */

import type { MessageRef, UserError } from '../errors.js';

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
  'error.noContent':
    'no markdown notes found in {dir}. Point --content (or AWSQUIZ_CONTENT) at a folder of .md files.',
  'error.contentMissing':
    'notes folder {dir} does not exist. Point --content (or AWSQUIZ_CONTENT) at a folder of .md files.',
  'error.oneTopic': '"{query}" matches several topics ({list}): name one of them.',
  'cli.unknownOption': 'unknown option {option}.',
  'cli.unknownCommand': 'unknown command "{command}".',
  'cli.missingValue': 'option {option} needs a value.',
  'cli.badChoice': 'option {option} does not take "{value}"; use one of {list}.',
  'cli.tooMany': 'too many arguments.',
  'cli.seeHelp': '(see awsquiz --help)',
  'error.bug': 'unexpected error (this is a bug in awsquiz; please report it):',
  // check
  'check.fullwidthHeading':
    'heading written with a full-width space after "#": "{subject}"; expected a normal space (read as a heading anyway)',
  'check.lenientBold':
    'bold span "{subject}" is not bold in CommonMark (punctuation just inside the stars); expected a space or no punctuation there (used as a key term anyway)',
  'check.emptySection': 'section "{subject}" is empty; expected some text or sub-headings under it',
  'check.emptyHeading':
    'heading has no text; expected a name after the #. Its lines count under the section above it',
  'check.duplicateHeading':
    'heading "{subject}" appears twice under the same parent; expected distinct headings (cards are told apart by occurrence)',
  'check.noCardLine':
    'line gives no card: "{subject}"; expected a fact line, a "term：definition", or a key term in `code`/**bold**',
  'check.factNoCard':
    'a fact, but no question is made of it alone: "{subject}"; expected a line that says what only its heading has (a number, a feature) without naming that heading or a sibling (lines above sub-headings are an introduction)',
  'check.readError': 'could not read: {subject}',
  'check.error': 'error',
  'check.warning': 'warning',
  'check.summary': '{files} files, {cards} cards: {errors} errors, {warnings} warnings',
  'check.clean': '{files} files, {cards} cards: no problems found',
  'check.lines': '{facts} of {lines} lines are facts; left out: {left}',
  'check.notAsked': '{n} cards not made, no question can be made of them: {reasons}',
  'check.cardNotAsked': 'not made: {reason}',
  'notAsked.gives-away': 'the notes give the answer away',
  'notAsked.no-question': 'no way to ask it',
  'reason.code': 'code',
  'reason.reference': 'link or URL',
  'reason.example': 'example',
  'reason.caption': 'caption',
  'reason.key-value': 'key: value',
  'reason.fragment': 'fragment',
  'reason.name': 'bare name',
  'reason.no-verb': 'no verb',
  'reason.length': 'too short or long',
  'reason.list-header': 'list header',
  'reason.head': 'head bullet',
  'reason.step': 'procedure step',
  'reason.remark': 'remark on the notes',
  'reason.doubt': 'question or doubt',
  'reason.retired': 'retired AWS service',
  'reason.corrected': 'taken back by a later correction',
  'check.retiredService': 'mentions {name}, retired in {year}; today: {today}',
  'check.closedService': 'mentions {name}, closed to new customers in {year}; today: {today}',
  'check.renamedService': 'mentions {name}, renamed in {year}; today: {today}',
  'check.notText':
    'not UTF-8 text (the first byte that is not is on line {subject}); expected UTF-8 text: save the file as UTF-8 (no cards are made from it until then)',
  'check.emptyFile': 'file is empty; expected notes: headings with fact lines under them',
  'check.noCards':
    'file gives no cards; expected headings with fact lines, "term：definition" lines or key terms in `code`/**bold** under them',
  'check.sameSection':
    'section "{subject}" is also in {other}; expected each heading path once across files (cards are told apart by occurrence)',
  'check.skipped':
    'warning: skipped {list}: not readable as UTF-8 text, so no cards come from it; save notes as UTF-8 (awsquiz check shows where)',
  'check.outsideLink':
    'link leads out of the notes folder (to {subject}); not followed. Copy those notes in, or point --content at a folder that holds them',
  'warn.outsideLink':
    '{at}: link leads out of the notes folder (to {subject}); not followed. Copy those notes in, or point --content at a folder that holds them',
  'check.tooManyFiles':
    'more than {subject} note files: the rest were not read. Point --content at a smaller folder',
  'warn.tooManyFiles':
    '{at}: more than {subject} note files: the rest were not read. Point --content at a smaller folder',
  'check.tooLarge':
    'note longer than {subject} MB: read up to here, the rest left out. Split it into several files',
  'warn.tooLarge':
    '{at}: note longer than {subject} MB: read up to here, the rest left out. Split it into several files',
  'check.tooManyHeadings':
    'note with more than {subject} headings: read up to here, the rest left out. Split it into several files',
  'warn.tooManyHeadings':
    '{at}: note with more than {subject} headings: read up to here, the rest left out. Split it into several files',
  'check.tooDeep':
    'more than {subject} quotes or lists nested on one line: the deeper ones are read as text',
  'warn.tooDeep':
    '{at}: more than {subject} quotes or lists nested on one line: the deeper ones are read as text',
  'check.tooManyMarks':
    'more than {subject} of [ ] * _ in one paragraph: from here they are read as plain characters, not links or emphasis',
  'warn.tooManyMarks':
    '{at}: more than {subject} of [ ] * _ in one paragraph: from here they are read as plain characters, not links or emphasis',
  'notes.parsing': 'awsquiz: reading notes… {done}/{total} files',
  'notes.parsingShort': 'notes {done}/{total}',
  'error.emptyContent':
    '--content is empty. Point it at a folder of .md files, or leave it out to use the shipped notes.',
  // topics / export
  'topics.header.name': 'topic',
  'topics.header.cards': 'cards',
  'topics.header.due': 'due now',
  'topics.header.new': 'new',
  'topics.total': 'total',
  // help
  'help.program':
    'Study your own markdown notes in the terminal: spaced repetition, practice exams, statistics.',
  'help.version': 'print the version',
  'help.title.usage': 'Usage:',
  'help.title.options': 'Options:',
  'help.title.commands': 'Commands:',
  'help.title.arguments': 'Arguments:',
  'help.title.globalOptions': 'Global options:',
  'help.choices': 'one of: {list}',
  'help.default': 'default: {value}',
  'help.help': 'show help',
  'help.helpCommand': 'show help for a command',
  'help.content':
    'folder of .md notes to study (default: the shipped AWS notes; env AWSQUIZ_CONTENT)',
  'help.lang': 'interface language, by default from LC_ALL / LC_MESSAGES / LANG',
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
  'help.check.cards': 'also list every card with its file:line',
  'help.check.examples':
    'Examples:\n  awsquiz check\n  awsquiz check --cards\n  awsquiz --content ~/notes check',
  // progress store
  'store.corrupt':
    'progress file {path} could not be read (damaged); it was moved to {aside} and awsquiz starts with empty progress. Your old file is kept there.',
  'store.newer':
    'progress file {path} was written by a newer awsquiz (schema {version}; this one understands {supported}). It was left untouched: upgrade awsquiz (npm install -g awsquiz) to use it.',
  'store.unreadable': 'cannot read progress file {path}: {reason}',
  'store.damaged':
    'progress file {path} had {n} damaged entr{ies:n}; awsquiz left them out and goes on with the rest of your progress. The file as it was is kept at {aside}.',
  'store.unwritable':
    'cannot save progress in {dir}: {reason}. Make that folder writable, or set AWSQUIZ_DATA_DIR to a folder that is.',
  'store.locked':
    'progress file is locked by another awsquiz ({lock}). If none is running, delete that file and try again.',
  'store.notFile':
    'progress file {path} is not a regular file (a folder, a pipe or a device?). Move it away, or set AWSQUIZ_DATA_DIR to another folder.',
  'store.saveFailed':
    'could not save: {reason}; your earlier progress is intact in {path}. Free some space and start again.',
  'store.reason.full': 'disk full',
  'store.reason.quota': 'disk quota exceeded',
  'store.reason.tooBig': 'file size limit reached (ulimit -f)',
  'store.reason.readOnly': 'the file system is read-only',
  'store.reason.denied': 'permission denied',
  'store.salvaged':
    'progress file {path} was cut short (damaged); awsquiz kept what was readable before the cut: {cards} card states and {answers} answers. The damaged file was moved to {aside}.',
  'store.fromBackup':
    'progress file {path} could not be read (damaged); awsquiz went back to the previous save ({cards} card states, {answers} answers). The damaged file was moved to {aside}.',
  // prompts
  'prompt.keys.move': '↑↓ move',
  'prompt.moreAbove': '↑ {n} line{s:n} above',
  'prompt.keys.page': 'Space / PgUp scroll',
  'prompt.moreBelow': '↓ {n} line{s:n} below',
  'prompt.keys.moveNumbers': '↑↓ or 1–{last} move',
  'prompt.keys.answer': 'Enter answer',
  'prompt.keys.choose': 'Enter choose (Submit is first)',
  'prompt.keys.flag': 'f flag for review',
  'prompt.keys.unflag': 'f remove flag',
  'prompt.keys.back': 'b back',
  'prompt.keys.suspend': 'x suspend',
  'prompt.keys.edit': 'e edit note',
  'prompt.keys.undo': 'u undo last',
  'prompt.keys.grade': '←→ or 1–4 choose · Enter confirm',
  'prompt.flagged': 'flagged for review',
  'prompt.wentBack': 'back to the previous question',
  'prompt.timeUp': "time's up: not answered",
  'prompt.reveal': 'Think of the answer, then press Enter to see it.',
  'prompt.answerWas': 'Answer:',
  'prompt.yourAnswer': "Your answer (Enter alone: I don't know):",
  'prompt.howWell': 'How well did you know it?',
  'prompt.yes': 'Yes',
  'prompt.no': 'No',
  'grade.again': 'Again',
  'grade.hard': 'Hard',
  'grade.good': 'Good',
  'grade.easy': 'Easy',
  'exam.review.submit': 'Submit the exam',
  'exam.review.flagged': 'flagged',
  'exam.review.unanswered': 'unanswered',
  'exam.review.goto': 'Question {n}',
  // study and review
  'error.needsTty':
    '"awsquiz {command}" needs an interactive terminal (stdin and stdout must be a TTY). Run it in a terminal; to look at your progress without one, use "awsquiz stats" or "awsquiz topics".',
  'study.start': 'Studying {topics}: {due} due, {fresh} new.',
  'study.header.card': 'card {n}/{total}',
  'study.allTopics': 'all topics',
  'study.header.left': 'left: {due} due, {fresh} new',
  'study.header.again': 'again',
  'study.suspended': 'Suspended: not asked again until brought back (awsquiz suspended).',
  'study.undone': 'Last answer taken back: here it is again.',
  'study.undoGone': 'The last answer was no longer in the progress file: nothing taken back.',
  'study.edit.none':
    'No editor: set VISUAL or EDITOR (e.g. export EDITOR=nano). The card is at {file}:{line}.',
  'study.edit.failed':
    'Could not start the editor {editor} ({reason}). The card is at {file}:{line}.',
  'study.edit.reloaded': 'Notes read again.',
  'study.edit.changed': 'That card is gone with the edit.',
  'suspended.none': 'No suspended cards.',
  'suspended.title': 'Suspended cards: {n}',
  'suspended.gone': '(no longer in the notes)',
  'suspended.howTo': 'Bring one back: {one}\nBring all back: {all}',
  'suspended.back': 'Brought back: {n}.',
  'suspended.unknown': 'no suspended card "{id}" (see awsquiz suspended).',
  'suspended.conflict': 'give --unsuspend <id> or --all, not both.',
  'study.correct': 'Correct',
  'study.correctTypo': 'Correct (small typo forgiven)',
  'study.wrong': 'Wrong (you answered: {given})',
  'study.wrongShort': 'Wrong',
  'study.noAnswer': "I don't know",
  'study.answerWas': 'Answer: {answer}',
  'study.nextReview': 'next review {when}',
  'study.summary.title': 'Session summary',
  'study.summary.answered': 'Answered {answered}, right {correct} ({percent}%)',
  'study.summary.learned': 'New cards seen: {n}',
  'study.summary.next': 'Next card due {when}.',
  'study.summary.dueNow': 'More cards are due now.',
  'study.nothing': 'Nothing to study right now.',
  'study.noCards':
    'These notes give no cards to study. Add headings with fact lines under them (see awsquiz check).',
  'study.newLimitReached':
    "You have seen {seen} new cards today, and today's limit is {n}. For more, raise the day's total, e.g. {command}",
  'review.start': 'Reviewing {due} due card{s:due}.',
  'review.nothingDue': 'Nothing is due. Next review {when}.',
  'review.nothingYet': 'Nothing to review yet. Start with: {command}',
  'time.now': 'now',
  'time.minutes': 'in {n} min',
  'time.hours': 'in {n} h',
  'time.days': 'in {n} days',
  'time.day': 'in 1 day',
  // reset
  'reset.everything': 'all topics',
  'reset.needsYes':
    'reset asks before it forgets anything, and there is no terminal to ask in. Add --yes to reset without asking.',
  'reset.confirm': 'Forget all progress of {what}? This cannot be undone.',
  'reset.kept': 'Nothing was changed.',
  'reset.done': 'Progress of {what} was reset.',
  // stats
  'stats.title': 'Progress',
  'stats.col.topic': 'topic',
  'stats.col.section': 'section',
  'stats.col.progress': 'progress',
  'stats.col.cards': 'cards',
  'stats.col.due': 'today',
  'stats.col.dueToday': 'due today',
  'stats.col.accuracy': 'right',
  'stats.total': 'total',
  'stats.legend.mature': 'mature',
  'stats.legend.learning': 'learning',
  'stats.legend.new': 'new',
  'stats.reviews': 'Reviews: today {today} · this week {week} · all {all}',
  'stats.streak': 'Streak: {n} day{s:n} (longest {longest})',
  'stats.forecast.title': 'Due in the next 14 days',
  'stats.forecast.today': 'today',
  'stats.forecast.inDays': '+{n}d',
  'stats.forecast.counts': 'today {today} · next 7 days {week} · busiest day {max}',
  'stats.heatmap.title': 'Activity, last {weeks} weeks',
  'stats.heatmap.days': 'Mon,Tue,Wed,Thu,Fri,Sat,Sun',
  'stats.heatmap.less': 'less',
  'stats.heatmap.more': 'more',
  'stats.exams.title': 'Exams',
  'stats.exams.none': 'No exams yet: {command}',
  'stats.exams.topics': '{n} topics',
  'stats.exams.trend': 'trend',
  'stats.weakest.title': 'Weakest cards (study these next)',
  'stats.weakest.facts': 'missed {misses}× in 30 days · recall odds now {recall}%',
  'stats.weakest.unstudied': 'missed {misses}× in 30 days · unstudied',
  'stats.empty': 'No progress yet. Start with: {command}',
  'exam.pass': 'PASS',
  'exam.fail': 'FAIL',
  'help.topicArg': 'topics to study (name, prefix or alias; none: all)',
  'help.study': 'learn and review: due cards first, then new ones (spaced repetition)',
  'help.study.new':
    'new cards allowed today, counting those already seen (default 20; 0 = only reviews)',
  'help.study.limit': 'stop after this many questions',
  'help.study.retention': 'desired retention for scheduling, 0.7–0.97 (default 0.9)',
  'help.study.order': 'new cards: mixed (topics in turn, default) or notes (note order)',
  'help.study.examples':
    'Examples:\n  awsquiz study ec2\n  awsquiz study ebs lambda --limit 20\n  awsquiz study --new 0          reviews only\n\nKeys:\n  ↑↓ or 1–9  move; Enter answers\n  Enter      empty answer: "I don\'t know"\n  1–4, ←→    grade a recall card\n  x          suspend the card\n  e          edit its note at its line\n  u          undo the last answer\n  :x :e :u   the same, in a typed answer\n  Ctrl+C     end (answers are saved)',
  'help.suspended': 'list suspended cards; bring them back',
  'help.suspended.unsuspend': 'bring back this card (its id, from the list)',
  'help.suspended.all': 'bring back every suspended card',
  'help.suspended.examples':
    'Examples:\n  awsquiz suspended\n  awsquiz suspended --json\n  awsquiz suspended --unsuspend <id>\n  awsquiz suspended --all\n\nSuspend a card with x while studying.',
  'help.review': 'review every card that is due, across all topics',
  'help.review.examples': 'Examples:\n  awsquiz review\n  awsquiz review --limit 30',
  'help.stats': 'progress per topic, reviews, streak, forecast, activity, exams, weakest cards',
  'help.stats.topic': 'these topics in detail, section by section',
  'help.stats.examples':
    'Examples:\n  awsquiz stats\n  awsquiz stats ec2 ebs\n  awsquiz stats --topic ec2 --json',
  'help.reset': 'forget progress (asks first)',
  'help.reset.topic': 'only these topics',
  'help.reset.yes': 'do not ask',
  'help.reset.examples': 'Examples:\n  awsquiz reset --topic ec2\n  awsquiz reset --yes',
  // exam
  'exam.noQuestions':
    'These notes give no multiple-choice questions for an exam. Add more headings and facts (see awsquiz check).',
  'exam.fewer': 'You asked for {asked} questions; these topics give {n}, so the exam uses all {n}.',
  'exam.start': 'Practice exam: {n} questions, pass mark {pass}%. No feedback until the end.',
  'exam.keys':
    '↑↓ choose · Enter answer · f flag for review · b back · after the last question: review, then submit',
  'exam.header': 'Question {n}/{total} · answered {answered} · flagged {flagged}',
  'exam.review.message':
    'Review: {answered}/{total} answered, {flagged} flagged. Submit, or go back to a question:',
  'exam.abandoned': 'Exam abandoned, not scored. Nothing was saved.',
  'exam.studyMissed': 'Study the {n} missed card{s:n} now?',
  'exam.results.title': 'Exam results',
  'exam.results.score': 'Score {score}/{total} ({percent}%)',
  'exam.results.passMark': 'pass mark {pass}%',
  'exam.results.time': 'Time {time} {limit}',
  'exam.results.limit': '(limit {limit})',
  'exam.results.timedOut': "Time's up: unanswered questions count as wrong ({n}).",
  'exam.results.unanswered': 'Unanswered questions count as wrong ({n}).',
  'exam.results.byTopic': 'By topic (weakest first)',
  'exam.results.right': 'right',
  'exam.results.total': 'questions',
  'exam.results.wrong': 'Wrong answers ({n})',
  'exam.results.notAnswered': '(not answered)',
  'exam.results.yours': '✗ Your answer: {answer}',
  'exam.results.correct': '✓ Right answer: {answer}',
  'help.exam': 'a scored practice exam: multiple choice, results at the end',
  'help.exam.random': 'number of questions (default 20)',
  'help.exam.time': 'time limit in minutes; unanswered questions count as wrong',
  'help.exam.pass': 'pass mark in percent (default 72, like 720/1000)',
  'help.exam.topic': 'only these topics',
  'help.exam.examples':
    'Examples:\n  awsquiz exam --random 20\n  awsquiz exam ec2 ebs --random 30 --time 45\n  awsquiz exam --random 10 --seed 7      the same exam again\n\nKeys: ↑↓ and Enter answer · f flags a question for review · b goes back · Ctrl+C abandons (not scored).',
  // question stems
  'q.recall': 'Explain: {path}',
  'q.recallPoints': 'Explain ({n} points): {path}',
  'q.completeFact': 'Complete this line of {path}:',
  'q.whichHeading': 'Which heading under {parent} does this describe?',
  'q.whichTopic': 'Which topic of your notes does this describe?',
  'q.whichHeadingAny': 'Which heading of your notes does this describe?',
  'q.whichFact': 'Which statement is true of {path}?',
  'q.listChildren': 'The notes list {n} under {path}: name them.',
  'q.notChild': 'Which of these is NOT a sub-topic of {path}?',
  'q.whichFits': 'Which of these under {parent} fits this description?',
  'q.whichFitsAny': 'Which of these fits this description?',
  'q.notMember': 'Which of these is NOT one of the {n} the notes list under {path}?',
  'feedback.origin': 'What you chose is about {heading}: {line}',
  'feedback.originHeading': 'What you chose belongs to {heading}.',
  'q.cloze': 'Fill in the blank ({path}):',
  'q.clozeChoice': 'Which words fill the blank? ({path})',
  'q.term': 'Which term of {path} has this meaning?',
  'q.termTyped': 'Type the term of {path} with this meaning:',
  'q.clozeBare': 'Fill in the blank:',
  'q.clozeChoiceBare': 'Which words fill the blank?',
  'q.termBare': 'Which term has this meaning?',
  'q.qa': 'Your notes ask ({path}):',
  'q.qaBare': 'Your notes ask:',
  'q.termTypedBare': 'Type the term with this meaning:',
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
  'error.noContent':
    '{dir} にマークダウンのノートがありません。--content（または AWSQUIZ_CONTENT）で .md ファイルのフォルダーを指定してください。',
  'error.contentMissing':
    'ノートのフォルダー {dir} がありません。--content（または AWSQUIZ_CONTENT）で .md ファイルのフォルダーを指定してください。',
  'error.oneTopic':
    '「{query}」は複数のトピック（{list}）に当てはまります。1つを指定してください。',
  'cli.unknownOption': '不明なオプション {option} です。',
  'cli.unknownCommand': '不明なコマンド「{command}」です。',
  'cli.missingValue': 'オプション {option} には値が必要です。',
  'cli.badChoice':
    'オプション {option} に「{value}」は使えません。{list} のいずれかを指定してください。',
  'cli.tooMany': '引数が多すぎます。',
  'cli.seeHelp': '（awsquiz --help を参照）',
  'error.bug': '予期しないエラーです（awsquiz の不具合です。報告してください）:',
  'check.fullwidthHeading':
    '見出しの「#」の後が全角スペースです:「{subject}」。半角スペースにしてください（見出しとして読み込みます）',
  'check.lenientBold':
    '太字「{subject}」は CommonMark では太字になりません（記号が ** のすぐ内側にあります）。前後に空白を入れるか記号を外してください（キーワードとして扱います）',
  'check.emptySection': '見出し「{subject}」の下が空です。本文か小見出しを書いてください',
  'check.emptyHeading':
    '見出しに文字がありません。# の後に名前を書いてください。その下の行は直前の見出しに含めます',
  'check.duplicateHeading':
    '見出し「{subject}」が同じ親の下に2回あります。別の見出しにしてください（出現順で区別します）',
  'check.noCardLine':
    'この行からは問題を作れません:「{subject}」。事実の一文、「用語：説明」、`コード` や **太字** のキーワードを書いてください',
  'check.factNoCard':
    '事実ですが、この行だけでは問題を作れません:「{subject}」。見出しや隣の見出しの名前を出さずに、その見出しだけの特徴（数値や機能）を書いてください（下位の見出しより前の行は導入として扱います）',
  'check.readError': '読めませんでした: {subject}',
  'check.error': 'エラー',
  'check.warning': '警告',
  'check.summary': '{files} ファイル、{cards} 枚: エラー {errors} 件、警告 {warnings} 件',
  'check.clean': '{files} ファイル、{cards} 枚: 問題は見つかりませんでした',
  'check.lines': '{lines} 行のうち事実 {facts} 行。除外: {left}',
  'check.notAsked': '問題にできないため作らなかったカード {n} 枚: {reasons}',
  'check.cardNotAsked': '作らなかった: {reason}',
  'notAsked.gives-away': '問題文が答えを明かす',
  'notAsked.no-question': '出題できる形がない',
  'reason.code': 'コード',
  'reason.reference': 'リンク・URL',
  'reason.example': '例',
  'reason.caption': 'キャプション',
  'reason.key-value': 'キー: 値',
  'reason.fragment': '途中で切れた行',
  'reason.name': '名前だけ',
  'reason.no-verb': '述語なし',
  'reason.length': '短すぎ・長すぎ',
  'reason.list-header': 'リストの見出し',
  'reason.head': '見出しの箇条書き',
  'reason.step': '手順の一段',
  'reason.remark': 'ノートについてのメモ',
  'reason.doubt': '疑問・未確認',
  'reason.retired': '提供終了した AWS サービス',
  'reason.corrected': '後の訂正で取り消し',
  'check.retiredService': '{name} に触れています。{year} 年に提供終了しました。現在は {today}',
  'check.closedService':
    '{name} に触れています。{year} 年に新規の受付を終了しました。現在は {today}',
  'check.renamedService': '{name} に触れています。{year} 年に名前が変わりました。現在は {today}',
  'check.notText':
    'UTF-8 のテキストではありません（最初のおかしなバイトは {subject} 行目）。ファイルを UTF-8 で保存してください（それまでこのファイルからはカードを作りません）',
  'check.emptyFile': 'ファイルが空です。見出しとその下の本文を書いてください',
  'check.noCards':
    'このファイルからはカードが1枚もできません。見出しの下に本文、「用語：説明」の行、`code`/**太字**の用語を書いてください',
  'check.sameSection':
    '見出し「{subject}」は {other} にもあります。ファイルをまたいでも同じ見出しの並びは1回にしてください（カードは出現順で区別します）',
  'check.skipped':
    '警告: {list} は UTF-8 のテキストとして読めないため飛ばしました（カードを作りません）。UTF-8 で保存してください（場所は awsquiz check で分かります）',
  'check.outsideLink':
    'リンクがノートのフォルダーの外（{subject}）を指しているため、たどりません。そのノートをフォルダー内にコピーするか、--content でそれを含むフォルダーを指定してください',
  'warn.outsideLink':
    '{at}: リンクがノートのフォルダーの外（{subject}）を指しているため、たどりません。そのノートをフォルダー内にコピーするか、--content でそれを含むフォルダーを指定してください',
  'check.tooManyFiles':
    'ノートのファイルが {subject} 個を超えています。残りは読んでいません。--content でもっと小さいフォルダーを指定してください',
  'warn.tooManyFiles':
    '{at}: ノートのファイルが {subject} 個を超えています。残りは読んでいません。--content でもっと小さいフォルダーを指定してください',
  'check.tooLarge':
    'ノートが {subject} MB を超えています。ここまで読み、残りは読んでいません。いくつかのファイルに分けてください',
  'warn.tooLarge':
    '{at}: ノートが {subject} MB を超えています。ここまで読み、残りは読んでいません。いくつかのファイルに分けてください',
  'check.tooManyHeadings':
    'ノートの見出しが {subject} 個を超えています。ここまで読み、残りは読んでいません。いくつかのファイルに分けてください',
  'warn.tooManyHeadings':
    '{at}: ノートの見出しが {subject} 個を超えています。ここまで読み、残りは読んでいません。いくつかのファイルに分けてください',
  'check.tooDeep':
    '1 行で {subject} 段を超える引用やリストの入れ子があります。それより深い部分は本文として読みます',
  'warn.tooDeep':
    '{at}: 1 行で {subject} 段を超える引用やリストの入れ子があります。それより深い部分は本文として読みます',
  'check.tooManyMarks':
    '1 つの段落に [ ] * _ が {subject} 個を超えてあります。ここからはリンクや強調ではなくただの文字として読みます',
  'warn.tooManyMarks':
    '{at}: 1 つの段落に [ ] * _ が {subject} 個を超えてあります。ここからはリンクや強調ではなくただの文字として読みます',
  'notes.parsing': 'awsquiz: ノートを読んでいます… {done}/{total} ファイル',
  'notes.parsingShort': 'ノート {done}/{total}',
  'error.emptyContent':
    '--content が空です。.md ファイルのフォルダーを指定するか、同梱のノートを使うなら --content を付けないでください。',
  'topics.header.name': 'トピック',
  'topics.header.cards': 'カード',
  'topics.header.due': '今すぐ',
  'topics.header.new': '新規',
  'topics.total': '合計',
  'help.program': '自分のマークダウンのノートをターミナルで学習します: 間隔反復、模擬試験、統計。',
  'help.version': 'バージョンを表示',
  'help.title.usage': '使い方:',
  'help.title.options': 'オプション:',
  'help.title.commands': 'コマンド:',
  'help.title.arguments': '引数:',
  'help.title.globalOptions': '共通オプション:',
  'help.choices': '選択肢: {list}',
  'help.default': '既定: {value}',
  'help.help': 'ヘルプを表示',
  'help.helpCommand': 'コマンドのヘルプを表示',
  'help.content':
    '学習する .md ノートのフォルダー（既定: 同梱の AWS ノート。環境変数 AWSQUIZ_CONTENT）',
  'help.lang': '表示言語。既定は LC_ALL / LC_MESSAGES / LANG から',
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
  'help.check.cards': 'すべてのカードを file:line 付きで一覧',
  'help.check.examples':
    '例:\n  awsquiz check\n  awsquiz check --cards\n  awsquiz --content ~/notes check',
  'store.corrupt':
    '進捗ファイル {path} が壊れていて読めません。{aside} に移して、空の進捗で始めます（元のファイルはそこに残っています）。',
  'store.newer':
    '進捗ファイル {path} は新しい awsquiz で書かれています（スキーマ {version}、このバージョンは {supported} まで）。ファイルには触れていません。awsquiz を更新してください（npm install -g awsquiz）。',
  'store.unreadable': '進捗ファイル {path} を読めません: {reason}',
  'store.damaged':
    '進捗ファイル {path} に壊れた項目が {n} 件ありました。それらを除き、残りの進捗で続けます。元のファイルは {aside} に保存しました。',
  'store.unwritable':
    '進捗を {dir} に保存できません: {reason}。そのフォルダーを書き込み可能にするか、AWSQUIZ_DATA_DIR に書き込めるフォルダーを指定してください。',
  'store.locked':
    '進捗ファイルが別の awsquiz にロックされています（{lock}）。実行中のものがなければ、そのファイルを削除してやり直してください。',
  'store.notFile':
    '進捗ファイル {path} が通常のファイルではありません（フォルダー・パイプ・デバイス?）。別の場所へ移すか、AWSQUIZ_DATA_DIR に別のフォルダーを指定してください。',
  'store.saveFailed':
    '保存できませんでした: {reason}。それまでの進捗は {path} に無事に残っています。空き容量を作ってからやり直してください。',
  'store.reason.full': 'ディスクがいっぱいです',
  'store.reason.quota': 'ディスク容量の割り当てを超えました',
  'store.reason.tooBig': 'ファイルサイズの上限に達しました（ulimit -f）',
  'store.reason.readOnly': 'ファイルシステムが読み取り専用です',
  'store.reason.denied': '書き込みが許可されていません',
  'store.salvaged':
    '進捗ファイル {path} が途中で切れていました（破損）。切れる前の部分を読み取り、カードの状態 {cards} 件と回答 {answers} 件を残しました。破損したファイルは {aside} に移しました。',
  'store.fromBackup':
    '進捗ファイル {path} が壊れていて読めません。前回の保存（カードの状態 {cards} 件、回答 {answers} 件）に戻しました。破損したファイルは {aside} に移しました。',
  'prompt.keys.move': '↑↓ 移動',
  'prompt.moreAbove': '↑ 上に {n} 行',
  'prompt.keys.page': 'Space / PgUp でスクロール',
  'prompt.moreBelow': '↓ 下に {n} 行',
  'prompt.keys.moveNumbers': '↑↓・1–{last} 移動',
  'prompt.keys.answer': 'Enter 回答',
  'prompt.keys.choose': 'Enter 決定（先頭が「提出」）',
  'prompt.keys.flag': 'f 見直しマーク',
  'prompt.keys.unflag': 'f マークを外す',
  'prompt.keys.back': 'b 前へ',
  'prompt.keys.suspend': 'x 保留',
  'prompt.keys.edit': 'e ノートを編集',
  'prompt.keys.undo': 'u 直前を取消',
  'prompt.keys.grade': '←→ か 1–4 で選択 · Enter で決定',
  'prompt.flagged': '見直しマーク付き',
  'prompt.wentBack': '前の問題に戻りました',
  'prompt.timeUp': '時間切れ: 未回答',
  'prompt.reveal': '答えを思い浮かべてから Enter で表示します。',
  'prompt.answerWas': '答え:',
  'prompt.yourAnswer': 'あなたの答え（空のまま Enter で「わからない」）:',
  'prompt.howWell': 'どのくらい覚えていましたか？',
  'prompt.yes': 'はい',
  'prompt.no': 'いいえ',
  'grade.again': 'もう一度',
  'grade.hard': '難しい',
  'grade.good': '普通',
  'grade.easy': '簡単',
  'exam.review.submit': '試験を提出する',
  'exam.review.flagged': 'マーク付き',
  'exam.review.unanswered': '未回答',
  'exam.review.goto': '問 {n}',
  'error.needsTty':
    '「awsquiz {command}」は対話できる端末が必要です（標準入力と標準出力が TTY であること）。端末で実行してください。端末なしで進み具合を見るには「awsquiz stats」か「awsquiz topics」を使ってください。',
  'study.start': '{topics}を学習します: 復習 {due} 枚、新規 {fresh} 枚。',
  'study.header.card': 'カード {n}/{total}',
  'study.allTopics': 'すべてのトピック',
  'study.header.left': '残り 復習 {due}・新規 {fresh}',
  'study.header.again': 'もう一度',
  'study.suspended': '保留しました。戻すまで出題しません（awsquiz suspended）。',
  'study.undone': '直前の回答を取り消しました。もう一度どうぞ。',
  'study.undoGone': '直前の回答が進捗ファイルにありません。取り消していません。',
  'study.edit.none':
    'エディタがありません。VISUAL か EDITOR を設定してください（例: export EDITOR=nano）。カードの場所: {file}:{line}',
  'study.edit.failed':
    'エディタ {editor} を起動できませんでした（{reason}）。カードの場所: {file}:{line}',
  'study.edit.reloaded': 'ノートを読み直しました。',
  'study.edit.changed': 'このカードは編集でなくなりました。',
  'suspended.none': '保留中のカードはありません。',
  'suspended.title': '保留中のカード: {n} 枚',
  'suspended.gone': '（ノートにもうありません）',
  'suspended.howTo': '1 枚戻す: {one}\nすべて戻す: {all}',
  'suspended.back': '{n} 枚を戻しました。',
  'suspended.unknown': '保留中のカード "{id}" はありません（awsquiz suspended で一覧）。',
  'suspended.conflict': '--unsuspend <id> と --all はどちらか一方を指定してください。',
  'study.correct': '正解',
  'study.correctTypo': '正解（小さな打ち間違いは許容）',
  'study.wrong': '不正解（あなたの答え: {given}）',
  'study.wrongShort': '不正解',
  'study.noAnswer': 'わからない',
  'study.answerWas': '正解: {answer}',
  'study.nextReview': '次の復習: {when}',
  'study.summary.title': '今回のまとめ',
  'study.summary.answered': '回答 {answered} 問、正解 {correct} 問（{percent}%）',
  'study.summary.learned': '初めて学習したカード: {n} 枚',
  'study.summary.next': '次の復習は {when}。',
  'study.summary.dueNow': 'ほかにも今すぐ復習できるカードがあります。',
  'study.nothing': 'いま学習するカードはありません。',
  'study.noCards':
    'このノートからは学習カードを作れません。見出しとその下に事実の行を書いてください（awsquiz check を参照）。',
  'study.newLimitReached':
    '今日は新規カードを {seen} 枚学習し、今日の上限 {n} 枚に達しました。さらに学ぶには 1 日の合計を増やしてください。例: {command}',
  'review.start': '復習するカード: {due} 枚',
  'review.nothingDue': '復習するカードはありません。次の復習は {when}。',
  'review.nothingYet': 'まだ復習するカードはありません。まずは: {command}',
  'time.now': '今すぐ',
  'time.minutes': '{n} 分後',
  'time.hours': '{n} 時間後',
  'time.days': '{n} 日後',
  'time.day': '1 日後',
  'reset.everything': 'すべてのトピック',
  'reset.needsYes':
    'reset は消す前に確認しますが、確認できる端末がありません。確認なしでリセットするには --yes を付けてください。',
  'reset.confirm': '{what} の進捗をすべて消しますか？元に戻せません。',
  'reset.kept': '何も変更していません。',
  'reset.done': '{what} の進捗をリセットしました。',
  'stats.title': '進み具合',
  'stats.col.topic': 'トピック',
  'stats.col.section': '見出し',
  'stats.col.progress': '進捗',
  'stats.col.cards': 'カード',
  'stats.col.due': '今日',
  'stats.col.dueToday': '今日の期限',
  'stats.col.accuracy': '正答率',
  'stats.total': '合計',
  'stats.legend.mature': '定着',
  'stats.legend.learning': '学習中',
  'stats.legend.new': '未学習',
  'stats.reviews': '回答数: 今日 {today} · 今週 {week} · 全体 {all}',
  'stats.streak': '連続学習: {n} 日（最長 {longest} 日）',
  'stats.forecast.title': '今後14日間の復習予定',
  'stats.forecast.today': '今日',
  'stats.forecast.inDays': '{n}日後',
  'stats.forecast.counts': '今日 {today} · 7日間 {week} · 最多の日 {max}',
  'stats.heatmap.title': '学習の記録（直近 {weeks} 週）',
  'stats.heatmap.days': '月,火,水,木,金,土,日',
  'stats.heatmap.less': '少',
  'stats.heatmap.more': '多',
  'stats.exams.title': '模擬試験',
  'stats.exams.none': 'まだ受けていません: {command}',
  'stats.exams.topics': '{n} トピック',
  'stats.exams.trend': '推移',
  'stats.weakest.title': '苦手なカード（次に学習するところ）',
  'stats.weakest.facts': '30日間のミス {misses} 回 · 現在の想起率 {recall}%',
  'stats.weakest.unstudied': '30日間のミス {misses} 回 · 未学習',
  'stats.empty': 'まだ学習の記録がありません。まずは: {command}',
  'exam.pass': '合格',
  'exam.fail': '不合格',
  'help.topicArg': '学習するトピック（名前・先頭部分・別名。省略ですべて）',
  'help.study': '学習と復習: 復習カードを先に、次に新しいカード（間隔反復）',
  'help.study.new': '今日の新規カードの上限（今日すでに学んだ分を含む。既定 20。0 で復習のみ）',
  'help.study.limit': 'この問題数で終える',
  'help.study.retention': 'スケジュールの目標記憶率 0.7〜0.97（既定 0.9）',
  'help.study.order': '新規カードの順: mixed（トピックを交互に。既定）か notes（ノート順）',
  'help.study.examples':
    '例:\n  awsquiz study ec2\n  awsquiz study ebs lambda --limit 20\n  awsquiz study --new 0          復習のみ\n\nキー:\n  ↑↓・1–9   移動。Enter で回答\n  Enter     空欄なら「わからない」\n  1–4・←→   想起カードの自己評価\n  x         カードを保留\n  e         その行でノートを編集\n  u         直前の回答を取消\n  :x :e :u  入力式の問題ではこう入力\n  Ctrl+C    終了（回答は保存済み）',
  'help.suspended': '保留中のカードの一覧と、元に戻す',
  'help.suspended.unsuspend': 'このカードを戻す（一覧の ID）',
  'help.suspended.all': '保留中のカードをすべて戻す',
  'help.suspended.examples':
    '例:\n  awsquiz suspended\n  awsquiz suspended --json\n  awsquiz suspended --unsuspend <id>\n  awsquiz suspended --all\n\n学習中に x でカードを保留できます。',
  'help.review': '期限が来たカードをすべてのトピックから復習',
  'help.review.examples': '例:\n  awsquiz review\n  awsquiz review --limit 30',
  'help.stats': 'トピックごとの進捗、回答数、連続日数、予定、記録、模擬試験、苦手なカード',
  'help.stats.topic': 'このトピックを見出しごとに詳しく',
  'help.stats.examples':
    '例:\n  awsquiz stats\n  awsquiz stats ec2 ebs\n  awsquiz stats --topic ec2 --json',
  'help.reset': '進捗を消す（先に確認します）',
  'help.reset.topic': 'このトピックだけ',
  'help.reset.yes': '確認しない',
  'help.reset.examples': '例:\n  awsquiz reset --topic ec2\n  awsquiz reset --yes',
  'exam.noQuestions':
    'このノートからは試験用の選択問題を作れません。見出しと事実を増やしてください（awsquiz check を参照）。',
  'exam.fewer':
    '{asked} 問を指定しましたが、このトピックからは {n} 問までなので、{n} 問すべてを出題します。',
  'exam.start': '模擬試験: {n} 問、合格ライン {pass}%。採点は最後にまとめて行います。',
  'exam.keys': '↑↓ 選択 · Enter 回答 · f 見直しマーク · b 前へ · 最後の問題のあと: 見直しして提出',
  'exam.header': '問 {n}/{total} · 回答済み {answered} · マーク {flagged}',
  'exam.review.message':
    '見直し: {total} 問中 {answered} 問回答、マーク {flagged} 問。提出するか、問題に戻ってください:',
  'exam.abandoned': '試験を中断しました。採点していません。何も保存していません。',
  'exam.studyMissed': '間違えた {n} 枚を今すぐ学習しますか？',
  'exam.results.title': '試験結果',
  'exam.results.score': '得点 {score}/{total}（{percent}%）',
  'exam.results.passMark': '合格ライン {pass}%',
  'exam.results.time': '所要時間 {time} {limit}',
  'exam.results.limit': '（制限 {limit}）',
  'exam.results.timedOut': '時間切れ: 未回答の {n} 問は不正解になります。',
  'exam.results.unanswered': '未回答の {n} 問は不正解になります。',
  'exam.results.byTopic': 'トピック別（苦手な順）',
  'exam.results.right': '正解',
  'exam.results.total': '問題',
  'exam.results.wrong': '間違えた問題（{n} 問）',
  'exam.results.notAnswered': '（未回答）',
  'exam.results.yours': '✗ あなたの答え: {answer}',
  'exam.results.correct': '✓ 正解: {answer}',
  'help.exam': '採点付きの模擬試験: 選択問題、結果は最後に',
  'help.exam.random': '問題数（既定 20）',
  'help.exam.time': '制限時間（分）。未回答は不正解',
  'help.exam.pass': '合格ライン（%、既定 72 = 720/1000）',
  'help.exam.topic': 'このトピックだけ',
  'help.exam.examples':
    '例:\n  awsquiz exam --random 20\n  awsquiz exam ec2 ebs --random 30 --time 45\n  awsquiz exam --random 10 --seed 7      同じ試験をもう一度\n\nキー: ↑↓ と Enter で回答 · f で見直しマーク · b で前の問題へ · Ctrl+C で中断（採点なし）',
  'q.recall': '説明してください: {path}',
  'q.recallPoints': '説明してください（{n}点）: {path}',
  'q.completeFact': '「{path}」のこの行の続きは？',
  'q.whichHeading': '「{parent}」の下で、この説明に当てはまる見出しはどれ？',
  'q.whichTopic': 'この説明に当てはまるトピックはどれ？',
  'q.whichHeadingAny': 'この説明に当てはまる見出しはどれ？',
  'q.whichFact': '「{path}」について正しいものはどれ？',
  'q.listChildren': 'ノートが挙げる「{path}」の{n}つを挙げてください。',
  'q.notChild': '「{path}」の下位項目でないものはどれ？',
  'q.whichFits': '「{parent}」のうち、この説明に当てはまるものはどれ？',
  'q.whichFitsAny': 'この説明に当てはまるものはどれ？',
  'q.notMember': 'ノートが挙げる「{path}」の{n}つに含まれないものはどれ？',
  'feedback.origin': '選んだものは「{heading}」のことです: {line}',
  'feedback.originHeading': '選んだものは「{heading}」に属します。',
  'q.cloze': '空欄を埋めてください（{path}）:',
  'q.clozeChoice': '空欄に入るものはどれ？（{path}）',
  'q.term': '「{path}」で、この説明に当たる用語はどれ？',
  'q.termTyped': '「{path}」で、この説明に当たる用語を入力してください:',
  'q.clozeBare': '空欄を埋めてください:',
  'q.clozeChoiceBare': '空欄に入るものはどれ？',
  'q.termBare': 'この説明に当たる用語はどれ？',
  'q.qa': 'ノートの問題（{path}）:',
  'q.qaBare': 'ノートの問題:',
  'q.termTypedBare': 'この説明に当たる用語を入力してください:',
};

const catalogues: Record<Lang, Record<MessageKey, string>> = { en, ja };

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

export function t(key: MessageKey, params: Record<string, string | number>, lang: Lang): string {
  const template = catalogues[lang][key];
  return template
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
    .replace(/\{s:(\w+)\}/g, (_whole, name: string) => (singular(params[name]) ? '' : 's'))
    .replace(/\{ies:(\w+)\}/g, (_whole, name: string) => (singular(params[name]) ? 'y' : 'ies'));
}

// English plurals ({s:n}, {ies:n}); Japanese templates have none.
const plurals = new Intl.PluralRules('en');

function singular(value: string | number | undefined): boolean {
  return typeof value === 'number' && plurals.select(value) === 'one';
}

/** The interface's words in one language, made once at the edge and passed down. */
export interface Messages {
  readonly lang: Lang;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** A time from now in words: "in 5 min", "in 3 h", "in 2 days" (or "now"). */
  duration(ms: number): string;
  /** The words of a message the core gave as a key and parameters. */
  text(message: MessageRef): string;
}

export function messagesFor(lang: Lang): Messages {
  return {
    lang,
    t: (key, params = {}) => t(key, params, lang),
    duration: (ms) => formatDuration(ms, lang),
    text: (message) => text(message, lang),
  };
}

/** The words of a message the core gave as a key and parameters. */
export function text(message: MessageRef, lang: Lang): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    params[name] = typeof value === 'object' ? text(value, lang) : value;
  }
  return t(message.key as MessageKey, params, lang);
}

/** What a UserError says, in the interface language. */
export function userMessage(error: UserError, lang: Lang): string {
  return error.parts.length > 0
    ? error.parts.map((part) => text(part, lang)).join('\n')
    : error.message;
}

/** A time from now in words: "in 5 min", "in 3 h", "in 2 days" (or "now"). */
export function formatDuration(ms: number, lang: Lang): string {
  const minute = 60_000;
  const say = (key: MessageKey, params: Record<string, number> = {}) => t(key, params, lang);
  if (ms <= 0) return say('time.now');
  if (ms < 60 * minute) return say('time.minutes', { n: Math.max(1, Math.round(ms / minute)) });
  if (ms < 24 * 60 * minute) return say('time.hours', { n: Math.round(ms / (60 * minute)) });
  const days = Math.round(ms / (24 * 60 * minute));
  return days === 1 ? say('time.day') : say('time.days', { n: days });
}

/** For the completeness test. */
export function catalogueKeys(lang: Lang): string[] {
  return Object.keys(catalogues[lang]);
}
