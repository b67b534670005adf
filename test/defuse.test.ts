import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import type { Nodes } from 'mdast';
import { defuse, DEFAULT_DEFUSE_LIMITS } from '../src/defuse.js';
import { hostileCases, prose } from './fuzz/hostile.js';
import { ordinaryDocuments } from './fuzz/ordinary.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkStringify);
const parse = (text: string) => processor.parse(text);
const roundTrip = (text: string) => String(processor.processSync(text));

function depth(node: Nodes): number {
  // Iterative, so that measuring a deep tree cannot overflow the stack itself.
  let max = 0;
  const stack: [Nodes, number][] = [[node, 1]];
  while (stack.length) {
    const [current, level] = stack.pop()!;
    max = Math.max(max, level);
    if ('children' in current) for (const child of current.children) stack.push([child as Nodes, level + 1]);
  }
  return max;
}

const rules = (text: string) => defuse(text).warnings.map((w) => w.rule);
const hostile = (name: string) => hostileCases().find((c) => c.name === name)!.build();

describe('defuse: ordinary documents pass through byte-identical', () => {
  it('the seed fixture', () => {
    const text = readFileSync(new URL('../fixtures/global-research-2018-06-01.md', import.meta.url), 'utf8');
    expect(defuse(text)).toEqual({ text, warnings: [], origin: null });
  });

  for (const [name, text] of Object.entries(ordinaryDocuments)) {
    it(name, () => expect(defuse(text)).toEqual({ text, warnings: [], origin: null }));
  }

  it('empty and whitespace-only input', () => {
    expect(defuse('')).toEqual({ text: '', warnings: [], origin: null });
    expect(defuse(' \n\n\t \n')).toEqual({ text: ' \n\n\t \n', warnings: [], origin: null });
  });
});

