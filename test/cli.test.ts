/**
 * CLI scenarios run in-process through main(): arguments, stdin and files in; exit code, stdout
 * and stderr out. Content assertions stay loose (a heading present, a boilerplate line absent)
 * so that they hold while the cleaning rules improve.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, listFiles, PROSE, runCli, SEED, tempDir, writeTree, type CliResult } from './helpers/cli.js';

const SEED_TITLE = '# Syria Is the Next Step in the Russian-Saudi Rapprochement';
const JSON_KEYS = ['file', 'metadata', 'kind', 'markdown', 'text', 'removed', 'warnings', 'stats'];
const METADATA_KEYS = ['title', 'authors', 'date', 'site', 'url', 'tags', 'lang', 'description', 'sources'];
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...Array(200).fill(0)]);

let tmp: ReturnType<typeof tempDir>;
let T: string; // the temp dir
let n = 0;
/** A fresh folder per scenario, so scenarios never see each other's outputs. */
const fresh = (): string => {
  const dir = path.join(T, `s${n++}`);
  fs.mkdirSync(dir);
  return dir;
};

beforeAll(() => {
  tmp = tempDir();
  T = tmp.dir;
});
afterAll(() => tmp.cleanup());

interface Scenario {
  name: string;
  /** Builds the inputs and returns the arguments (and stdin). */
  setup(dir: string): { args: string[]; stdin?: string | Buffer };
  code: number;
  check?(r: CliResult, dir: string): void;
}

