/**
 * Round 16: what learners judged bad in cards made from notes written for the
 * test in styles never used to tune the rules: Zettelkasten notes (a timestamp
 * id in front of every heading) and a Japanese hands-on lab log (what was done,
 * what did not work, resource ids of the learner's own account, numbered
 * causes, NG / OK marks, a clean-up step). Fixtures written for these tests
 * (test/fixtures/quality/heldout-r16/).
 */
import { describe, expect, it } from 'vitest';
import { isLabel, isTermName } from '../../src/content/cards.js';
import {
  katakanaRuns,
  katakanaTailIn,
  namesInOtherWords,
  showsWord,
} from '../../src/content/overlap.js';
import { parseMarkdown } from '../../src/content/parse.js';
import { whyNotStatement } from '../../src/content/statement.js';
import { tidyLine, tidyTitle } from '../../src/content/tidy.js';
import { makeQuestion, namespaceOf } from '../../src/quiz/questions.js';
import { createRng } from '../../src/quiz/rng.js';
import { buildFrom, fixture, shownTexts } from '../helpers/deck.js';
import { sayEn } from '../helpers/say.js';

const files = {
  'zettel-en.md': fixture('quality/heldout-r16/zettel-en.md'),
  'lab-ja.md': fixture('quality/heldout-r16/lab-ja.md'),
};
const built = buildFrom(files);
const texts = shownTexts(built);
const line = (text: string) => ({ kind: 'item' as const, text, spans: [], line: 1 });
const lab = (title: string) => built.cards.filter((card) => card.path.at(-1) === title);
const ofLab = built.cards.filter((card) => card.path[0]?.startsWith('ハンズオン'));

describe('Zettelkasten notes', () => {
  it('a timestamp id in front of a heading is no part of its title', () => {
    const topic = parseMarkdown('zettel-en.md', files['zettel-en.md']).topics[0];
    expect(topic?.title).toBe('SQS basics');
    expect(topic?.children.map((child) => child.title)).toEqual([
      'Visibility timeout',
      'Dead-letter queues',
      'Long polling',
      'Message retention',
      'Lambda consumers',
    ]);
    expect(tidyTitle('202403121015 Visibility timeout')).toBe('Visibility timeout');
    expect(tidyTitle('20240312 — SQS basics')).toBe('SQS basics');
    // A date alone, or a number that is no date, stays.
    expect(tidyTitle('20240312')).toBe('20240312');
    expect(tidyTitle('2024/06/02（日）')).toBe('2024/06/02（日）');
    expect(tidyTitle('12345678 IOPS')).toBe('12345678 IOPS');
    for (const text of texts) expect(text).not.toMatch(/\b20\d{6}/u);
    // With the ids gone the headings are names: which heading a fact is filed under is asked.
    expect(built.cards.some((card) => card.kind === 'which-heading')).toBe(true);
  });

  it('a sentence is no term, and a piece of an example ARN is no blank', () => {
    expect(isTermName("Records aren't retroactive")).toBe(false);
    expect(isTermName('Dead-letter queue')).toBe(true);
    const answers = built.cards.map((card) => card.answer);
    expect(answers).not.toContain("Records aren't retroactive");
    const blanks = built.cards.filter((card) => card.kind === 'cloze').map((card) => card.answer);
    expect(blanks.some((answer) => answer.includes('function:worker'))).toBe(false);
    // A name with colons stays a blank.
    const cfn = buildFrom({
      'cfn.md':
        '# CloudFormation\n\n## Outputs\n- `Fn::ImportValue` reads an output that another stack exports.\n',
    });
    expect(cfn.cards.map((card) => card.answer)).toContain('Fn::ImportValue');
  });
});

