/**
 * fast-check arbitraries for whole scraped-article documents: prose, links, lists, tables, code
 * fences, inline and block HTML, front matter — and, now and then, one of issue 4's hostile shapes
 * at a size just past `defuse`'s limits. Kept small so that 10,000 runs stay within minutes.
 */
import fc from 'fast-check';
import { prose } from './hostile.js';

const WORDS = ['water', 'report', 'council', 'river', 'price', 'farmers', 'spring', 'minister',
  'Zürich', 'café', 'data', 'année', 'город', 'rules', 'new', 'said', 'the', 'and', 'of', 'in', 'a', '2024'];

const word = fc.constantFrom(...WORDS);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));
const url = fc.constantFrom('https://example.org/a', 'https://example.org/b_c?d=1', 'http://example.com/x(y)', '#');

/** One inline element: plain words or a piece of inline Markdown around words. */
const inline = fc.oneof(
  { weight: 6, arbitrary: words(1, 8) },
  { weight: 1, arbitrary: words(1, 3).map((w) => `*${w}*`) },
  { weight: 1, arbitrary: words(1, 3).map((w) => `**${w}**`) },
  { weight: 1, arbitrary: fc.tuple(words(1, 3), url).map(([w, u]) => `[${w}](${u})`) },
  { weight: 1, arbitrary: fc.tuple(words(0, 2), url).map(([w, u]) => `![${w}](${u})`) },
  { weight: 1, arbitrary: words(1, 2).map((w) => `\`${w}\``) },
  { weight: 1, arbitrary: fc.constantFrom('<b>bold</b>', '<span class="x">s</span>', 'a < b', 'x & y', 'AT&amp;T') },
  { weight: 1, arbitrary: fc.constantFrom('jane@example.org', 'see [1]', '[sic', 'snake_case_word', '2*3*4') },
);

const paragraph = fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));

const heading = fc.tuple(fc.integer({ min: 1, max: 4 }), words(1, 6)).map(([level, w]) => `${'#'.repeat(level)} ${w}`);

const listItems = (marker: string) => fc.array(paragraph, { minLength: 1, maxLength: 5 })
  .map((items) => items.map((item, i) => `${marker === '1.' ? `${i + 1}.` : marker} ${item}`).join('\n'));
const list = fc.oneof(
  listItems('-'), listItems('*'), listItems('1.'),
  fc.tuple(paragraph, paragraph, paragraph).map(([a, b, c]) => `- ${a}\n  - ${b}\n    - ${c}`),
);

const quote = fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((ps) => ps.map((p) => `> ${p}`).join('\n>\n'));

const codeLine = fc.oneof(words(0, 6), fc.constantFrom('  indented()', '*not emphasis*', '[x](y)', '<div>', '- item', '> q', '\ttab', '# h'));
const code = fc.tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'js', 'text'), fc.array(codeLine, { minLength: 1, maxLength: 6 }))
  .map(([fence, lang, lines]) => `${fence}${lang}\n${lines.join('\n')}\n${fence}`);

const cell = fc.oneof(words(1, 3), words(1, 2).map((w) => `*${w}*`));
const table = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })).chain(([cols, rows]) =>
  fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows + 1, maxLength: rows + 1 })
    .map((grid) => [
      `| ${grid[0]!.join(' | ')} |`,
      `|${' --- |'.repeat(cols)}`,
      ...grid.slice(1).map((row) => `| ${row.join(' | ')} |`),
    ].join('\n')));

const html = fc.oneof(
  paragraph.map((p) => `<div class="box">\n<p>${p}</p>\n</div>`),
  fc.constant('<script>alert("x")</script>'),
  fc.constant('<iframe src="https://example.org/embed"></iframe>'),
  fc.constant('<!-- a comment -->'),
  paragraph.map((p) => `<p onclick="steal()">${p}</p>`),
  fc.constant('<img src="x.png" onerror="alert(1)">'),
);