const scenarios: Scenario[] = [
  {
    name: 'a file prints clean Markdown on stdout',
    setup: () => ({ args: [SEED] }),
    code: 0,
    check: (r) => {
      expect(r.stdout).toContain(SEED_TITLE);
      expect(r.stdout).not.toContain('Become a Member');
      expect(r.stderr).toBe('');
    },
  },
  {
    name: 'piped stdin without a path is one document',
    setup: () => ({ args: [], stdin: fs.readFileSync(SEED) }),
    code: 0,
    check: (r) => expect(r.stdout).toContain(SEED_TITLE),
  },
  {
    name: '- reads stdin',
    setup: () => ({ args: ['-', '-f', 'json'], stdin: article('Bridge closed', PROSE) }),
    code: 0,
    check: (r) => {
      const doc = JSON.parse(r.stdout);
      expect(doc.file).toBeNull();
      expect(doc.markdown).toContain('Bridge closed');
    },
  },
  {
    name: 'no path and stdin a terminal is a usage error',
    setup: () => ({ args: [] }),
    code: 2,
    check: (r) => {
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^winnow: no input/m);
    },
  },
  {
    name: '--format text has no Markdown syntax and no URLs',
    setup: () => ({ args: [SEED, '-f', 'text'] }),
    code: 0,
    check: (r) => {
      expect(r.stdout).toContain('Syria Is the Next Step in the Russian-Saudi Rapprochement');
      expect(r.stdout).not.toMatch(/^#/m);
      expect(r.stdout).not.toMatch(/https?:\/\//);
      expect(r.stdout).not.toMatch(/\n\n\n/);
    },
  },
  {
    name: '--format json has exactly the contract keys',
    setup: () => ({ args: [SEED, '-f', 'json'] }),
    code: 0,
    check: (r) => {
      const doc = JSON.parse(r.stdout);
      expect(Object.keys(doc)).toEqual(JSON_KEYS);
      expect(Object.keys(doc.metadata)).toEqual(METADATA_KEYS);
      expect(doc.file).toBe(SEED);
      expect(doc.metadata.title).toBe('Syria Is the Next Step in the Russian-Saudi Rapprochement');
      expect(Array.isArray(doc.metadata.authors)).toBe(true);
      expect(doc.removed.length).toBeGreaterThan(0);
      expect(Object.keys(doc.removed[0])).toEqual(['rule', 'reason', 'line', 'text']);
      expect(Object.keys(doc.stats)).toEqual(['wordsIn', 'wordsOut']);
      expect(doc.stats.wordsOut).toBeLessThan(doc.stats.wordsIn);
    },
  },
  {
    name: '--format ndjson is one line per document',
    setup: () => ({ args: [SEED, '-f', 'ndjson'] }),
    code: 0,
    check: (r) => {
      const lines = r.stdout.split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toBe('');
      expect(JSON.parse(lines[0]!).file).toBe(SEED);
    },
  },
  {
    name: '--format mdast prints the tree',
    setup: () => ({ args: [SEED, '-f', 'mdast'] }),
    code: 0,
    check: (r) => {
      const tree = JSON.parse(r.stdout);
      expect(tree.type).toBe('root');
      expect(tree.children.some((c: { type: string; depth?: number }) => c.type === 'heading' && c.depth === 1)).toBe(true);
    },
  },
  {
    name: '--front-matter prepends YAML',
    setup: () => ({ args: [SEED, '--front-matter'] }),
    code: 0,
    check: (r) => {
      expect(r.stdout.startsWith('---\n')).toBe(true);
      expect(r.stdout).toMatch(/^title: .*Syria/m);
    },
  },
  {
    name: '-o writes the file and nothing on stdout',
    setup: (dir) => ({ args: [SEED, '-o', path.join(dir, 'sub', 'out.md')] }),
    code: 0,
    check: (r, dir) => {
      expect(r.stdout).toBe('');
      expect(fs.readFileSync(path.join(dir, 'sub', 'out.md'), 'utf8')).toContain(SEED_TITLE);
      expect(listFiles(dir)).toEqual([path.join('sub', 'out.md')]);
    },
  },
  {
    name: '--explain lists every removal on stderr',
    setup: () => ({ args: [SEED, '--explain'] }),
    code: 0,
    check: (r) => {
      const lines = r.stderr.trim().split('\n');
      expect(lines.length).toBeGreaterThan(3);
      for (const line of lines) expect(line).toMatch(/^.+:\d+: [a-z0-9-]+: .+ \| .*/);
      expect(r.stderr).toContain('Become a Member');
    },
  },
  {
    name: 'a folder without --out-dir or ndjson is a usage error',
    setup: (dir) => {
      writeTree(dir, { 'a.md': article('A', PROSE) });
      return { args: [dir] };
    },
    code: 2,
    check: (r) => expect(r.stderr).toMatch(/--out-dir/),
  },
  {
    name: 'several files with -f json and no --out-dir is a usage error',
    setup: () => ({ args: [SEED, SEED, '-f', 'json'] }),
    code: 2,
  },
  {
    name: 'a folder is mirrored under --out-dir; other files are skipped and counted',
    setup: (dir) => {
      writeTree(dir, {
        'in/a.md': article('Alpha', PROSE),
        'in/deep/er/b.markdown': article('Beta', PROSE),
        'in/c.txt': PROSE.join('\n\n'),
        'in/image.png': PNG,
        'in/notes.html': '<p>x</p>',
      });
      return { args: [path.join(dir, 'in'), '--out-dir', path.join(dir, 'out')] };
    },
    code: 0,
    check: (r, dir) => {
      expect(listFiles(path.join(dir, 'out'))).toEqual(['a.md', 'c.md', path.join('deep', 'er', 'b.md')]);
      expect(fs.readFileSync(path.join(dir, 'out', 'deep', 'er', 'b.md'), 'utf8')).toContain('# Beta');
      expect(r.stderr).toMatch(/winnow: 3 documents, 2 skipped, 0 failed/);
    },
  },
  {
    name: '--out-dir takes the extension of the format',
    setup: (dir) => {
      writeTree(dir, { 'in/a.md': article('Alpha', PROSE), 'in/b.txt': PROSE.join('\n\n') });
      return { args: [path.join(dir, 'in'), '--out-dir', path.join(dir, 'out'), '-f', 'json', '-q'] };
    },
    code: 0,
    check: (r, dir) => {
      expect(listFiles(path.join(dir, 'out'))).toEqual(['a.json', 'b.json']);
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'out', 'a.json'), 'utf8')).metadata.title).toBe('Alpha');
      expect(r.stderr).toBe('');
    },
  },
  {
    name: 'an --out-dir inside the input folder is not read back',
    setup: (dir) => {
      writeTree(dir, { 'a.md': article('Alpha', PROSE), 'out/old.md': article('Old output', PROSE) });
      return { args: [dir, '--out-dir', path.join(dir, 'out')] };
    },
    code: 0,
    check: (r, dir) => {
      expect(listFiles(path.join(dir, 'out'))).toEqual(['a.md', 'old.md']);
      expect(r.stderr).toMatch(/1 document, 0 skipped/);
    },
  },
  {
    name: 'several files as ndjson come out in argument order',
    setup: (dir) => {
      writeTree(dir, { 'z.md': article('Zulu', PROSE), 'a.md': article('Alpha', PROSE) });
      return { args: [path.join(dir, 'z.md'), path.join(dir, 'a.md'), '-f', 'ndjson', '-q'] };
    },
    code: 0,
    check: (r) => {
      const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(docs.map((d) => d.metadata.title)).toEqual(['Zulu', 'Alpha']);
    },
  },
  {
    name: 'a missing path is an error; the other files are still converted',
    setup: (dir) => {
      writeTree(dir, { 'a.md': article('Alpha', PROSE) });
      return { args: [path.join(dir, 'a.md'), path.join(dir, 'nope.md'), '--out-dir', path.join(dir, 'out')] };
    },
    code: 1,
    check: (r, dir) => {
      expect(r.stderr).toContain(`winnow: ${path.join(dir, 'nope.md')}: no such file or directory`);
      expect(listFiles(path.join(dir, 'out'))).toEqual(['a.md']);
    },
  },
  {
    name: 'a lone missing file fails with exit 1',
    setup: (dir) => ({ args: [path.join(dir, 'nope.md')] }),
    code: 1,
    check: (r) => expect(r.stderr.trim().split('\n')).toHaveLength(1),
  },
  {
    name: 'an empty file gives empty output and a warning',
    setup: (dir) => {
      writeTree(dir, { 'empty.md': '' });
      return { args: [path.join(dir, 'empty.md')] };
    },
    code: 0,
    check: (r) => {
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/empty\.md: warning: /);
    },
  },
  {
    name: 'a binary file is refused by name; the other documents are converted',
    setup: (dir) => {
      writeTree(dir, { 'in/a.md': article('Alpha', PROSE), 'in/picture.md': PNG });
      return { args: [path.join(dir, 'in'), '--out-dir', path.join(dir, 'out')] };
    },
    code: 1,
    check: (r, dir) => {
      const errors = r.stderr.split('\n').filter((l) => l.includes('picture.md'));
      expect(errors).toHaveLength(1);
      expect(listFiles(path.join(dir, 'out'))).toEqual(['a.md']);
    },
  },
  {
    name: '--max-size refuses a larger file before reading it',
    setup: (dir) => {
      writeTree(dir, { 'a.md': article('Alpha', PROSE) });
      return { args: [path.join(dir, 'a.md'), '--max-size', '100'] };
    },
    code: 1,
    check: (r) => expect(r.stderr).toMatch(/a\.md: too large: .* > --max-size 100 bytes/),
  },
  {
    name: '--max-size applies to stdin',
    setup: () => ({ args: ['--max-size', '1KB'], stdin: 'x'.repeat(5000) }),
    code: 1,
    check: (r) => expect(r.stderr).toMatch(/^winnow: -: too large/),
  },
  {
    name: '-o equal to the input is refused and the input is untouched',
    setup: (dir) => {
      writeTree(dir, { 'a.md': article('Alpha', PROSE) });
      return { args: [path.join(dir, 'a.md'), '-o', path.join(dir, 'a.md')] };
    },
    code: 2,
    check: (r, dir) => {
      expect(r.stderr).toMatch(/refusing to write the output over the input/);
      expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(article('Alpha', PROSE));
    },
  },
  {
    name: 'an --out-dir output that would land on an input is refused',
    setup: (dir) => {
      writeTree(dir, { 'a.md': article('Alpha', PROSE), 'b.md': article('Beta', PROSE) });
      return { args: [path.join(dir, 'a.md'), path.join(dir, 'b.md'), '--out-dir', dir] };
    },
    code: 1,
    check: (r, dir) => {
      expect(r.stderr).toMatch(/refusing to write the output over an input/);
      expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(article('Alpha', PROSE));
    },
  },
  {
    name: '--out-dir equal to the input folder is a usage error',
    setup: (dir) => {
      writeTree(dir, { 'a.md': article('Alpha', PROSE) });
      return { args: [dir, '--out-dir', dir] };
    },
    code: 2,
    check: (_r, dir) => expect(listFiles(dir)).toEqual(['a.md']),
  },
  {
    name: 'an unwritable output folder is an error for each file, with the cause',
    setup: (dir) => {
      writeTree(dir, { 'in/a.md': article('Alpha', PROSE), 'blocker': 'a file where a folder should be' });
      return { args: [path.join(dir, 'in'), '--out-dir', path.join(dir, 'blocker', 'out')] };
    },
    code: 1,
    check: (r) => expect(r.stderr).toMatch(/a\.md: cannot write .*(ENOTDIR|EEXIST)/),
  },
  {
    name: '--skip-existing leaves existing outputs and converts the rest',
    setup: (dir) => {
      writeTree(dir, { 'in/a.md': article('Alpha', PROSE), 'in/b.md': article('Beta', PROSE), 'out/a.md': 'KEEP ME\n' });
      return { args: [path.join(dir, 'in'), '--out-dir', path.join(dir, 'out'), '--skip-existing'] };
    },
    code: 0,
    check: (r, dir) => {
      expect(fs.readFileSync(path.join(dir, 'out', 'a.md'), 'utf8')).toBe('KEEP ME\n');
      expect(fs.readFileSync(path.join(dir, 'out', 'b.md'), 'utf8')).toContain('# Beta');
      expect(r.stderr).toMatch(/1 document, 1 skipped/);
    },
  },
  {
    name: '--in-place rewrites the inputs atomically (no temporaries left)',
    setup: (dir) => {
      writeTree(dir, { 'a.md': article('Alpha', PROSE), 'b.md': article('Beta', PROSE) });
      fs.chmodSync(path.join(dir, 'a.md'), 0o640);
      return { args: [dir, '--in-place', '-q'] };
    },
    code: 0,
    check: (_r, dir) => {
      expect(listFiles(dir)).toEqual(['a.md', 'b.md']);
      const a = fs.readFileSync(path.join(dir, 'a.md'), 'utf8');
      expect(a).toContain('# Alpha');
      expect(a).not.toContain('Subscribe to our newsletter');
      expect(fs.statSync(path.join(dir, 'a.md')).mode & 0o777).toBe(0o640);
    },
  },
  {
    name: 'symlinks: no loops, nothing outside the tree',
    setup: (dir) => {
      writeTree(dir, { 'in/a.md': article('Alpha', PROSE), 'outside/secret.md': article('Secret', PROSE) });
      fs.symlinkSync('..', path.join(dir, 'in', 'loop'));
      fs.symlinkSync('.', path.join(dir, 'in', 'self'));
      fs.symlinkSync(path.join(dir, 'outside', 'secret.md'), path.join(dir, 'in', 'secret.md'));
      fs.symlinkSync(path.join(dir, 'outside'), path.join(dir, 'in', 'elsewhere'));
      return { args: [path.join(dir, 'in'), '-f', 'ndjson'] };
    },
    code: 0,
    check: (r) => {
      const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(docs.map((d) => d.metadata.title)).toEqual(['Alpha']);
    },
  },
  {
    name: 'a FIFO is refused, not read',
    setup: (dir) => {
      const fifo = path.join(dir, 'pipe.md');
      execFileSync('mkfifo', [fifo]);
      return { args: [fifo] };
    },
    code: 1,
    check: (r) => expect(r.stderr).toMatch(/pipe\.md: not a regular file \(a FIFO\)/),
  },
  {
    name: 'a FIFO inside a folder is refused; the rest is converted',
    setup: (dir) => {
      writeTree(dir, { 'in/a.md': article('Alpha', PROSE) });
      execFileSync('mkfifo', [path.join(dir, 'in', 'pipe.md')]);
      return { args: [path.join(dir, 'in'), '-f', 'ndjson', '-q'] };
    },
    code: 1,
    check: (r) => {
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/pipe\.md: not a regular file/);
    },
  },
  {
    name: '--input-format ndjson: one output line per record, errors as lines, ids kept',
    setup: () => ({
      args: ['--input-format', 'ndjson'],
      stdin: [
        JSON.stringify({ id: 'one', markdown: article('First', PROSE) }),
        '{not json',
        JSON.stringify({ id: 3, url: 'https://example.org/x' }),
        '',
        JSON.stringify({ id: 'four', url: 'https://example.org/four', text: PROSE.join('\n\n') }),
      ].join('\n'),
    }),
    code: 1,
    check: (r) => {
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines).toHaveLength(4);
      expect(lines[0].id).toBe('one');
      expect(Object.keys(lines[0])).toEqual(['id', ...JSON_KEYS]);
      expect(lines[0].metadata.title).toBe('First');
      expect(lines[1].error).toMatch(/invalid JSON/);
      expect(lines[2]).toMatchObject({ id: 3 });
      expect(lines[2].error).toMatch(/markdown/);
      expect(lines[3].id).toBe('four');
      expect(lines[3].metadata.url).toBe('https://example.org/four');
      expect(r.stderr).toMatch(/stdin line 2: invalid JSON/);
      expect(r.stderr).toMatch(/2 documents, 0 skipped, 2 failed/);
    },
  },
  {
    name: '--input-format ndjson with --format md is a usage error',
    setup: () => ({ args: ['--input-format', 'ndjson', '-f', 'md'], stdin: '{}' }),
    code: 2,
  },
  {
    name: 'an unknown format is a usage error',
    setup: () => ({ args: [SEED, '-f', 'html'] }),
    code: 2,
    check: (r) => expect(r.stderr).toMatch(/html/),
  },
  {
    name: 'an unknown option is a usage error',
    setup: () => ({ args: [SEED, '--frobnicate'] }),
    code: 2,
  },
  {
    name: 'an unknown category is a usage error naming the known ones',
    setup: () => ({ args: [SEED, '--keep', 'comments,gossip'] }),
    code: 2,
    check: (r) => expect(r.stderr).toMatch(/gossip.*known: navigation/),
  },
  {
    name: 'known categories pass through',
    setup: () => ({ args: [SEED, '--keep', 'comments,captions', '--drop', 'related'] }),
    code: 0,
    check: (r) => expect(r.stdout).toContain(SEED_TITLE),
  },
  {
    name: 'the same category in --keep and --drop is a usage error',
    setup: () => ({ args: [SEED, '--keep', 'related', '--drop', 'related'] }),
    code: 2,
  },
  {
    name: '--jobs 0 is a usage error',
    setup: () => ({ args: [SEED, '--jobs', '0'] }),
    code: 2,
  },
  {
    name: 'a bad --max-size is a usage error',
    setup: () => ({ args: [SEED, '--max-size', 'lots'] }),
    code: 2,
  },
  {
    name: '--in-place on stdin is a usage error',
    setup: () => ({ args: ['--in-place'], stdin: 'x' }),
    code: 2,
  },
  {
    name: '--help prints the options and categories',
    setup: () => ({ args: ['--help'] }),
    code: 0,
    check: (r) => {
      expect(r.stdout).toMatch(/--keep <categories>/);
      expect(r.stdout).toMatch(/captions/);
      expect(r.stdout).toMatch(/Exit codes/);
    },
  },
  {
    name: '--list-rules prints one rule per line',
    setup: () => ({ args: ['--list-rules'] }),
    code: 0,
    check: (r) => {
      const lines = r.stdout.trim().split('\n');
      expect(lines.length).toBeGreaterThan(5);
      expect(lines.every((l) => /^[a-z0-9-]+\s+[a-z]+\s+\S/.test(l))).toBe(true);
    },
  },
  {
    name: '--disable switches a rule off',
    setup: () => ({ args: [SEED, '-f', 'json', '--disable', 'promo,share-links'] }),
    code: 0,
    check: (r) => {
      const doc = JSON.parse(r.stdout);
      expect(doc.removed.some((x: { rule: string }) => x.rule === 'promo' || x.rule === 'share-links')).toBe(false);
    },
  },
  {
    name: 'a per-document --timeout fails documents over it; the run ends',
    setup: (dir) => {
      writeTree(dir, { 'in/a.md': article('Alpha', PROSE), 'in/b.md': article('Beta', PROSE) });
      return { args: [path.join(dir, 'in'), '-f', 'ndjson', '--timeout', '0.001', '--jobs', '1'] };
    },
    code: 1,
    check: (r) => {
      expect(r.stdout).toBe('');
      expect(r.stderr.match(/timed out after/g)).toHaveLength(2);
    },
  },
];

describe('winnow CLI scenarios (in-process)', () => {
  for (const s of scenarios) {
    it(s.name, async () => {
      const dir = fresh();
      const { args, stdin } = s.setup(dir);
      const r = await runCli(args, stdin === undefined ? {} : { stdin });
      if (r.code !== s.code) throw new Error(`exit ${r.code}, expected ${s.code}\nstderr: ${r.stderr}`);
      s.check?.(r, dir);
    });
  }
});