describe('a hands-on lab log', () => {
  it('numbered causes, NG / OK marks and clean-up labels are no terms', () => {
    for (const label of ['原因1', '対策2', 'NG', 'OK', 'Cause 2', 'Issue 1'])
      expect(isLabel(label), label).toBe(true);
    for (const term of ['原因1', 'NG', 'Alternative', '後片付け', 'デフォルトフォーマット'])
      expect(isTermName(term), term).toBe(false);
    // Names with a number stay names.
    for (const name of ['EC2', 'Route 53', 'gp3', 'S3 Glacier', '第2世代'])
      expect(isLabel(name), name).toBe(false);
    const answers = built.cards.map((card) => card.answer);
    for (const label of ['原因1', '原因2', 'NG', 'OK', '後片付け'])
      expect(answers).not.toContain(label);
    // The clean-up step is no subject to explain.
    expect(lab('後片付け')).toEqual([]);
  });

  it("the lab's story is no fact: what was done, what did not work, what not to forget", () => {
    for (const text of [
      'サブネットグループは 2 つの AZ のプライベートサブネットを指定済み',
      '原因1: SG のインバウンドを自分の IP にしてなかった',
      '外から繋ごうとしてた',
      '→ ここでハマった。',
      'スナップショット 2 つ消すの忘れないこと（ストレージ料金が続く）',
      '付け替えたつもりが反映されていない',
    ])
      expect(whyNotStatement(line(text)), text).toBe('remark');
    // Facts stay facts.
    for (const text of [
      'マルチ AZ 配置ではスタンバイは読み取りに使えない。',
      '使用済みのストレージ量に課金される',
    ])
      expect(whyNotStatement(line(text)), text).toBeUndefined();
    // No blank asks how many subnets or snapshots this lab made.
    const clozes = ofLab.filter((card) => card.kind === 'cloze');
    expect(clozes.map((card) => card.answer)).toEqual(['35']);
    // A conclusion whose story was left out opens no answer.
    expect(lab('3. パスワードのローテーション').filter((c) => c.kind === 'recall')).toEqual([]);
  });

  it("a resource of the learner's own account is an example, in no answer", () => {
    expect(whyNotStatement(line('sg-0rds01 は 3306 を アプリの SG からのみ許可'))).toBe('example');
    expect(
      whyNotStatement(line('Queue ARN looks like arn:aws:sqs:us-east-1:123456789012:orders')),
    ).toBe('example');
    expect(whyNotStatement(line('Spot instances can be interrupted with a 2-minute notice.'))).toBe(
      undefined,
    );
    for (const card of built.cards) expect(card.answer).not.toMatch(/sg-0|123456789012/u);
  });
});

describe('a leak in another form of the word', () => {
  it('"Caching" is shown by "Cache-Control", "Cache" by "caching"', () => {
    expect(showsWord('Client can bypass w/ Cache-Control: max-age=0', 'caching')).toBe(true);
    expect(showsWord('a caching layer in front of the table', 'cache')).toBe(true);
    expect(showsWord('routing policies', 'route')).toBe(true);
    expect(showsWord('the cached copy', 'caching')).toBe(true);
    expect(showsWord('a cachet', 'cache')).toBe(false);
    expect(showsWord('scale out', 'scheduling')).toBe(false);
  });
});

describe('a leak in a part of a katakana compound', () => {
  it('"シンプルスケーリング" names スケーリングポリシー; a common noun or a whole word does not count', () => {
    const policy = katakanaRuns('スケーリングポリシー');
    expect(katakanaTailIn('クールダウンはシンプルスケーリングにだけ効く', policy)).toBe(
      'スケーリング',
    );
    // "ポリシー" is a word of every other line of AWS notes.
    expect(katakanaTailIn('バケットポリシーで許可する', policy)).toBeUndefined();
    expect(katakanaTailIn('ウォームアップ時間を使う', policy)).toBeUndefined();
    // The name's whole word is katakanaFormIn's to find.
    expect(katakanaTailIn('スケーリングポリシーを作る', policy)).toBeUndefined();
  });
});