const frontMatter = fc.tuple(words(1, 5), fc.constantFrom('2024-05-01', '2019-12-31')).map(
  ([title, date]) => `---\ntitle: ${title}\ndate: ${date}\n---`);

/**
 * issue 4's hostile shapes, each just past the limit that makes `defuse` rewrite it (see
 * DEFAULT_DEFUSE_LIMITS: 8 containers on a line, 16 list levels, 32 open brackets or emphasis).
 * The shapes past its size limits are `runawayArbitrary`'s.
 */
const hostile = fc.oneof(
  fc.integer({ min: 6, max: 40 }).map((n) => `${'- '.repeat(n)}deep list`),
  fc.integer({ min: 6, max: 40 }).map((n) => `${'> '.repeat(n)}deep quote`),
  fc.integer({ min: 6, max: 40 }).map((n) => Array.from({ length: n }, (_, i) => `${'>'.repeat(i + 1)} line ${i}`).join('\n')),
  fc.integer({ min: 14, max: 40 }).map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')),
  fc.integer({ min: 30, max: 100 }).map((n) => `${'*'.repeat(n)}strong${'*'.repeat(n)}`),
  fc.integer({ min: 60, max: 150 }).map((n) => `${'*a_ '.repeat(n)}end`),
  fc.integer({ min: 60, max: 150 }).map((n) => `${'*a '.repeat(n)}b${' a*'.repeat(n)}`),
  fc.integer({ min: 30, max: 100 }).map((n) => `${'['.repeat(n)}x${']'.repeat(n)}`),
  fc.integer({ min: 30, max: 100 }).map((n) => `${'!['.repeat(n)}x${'](u)'.repeat(n)}`),
  fc.integer({ min: 4_100, max: 6_000 }).map((n) => `[${prose(n)}`),
  fc.constantFrom(
    '- item\n  <!-- comment left open\n  more',
    '- <script>\n  var x = 1;',
    '1. <pre>\n   text',
    'Follow us at Twitter@example._We post daily.',
    'Mail x@y.example._z now.',
    '<!-- unclosed comment at the top level',
  ),
);

const block = fc.oneof(
  { weight: 8, arbitrary: paragraph },
  { weight: 2, arbitrary: heading },
  { weight: 2, arbitrary: list },
  { weight: 1, arbitrary: quote },
  { weight: 2, arbitrary: code },
  { weight: 2, arbitrary: table },
  { weight: 1, arbitrary: html },
  { weight: 1, arbitrary: fc.constantFrom('---', '* * *', '') },
  { weight: 1, arbitrary: hostile },
);

/**
 * Shapes just past `defuse`'s size limits: a paragraph of 1,000 lines or more (also in a quote or
 * a list item), a line of 30,000 characters or more. Costly to clean: apart from the documents
 * above (which other property tests share), for a test of their own on fewer documents.
 */
const runaway = fc.oneof(
  fc.tuple(fc.integer({ min: 990, max: 1_100 }), fc.constantFrom('', '> ', '- ')).map(([n, prefix]) =>
    prefix + Array.from({ length: n }, (_, i) => `line ${i} of it`).join(prefix === '- ' ? '\n  ' : `\n${prefix}`)),
  fc.integer({ min: 29_000, max: 32_000 }).map((n) => prose(n)),
);

/** A few ordinary blocks around one runaway shape. */
export const runawayArbitrary = fc.tuple(fc.array(block, { maxLength: 4 }), runaway, fc.array(block, { maxLength: 4 }))
  .map(([before, shape, after]) => `${[...before, shape, ...after].join('\n\n')}\n`);

/** A whole document: optional front matter, then 1–12 blocks separated by blank lines. */
export const documentArbitrary = fc.tuple(fc.option(frontMatter, { freq: 5 }), fc.array(block, { minLength: 1, maxLength: 12 }))
  .map(([fm, blocks]) => `${fm ? `${fm}\n\n` : ''}${blocks.join('\n\n')}\n`);
