/**
 * Parsing in pieces (src/pipeline/parse.ts) must give the tree a whole parse gives, positions
 * included. Pieces are forced as small as possible here (a cut at every allowed place), so each
 * generated document is cut many times, across the constructs that can span a blank line.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { cutPoints, remarkParseInPieces } from '../src/pipeline/parse.js';
import { documentArbitrary } from './fuzz/documents.js';

/** Each run parses a document dozens of times: a fiftieth of the property-test budget. */
const RUNS = Math.max(100, Math.floor(Number(process.env.WINNOW_PROPERTY_RUNS ?? 1_000) / 50));

const whole = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
const inPieces = unified().use(remarkParseInPieces, { pieceSize: 1 }).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

const parseWhole = (text: string): Root => whole.parse(text);
const parsePieces = (text: string): Root => inPieces.parse(text);

/** Blocks that can run across a blank line, or refer to another part of the document. */
const spanning = fc.constantFrom(
  '```\ncode\n\nnot a paragraph\n\n# nor a heading\n```',
  '```\nleft open\n\nto the end',
  '~~~~\na\n\n~~~\nstill code\n\n~~~~',
  '<!--\na comment\n\nstill a comment\n-->',
  '<pre>\npre\n\ntext\n</pre>',
  '<script>\nvar a = 1;\n\nvar b = 2;\n</script>',
  '<!-- never closed\n\ncontent',
  '- item\n\n  ```\n  open in a list\n\nafter',
  '- one\n\n- two\n\n- three',
  '1. one\n\n2. two',
  '> quote\nlazy line\n\nafter quote',
  '[ref]: https://example.org/ref "Title"',
  'See [ref] and [the ref][ref] and [Ref][].',
  '[^note]: A footnote.\n\n    Its second paragraph.',
  'A claim.[^note]',
  '    indented code\n\n    more code',
  'Setext\n======',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  '---\n\nafter a rule',
);

const block = fc.oneof(
  { weight: 3, arbitrary: documentArbitrary.map((d) => d.trim()) },
  { weight: 2, arbitrary: spanning },
);
const frontMatter = fc.constantFrom('', '---\ntitle: a\n\nauthor: b\n---\n\n', '+++\ntitle = "a"\n\nx = 1\n+++\n\n');
const doc = fc.tuple(frontMatter, fc.array(block, { minLength: 1, maxLength: 10 }), fc.constantFrom('\n\n', '\n\n\n', '\n  \n'))
  .map(([fm, blocks, sep]) => fm + blocks.join(sep) + '\n');

describe('parsing in pieces', () => {
  it(`gives the whole parse's tree, positions included (${RUNS} generated documents)`, () => {
    fc.assert(fc.property(doc, (text) => {
      expect(parsePieces(text)).toEqual(parseWhole(text));
    }), { numRuns: RUNS });
  }, 300_000);

  it('cuts only before a column-0 line after a blank line that is not a list item', () => {
    const text = 'a\n\nb\n\n  c\n\n- d\n\n1. e\n\n\tf\n\ng\nh\n';
    const starts = cutPoints(text, 1).map((offset) => text.slice(offset, text.indexOf('\n', offset)));
    expect(starts).toEqual(['b', 'g']);
  });

  it('makes no cut inside front matter', () => {
    const text = '---\na: 1\n\nb: 2\n---\n\nbody\n\nmore\n';
    const starts = cutPoints(text, 1).map((offset) => text.slice(offset, text.indexOf('\n', offset)));
    expect(starts).toEqual(['body', 'more']);
  });

  it('cuts a long document into pieces of about the asked size', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} ${'word '.repeat(40)}`).join('\n\n');
    const cuts = cutPoints(text, 4096);
    expect(cuts.length).toBeGreaterThan(10);
    for (let i = 1; i < cuts.length; i++) expect(cuts[i]! - cuts[i - 1]!).toBeGreaterThanOrEqual(4096);
  });

  it('resolves a reference to a definition in another piece, and only to a real one', () => {
    const text = 'Use [the docs][d] and [missing].\n\n```\n[missing]: https://example.org/no\n```\n\nTail.\n\n[d]: https://example.org/docs\n';
    const tree = parsePieces(text);
    expect(tree).toEqual(parseWhole(text));
    expect(JSON.stringify(tree)).toContain('"type":"linkReference"');
    expect(JSON.stringify(tree)).toContain('[missing]');
  });
});
