/**
 * Speed benchmark (issue 3 point 5). A script that prints figures; it asserts nothing.
 *
 *   npm run build && npm run bench:speed -- <corpus-dir> [--docs 2000] [--big] [--only a,b]
 *
 * <corpus-dir> is a folder of Markdown pages (e.g. ../shared/corpus/scrapinghub/md-turndown); its
 * pages are repeated until there are --docs documents. Measured in one run, each in its own child
 * process so that every peak RSS is its own:
 *   bare      unified().use(remarkParse).use(remarkStringify) round trip of the same documents: the yardstick
 *   bare x2   two bare round trips at once, in two processes that share nothing, each on half the
 *             documents: what this machine gives two jobs of the yardstick, the ceiling for cli-j2
 *   library   winnow's clean() on one thread, in-process
 *   library semi32  the same with 32 MB semi-spaces (see IN_PROCESS)
 *             (bare and the library rows alternate in segments of the documents; see SEGMENTS)
 *   cli-j1    `winnow DIR -f ndjson --jobs 1` on a folder of the documents
 *   cli-j2    the same with --jobs 2
 *   stream    `winnow --input-format ndjson --jobs 2` fed --docs records (and 10x that with --big)
 *   seed      wall time of `winnow fixtures/global-research-2018-06-01.md` vs `node -e 0` (medians of
 *             SEED_RUNS runs of each, in alternation)
 *   size      one realistic 1 MB and one 10 MB document (corpus pages concatenated), clean() time
 *
 * The "cores" column is CPU time (all threads: V8 compiles and collects garbage on threads of its
 * own) over wall time. A single job above 1 core leaves less than a core for a second job.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'winnow.js');
const SEED = path.join(ROOT, 'fixtures', 'global-research-2018-06-01.md');
/** Prints the process's peak RSS and CPU time (worker threads included) when it exits. */
const USAGE_PRELOAD = `data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\nBENCH_MAXRSS_KB "+u.maxRSS+" BENCH_CPU_US "+(u.userCPUTime+u.systemCPUTime)+"\\n")})`;

interface Measure {
  name: string;
  docs: number;
  bytes: number;
  seconds: number;
  rssKb: number | null;
  /** CPU seconds of the process, all its threads; null where not measured. */
  cpuSeconds?: number | null;
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Child side: one in-process measurement, reported as JSON on stdout.

async function child(mode: string, args: string[]): Promise<void> {
  if (mode === 'size') {
    const { clean } = await import('../src/index.js');
    const text = fs.readFileSync(args[0]!, 'utf8');
    clean(text.slice(0, 20_000)); // warm up
    const start = performance.now();
    const cpu = process.cpuUsage();
    clean(text);
    report({ name: `size ${path.basename(args[0]!)}`, docs: 1, bytes: Buffer.byteLength(text), seconds: (performance.now() - start) / 1000, cpuSeconds: cpuSince(cpu) });
    return;
  }
  const docs = loadCorpus(args[0]!);
  const count = Number(args[1]);
  const first = Number(args[2] ?? 0);
  let run: (text: string) => unknown;
  if (mode === 'bare') {
    const [{ unified }, { default: remarkParse }, { default: remarkStringify }] = await Promise.all([
      import('unified'), import('remark-parse'), import('remark-stringify'),
    ]);
    const processor = unified().use(remarkParse).use(remarkStringify);
    run = (text) => processor.stringify(processor.parse(text));
  } else {
    const { clean } = await import('../src/index.js');
    run = (text) => clean(text);
  }
  // Untimed warm-up, so that a segment measures the steady state (see SEGMENTS).
  for (const doc of docs.slice(0, WARM_UP_DOCS)) run(doc.text);
  let bytes = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let i = first; i < first + count; i++) {
    const doc = docs[i % docs.length]!;
    run(doc.text);
    bytes += doc.bytes;
  }
  report({ name: mode, docs: count, bytes, seconds: (performance.now() - start) / 1000, cpuSeconds: cpuSince(cpu) });
}

