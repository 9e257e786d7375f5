/**
 * AWS services that AWS has retired, closed to new customers or renamed, and
 * what took their place (issue 13, OUTDATED). awsquiz is for certification
 * study: a card that teaches a retired service as current teaches something
 * false for today's exams, so no card is made from a line or a section that
 * does (cards.ts), and `awsquiz check` says where the notes mention one
 * (commands/check.ts). A renamed service is only pointed out: what the notes
 * say of it is still true under its new name.
 *
 * Kept conservative, as data: only services whose end we are sure of, each
 * with the year; matched only by their exact names, and an abbreviation
 * ("SMS") only as a whole upper-case word in a line or heading path that
 * speaks of its field (migration, VMs, MGN) and not of another (SNS,
 * phones, MFA): never "SMS" as in text messages. A line that itself says the service is retired or
 * replaced ("AWS MGN replaced SMS", "2022年に廃止") is history, not teaching.
 *
 * Left out on purpose: AWS CodeCommit (closed to new customers in 2024, open
 * again since late 2025), Amazon SimpleDB (not offered to new customers, no
 * date AWS published that we are sure of).
 */
import { gated, quick } from './regex.js';

export type RetiredStatus = 'retired' | 'closed' | 'renamed';

export interface RetiredService {
  /** A stable key (for messages and counts). */
  id: string;
  /** The service as AWS named it. */
  name: string;
  /** retired: no longer runs; closed: not offered to new customers; renamed: the same service under a new name. */
  status: RetiredStatus;
  year: number;
  /** What to use (or what it is called) today. */
  today: string;
  /** Exact names, matched as whole words regardless of case and spacing. */
  names: readonly string[];
  /** Names matched with their case as written ("AWS Data Pipeline", not "a data pipeline"). */
  casedNames?: readonly string[];
  /** Abbreviations: whole upper-case words, only next to a word of `field`. */
  abbreviations?: readonly string[];
  /** Words that say an abbreviation is this service's (whole words, any case; kana/kanji as parts). */
  field?: readonly string[];
  /** Words that say it is something else (SMS as text messages: SNS, phones); they win over `field`. */
  otherField?: readonly string[];
  /** A renamed service's new names: a line that gives them too is up to date. */
  newNames?: readonly string[];
}

