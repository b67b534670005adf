/**
 * The real binary (`node bin/winnow.js`, built by `pretest`): signals, pipes, and properties that
 * only show across processes — interruption leaves no partial file, `| head` ends quietly, ndjson
 * chunks concatenate to the one-run output, and --jobs never changes the bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, exitCode, listFiles, PROSE, runBin, SEED, spawnBin, tempDir, writeTree, ROOT, BIN } from './helpers/cli.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('winnow-bin-');
});
afterAll(() => tmp.cleanup());

const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

/** A folder of varied small documents (varied so that ordering mistakes show). */
function varied(dir: string, count: number): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const body = PROSE.slice(0, 1 + (i % PROSE.length)).map((p) => `${p} (${i})`);
    files[`doc-${String(i).padStart(3, '0')}.md`] = article(`Document number ${i}`, body);
  }
  writeTree(dir, files);
  return dir;
}

describe('winnow binary', () => {
  it('prints the seed article', async () => {
    const r = await runBin([SEED]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Syria Is the Next Step in the Russian-Saudi Rapprochement');
    expect(r.stdout).not.toContain('Become a Member');
  });

  it('reads piped stdin', async () => {
    const r = await runBin(['-f', 'text'], { stdin: article('Piped in', PROSE) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Piped in');
  });

  it('gives byte-identical ndjson and --out-dir outputs for --jobs 1 and 2, in input order', async () => {
    const dir = varied(path.join(tmp.dir, 'order', 'in'), 12);
    const one = await runBin([dir, '-f', 'ndjson', '--jobs', '1', '-q']);
    const two = await runBin([dir, '-f', 'ndjson', '--jobs', '2', '-q']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const titles = one.stdout.trim().split('\n').map((l) => JSON.parse(l).metadata.title);
    expect(titles).toEqual(Array.from({ length: 12 }, (_, i) => `Document number ${i}`));

    const out1 = path.join(tmp.dir, 'order', 'out1');
    const out2 = path.join(tmp.dir, 'order', 'out2');
    expect((await runBin([dir, '--out-dir', out1, '-j', '1', '-q'])).code).toBe(0);
    expect((await runBin([dir, '--out-dir', out2, '-j', '2', '-q'])).code).toBe(0);
    const files = listFiles(out1);
    expect(files).toHaveLength(12);
    expect(listFiles(out2)).toEqual(files);
    for (const f of files) expect(fs.readFileSync(path.join(out2, f))).toEqual(fs.readFileSync(path.join(out1, f)));
  });

  it('ndjson stream: per-chunk outputs concatenated equal the one-run output', async () => {
    const records = Array.from({ length: 9 }, (_, i) =>
      i === 4 ? '{"id": 4, "markdown": ' : JSON.stringify({ id: i, url: `https://example.org/${i}`, markdown: article(`Record ${i}`, PROSE.slice(0, 1 + (i % 3))) }),
    );
    const whole = await runBin(['--input-format', 'ndjson', '-j', '2', '-q'], { stdin: `${records.join('\n')}\n` });
    expect(whole.code).toBe(1); // the broken record
    expect(whole.stdout.trim().split('\n')).toHaveLength(9);
    let joined = '';
    for (let start = 0; start < records.length; start += 3) {
      const chunk = await runBin(['--input-format', 'ndjson', '-j', '1', '-q'], { stdin: `${records.slice(start, start + 3).join('\n')}\n` });
      joined += chunk.stdout;
    }
    expect(joined).toBe(whole.stdout);
  });

  it('ends quietly when stdout is closed early (| head -1)', async () => {
    const dir = varied(path.join(tmp.dir, 'epipe', 'in'), 40);
    const child = spawn('bash', ['-c', `"${process.execPath}" "${BIN}" "${dir}" -f ndjson -j 1 -q | head -1 > /dev/null; echo "exit=\${PIPESTATUS[0]}" >&2`], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    expect(await exitCode(child)).toBe(0);
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(stderr).toMatch(/exit=0/);
  });

  it('SIGINT mid-batch: exit 130, finished outputs complete, no temporaries; --skip-existing resumes', async () => {
    const base = path.join(tmp.dir, 'sigint');
    const seed = fs.readFileSync(SEED);
    const files: Record<string, Buffer> = {};
    for (let i = 0; i < 150; i++) files[`in/page-${String(i).padStart(3, '0')}.md`] = seed;
    writeTree(base, files);
    const inDir = path.join(base, 'in');
    const outDir = path.join(base, 'out');
    const reference = await runBin([SEED]);

    const child = spawnBin([inDir, '--out-dir', outDir, '--jobs', '1']);
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const closed = exitCode(child);
    // Interrupt once a few outputs exist (polling the folder: no timing assumption).
    while (listFiles(outDir).filter((f) => f.endsWith('.md')).length < 3) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    expect(await closed).toBe(130);
    expect(stderr).not.toMatch(STACK_TRACE);

    const written = listFiles(outDir);
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(written.length).toBeLessThan(150);
    for (const f of written) {
      expect(f).toMatch(/^page-\d{3}\.md$/); // no temporaries
      expect(fs.readFileSync(path.join(outDir, f), 'utf8')).toBe(reference.stdout);
    }

    const resumed = await runBin([inDir, '--out-dir', outDir, '--skip-existing', '--jobs', '2']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`${150 - written.length} documents, ${written.length} skipped, 0 failed`));
    expect(listFiles(outDir)).toHaveLength(150);
  });
});

describe('start-up: a run loads only what it needs (issue 3.5)', () => {
  /** The packages a run of the binary required, recorded by a preloaded hook on Node's loader. */
  function packagesRequired(args: string[]): { code: number | null; packages: string[] } {
    const hook = path.join(tmp.dir, 'record-requires.cjs');
    fs.writeFileSync(hook, [
      "const Module = require('node:module');",
      'const load = Module._load;',
      'const seen = new Set();',
      'Module._load = function (request, ...rest) { if (!request.startsWith(".") && !request.includes(":") && !request.startsWith("/")) seen.add(request); return load.call(this, request, ...rest); };',
      "process.on('exit', () => process.stderr.write('required: ' + [...seen].join(',') + '\\n'));",
    ].join('\n'));
    const r = spawnSync(process.execPath, ['--require', hook, BIN, ...args], { encoding: 'utf8' });
    const line = r.stderr.split('\n').find((l) => l.startsWith('required: ')) ?? 'required: ';
    return { code: r.status, packages: line.slice('required: '.length).split(',').filter(Boolean) };
  }

  it('Markdown of one UTF-8 file loads neither the language guesser nor the YAML parser', () => {
    const r = packagesRequired([SEED]);
    expect(r.code).toBe(0);
    expect(r.packages).not.toContain('franc-min');
    expect(r.packages).not.toContain('yaml');
  });

  it('JSON output, which reports the language, loads the guesser; front matter loads the YAML writer', () => {
    expect(packagesRequired(['--format', 'json', SEED]).packages).toContain('franc-min');
    expect(packagesRequired(['--front-matter', SEED]).packages).toEqual(expect.arrayContaining(['franc-min', 'yaml']));
  });
});