describe('options of a blank that is an identifier', () => {
  it('a namespaced key is offered among namespaced keys only, never beside a bare name', () => {
    expect(namespaceOf('aws:PrincipalOrgID')).toBe('aws');
    expect(namespaceOf('s3:GetObject')).toBe('s3');
    expect(namespaceOf('Fn::ImportValue')).toBe('fn');
    expect(namespaceOf('ThrottlingException')).toBe('');
    expect(namespaceOf('t3.micro')).toBe('');
    const deck = buildFrom({
      'iam.md': [
        '# IAM',
        '',
        '## Condition keys',
        '- `aws:PrincipalOrgID` limits access to the accounts of one organization.',
        '- `aws:SourceIp` limits access to callers from an address range.',
        '- `aws:SecureTransport` is false for a request sent over plain HTTP.',
        '- `aws:SourceVpce` limits access to requests through one VPC endpoint.',
        '- A throttled call fails with `ThrottlingException` and is retried with backoff.',
        '- `PutObject` needs the `s3:PutObject` permission on the bucket.',
        '',
      ].join('\n'),
    });
    const asked = deck.cards.filter(
      (card) => card.kind === 'cloze' && card.answer.startsWith('aws:'),
    );
    expect(asked.length).toBeGreaterThan(0);
    for (const card of asked)
      for (const seed of [1, 2, 3, 4, 5]) {
        const options =
          makeQuestion(card, deck.index, createRng(seed), 'exam', sayEn)?.options ?? [];
        for (const option of options) expect(namespaceOf(option), option).not.toBe('');
      }
  });
});

describe('an error log of practice-exam mistakes', () => {
  const log = buildFrom({ 'errorlog-en.md': fixture('quality/heldout-r16/errorlog-en.md') });

  it("asks each question the log records, with the right answer, never the learner's pick", () => {
    expect(log.cards.map((card) => [card.kind, card.answer])).toEqual([
      ['qa', 'Lambda layer'],
      ['qa', 'strongly consistent read (ConsistentRead=true)'],
      ['qa', 'throttling — raise the stage or usage-plan limits, clients retry with backoff'],
      ['qa', 'blue/green deployment'],
    ]);
    expect(log.cards[0]?.prompt).toBe(
      'ten functions use the same 40 MB dependency; deploy it once.',
    );
    // The entry's heading, the learner's summary of the question, is not shown with it: it
    // names the answer as often as not ("Q4 — Lambda needs a library shared by …").
    for (const card of log.cards) {
      const path = [...card.path];
      const stem = makeQuestion(card, log.index, createRng(1), 'study', sayEn)?.stem ?? '';
      // (The card itself is left as it was: its path is its explanation's heading.)
      expect(card.path).toEqual(path);
      expect(stem).toContain('DVA-C02 practice exam');
      expect(stem).not.toMatch(/Q[0-9]+/u);
    }
    // The wrong picks ("My answer:", "I picked:") and the reasons under the answer give no card.
    for (const text of shownTexts(log))
      expect(text).not.toMatch(
        /download at cold start|eventually consistent GetItem|in-place|^DAX$/u,
      );
  });
});

describe('notes copied from slides', () => {
  const slides = buildFrom({ 'slides-ja.md': fixture('quality/heldout-r16/slides-ja.md') });
  const whichOptions = slides.cards
    .filter((card) => card.kind === 'which-heading' || card.kind === 'which-fact')
    .flatMap((card) =>
      [1, 2, 3].flatMap(
        (seed) => makeQuestion(card, slides.index, createRng(seed), 'study', sayEn)?.options ?? [],
      ),
    );

  it("a slide's number is no part of its title, and a slide that is a picture is no option", () => {
    expect(tidyTitle('スライド2：同時実行数')).toBe('同時実行数');
    expect(tidyTitle('Slide 4 – VPC endpoints')).toBe('VPC endpoints');
    expect(tidyTitle('p.12 Glacier')).toBe('Glacier');
    expect(tidyTitle('Slide deck notes')).toBe('Slide deck notes');
    for (const text of shownTexts(slides)) expect(text).not.toMatch(/スライド[0-9]/u);
    expect(whichOptions.length).toBeGreaterThan(0);
    expect(new Set(whichOptions)).toEqual(
      new Set(['同時実行数', 'レイヤー', 'デッドレターキュー']),
    );
  });
});

