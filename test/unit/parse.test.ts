import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Section } from '../../src/content/model.js';
import { parseMarkdown, topicFromFileName, walk } from '../../src/content/parse.js';
import { fixture } from '../helpers/deck.js';

function sections(file: string, text = fixture(file)): Section[] {
  const out: Section[] = [];
  for (const topic of parseMarkdown(file, text).topics) walk(topic, (s) => out.push(s));
  return out;
}

function find(list: Section[], title: string): Section {
  const found = list.find((s) => s.title === title);
  if (!found) throw new Error(`no section ${title}: ${list.map((s) => s.title).join(', ')}`);
  return found;
}

describe('parseMarkdown', () => {
  it('builds the heading tree with paths, depths and source lines', () => {
    const list = sections('h6.md');
    expect(list.map((s) => s.depth)).toEqual([1, 2, 3, 4, 5, 6]);
    const deepest = find(list, 'Level 6');
    expect(deepest.path).toEqual(['Deep', 'Level 2', 'Level 3', 'Level 4', 'Level 5', 'Level 6']);
    expect(deepest.line).toBe(6);
    expect(deepest.blocks[0]).toMatchObject({ kind: 'line', line: 7 });
  });

  it('makes each soft line of a paragraph its own fact, with its own line number', () => {
    const roles = find(sections('crlf.md'), 'Roles');
    expect(roles.blocks.map((b) => [b.text, b.line])).toEqual([
      ['A role has no long-term credentials.', 4],
      ['Services assume roles to get temporary credentials.', 5],
    ]);
  });

  it('keeps inline code and bold as key-term spans', () => {
    const [line] = find(sections('code-fences.md'), 'Create a bucket').blocks;
    expect(line?.text).toBe('Use aws s3 mb to make a bucket.');
    expect(line?.spans).toEqual([{ kind: 'code', start: 4, end: 13 }]);
    const bold = find(sections('lenient.md'), 'Bold next to punctuation').blocks[2];
    expect(bold?.spans[0]?.kind).toBe('bold');
    expect(bold?.text.slice(bold.spans[0]?.start, bold.spans[0]?.end)).toBe('太字');
  });

  it('recovers bold that CommonMark rejects next to Japanese punctuation, and reports it', () => {
    const parsed = parseMarkdown('lenient.md', fixture('lenient.md'));
    const list = sections('lenient.md');
    const [ebs, important] = find(list, 'Bold next to punctuation').blocks;
    expect(ebs?.text).toBe('これは「EBS」です');
    expect(ebs?.spans).toEqual([{ kind: 'lenient-bold', start: 3, end: 8 }]);
    expect(important?.text).toBe('重要：S3は99.999999999%の耐久性');
    expect(important?.text.includes('**')).toBe(false);
    const lenient = parsed.diagnostics.filter((d) => d.code === 'lenient-bold');
    expect(lenient.map((d) => d.line)).toEqual([7, 8]);
  });

  it('reads a heading written with a full-width space, and warns about it', () => {
    const parsed = parseMarkdown('lenient.md', fixture('lenient.md'));
    expect(find(sections('lenient.md'), 'CORS機能').depth).toBe(2);
    expect(parsed.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'fullwidth-heading', line: 3, severity: 'warning' }),
    );
  });

  it('reads setext headings', () => {
    const list = sections('setext.md');
    expect(list.map((s) => [s.title, s.depth])).toEqual([
      ['Route 53', 1],
      ['Alias record', 2],
    ]);
  });

  it('never shows front matter, HTML or comments as text', () => {
    const all = [...sections('front-matter.md'), ...sections('html.md')]
      .flatMap((s) => s.blocks.map((b) => b.text))
      .join('\n');
    expect(all).not.toMatch(/title:|tags:|<div|<span|<!--|TODO|never question text/);
    expect(find(sections('front-matter.md'), 'Subnet').line).toBe(7);
    const origins = find(sections('html.md'), 'Origins').blocks.map((b) => b.text);
    expect(origins).toEqual([
      'An origin is where CloudFront fetches the content from.',
      'S3 buckets and ALBs can be origins.',
      'inline html is dropped but the words around it stay.',
    ]);
  });

  it('turns table rows into facts labelled by the header', () => {
    const rows = find(sections('tables.md'), 'EBS volume types').blocks;
    expect(rows.map((b) => b.kind)).toEqual(['row', 'row', 'row']);
    expect(rows[0]?.text).toBe('type: gp2 / max IOPS: 16000');
    expect(rows[0]?.cells).toEqual(['gp2', '16000']);
  });

  it('keeps fenced code as one code block and never reads # inside it as a heading', () => {
    const list = sections('code-fences.md');
    expect(list.map((s) => s.title)).toEqual(['CLI', 'Create a bucket', 'List buckets']);
    const code = find(list, 'Create a bucket').blocks[1];
    expect(code?.kind).toBe('code');
    expect(code?.lang).toBe('bash');
    expect(code?.text).toContain('# this is a comment, not a heading');
  });

  it('uses the file name as the topic of a note without headings', () => {
    const [topic] = parseMarkdown('notes/07-no-headings.md', fixture('no-headings.md')).topics;
    // Its title is made from the name (title.ts); the name stays its key.
    expect(topic?.title).toBe('No Headings');
    expect(topic?.key).toEqual(['no-headings']);
    expect(topic?.depth).toBe(0);
    expect(topic?.blocks).toHaveLength(2);
    expect(topicFromFileName('dir/12-aws-cli.md')).toBe('aws-cli');
  });

  it('gives a repeated heading an occurrence key and reports it', () => {
    const parsed = parseMarkdown('duplicate-headings.md', fixture('duplicate-headings.md'));
    const list = sections('duplicate-headings.md');
    expect(list.filter((s) => s.title === 'Topics').map((s) => s.key.at(-1))).toEqual([
      'Topics',
      'Topics#2',
    ]);
    expect(parsed.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'duplicate-heading', line: 6, severity: 'error' }),
    );
  });

  it('reports empty sections', () => {
    const parsed = parseMarkdown('empty-sections.md', fixture('empty-sections.md'));
    expect(
      parsed.diagnostics.filter((d) => d.code === 'empty-section').map((d) => d.subject),
    ).toEqual(['Standard queue', 'Dead-letter queue']);
  });

  it('reads a heading with no text as no heading: its lines stay above, and check hears of it', () => {
    const text =
      '# T\n## A\nfact a\n##\nfact under an empty heading\n## \u200b\nfact under an invisible one\n## B\nfact b\n';
    const parsed = parseMarkdown('empty.md', text);
    const all = sections('empty.md', text);
    expect(all.map((s) => s.title)).toEqual(['T', 'A', 'B']);
    expect(all[1]?.blocks.map((b) => b.text)).toEqual([
      'fact a',
      'fact under an empty heading',
      'fact under an invisible one',
    ]);
    expect(parsed.diagnostics.filter((d) => d.code === 'empty-heading').map((d) => d.line)).toEqual(
      [4, 6],
    );
  });

  it('keeps emoji and strips terminal control sequences', () => {
    expect(find(sections('emoji.md'), 'Stop 🛑').blocks[0]?.text).toBe(
      'Stopped instances are not billed 👍🏽',
    );
    const text = find(sections('control-chars.md'), 'Escapes')
      .blocks.map((b) => b.text)
      .join('\n');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('A link click here shows as text.');
    expect(text).toContain('Colours red are dropped too.');
  });

  it('treats CRLF like LF', () => {
    const crlf = sections('crlf.md');
    const lf = sections('crlf.md', fixture('crlf.md').replace(/\r\n/g, '\n'));
    expect(crlf).toEqual(lf);
  });

  it('never throws and keeps its invariants on random markdown', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '# ',
        '## ',
        '##　',
        '###### ',
        '**',
        '`',
        '```',
        '~~~',
        '- ',
        '1. ',
        '> ',
        '|a|b|\n|-|-|\n|1|2|',
        '---',
        '<!--',
        '-->',
        '<div>',
        '\n',
        '\r\n',
        '\n\n',
        '：',
        '「',
        '」',
        '\u001b[2J',
        '\u0007',
        '[x](http://e)',
        '![img](a.png)',
        '\\',
        '\t',
        '　',
      ),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('EC2', 'インスタンス', '16000IOPS', 'd：標準', '👍🏽'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        const parsed = parseMarkdown('random.md', text);
        const lineCount = text.split(/\r\n|\r|\n/).length;
        for (const topic of parsed.topics) {
          walk(topic, (section) => {
            expect(section.line).toBeGreaterThanOrEqual(1);
            expect(section.line).toBeLessThanOrEqual(lineCount);
            for (const block of section.blocks) {
              expect(block.text.trim()).not.toBe('');
              expect(block.text).not.toMatch(
                /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\uE000-\uE002]/,
              );
              expect(block.line).toBeLessThanOrEqual(lineCount);
              for (const span of block.spans) {
                expect(span.start).toBeGreaterThanOrEqual(0);
                expect(span.end).toBeLessThanOrEqual(block.text.length);
                expect(span.end).toBeGreaterThan(span.start);
              }
            }
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('top-level headings', () => {
  it('start a topic also after sub-headings or text that made the file a topic', () => {
    const parsed = parseMarkdown(
      '07-notes.md',
      '## Sub\nA fact line\n\n# Real Topic\n## Part\nAnother fact\n',
    );
    expect(parsed.topics.map((t) => [t.title, t.depth, t.line])).toEqual([
      // The file's only outermost heading names it (title.ts); its key is the file name.
      ['Sub', 0, 1],
      ['Real Topic', 1, 4],
    ]);
    expect(parsed.topics[0]?.key).toEqual(['notes']);
    expect(parsed.topics[0]?.children.map((c) => c.title)).toEqual(['Sub']);
    const part = parsed.topics[1]?.children[0];
    expect(part?.path).toEqual(['Real Topic', 'Part']);
    expect(part?.key).toEqual(['Real Topic', 'Part']);
    const preamble = parseMarkdown('n.md', 'Some text first\n\n# Title\nfact\n');
    expect(preamble.topics.map((t) => t.title)).toEqual(['n', 'Title']);
  });
});