describe('defuse: nesting', () => {
  it('flattens 10,000 list markers on one line', () => {
    const out = defuse(hostile('list-depth'));
    expect(out.warnings.map((w) => w.rule)).toEqual(['defuse-nesting']);
    expect(out.warnings[0]!.line).toBe(1);
    expect(depth(parse(out.text))).toBeLessThanOrEqual(2 * DEFAULT_DEFUSE_LIMITS.maxLineDepth + 4);
    expect(out.text.trimEnd().endsWith('x')).toBe(true);
  });

  it('flattens 10,000 blockquote markers', () => {
    const out = defuse(hostile('quote-depth'));
    expect(rules(hostile('quote-depth'))).toEqual(['defuse-nesting']);
    expect(depth(parse(out.text))).toBeLessThanOrEqual(DEFAULT_DEFUSE_LIMITS.maxLineDepth + 4);
    expect(() => roundTrip(out.text)).not.toThrow();
  });

  it('flattens quote levels growing line by line', () => {
    const input = hostileCases(0.1).find((c) => c.name === 'quote-lines')!.build();
    const out = defuse(input);
    expect(rules(input)).toContain('defuse-nesting');
    expect(depth(parse(out.text))).toBeLessThanOrEqual(DEFAULT_DEFUSE_LIMITS.maxLineDepth + 4);
    for (let i = 0; i < 150; i++) expect(out.text).toContain(`line ${i}\n`);
  });

  it('makes list items nested by indentation beyond the limit siblings, keeping every item', () => {
    const input = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- item ${i}\n`).join('');
    const out = defuse(input);
    expect(out.warnings.map((w) => w.rule)).toEqual(['defuse-list-depth']);
    const tree = parse(out.text);
    expect(depth(tree)).toBeLessThanOrEqual(2 * DEFAULT_DEFUSE_LIMITS.maxListDepth + 4);
    const text = roundTrip(out.text);
    for (let i = 0; i < 200; i++) expect(text).toContain(`item ${i}\n`);
  });

  it('counts tab indentation in columns', () => {
    const input = Array.from({ length: 200 }, (_, i) => `${'\t'.repeat(i)}- item ${i}\n`).join('');
    const out = defuse(input);
    expect(out.warnings.map((w) => w.rule)).toEqual(['defuse-list-depth']);
    expect(depth(parse(out.text))).toBeLessThanOrEqual(2 * DEFAULT_DEFUSE_LIMITS.maxListDepth + 4);
  });

  it('tracks list nesting inside blockquotes', () => {
    const input = Array.from({ length: 200 }, (_, i) => `> ${'  '.repeat(i)}- item ${i}\n`).join('');
    const out = defuse(input);
    expect(out.warnings.map((w) => w.rule)).toEqual(['defuse-list-depth']);
    expect(depth(parse(out.text))).toBeLessThanOrEqual(2 * DEFAULT_DEFUSE_LIMITS.maxListDepth + 6);
    for (let i = 0; i < 200; i++) expect(out.text).toContain(`item ${i}\n`);
  });

  it('moves a deep item\'s continuation lines and code with it', () => {
    const deep = 40;
    const lines = Array.from({ length: deep }, (_, i) => `${'  '.repeat(i)}- level ${i}`);
    const indent = '  '.repeat(deep);
    lines.push(`${indent}continued paragraph`, '', `${indent}\`\`\``, `${indent}  code line`, `${indent}\`\`\``);
    const out = defuse(lines.join('\n') + '\n');
    const tree = parse(out.text);
    const code = tree.children.length > 0 && JSON.stringify(tree).includes('"value":"  code line"');
    expect(code).toBe(true);
    expect(out.text).toContain('continued paragraph');
  });

  it('escapes 10,000-level nested emphasis (a run with nothing between is cut into paragraphs instead)', () => {
    const rules = { 'emphasis-run': 'defuse-long-line', 'emphasis-alternating': 'defuse-emphasis', 'emphasis-words': 'defuse-emphasis' };
    for (const [name, rule] of Object.entries(rules)) {
      const out = defuse(hostile(name));
      expect(out.warnings.map((w) => w.rule)).toContain(rule);
      expect(depth(parse(out.text))).toBeLessThanOrEqual(DEFAULT_DEFUSE_LIMITS.maxOpenEmphasis + 4);
    }
  });

  it('escapes 10,000-level nested brackets and images', () => {
    for (const name of ['brackets-nested', 'images-nested', 'images-open']) {
      const out = defuse(hostile(name));
      expect(out.warnings.map((w) => w.rule)).toContain('defuse-brackets');
      expect(depth(parse(out.text))).toBeLessThanOrEqual(DEFAULT_DEFUSE_LIMITS.maxBracketDepth + 4);
    }
  });

  it('escapes runs of mismatched emphasis', () => {
    const out = defuse(hostile('emphasis-mismatched'));
    expect(out.warnings.map((w) => w.rule)).toContain('defuse-emphasis');
    expect(out.text.replace(/[\\\s]/g, '')).toBe(hostile('emphasis-mismatched').replace(/\s/g, ''));
  });
});

