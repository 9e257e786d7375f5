/**
 * Issue 13, OUTDATED: cards that teach a retired AWS service as current
 * (AWS Server Migration Service, retired in 2022 for Application Migration
 * Service) are not made, and `check` says where the notes mention one.
 * Fixtures: test/fixtures/quality/retired-{en,ja}.md (written for these tests).
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, retiredDiagnostics } from '../../src/commands/check.js';
import { lineReport, siblingNames } from '../../src/content/cards.js';
import type { Card } from '../../src/content/model.js';
import { RETIRED_SERVICES, retiredMention, teachesRetired } from '../../src/content/retired.js';
import { messagesFor } from '../../src/ui/i18n.js';
import { buildFrom, fixture } from '../helpers/deck.js';

const built = (name: string) => buildFrom({ [name]: fixture(`quality/${name}`) });
const text = (card: Card) => [card.prompt, card.answer, card.source, ...card.path].join('\n');

describe('the table of retired AWS services', () => {
  it('gives each entry a year, what to use today and at least one name', () => {
    for (const service of RETIRED_SERVICES) {
      expect(service.year).toBeGreaterThanOrEqual(2019);
      expect(service.today.length).toBeGreaterThan(3);
      expect(service.names.length + (service.casedNames?.length ?? 0)).toBeGreaterThan(0);
    }
  });

  it('finds the exact names and an abbreviation in its field', () => {
    expect(retiredMention('We recommend AWS Server Migration Service for vCenter')?.id).toBe('sms');
    expect(retiredMention('AWS SMS replicates VMs incrementally')?.id).toBe('sms');
    expect(retiredMention('If only VMs move, SMS is enough')?.id).toBe('sms');
    // The field may come from the heading path the line stands under.
    expect(retiredMention('SMS supports volumes up to 16 TB', 'Migration › Tools')?.id).toBe('sms');
    expect(retiredMention('仮想マシンだけならSMSを使う')?.id).toBe('sms');
    expect(retiredMention('Stacks and layers in OpsWorks')?.id).toBe('opsworks');
    expect(retiredMention('Each snowmobile holds 100 PB')?.id).toBe('snowmobile');
    expect(retiredMention('S3 Select で CSV の一部だけ取り出す')?.id).toBe('s3-select');
    expect(retiredMention('Elastic Graphics で安いインスタンスに GPU を足す')?.id).toBe(
      'elastic-graphics',
    );
  });

  it('never takes SMS as in text messages, nor a word that only contains a name', () => {
    expect(retiredMention('SNS can send SMS text messages to phones')).toBeUndefined();
    expect(retiredMention('SNS の配信先: SMS、Eメール、HTTP、Lambda')).toBeUndefined();
    expect(retiredMention('Set a monthly SMS spending limit', 'Amazon SNS')).toBeUndefined();
    expect(retiredMention('MFA codes by SMS are weaker than an authenticator app')).toBeUndefined();
    expect(retiredMention('SMSes and e-mails', 'Migration')).toBeUndefined();
    // In notes about migration too, SMS under SNS is a text message.
    expect(retiredMention('SMS で通知を送れる', 'サーバー移行 › Amazon SNS')).toBeUndefined();
    expect(retiredMention('Build a data pipeline with Glue and Step Functions')).toBeUndefined();
    expect(retiredMention('Building a Data Pipeline on S3 and Glue')).toBeUndefined();
    expect(retiredMention('AWS Data Pipeline runs EMR activities on a schedule')?.id).toBe(
      'data-pipeline',
    );
    expect(retiredMention('SSO lets users sign in once')).toBeUndefined();
  });

  it('passes a line that tells the service is gone (history, not teaching)', () => {
    expect(retiredMention('MGN replaced Server Migration Service in 2022')).toBeUndefined();
    expect(retiredMention('SMS was discontinued; use MGN')).toBeUndefined();
    expect(retiredMention('Server Migration Service は2022年に提供終了')).toBeUndefined();
    expect(retiredMention('S3 Select：※2024年7月から新規利用不可')).toBeUndefined();
    expect(retiredMention('Cloud9 is closed to new customers since 2024')).toBeUndefined();
  });

  it('points out a renamed service without counting it as gone', () => {
    expect(retiredMention('AWS SSO でアカウントにサインインする')?.id).toBe('sso');
    expect(teachesRetired('AWS SSO でアカウントにサインインする')).toBeUndefined();
    expect(teachesRetired('AWS OpsWorks runs Chef recipes')?.id).toBe('opsworks');
    expect(retiredMention('出力先：CloudWatch Logs、S3、Kinesis Data Firehose')?.id).toBe(
      'kinesis-data-firehose',
    );
    // A line that gives the new name too, or calls the old one former, is up to date.
    expect(retiredMention('IAM Identity Center：シングルサインオン（旧 AWS SSO）')).toBeUndefined();
    expect(retiredMention('AWS SSO, now IAM Identity Center, signs users in once')).toBeUndefined();
  });
});

describe.each(['retired-en.md', 'retired-ja.md'])('cards of %s', (name) => {
  const { deck, index, cards } = built(name);

  it('makes no card that teaches SMS or Snowmobile as current', () => {
    // Any line of a card (prompt, answer, source, path) that names them, but for SMS as
    // text messages (SNS) and the line that tells SMS is gone.
    const bad = cards.filter(
      (card) =>
        card.path[1] !== 'Amazon SNS' &&
        text(card)
          .split(/[\n\u001f]/u)
          .some(
            (line) =>
              /Server Migration|\bSMS\b|Snowmobile/u.test(line) &&
              !/SNS|retired|提供終了/u.test(line),
          ),
    );
    expect(bad.map((card) => `${card.kind}: ${card.prompt}`)).toEqual([]);
  });

  it('keeps the cards of the current services and of SMS as text messages', () => {
    const paths = new Set(cards.map((card) => card.path[1]));
    expect([...paths].some((p) => p?.startsWith('Application Migration Service'))).toBe(true);
    expect(paths.has('Database Migration Service')).toBe(true);
    expect(paths.has('Amazon SNS')).toBe(true);
    const sns = cards.filter((card) => card.path[1] === 'Amazon SNS');
    expect(sns.some((card) => /SMS/u.test(card.source))).toBe(true);
    // Snowcone and Snowball Edge lines are still asked.
    expect(cards.some((card) => /Snowcone/u.test(card.source))).toBe(true);
  });

  it('offers the retired service as no option beside its successor', () => {
    for (const located of index.all) {
      const siblings = located.parent?.children ?? deck.topics;
      const titles = siblingNames(located, siblings).map((s) => s.title);
      expect(titles.some((t) => /Server Migration/u.test(t))).toBe(false);
    }
  });

  it('counts the lines left out for a retired service', () => {
    const report = lineReport(deck);
    // Three SMS lines, two "choose SMS" lines under their heading, one Snowmobile line.
    expect(report.leftOut.retired).toBe(6);
  });
});

describe('check tells where the notes mention a retired service', () => {
  it('warns once a file and service, at file:line, in English and Japanese', () => {
    const { index } = built('retired-en.md');
    const found = retiredDiagnostics(index);
    expect(found.map((d) => [d.line, d.subject])).toEqual([
      [10, 'sms'],
      [31, 'snowmobile'],
    ]);
    const [sms] = found;
    expect(sms && formatDiagnostic(sms, messagesFor('en'))).toBe(
      'retired-en.md:10: warning: mentions AWS Server Migration Service (SMS), retired in 2022; today: AWS Application Migration Service (MGN)',
    );
    expect(sms && formatDiagnostic(sms, messagesFor('ja'))).toBe(
      'retired-ja.md:10: 警告: AWS Server Migration Service (SMS) に触れています。2022 年に提供終了しました。現在は AWS Application Migration Service (MGN)'.replace(
        'retired-ja',
        'retired-en',
      ),
    );
  });

  it('leaves the history line and SMS as text messages alone', () => {
    const { index } = built('retired-ja.md');
    const lines = retiredDiagnostics(index).map((d) => d.line);
    // The MGN section's "後継" line (8) and the SNS lines (34–36) are no warning.
    expect(lines).toEqual([10, 31]);
  });
});