export const RETIRED_SERVICES: readonly RetiredService[] = [
  {
    id: 'sms',
    name: 'AWS Server Migration Service (SMS)',
    status: 'retired',
    year: 2022,
    today: 'AWS Application Migration Service (MGN)',
    names: ['Server Migration Service', 'サーバー移行サービス'],
    abbreviations: ['SMS'],
    field: [
      'migration',
      'migrate',
      'migrating',
      'migrated',
      'VM',
      'VMs',
      'vCenter',
      'vSphere',
      'Hyper-V',
      'SCVMM',
      'MGN',
      'AMI',
      'AMIs',
      '移行',
      '仮想マシン',
    ],
    otherField: [
      'SNS',
      'Pinpoint',
      'End User Messaging',
      'text message',
      'text messages',
      'texting',
      'phone',
      'phones',
      'mobile',
      'MFA',
      'OTP',
      'notification',
      'notifications',
      'テキストメッセージ',
      'ショートメッセージ',
      '携帯',
      '電話',
      '通知',
    ],
  },
  {
    id: 'opsworks',
    name: 'AWS OpsWorks',
    status: 'retired',
    year: 2024,
    today: 'AWS Systems Manager',
    names: ['OpsWorks'],
  },
  {
    id: 'elastic-graphics',
    name: 'Amazon Elastic Graphics',
    status: 'retired',
    year: 2024,
    today: 'EC2 GPU instances (G4dn, G5)',
    names: ['Elastic Graphics'],
  },
  {
    id: 'elastic-inference',
    name: 'Amazon Elastic Inference',
    status: 'retired',
    year: 2024,
    today: 'AWS Inferentia (EC2 Inf1/Inf2)',
    names: ['Elastic Inference'],
  },
  {
    id: 'snowmobile',
    name: 'AWS Snowmobile',
    status: 'retired',
    year: 2024,
    today: 'AWS DataSync',
    names: ['Snowmobile', 'Snow Mobile', 'スノーモービル'],
  },
  {
    id: 'qldb',
    name: 'Amazon Quantum Ledger Database (QLDB)',
    status: 'retired',
    year: 2025,
    today: 'Amazon Aurora PostgreSQL',
    names: ['Quantum Ledger Database', 'QLDB'],
  },
  {
    id: 'elastic-transcoder',
    name: 'Amazon Elastic Transcoder',
    status: 'retired',
    year: 2025,
    today: 'AWS Elemental MediaConvert',
    names: ['Elastic Transcoder'],
  },
  {
    id: 'app-mesh',
    name: 'AWS App Mesh',
    status: 'retired',
    year: 2026,
    today: 'Amazon ECS Service Connect, Amazon VPC Lattice',
    names: ['App Mesh'],
  },
  {
    id: 'cloud9',
    name: 'AWS Cloud9',
    status: 'closed',
    year: 2024,
    today: 'AWS IDE Toolkits, AWS CloudShell',
    names: ['Cloud9'],
  },
  {
    id: 's3-select',
    name: 'Amazon S3 Select',
    status: 'closed',
    year: 2024,
    today: 'Amazon Athena',
    names: ['S3 Select', 'Glacier Select'],
  },
  {
    id: 'cloudsearch',
    name: 'Amazon CloudSearch',
    status: 'closed',
    year: 2024,
    today: 'Amazon OpenSearch Service',
    names: ['CloudSearch'],
  },
  {
    id: 'data-pipeline',
    name: 'AWS Data Pipeline',
    status: 'closed',
    year: 2024,
    today: 'AWS Glue, AWS Step Functions',
    names: [],
    casedNames: ['AWS Data Pipeline'],
  },
  {
    id: 'forecast',
    name: 'Amazon Forecast',
    status: 'closed',
    year: 2024,
    today: 'Amazon SageMaker Canvas',
    names: [],
    casedNames: ['Amazon Forecast'],
  },
  {
    id: 'sso',
    name: 'AWS Single Sign-On (AWS SSO)',
    status: 'renamed',
    year: 2022,
    today: 'AWS IAM Identity Center',
    names: ['AWS Single Sign-On', 'AWS SSO'],
    newNames: ['Identity Center'],
  },
  {
    id: 'elasticsearch-service',
    name: 'Amazon Elasticsearch Service',
    status: 'renamed',
    year: 2021,
    today: 'Amazon OpenSearch Service',
    names: ['Elasticsearch Service'],
    newNames: ['OpenSearch'],
  },
  {
    id: 'kinesis-data-firehose',
    name: 'Amazon Kinesis Data Firehose',
    status: 'renamed',
    year: 2024,
    today: 'Amazon Data Firehose',
    names: ['Kinesis Data Firehose', 'Kinesis Firehose'],
  },
  {
    id: 'kinesis-data-analytics',
    name: 'Amazon Kinesis Data Analytics',
    status: 'renamed',
    year: 2023,
    today: 'Amazon Managed Service for Apache Flink',
    names: ['Kinesis Data Analytics', 'Kinesis Analytics'],
    newNames: ['Managed Service for Apache Flink'],
  },
];

function namePattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/[\s-]+/gu, '[\\s-]*');
}

/**
 * A whole-word pattern: no Latin letter or digit right before or after a Latin
 * name ("SMS" in "SMSです" or "にSMS" is a word; in "SMSes" or "ASMS" it is not).
 */