describe('defuse: long input', () => {
  it('escapes an `[` left open before long prose, and only that', () => {
    const input = `[${prose(20_000)}\n`;
    const out = defuse(input);
    expect(out.warnings.map((w) => w.rule)).toEqual(['defuse-unclosed-bracket']);
    expect(out.text).toBe(`\\${input}`);
  });

  it('leaves a long link text or a long data URI in a link alone', () => {
    const input = `[![logo](data:image/png;base64,${'QUJD'.repeat(5_000)})](https://example.org/)\n\n[${prose(3_000)}](https://example.org/)\n`;
    expect(defuse(input)).toEqual({ text: input, warnings: [], origin: null });
  });

  it('splits a 1 MB single line of prose into paragraphs, keeping every word', () => {
    const input = `${prose(1 << 20)}\n`;
    const out = defuse(input);
    expect(out.warnings.map((w) => w.rule)).toEqual(['defuse-long-line']);
    const lines = out.text.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(DEFAULT_DEFUSE_LIMITS.maxLineLength);
    expect(out.text.split(/\s+/).join(' ')).toBe(input.split(/\s+/).join(' '));
  });

  it('does not break a long line that has no space (a URL, a data URI)', () => {
    const input = `![](data:image/png;base64,${'QUJD'.repeat(50_000)})\n`;
    expect(defuse(input)).toEqual({ text: input, warnings: [], origin: null });
  });

  it('cuts a dense line with no space into paragraphs, without turning a piece into another block', () => {
    // Links glued together, then runs of `*`, `~`, `<` and backticks: each piece must stay a
    // paragraph of the list item, with every character of the line still there as text.
    const glued = '[a](u)'.repeat(1_500) + '*'.repeat(3_000) + '~<`'.repeat(1_000);
    const out = defuse(`- ${glued}\n`);
    expect(out.warnings.map((w) => w.rule)).toContain('defuse-long-line');
    const tree = parse(out.text);
    expect(tree.children).toHaveLength(1);
    const item = (tree.children[0] as { children: { children: Nodes[] }[] }).children[0]!;
    expect(item.children.length).toBeGreaterThan(3);
    expect(new Set(item.children.map((c) => c.type))).toEqual(new Set(['paragraph']));
    // Every link survives whole: no cut lands inside one.
    expect(JSON.stringify(tree).match(/"type":"link"/g)?.length).toBe(1_500);
  });

  it('does not cut a line that is dense only with `_` or `&` (they fill long URLs)', () => {
    const input = `https://example.com/?${'a_b&c=d_'.repeat(5_000)}\n`;
    expect(defuse(input).text).toBe(input);
  });

  it('splits a paragraph of many dense lines, inside its blockquote', () => {
    const input = '> a *line* of text\n'.repeat(900);
    const out = defuse(input);
    expect(out.warnings.map((w) => w.rule)).toEqual(['defuse-long-paragraph']);
    const tree = parse(out.text);
    expect(tree.children).toHaveLength(1);
    expect(tree.children[0]!.type).toBe('blockquote');
    expect((tree.children[0] as { children: unknown[] }).children.length).toBeGreaterThan(1);
    expect(out.text.split('\n').filter((l) => l === '> a *line* of text')).toHaveLength(900);
  });

  it('joins the lines of a runaway paragraph past the limit, keeping every word in order', () => {
    const input = hostileCases(0.2).find((c) => c.name === 'paragraph-lines')!.build();
    const out = defuse(input);
    expect(out.warnings).toEqual([expect.objectContaining({ rule: 'defuse-paragraph-lines', line: DEFAULT_DEFUSE_LIMITS.maxParagraphLines + 1 })]);
    const lines = out.text.split('\n');
    // The first lines stay as they are; the rest are long lines, each a paragraph of its own.
    expect(lines.slice(0, DEFAULT_DEFUSE_LIMITS.maxParagraphLines - 1).every((l) => l === 'a line of text')).toBe(true);
    expect(lines.length).toBeLessThan(DEFAULT_DEFUSE_LIMITS.maxParagraphLines + 200);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(DEFAULT_DEFUSE_LIMITS.maxLineLength);
    expect(out.text.split(/\s+/).join(' ')).toBe(input.split(/\s+/).join(' '));
    expect(parse(out.text).children.every((c) => c.type === 'paragraph')).toBe(true);
  });

  it('joins a runaway paragraph inside its blockquote and list item', () => {
    const input = `> ${'a line of text\n> '.repeat(3_000)}end\n\n- ${'item text\n  '.repeat(3_000)}end\n`;
    const out = defuse(input, { maxLineLength: 1_000 });
    expect(rules(input)).toEqual(['defuse-paragraph-lines']);
    const tree = parse(out.text);
    expect(tree.children.map((c) => c.type)).toEqual(['blockquote', 'list']);
    const [quote, list] = tree.children as unknown as [{ children: Nodes[] }, { children: { children: Nodes[] }[] }];
    expect(quote.children.length).toBeGreaterThan(20);
    expect(quote.children.every((c) => c.type === 'paragraph')).toBe(true);
    expect(list.children).toHaveLength(1);
    expect(list.children[0]!.children.length).toBeGreaterThan(20);
    expect(out.text.split(/[\s>]+/).join(' ')).toBe(input.split(/[\s>]+/).join(' '));
  });

  it('joins only plain paragraph lines: not across hard breaks, headings, blocks, HTML or definitions', () => {
    const limits = { maxParagraphLines: 1 };
    const keep = [
      'a  \nb  \nc\\\nd\n', // hard breaks
      'a\n===\n\nb\n---\n\nc\n***\n', // setext headings, thematic break
      'a\n# h\nb\n> q\nc\n- i\n', // blocks that interrupt a paragraph
      'a\n```\nx\ny\n```\n', // fence
      '<div>\na\nb\n</div>\n\n<pre>\na\n\nb\nc\n</pre>\n', // HTML blocks
      '[a]: https://example.org/a\n[b]: https://example.org/b\n[c]: https://example.org/c\n', // definitions
      '    code\n    more\n    code\n', // indented code
      '| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n', // table
      '---\ntitle: x\nmore: y\nlast: z\n---\n', // front matter
    ];
    for (const input of keep) expect(defuse(input, limits), input).toEqual({ text: input, warnings: [], origin: null });
    expect(defuse('a\nb\nc\n', limits).text).toBe('a b c\n');
    expect(defuse('a\nb \nc  \nd\ne\n', limits).text).toBe('a b c  \nd e\n');
  });

  it('leaves raw HTML blocks whole, up to their terminator or the end of their list item', () => {
    const input = hostileCases(0.1).find((c) => c.name === 'html-open-in-list')!.build();
    const out = defuse(input, { maxParagraphCost: 10, maxParagraphLines: 5 });
    expect(out.warnings.map((w) => w.rule)).toEqual(['defuse-unclosed-html']);
    const lines = out.text.split('\n');
    const end = lines.findIndex((l) => l.endsWith('-->'));
    expect(lines.slice(0, end + 1).join('\n')).toBe(input.split('\n').slice(0, end + 1).join('\n') + ' -->');
    // After the list item, the comment is over: a paragraph there is defused again.
    const after = `${input}${'more text\n'.repeat(10)}`;
    expect(rules(after)).toEqual(['defuse-unclosed-html']);
    expect(defuse(after, { maxParagraphLines: 5 }).warnings.map((w) => w.rule)).toEqual(['defuse-unclosed-html', 'defuse-paragraph-lines']);
  });

  it('makes the rows of a runaway table past the limit text, keeping every cell in order', () => {
    const input = '| a | b |\n| - | - |\n' + Array.from({ length: 5_000 }, (_, i) => `| cell ${i} | value ${i} |\n`).join('');
    const out = defuse(input);
    expect(out.warnings.map((w) => w.rule)).toEqual(['defuse-long-table']);
    const tree = parse(out.text);
    expect(tree.children[0]!.type).toBe('table');
    expect((tree.children[0] as { children: unknown[] }).children).toHaveLength(DEFAULT_DEFUSE_LIMITS.maxTableRows + 1);
    expect(tree.children.slice(1).every((c) => c.type === 'paragraph')).toBe(true);
    expect(out.text.split(/[\s|]+/).join(' ')).toBe(input.split(/[\s|]+/).join(' '));
    expect(defuse(out.text)).toEqual({ text: out.text, warnings: [], origin: null });
  });

  it('never touches fenced code, however hostile its content', () => {
    const body = ['> ```', '- '.repeat(100) + 'x', '> '.repeat(100) + 'y', '*'.repeat(500) + 'z', `[${prose(10_000)}`, 'x@y._z']
      .join('\n');
    const input = `Intro.\n\n\`\`\`text\n${body}\n\`\`\`\n\nOutro.\n`;
    expect(defuse(input)).toEqual({ text: input, warnings: [], origin: null });
  });

  it('leaves large tables whole', () => {
    const input = '| a | b |\n| - | - |\n' + '| [cell] | *value* |\n'.repeat(DEFAULT_DEFUSE_LIMITS.maxTableRows);
    expect(defuse(input)).toEqual({ text: input, warnings: [], origin: null });
  });

  it('leaves long paragraphs of ordinary length alone', () => {
    const input = `${'a hard-wrapped line of an ordinary paragraph\n'.repeat(DEFAULT_DEFUSE_LIMITS.maxParagraphLines)}\n${prose(DEFAULT_DEFUSE_LIMITS.maxLineLength)}\n`;
    expect(defuse(input)).toEqual({ text: input, warnings: [], origin: null });
  });

  it('splits a long line in a list item into paragraphs of that item', () => {
    const input = `- ${prose(100_000)}\n`;
    const out = defuse(input);
    expect(out.warnings.map((w) => w.rule)).toEqual(['defuse-long-line']);
    const tree = parse(out.text);
    expect(tree.children).toHaveLength(1);
    const item = (tree.children[0] as { children: { children: Nodes[] }[] }).children;
    expect(item).toHaveLength(1);
    expect(item[0]!.children.length).toBeGreaterThan(3);
  });
});