function report(m: Omit<Measure, 'rssKb'>): void {
  process.stdout.write(`${JSON.stringify({ ...m, rssKb: process.resourceUsage().maxRSS })}\n`);
}

/** CPU seconds of this process (every thread) since `from`. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
}

function loadCorpus(dir: string): { text: string; bytes: number }[] {
  const files = fs.readdirSync(dir).filter((f) => /\.(md|markdown|txt)$/i.test(f)).sort();
  if (files.length === 0) throw new Error(`no *.md files in ${dir}`);
  return files.map((f) => {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    return { text, bytes: Buffer.byteLength(text) };
  });
}

// ---------------------------------------------------------------------------------------------
// Parent side

/**
 * bare and library each run in this many segments, alternating (bare, library, bare, ...), and their
 * times are summed. On a shared or virtual machine the speed drifts by 10-20% over minutes; two long
 * runs one after the other would fold that drift into the ratio, alternating segments cancel it.
 */
const SEGMENTS = 4;
/** Start-up times swing by a third from run to run on a shared machine: medians of this many. */
const SEED_RUNS = 15;
/** Documents each segment runs untimed before it starts the clock (just-in-time compilation). */
const WARM_UP_DOCS = 20;

/** bare and library over the same `count` documents, in alternating segments (see SEGMENTS). */
function runAlternating(modes: string[], corpus: string, count: number): Measure[] {
  const totals = new Map<string, Measure>();
  const per = Math.ceil(count / SEGMENTS);
  for (let first = 0; first < count; first += per) {
    for (const mode of modes) {
      const m = runChild(mode, [corpus, String(Math.min(per, count - first)), String(first)]);
      const t = totals.get(mode);
      totals.set(mode, t ? { ...t, docs: t.docs + m.docs, bytes: t.bytes + m.bytes, seconds: t.seconds + m.seconds, cpuSeconds: (t.cpuSeconds ?? 0) + (m.cpuSeconds ?? 0), rssKb: Math.max(t.rssKb ?? 0, m.rssKb ?? 0) } : m);
    }
  }
  return modes.map((mode) => totals.get(mode)!);
}

/**
 * The in-process measures: the `--only` name that selects each, its row name, and the Node flags
 * its child process starts with. `library semi32` is clean() with 32 MB semi-spaces, as a library
 * caller can ask for with NODE_OPTIONS (the CLI's workers get a larger young generation of their
 * own, pool.ts). It shows how much of clean()'s gap to the yardstick is the garbage collector's
 * default sizing: clean() keeps its tree and state alive across far more allocation than a bare
 * round trip does.
 */
const IN_PROCESS = [
  { only: 'bare', mode: 'bare', flags: [] },
  { only: 'library', mode: 'library', flags: [] },
  { only: 'semi32', mode: 'library semi32', flags: ['--max-semi-space-size=32'] },
] as const;

