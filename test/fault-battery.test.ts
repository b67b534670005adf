/**
 * Issue 4's fault battery for broken documents: each case is converted in a batch beside an
 * ordinary article, through the CLI. Each asserts the exit code, the message that names the file
 * (and the rule or reason), and that the ordinary article came out exactly as it does alone.
 * The file-system faults (missing path, symlink loop, unwritable output, output equal to input,
 * stdout closed early, SIGINT mid-batch) are scenarios in cli.test.ts and cli-bin.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, PROSE, runCli, tempDir, writeTree } from './helpers/cli.js';
import { prose } from './fuzz/hostile.js';

const ARTICLE = article('Alpha', PROSE);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...Array(200).fill(0)]);
const LINE = prose(1 << 20);

interface Fault {
  name: string;
  content: string | Buffer;
  code: number;
  /** The message on stderr, after `winnow: <file>` (and a line number). */
  message: RegExp;
  /** What the faulty document's own JSON output must show, when it has one. */
  output?(result: { markdown: string; text: string }): void;
}

const faults: Fault[] = [
  { name: 'empty file', content: '', code: 0, message: /warning: the document has no text \[empty-input\]/ },
  { name: 'whitespace only', content: '  \n\t\n\n', code: 0, message: /warning: the document has no text \[empty-input\]/ },
  { name: 'BOM only', content: Buffer.from([0xef, 0xbb, 0xbf]), code: 0, message: /warning: the document has no text \[empty-input\]/ },
  { name: 'binary (a PNG saved as .md)', content: PNG, code: 1, message: /binary|not text/i },
  {
    name: 'invalid UTF-8', content: Buffer.from('Caf\xe9 au lait and a sentence long enough to keep.\n', 'latin1'), code: 0,
    message: /warning: not valid UTF-8; decoded as windows-1252 \[decode-legacy\]/,
    output: (r) => expect(r.text).toContain('Café au lait'),
  },
  {
    name: 'UTF-16 LE with BOM', content: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Grüße aus Köln, a sentence of text.\n', 'utf16le')]),
    code: 0, message: /^$/, output: (r) => expect(r.text).toContain('Grüße aus Köln'),
  },
  {
    name: 'NUL bytes', content: 'Text with\0 NUL\0 bytes inside a sentence that stays.\n', code: 0,
    message: /warning: removed 2 control characters .*\[normalize-control-chars\]/,
    output: (r) => expect(r.text).toContain('Text with NUL bytes inside'),
  },
  {
    name: '1 MB single line', content: `${LINE}\n`, code: 0, message: /warning: split 1 line .*\[defuse-long-line\]/,
    output: (r) => expect(r.text.split(/\s+/).filter(Boolean).length).toBe(LINE.split(/\s+/).filter(Boolean).length),
  },
  { name: '10,000 nested list markers', content: `${'- '.repeat(10_000)}x\n`, code: 0, message: /warning: flattened 1 line .*\[defuse-nesting\]/ },
  { name: '10,000 nested quote markers', content: `${'> '.repeat(10_000)}x\n`, code: 0, message: /warning: flattened 1 line .*\[defuse-nesting\]/ },
  { name: '10,000 nested brackets', content: `${'['.repeat(10_000)}x${']'.repeat(10_000)}\n`, code: 0, message: /warning: escaped \d+ brackets .*\[defuse-brackets\]/ },
  { name: '10,000 nested images', content: `${'!['.repeat(10_000)}x${'](u)'.repeat(10_000)}\n`, code: 0, message: /warning: .*\[defuse-brackets\]/ },
  { name: '10,000 nested emphasis', content: `${'*_'.repeat(10_000)}a${'_*'.repeat(10_000)}\n`, code: 0, message: /warning: .*\[defuse-emphasis\]/ },
  {
    name: 'unclosed constructs (fence, comment, bracket)', code: 0, message: /^$/,
    content: `${PROSE[0]} [An unclosed bracket ${PROSE[1]}\n\n${PROSE[2]} *Emphasis never closed.\n\n<!-- a comment never closed\n\n\`\`\`js\nconst code = 'never closed';\n`,
    // The article's text is all there; the comment, never closed, runs to the end and is dropped.
    output: (r) => {
      for (const paragraph of PROSE) expect(r.text).toContain(paragraph);
      expect(r.text).toContain('[An unclosed bracket');
      expect(r.text).not.toContain('never closed;');
    },
  },
];

let tmp: ReturnType<typeof tempDir>;
let alone: string;

beforeAll(async () => {
  tmp = tempDir();
  writeTree(tmp.dir, { 'alone/a.md': ARTICLE });
  const r = await runCli([path.join(tmp.dir, 'alone', 'a.md'), '-f', 'json']);
  expect(r.code).toBe(0);
  alone = JSON.parse(r.stdout).markdown;
});
afterAll(() => tmp.cleanup());

describe('fault battery: a broken document beside an ordinary one', () => {
  faults.forEach((fault, i) => {
    it(fault.name, async () => {
      const dir = path.join(tmp.dir, `case${i}`);
      writeTree(dir, { 'in/a.md': ARTICLE, 'in/fault.md': fault.content });
      const r = await runCli([path.join(dir, 'in'), '--out-dir', path.join(dir, 'out'), '-f', 'json']);
      expect(r.code, r.stderr).toBe(fault.code);
      // Every line about the faulty file names it; the message is the one expected.
      const file = path.join(dir, 'in', 'fault.md');
      const lines = r.stderr.split('\n').filter((l) => l.includes('fault.md'));
      const about = lines.map((l) => l.slice(l.indexOf(file) + file.length).replace(/^:\d+/, '').replace(/^: /, '')).join('\n');
      expect(about).toMatch(fault.message);
      // The ordinary article is untouched by its neighbour.
      const a = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'a.json'), 'utf8'));
      expect(a.markdown).toBe(alone);
      const out = path.join(dir, 'out', 'fault.json');
      if (fault.code === 0) {
        const result = JSON.parse(fs.readFileSync(out, 'utf8'));
        fault.output?.(result);
      } else {
        expect(fs.existsSync(out)).toBe(false);
        expect(lines).toHaveLength(1);
      }
    }, 60_000);
  });

  it('a directory given as the output file is an error naming it; the input is untouched', async () => {
    const dir = path.join(tmp.dir, 'dir-as-file');
    writeTree(dir, { 'a.md': ARTICLE, 'out/keep.txt': 'mine' });
    const r = await runCli([path.join(dir, 'a.md'), '-o', path.join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([`winnow: ${path.join(dir, 'out')}: is a directory (EISDIR)`]);
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(ARTICLE);
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(['keep.txt']);
  });
});
