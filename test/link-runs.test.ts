/**
 * Menus set aside before parsing (src/pipeline/link-runs.ts): the tree, positions included, must
 * equal a plain parse of the document, whatever surrounds the runs of link lines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { parseWithLinkRuns } from '../src/pipeline/link-runs.js';

const whole = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
const parse = (text: string): Root => whole.parse(text);
const RUNS = Math.max(200, Math.floor(Number(process.env['WINNOW_PROPERTY_RUNS'] ?? 1000) / 5));

/** Link lines, including ones that must not qualify (escapes, references, autolinks, spaces). */
const linkLine = fc.record({
  indent: fc.constantFrom(0, 0, 0, 1, 2, 3, 4, 4, 5, 6, 8, 8, 10, 12),
  marker: fc.constantFrom('*', '-', '+'),
  spaces: fc.constantFrom(1, 1, 3, 3, 4, 5),
  text: fc.constantFrom('Home', 'World news', 'Breakfast & Brunch', 'Tom &amp; Jerry', '', 'a *b*', 'www.example.com',
    '^1', 'x', 'Süd', 'C\\+\\+', 'q@r.st', '  padded  ', 'Politics: today'),
  url: fc.constantFrom('https://example.com/a/b', '/section/', 'u', 'https://x.org/?a=1&b=2', 'https://x.org/?a&amp;b',
    'a b', 'https://x.org/(c)', 'mailto:a@b.cd', '#'),
  title: fc.constantFrom('', '', '', ' "Title"', " 'single'", ' "a &amp; b"'),
  tail: fc.constantFrom('', '', '', ' ', ' more'),
}).map(({ indent, marker, spaces, text, url, title, tail }) =>
  `${' '.repeat(indent)}${marker}${' '.repeat(spaces)}[${text}](${url}${title})${tail}`);

/** Lines of a link or an image alone, including ones that must not qualify. */
const paragraphLine = fc.record({
  indent: fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 0, 1, 4),
  bang: fc.constantFrom('', '', '!'),
  text: fc.constantFrom('Read more', 'Logo', '', 'Photo: A. Smith', 'Süd', '  padded  ', 'Tom &amp; Jerry', 'a *b*',
    'www.example.com', '^1', 'x', 'q@r.st'),
  url: fc.constantFrom('https://example.com/a/b.jpg', '/section/', 'u', 'https://x.org/?a=1&b=2', '#', 'a b', 'https://x.org/(c)'),
  title: fc.constantFrom('', '', ' "Title"', " 'single'"),
  tail: fc.constantFrom('', '', '', '', '', '', '', ' ', '  ', ' more', '\\'),
}).map(({ indent, bang, text, url, title, tail }) => `${' '.repeat(indent)}${bang}[${text}](${url}${title})${tail}`);

/** A link or image line that qualifies. */
const plainLinkLine = fc.record({
  bang: fc.constantFrom('', '', '!'),
  text: fc.constantFrom('Read more', 'Logo', '', 'Photo: A. Smith', 'Süd', '  padded  '),
  url: fc.constantFrom('https://example.com/a/b.jpg', '/section/', 'u', 'https://x.org/?a=1&b=2', '#'),
  title: fc.constantFrom('', '', ' "Title"'),
}).map(({ bang, text, url, title }) => `${bang}[${text}](${url}${title})`);

/**
 * A paragraph of such lines between blank lines, as converters write logos and "Read more" links:
 * mostly lines that qualify, so that whole paragraphs of them are common, and now and then one that does not.
 */
const linkParagraph = fc.array(fc.oneof({ weight: 4, arbitrary: plainLinkLine }, { weight: 1, arbitrary: paragraphLine }), { minLength: 1, maxLength: 4 })
  .map((lines) => `\n${lines.join('\n')}\n`);

/** Whatever can come before, between or after menus. */
const otherLine = fc.constantFrom(
  '', '', '', 'A paragraph of text.', 'lazy continuation', '    indented four', '  indented two', '        indented eight',
  '```', '~~~', '<div>', '<!-- comment', '-->', '> a quote', '# Heading', '---', '===', '1. first', '2) second',
  '- plain item', '* [x] task done', '- [ ] task', '| a | b |', '| - | - |', '[ref]: /url', '[Home]: /defined',
  '[^1]: a note', '***', '\t- tabbed item', '*', '-   ', 'text with [Home] reference',
);