const childArgs = (mode: string, args: string[]): string[] => [...(IN_PROCESS.find((m) => m.mode === mode)?.flags ?? []), '--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, ...args];

function runChild(mode: string, args: string[]): Measure {
  const r = spawnSync(process.execPath, childArgs(mode, args), { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return lastMeasure(r.stdout);
}

function lastMeasure(stdout: string): Measure {
  return JSON.parse(stdout.trim().split('\n').pop()!) as Measure;
}

/** Like runChild, but not waiting: for children that run at the same time. */
function startChild(mode: string, args: string[]): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, childArgs(mode, args), { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.on('close', (code) => (code === 0 ? resolve(lastMeasure(stdout)) : reject(new Error(`${mode} failed: ${stderr}`))));
  });
}

/**
 * Two bare round trips at once, each on half of the documents, in processes that share nothing:
 * their combined throughput over one bare job's is as much as this machine lets two jobs gain.
 */
async function runBarePair(corpus: string, count: number): Promise<Measure> {
  const half = Math.floor(count / 2);
  const pair = await Promise.all([startChild('bare', [corpus, String(half), '0']), startChild('bare', [corpus, String(count - half), String(half)])]);
  return {
    name: 'bare x2', docs: count, bytes: pair[0].bytes + pair[1].bytes,
    seconds: Math.max(pair[0].seconds, pair[1].seconds),
    cpuSeconds: (pair[0].cpuSeconds ?? 0) + (pair[1].cpuSeconds ?? 0),
    rssKb: Math.max(pair[0].rssKb ?? 0, pair[1].rssKb ?? 0),
  };
}

/** Runs the CLI and returns its wall time and peak RSS; `feed` writes stdin with backpressure. */
async function runCli(name: string, args: string[], docs: number, bytes: number, feed?: (stdin: NodeJS.WritableStream) => Promise<void>): Promise<Measure> {
  const start = performance.now();
  const proc = spawn(process.execPath, ['--import', USAGE_PRELOAD, BIN, ...args], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<number>((resolve) => proc.on('close', (code) => resolve(code ?? -1)));
  if (feed) await feed(proc.stdin);
  else proc.stdin.end();
  const code = await done;
  const seconds = (performance.now() - start) / 1000;
  if (code !== 0 && code !== 1) throw new Error(`${name}: exit ${code}\n${stderr}`);
  const usage = /BENCH_MAXRSS_KB (\d+) BENCH_CPU_US (\d+)/.exec(stderr);
  return { name, docs, bytes, seconds, rssKb: usage ? Number(usage[1]) : null, cpuSeconds: usage ? Number(usage[2]) / 1e6 : null };
}

async function feedRecords(stdin: NodeJS.WritableStream, docs: { text: string }[], count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const line = `${JSON.stringify({ id: i, markdown: docs[i % docs.length]!.text })}\n`;
    if (!stdin.write(line)) await new Promise((resolve) => stdin.once('drain', resolve));
  }
  stdin.end();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function wall(args: string[]): number {
  const start = performance.now();
  spawnSync(process.execPath, args, { stdio: 'ignore' });
  return (performance.now() - start) / 1000;
}

/** A realistic long document: corpus pages one after another, cut at `size` bytes on a line end. */
function bigDocument(docs: { text: string }[], size: number, file: string): string {
  const parts: string[] = [];
  let total = 0;
  for (let i = 0; total < size; i++) {
    const text = docs[i % docs.length]!.text;
    parts.push(text);
    total += Buffer.byteLength(text) + 2;
  }
  let joined = parts.join('\n\n');
  const cut = joined.lastIndexOf('\n', size);
  joined = joined.slice(0, cut > 0 ? cut : size);
  fs.writeFileSync(file, joined);
  return file;
}

function table(rows: Measure[], yardstick: Measure | undefined, single: Measure | undefined): void {
  const header = ['measure', 'docs', 'MB', 'seconds', 'docs/s', 'MB/s', 'cores', 'peak RSS MB', 'note'];
  const lines = rows.map((m) => {
    const mb = m.bytes / 1024 / 1024;
    let note = m.note ?? '';
    if (yardstick && m.name.startsWith('library')) note = `time ${(m.seconds / m.docs / (yardstick.seconds / yardstick.docs)).toFixed(2)}x bare`;
    if (yardstick && m.name === 'bare x2') note = `${(m.docs / m.seconds / (yardstick.docs / yardstick.seconds)).toFixed(2)}x bare throughput`;
    if (single && m.name.startsWith('cli-j2')) note = `${(m.docs / m.seconds / (single.docs / single.seconds)).toFixed(2)}x cli-j1 throughput`;
    const cores = m.cpuSeconds ? (m.cpuSeconds / m.seconds).toFixed(2) : '-';
    return [m.name, String(m.docs), mb.toFixed(1), m.seconds.toFixed(2), (m.docs / m.seconds).toFixed(1), (mb / m.seconds).toFixed(2), cores, m.rssKb ? (m.rssKb / 1024).toFixed(0) : '-', note];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(fmt(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(fmt(l));
}

async function parent(argv: string[]): Promise<void> {
  const corpus = argv.find((a, i) => !a.startsWith('--') && !['--docs', '--only'].includes(argv[i - 1] ?? ''));
  if (!corpus) {
    console.error('usage: npm run bench:speed -- <corpus-dir> [--docs 2000] [--big] [--only bare,pair,library,semi32,cli,stream,seed,size]');
    process.exitCode = 2;
    return;
  }
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('run `npm run build` first');
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const count = Number(flag('--docs') ?? 2000);
  const only = new Set((flag('--only') ?? 'bare,pair,library,semi32,cli,stream,seed,size').split(','));
  const docs = loadCorpus(corpus);
  const bytesFor = (n: number): number => Array.from({ length: n }, (_, i) => docs[i % docs.length]!.bytes).reduce((a, b) => a + b, 0);
  console.log(`winnow speed: ${docs.length} pages from ${corpus} repeated to ${count} documents; ${os.availableParallelism()} cores, ${os.cpus()[0]?.model ?? ''}, Node ${process.version}`);

  const rows: Measure[] = [];
  const step = (m: Measure): void => {
    rows.push(m);
    console.error(`  ${m.name}: ${(m.docs / m.seconds).toFixed(1)} docs/s`);
  };
  for (const m of runAlternating(IN_PROCESS.filter((m) => only.has(m.only)).map((m) => m.mode), corpus, count)) step(m);
  if (only.has('pair')) step(await runBarePair(corpus, count));

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'winnow-speed-'));
  try {
    if (only.has('cli')) {
      const dir = path.join(work, 'docs');
      fs.mkdirSync(dir);
      for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `${String(i).padStart(6, '0')}.md`), docs[i % docs.length]!.text);
      for (const jobs of [1, 2]) {
        step(await runCli(`cli-j${jobs}`, [dir, '-f', 'ndjson', '-q', '--jobs', String(jobs), '--site-template', 'off'], count, bytesFor(count)));
      }
      step({ ...(await runCli('cli-j2 template', [dir, '-f', 'ndjson', '-q', '--jobs', '2'], count, bytesFor(count))), note: 'with --site-template auto (two passes)' });
    }
    if (only.has('stream')) {
      const sizes = argv.includes('--big') ? [count, count * 10] : [count];
      for (const n of sizes) {
        step(await runCli(`stream ${n}`, ['--input-format', 'ndjson', '-q', '--jobs', '2'], n, bytesFor(n), (stdin) => feedRecords(stdin, docs, n)));
      }
    }
    if (only.has('seed')) {
      // Alternating, so that the machine's drift over the runs falls on both alike.
      const bases: number[] = [];
      const seeds: number[] = [];
      for (let i = 0; i < SEED_RUNS; i++) {
        bases.push(wall(['-e', '0']));
        seeds.push(wall([BIN, SEED]));
      }
      const base = median(bases);
      const seed = median(seeds);
      rows.push({ name: 'node -e 0', docs: 1, bytes: 0, seconds: base, rssKb: null });
      rows.push({ name: 'seed (CLI)', docs: 1, bytes: fs.statSync(SEED).size, seconds: seed, rssKb: null, note: `${(seed / base).toFixed(1)}x node -e 0` });
    }
    if (only.has('size')) {
      const one = runChild('size', [bigDocument(docs, 1024 * 1024, path.join(work, '1MB.md'))]);
      const ten = runChild('size', [bigDocument(docs, 10 * 1024 * 1024, path.join(work, '10MB.md'))]);
      rows.push(one, { ...ten, note: `${(ten.seconds / one.seconds).toFixed(1)}x the 1 MB time` });
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  table(rows, rows.find((r) => r.name === 'bare'), rows.find((r) => r.name === 'cli-j1'));
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') await child(argv[1]!, argv.slice(2));
else await parent(argv);