describe('flashcards drafted in the notes', () => {
  const cards = buildFrom({
    'flashcards-ja.md': fixture('quality/heldout-r16/flashcards-ja.md'),
  }).cards;
  const qa = cards.filter((card) => card.kind === 'qa');

  it('"front :: back" is a question of the notes; a remark with "::" in brackets is not', () => {
    expect(qa.map((card) => [card.prompt, card.answer]).slice(0, 2)).toEqual([
      [
        'パーティションキーだけのテーブルで同じキーの項目はいくつ置ける？',
        '1つだけ。ソートキーがあれば複数',
      ],
      ['GSI と LSI はどちらを後から追加できる？', 'GSI。LSI はテーブル作成時のみ'],
    ]);
    for (const card of cards) expect(card.prompt + card.answer).not.toMatch(/Anki に入れる|::/u);
  });

  it('an Anki cloze is the blank, without its markup or hint', () => {
    const blanks = cards.filter((card) => card.kind === 'cloze');
    expect(blanks.map((card) => card.answer).sort()).toEqual(['24', 'DynamoDB Streams']);
    for (const card of cards) expect(card.prompt + card.answer).not.toMatch(/\{\{|\}\}|c[12]::/u);
  });

  it('"A:" holds its whole answer: the list under it, the line that goes on, not the review mark', () => {
    expect(qa.find((card) => card.prompt === 'キャパシティモードの種類')?.answer).toBe(
      'オンデマンド：リクエスト単位の課金、事前の見積もり不要\nプロビジョンド：RCU と WCU を指定、Auto Scaling 可',
    );
    expect(qa.find((card) => card.prompt === '強い整合性の読み込みのコスト')?.answer).toBe(
      '結果整合性の読み込みの 2 倍の RCU を使う。\nグローバルテーブルのレプリカからは強い整合性で読めない。',
    );
  });
});

describe('a practice question with options A to D', () => {
  it('"A." over "B." is option A, not the answer', () => {
    const quiz = buildFrom({
      'quiz.md': [
        '# ECS',
        '',
        '## クイズ',
        '- Q. Fargate のタスクが S3 に書き込めない。どこを直す？',
        '  - A. タスク実行ロール',
        '  - B. タスクロール',
        '  - C. ECR のリポジトリポリシー',
        '',
        '## 復習',
        'Q: タスクが AWS の API を呼ぶ権限はどこに付ける？',
        'A: タスクロール',
        '',
      ].join('\n'),
    });
    expect(quiz.cards.filter((card) => card.kind === 'qa').map((card) => card.answer)).toEqual([
      'タスクロール',
    ]);
  });
});

describe('a checklist of study notes', () => {
  const list = buildFrom({ 'checklist-en.md': fixture('quality/heldout-r16/checklist-en.md') });
  const titles = (kind: string) =>
    list.cards.filter((card) => card.kind === kind).map((card) => card.path.at(-1));

  it("the learner's study tasks, a to-do heading and a catch-all heading ask nothing", () => {
    expect(whyNotStatement(line('redo practice test 2 (networking section only scored 58%)'))).toBe(
      'remark',
    );
    expect(whyNotStatement(line('watch section 9 videos again'))).toBe('remark');
    expect(whyNotStatement(line('Take the ENI into account when sizing subnets'))).toBeUndefined();
    expect(list.cards.map((card) => card.path.at(-1))).not.toContain('TODO this week');
    expect(list.cards.map((card) => card.path.at(-1))).not.toContain('Other networking-ish');
    expect(titles('recall')).toEqual(['VPC endpoints', 'Transit Gateway']);
  });

  it('a number the heading above gives with its counter is no blank', () => {
    // "The review checks 3 layers …" under "Design review with 3 layers".
    expect(list.cards.some((card) => card.answer === '3')).toBe(false);
    const pillars = buildFrom({
      'wa.md':
        '# Well-Architected — 6つの柱\n\n## 全体像\n- 6つの柱は次のとおり。\n- 運用上の優秀性、セキュリティ、信頼性、パフォーマンス効率、コスト最適化、持続可能性\n',
    });
    expect(pillars.cards.filter((card) => card.kind === 'cloze')).toEqual([]);
  });

  it("a blank's options never name the heading it sits under", () => {
    const hybrid = buildFrom({
      'hybrid.md': [
        '# 移行・ハイブリッド',
        '',
        '## 使い分け',
        '- オンプレのアプリからクラウドのストレージを使う → `Storage Gateway`',
        '- オフラインで数十 TB を運ぶ → `Snow Family`',
        '- SFTP でファイルを受け取る → `Transfer Family`',
        '',
        '## Storage Gateway',
        '- iSCSI ブロック → `Volume Gateway`',
        '- NFS/SMB ファイル → `S3 File Gateway`',
        '- 仮想テープ → `Tape Gateway`',
        '',
      ].join('\n'),
    });
    const volume = hybrid.cards.find((card) => card.answer === 'Volume Gateway');
    expect(volume).toBeDefined();
    const seen = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6])
      for (const option of makeQuestion(
        volume as (typeof hybrid.cards)[0],
        hybrid.index,
        createRng(seed),
        'study',
        sayEn,
      )?.options ?? [])
        seen.add(option);
    expect(seen.has('Tape Gateway')).toBe(true);
    expect(seen.has('Storage Gateway')).toBe(false);
  });

  it("a rule's conclusion is no subject to explain", () => {
    const rules = buildFrom({
      'rules.md': [
        '# EBS の選び方',
        '',
        '## ボリュームタイプ',
        '- もし 最大 IOPS が要件 / 重要な DB → io2',
        '  - io2 Block Express は 1 ボリュームで最も高い IOPS を出せる',
        '  - 同時アタッチ (Multi-Attach) → io1/io2 のみ',
        '- そうでなければ → gp3',
        '  - gp3 は IOPS とスループットを容量と別に設定できる、gp2 より安い',
        '  - gp2 は容量に比例して IOPS が決まる → コスト削減なら gp3 へ',
        '- 大きなシーケンシャル I/O → st1',
        '- 最低コストのコールドデータ → sc1',
        '',
      ].join('\n'),
    });
    const recalls = rules.cards.filter((c) => c.kind === 'recall');
    for (const card of recalls) expect(card.prompt).not.toMatch(/→/u);
  });
});