function wordPattern(words: readonly string[], flags: string): RegExp | undefined {
  if (words.length === 0) return undefined;
  const parts = words.map((word) => {
    const before = /^[A-Za-z0-9]/u.test(word) ? '(?<![A-Za-z0-9])' : '';
    const after = /[A-Za-z0-9]$/u.test(word) ? '(?![A-Za-z0-9])' : '';
    return `${before}${namePattern(word)}${after}`;
  });
  // quick(): a name is looked for only with test, and under `i` its twin without `u` compiles in
  // about half the time (the source, which ANY joins, stays as written).
  return quick(new RegExp(parts.join('|'), `${flags}u`));
}

interface Matcher {
  service: RetiredService;
  names: RegExp[];
  abbreviation?: RegExp;
  field?: RegExp;
  otherField?: RegExp;
  newNames?: RegExp;
}

const MATCHERS: readonly Matcher[] = RETIRED_SERVICES.map((service) => {
  const names = [wordPattern(service.names, 'i'), wordPattern(service.casedNames ?? [], '')].filter(
    (re): re is RegExp => re !== undefined,
  );
  const abbreviation = wordPattern(service.abbreviations ?? [], '');
  const field = wordPattern(service.field ?? [], 'i');
  const otherField = wordPattern(service.otherField ?? [], 'i');
  const newNames = wordPattern(service.newNames ?? [], 'i');
  return {
    service,
    names,
    ...(abbreviation ? { abbreviation } : {}),
    ...(field ? { field } : {}),
    ...(otherField ? { otherField } : {}),
    ...(newNames ? { newNames } : {}),
  };
});

/**
 * A line that tells the service's end or its successor: it is history, not
 * teaching ("SMS was discontinued; use MGN", "2022年に提供終了", "旧名").
 */
const HISTORY = gated(
  quick(
    /\b(?:retired|retirement|discontinued|deprecated|end of (?:life|support)|no longer (?:available|offered|supported)|(?:not available|closed) to new customers|replaced|replaces|replacing|successor|superseded|formerly|previously (?:called|known)|renamed|legacy)\b|廃止|提供終了|サポート終了|終了しました|新規(?:受付|利用|提供|作成|契約)?(?:の)?(?:停止|終了|不可|できない)|後継|置き換え|置き換わ|代わりに|旧名|旧称|旧サービス|名称変更|改称|(?:^|[（(、\s])旧\s?(?=[A-Za-z])/iu,
  ),
  'retire|discontinued|deprecated|end of|no longer|not available|closed|replac|successor|superseded|formerly|previously|renamed|legacy|廃止|終了|新規|後継|置き換|代わりに|旧|名称変更|改称',
);

/**
 * Every name and abbreviation at once: most lines mention none, and are passed after one test.
 * Lowercased (the same pattern under `i`: the sources have no escape a capital would change),
 * so that quick() tests it without `i` or `u`, cheaper to compile and to run.
 */
const ANY = quick(
  new RegExp(
    MATCHERS.flatMap((m) => [...m.names, ...(m.abbreviation ? [m.abbreviation] : [])])
      .map((re) => re.source)
      .join('|')
      .toLowerCase(),
    'iu',
  ),
);

/**
 * The retired, closed or renamed AWS service that `text` mentions as current,
 * if any. `around` (the heading path) may supply the field an abbreviation
 * needs ("SMS" under "Server Migration Service (SMS)" or next to "MGN").
 */
export function retiredMention(text: string, around = ''): RetiredService | undefined {
  if (!ANY.test(text) || HISTORY.test(text)) return undefined;
  for (const matcher of MATCHERS) {
    if (matcher.newNames?.test(text)) continue;
    if (matcher.names.some((re) => re.test(text))) return matcher.service;
    if (
      matcher.abbreviation?.test(text) &&
      matcher.field &&
      (matcher.field.test(text) || matcher.field.test(around)) &&
      !matcher.otherField?.test(text) &&
      !matcher.otherField?.test(around)
    )
      return matcher.service;
  }
  return undefined;
}

/** A mention of a service that is gone or closed (not only renamed): no card is made of it. */
export function teachesRetired(text: string, around = ''): RetiredService | undefined {
  const service = retiredMention(text, around);
  return service && service.status !== 'renamed' ? service : undefined;
}