/** A menu as converters write it: items of one bullet and spacing, some with nested items. */
const menu = fc.record({
  marker: fc.constantFrom('*', '-', '+'),
  spaces: fc.constantFrom(1, 3),
  items: fc.array(fc.record({
    text: fc.constantFrom('Home', 'News & views', 'Sport', '', 'Über uns'),
    url: fc.constantFrom('https://example.com/a/', '/b', 'https://x.org/?p=1&q=2'),
    title: fc.constantFrom('', '', ' "Title"'),
    depth: fc.constantFrom(0, 0, 0, 1, 1, 2),
  }), { minLength: 3, maxLength: 10 }),
}).map(({ marker, spaces, items }) => {
  const width = 1 + spaces;
  let depth = 0;
  return items.map((item, i) => {
    // One level deeper at most than the item before: nested items sit at their parent's content column.
    depth = i === 0 ? 0 : Math.min(item.depth, depth + 1);
    const bullet = depth === 0 ? marker : '-';
    return `${' '.repeat(depth * width)}${bullet}${' '.repeat(spaces)}[${item.text}](${item.url}${item.title})`;
  }).join('\n');
});

const document = fc.array(fc.oneof({ weight: 2, arbitrary: menu }, { weight: 2, arbitrary: linkLine },
  { weight: 1, arbitrary: paragraphLine }, { weight: 3, arbitrary: linkParagraph }, { weight: 3, arbitrary: otherLine }), { minLength: 1, maxLength: 30 })
  .chain((lines) => fc.constantFrom('', '\n').map((end) => lines.join('\n') + end));

/** parseWithLinkRuns, with the texts it handed the parser. */
function parseRecording(doc: string): { tree: Root; texts: string[] } {
  const texts: string[] = [];
  const tree = parseWithLinkRuns(doc, (text) => {
    texts.push(text);
    return parse(text);
  });
  return { tree, texts };
}

describe('parseWithLinkRuns', () => {
  it('parses a stand-in instead of a paragraph of link and image lines', () => {
    const lines = '[Logo](https://example.com/)\n![A photo](https://example.com/p.jpg "Photo")\n[Read more](/more)';
    const doc = `# Title\n\n${lines}\n\nThe article starts here.\n`;
    const { tree, texts } = parseRecording(doc);
    expect(tree).toEqual(parse(doc));
    expect(texts).toEqual(['# Title\n\nx\n\nThe article starts here.\n']);
  });

  it(`equals a plain parse, positions included (${RUNS} generated documents)`, () => {
    let standIns = 0;
    let paragraphStandIns = 0;
    fc.assert(fc.property(document, (doc) => {
      const { tree, texts } = parseRecording(doc);
      // Parsed once, not as written: a stand-in was used (twice: it was read otherwise, then the document).
      if (texts.length === 1 && texts[0] !== doc) standIns++;
      if (texts.length === 1 && /(^|\n)x(\n|$)/.test(texts[0]!)) paragraphStandIns++;
      expect(tree).toEqual(parse(doc));
    }), { numRuns: RUNS });
    // The property says something only if stand-ins are often taken.
    expect(standIns).toBeGreaterThan(RUNS / 10);
    expect(paragraphStandIns).toBeGreaterThan(RUNS / 5);
  });

  it('equals a plain parse with front matter that holds link lines', () => {
    const doc = '---\nmenu:\n- [a](u)\n- [b](u)\n- [c](u)\n---\n\n* [d](u)\n* [e](u)\n* [f](u)\n';
    expect(parseWithLinkRuns(doc, parse)).toEqual(parse(doc));
  });

  it('parses a stand-in instead of a nested menu', () => {
    const menu = ['*   [Home](https://example.com/)', '*   [World](https://example.com/world/)',
      '    -   [Europe](https://example.com/world/europe/)', '    -   [Asia](https://example.com/world/asia/ "Asia")',
      '*   [Sport](https://example.com/sport/)'].join('\n');
    const doc = `# Title\n\n${menu}\n\nThe article starts here.\n`;
    const { tree, texts } = parseRecording(doc);
    expect(tree).toEqual(parse(doc));
    expect(texts).toEqual(['# Title\n\n* x\n\nThe article starts here.\n']);
  });
});