describe('notes heavy with code', () => {
  it('code with its argument or value, or a path of a resource, is no blank; a name in code is', () => {
    const cfn = buildFrom({
      'cfn.md': [
        '# CloudFormation',
        '',
        '## Intrinsic functions',
        '- For an SQS queue, !GetAtt Q.Arn gives the ARN and `!Ref Q` gives the queue URL.',
        '- `DeletionPolicy: Retain` keeps the bucket when the stack is deleted.',
        '- A query on a GSI needs `table/Orders/index` in the Resource of the policy too.',
        '- `Fn::ImportValue` reads an output that another stack exports.',
        '- `ハイパフォーマンスコンピューティング (HPC)` のクラスターは EFA で速くなる。',
        '',
      ].join('\n'),
    });
    const blanks = cfn.cards.filter((card) => card.kind === 'cloze').map((card) => card.answer);
    expect(blanks).not.toContain('Ref Q');
    expect(blanks).not.toContain('DeletionPolicy: Retain');
    expect(blanks).not.toContain('table/Orders/index');
    expect(blanks).toContain('Fn::ImportValue');
    expect(blanks).toContain('ハイパフォーマンスコンピューティング (HPC)');
  });
});

describe("AWS's own short names", () => {
  it('"cfn-signal", ".ebextensions", "ASG", "HC" name their service among others that they do not', () => {
    const others = [
      'Systems Manager',
      'Elastic Beanstalk',
      'CloudFormation',
      'Auto Scaling',
      'ELB',
    ];
    const named = (text: string, name: string) =>
      namesInOtherWords(
        text,
        name,
        others.filter((other) => other !== name),
      );
    expect(named('CreationPolicy + cfn-signal waits for the instances', 'CloudFormation')).toBe(
      true,
    );
    expect(
      named('.ebextensions/*.config files customise the environment', 'Elastic Beanstalk'),
    ).toBe(true);
    expect(named('an ASG cannot span regions', 'Auto Scaling')).toBe(true);
    expect(
      namesInOtherWords(
        'HC for private resources needs a CloudWatch alarm',
        'Route 53 health checks',
        ['Auto Scaling'],
      ),
    ).toBe(true);
    expect(named('waits for the instances to signal success', 'CloudFormation')).toBe(false);
  });
});