describe('defuse: shapes that never settle under parse+stringify', () => {
  const settles = (input: string) => {
    const once = roundTrip(defuse(input).text);
    const twice = roundTrip(defuse(once).text);
    expect(twice).toBe(once);
  };

  for (const [name, input] of Object.entries({
    'unclosed comment in a list item': '- item\n  <!-- note\n  more\n\nAfter the list.\n',
    'unclosed script in a list item': '- <script>\n  var x = 1;\n\nAfter.\n',
    'unclosed pre in a list item': '1. <pre>\n   text\n\n2. next\n\nAfter.\n',
    'e-mail literal with _ in the domain': 'Follow us at Twitter@example._We post daily.\n',
    'e-mail literal with a bad last label': 'Mail x@y.example._z now.\n',
  })) {
    it(name, () => {
      expect(rules(input).length).toBe(1);
      settles(input);
    });
  }

  it('leaves closed HTML blocks in list items and valid e-mail literals alone', () => {
    const input = '- item\n  <!-- note -->\n\n- <pre>\n  x\n  </pre>\n\nMail me at jane.doe@example.org.\n';
    expect(defuse(input)).toEqual({ text: input, warnings: [], origin: null });
  });
});

describe('defuse: properties', () => {
  it('is idempotent on every hostile case', () => {
    for (const c of hostileCases(0.1)) {
      const once = defuse(c.build()).text;
      expect(defuse(once), c.name).toEqual({ text: once, warnings: [], origin: null });
    }
  });

  it('only adds characters to prose: every hostile input minus escapes and inserted whitespace', () => {
    for (const c of hostileCases(0.05)) {
      const input = c.build();
      const squeeze = (text: string) => text.replace(/[\\\s>]/g, '');
      if (c.name === 'list-depth' || c.name.startsWith('quote') || c.name === 'list-indent' || c.name === 'html-open-in-list') continue;
      expect(squeeze(defuse(input).text), c.name).toBe(squeeze(input));
    }
  });

  it('measures spans the same on text it escaped: nested images settle after one round trip', () => {
    const once = roundTrip(defuse(hostile('images-nested')).text);
    expect(roundTrip(defuse(once).text)).toBe(once);
  });

  it('reports 1-based input lines', () => {
    const out = defuse(`ok\n\nfine\n${'> '.repeat(100)}deep\n`);
    expect(out.warnings).toEqual([expect.objectContaining({ rule: 'defuse-nesting', line: 4 })]);
  });

  it('maps every output line back to its input line', () => {
    const input = `first\n\n${'> a line\n'.repeat(30)}last\n`;
    const out = defuse(input, { maxParagraphCost: 10 });
    const inputLines = input.split('\n');
    const outputLines = out.text.split('\n');
    expect(out.origin).toHaveLength(outputLines.length);
    outputLines.forEach((line, i) => {
      if (line.replace(/>/g, '').trim() !== '') expect(inputLines[out.origin![i]!]).toBe(line);
    });
    expect(outputLines.length).toBeGreaterThan(inputLines.length);
  });

  it('takes custom limits', () => {
    expect(defuse('> > > > x\n', { maxLineDepth: 2 }).text).toBe('> > x\n');
  });
});