describe('notes taken from a recording', () => {
  it('a timestamp is no part of a line, the host is no term, and "verify" is a doubt', () => {
    expect(tidyLine('[03:12] hosted zones: public vs private', [])?.text).toBe(
      'hosted zones: public vs private',
    );
    expect(tidyLine('12:40 - alias records are free to query', [])?.text).toBe(
      'alias records are free to query',
    );
    expect(tidyLine('(1:02:40) price classes: All / 200 / 100', [])?.text).toBe(
      'price classes: All / 200 / 100',
    );
    expect(tidyLine('9:00 is when the backup window opens', [])).toBeUndefined();
    const episode = buildFrom({
      'ep.md': [
        '# Episode 4 — Route 53',
        '',
        '- [02:10] hosted zones: public ones answer the internet, private ones answer associated VPCs',
        '- [05:30] alias records: free queries to AWS resources, also at the zone apex',
        '- [07:45] host aside: "weighted routing shows up on every exam"',
        '- [08:30] host: "geolocation and latency get mixed up all the time"',
        '- [09:00] health checks: endpoint, calculated or CloudWatch alarm',
        '- [11:20] max nesting depth of OUs: said 5, verify',
        '',
      ].join('\n'),
    });
    const terms = episode.cards.filter((card) => card.kind === 'term').map((card) => card.answer);
    expect(terms).toContain('hosted zones');
    for (const text of shownTexts(episode)) expect(text).not.toMatch(/\[[0-9]{2}:[0-9]{2}\]/u);
    expect(terms).not.toContain('host aside');
    // A quote is no meaning; "host" stays a name where it is one (an ECS network mode).
    expect(terms).not.toContain('host');
    expect(isTermName('host')).toBe(true);
    expect(whyNotStatement(line('max nesting depth of OUs: said 5, verify'))).toBe('doubt');
  });
});

describe('an exam remembered afterwards', () => {
  it('"試験で出た（うろ覚え）" asks nothing of its scenarios; "試験で出たパターン" is asked', () => {
    const memory = buildFrom({
      'kioku.md': [
        '# SAA 本番の記憶',
        '',
        '## 試験で出た（うろ覚え）',
        '- ログを 30 日は頻繁に読み、その後ほぼ見ない、1 年後に削除する',
        '- Lambda で 20 分かかる処理をどうするか',
        '',
        '## 試験で出たパターン',
        '- 「Lambda の同時実行で DB の接続数が枯渇」→ `RDS Proxy`',
        '- 「DynamoDB の読み取りをマイクロ秒に」→ `DAX`',
        '- 「ゲームのリーダーボード」→ `ElastiCache for Redis`',
        '',
      ].join('\n'),
    });
    const paths = memory.cards.map((card) => card.path.at(-1));
    expect(paths).not.toContain('試験で出た（うろ覚え）');
    expect(paths).toContain('試験で出たパターン');
  });
});

describe('a calculation worked out on the line', () => {
  it('gives no blank of its numbers or its result; a number stated alone stays a blank', () => {
    const sheet = buildFrom({
      'sheet.md': [
        '# DynamoDB',
        '',
        '## Formulas',
        '- 10 strongly consistent reads/s of 6 KB items → ceil(6/4) = 2 → 2 x 10 = **20 RCU**',
        '- 50 rps × 4 s = 200 concurrent executions',
        '- 2 apps reading 4 MB/s each → 8 MB/s out ÷ 2 = 4 shards',
        '- An item size is always rounded up to the next 4 KB for reads.',
        '',
      ].join('\n'),
    });
    const blanks = sheet.cards.filter((card) => card.kind === 'cloze').map((card) => card.answer);
    expect(blanks).toEqual(['4']);
  });
});

describe("a class handout's frame", () => {
  it('"Learning objectives" and "Check your understanding" are no subjects to explain', () => {
    const handout = buildFrom({
      'handout.md': [
        '# Week 4 — High availability',
        '',
        '## Learning objectives',
        '1. Explain the difference between high availability and fault tolerance',
        '2. Choose a disaster recovery strategy from an RTO and an RPO',
        '',
        '## Multi-AZ',
        '- RDS Multi-AZ keeps a synchronous standby in another Availability Zone.',
        '- The standby serves no reads.',
        '',
      ].join('\n'),
    });
    const paths = handout.cards.map((card) => card.path.at(-1));
    expect(paths).not.toContain('Learning objectives');
    expect(paths).toContain('Multi-AZ');
  });
});
