/**
 * The three kinds of run: one document (stdin or one file) to stdout or `-o`; a batch of files and
 * folders to `--out-dir`, in place, or as one ndjson stream; and an ndjson record stream on stdin.
 * Each reports per-document failures on stderr and keeps going; the exit code tells the outcome.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { MainIO, Settings } from './main.js';
import { EXIT } from './main.js';
import type { ConvertOutcome, ConvertTask, RunOptions } from './convert.js';
import type { DocumentPool } from './pool.js';
import type { KeysResult } from './worker.js';
import { EXTENSIONS } from './formats.js';
import { collectInputs, readDocument, readStream, fsReason, InputFault, tooLarge, type InputDocument } from './inputs.js';
import { emptySummary, Reporter, type Summary } from './report.js';
import { Sink } from './sink.js';
import { runOrdered } from './ordered.js';
import { AtomicStream, writeAtomic } from './write.js';

/** Below this size a lone document is converted in-process: no worker start-up for the common case. */
export const IN_PROCESS_MAX_BYTES = 256 * 1024;
/**
 * The most heap (V8's old generation, what a worker's cap limits) a conversion may keep per input
 * byte. Once defused, the worst hostile shape at IN_PROCESS_MAX_BYTES keeps about 120 (over 1,000
 * before dense lines were cut); test/memory.test.ts holds every shape to this figure. In-process,
 * no worker's heap cap applies, so a document runs there only when this much heap fits within the
 * cap: the memory cap holds either way.
 */
export const HEAP_PER_INPUT_BYTE = 500;

/** Whether a lone document of this size is converted in-process rather than in a worker. */
export function runsInProcess(bytes: number, heapMb: number): boolean {
  return bytes <= Math.min(IN_PROCESS_MAX_BYTES, (heapMb * 1024 * 1024) / HEAP_PER_INPUT_BYTE);
}
/** Documents read ahead per worker: keeps workers busy while bounding memory. */
const WINDOW_PER_JOB = 4;

interface Context {
  s: Settings;
  io: MainIO;
  reporter: Reporter;
  summary: Summary;
  started: number;
  /** Aborted on Ctrl-C (from io.signal) or when stdout's reader goes away. */
  stop: AbortController;
  runOptions: RunOptions;
  pool: DocumentPool | null;
  /** Ctrl-C that stopped an in-process conversion (the watchdog took it before io.signal could). */
  sigint: boolean;
}

export async function run(s: Settings, io: MainIO): Promise<number> {
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  if (io.signal?.aborted) stop.abort();
  io.signal?.addEventListener('abort', onAbort, { once: true });
  const ctx: Context = {
    s, io, stop,
    reporter: new Reporter(io.stderr, s.quiet),
    summary: emptySummary(),
    started: performance.now(),
    runOptions: { format: s.format, disable: s.disable, keep: s.keep, drop: s.drop, frontMatter: s.frontMatter, explain: s.explain },
    pool: null,
    sigint: false,
  };
  try {
    if (s.inputFormat === 'ndjson') return await runStream(ctx);
    if (s.paths.length === 0 || s.paths[0] === '-') return await runSingle(ctx, null);
    const inputs = await collectInputs(s.paths, s.outDir ? [s.outDir] : []);
    const batch = s.paths.length > 1 || inputs.folders.length > 0 || s.outDir !== null || s.inPlace;
    if (!batch) {
      const [doc] = inputs.documents;
      if (doc) return await runSingle(ctx, doc);
      for (const e of inputs.errors) ctx.reporter.error(e.display, e.message);
      return EXIT.failed;
    }
    if (!s.outDir && !s.inPlace && s.format !== 'ndjson') {
      ctx.reporter.usage('several inputs need --out-dir DIR (or --format ndjson, or --in-place)');
      return EXIT.usage;
    }
    return await runBatch(ctx, inputs);
  } finally {
    io.signal?.removeEventListener('abort', onAbort);
    await ctx.pool?.close();
  }
}

function interrupted(ctx: Context): boolean {
  return ctx.sigint || (ctx.io.signal?.aborted ?? false);
}

async function getPool(ctx: Context, jobs = ctx.s.jobs): Promise<DocumentPool> {
  if (!ctx.pool) {
    const { DocumentPool } = await import('./pool.js');
    ctx.pool = new DocumentPool({ jobs, timeoutMs: ctx.s.timeoutMs, heapMb: ctx.s.heapMb, signal: ctx.stop.signal });
  }
  return ctx.pool;
}

// ---------------------------------------------------------------------------------------------
// One document

async function runSingle(ctx: Context, doc: InputDocument | null): Promise<number> {
  const { s, io, reporter } = ctx;
  const display = doc ? doc.display : '-';
  if (s.output) {
    const clash = await sameFile(s.output, doc ? [doc.abs] : []);
    if (clash) {
      reporter.usage(`refusing to write the output over the input: ${s.output}`);
      return EXIT.usage;
    }
    if (s.skipExisting && fs.existsSync(s.output)) return EXIT.ok;
  }
  let bytes: Uint8Array;
  try {
    bytes = doc ? await readDocument(doc.abs, s.maxSize) : await untilStopped(ctx, readStream(io.stdin, s.maxSize));
  } catch (error) {
    reporter.error(display, error instanceof InputFault ? error.message : fsReason(error));
    return EXIT.failed;
  }
  if (interrupted(ctx)) return EXIT.interrupted;
  const task: ConvertTask = { bytes, file: doc ? doc.display : null, run: ctx.runOptions };
  const outcome = await convertOne(ctx, task);
  if (interrupted(ctx)) return EXIT.interrupted;
  if (!outcome.ok) {
    reporter.error(display, outcome.error);
    return EXIT.failed;
  }
  reporter.warnings(display, outcome.warnings);
  if (s.explain) reporter.explain(display, outcome.removed);
  if (s.output) {
    try {
      await writeAtomic(s.output, outcome.output);
    } catch (error) {
      reporter.error(s.output, fsReason(error));
      return EXIT.failed;
    }
  } else {
    const sink = new Sink(io.stdout);
    await sink.write(outcome.output);
    if (sink.error) {
      reporter.error('stdout', fsReason(sink.error));
      return EXIT.failed;
    }
  }
  return EXIT.ok;
}

/**
 * A small document runs in-process (no worker start-up) under the same time budget as in a worker
 * (budget.ts), and only when it is small enough that it cannot need more heap than the memory cap;
 * a larger one goes to a worker, whose heap is capped.
 */
async function convertOne(ctx: Context, task: ConvertTask): Promise<ConvertOutcome> {
  if (runsInProcess(task.bytes?.length ?? 0, ctx.s.heapMb)) {
    const [{ loadLibrary }, { convertDocument }, { describe }, budget] = await Promise.all([
      import('./library.js'), import('./convert.js'), import('./worker.js'), import('./budget.js'),
    ]);
    const lib = await loadLibrary();
    try {
      // Ctrl-C during the conversion stops it at once when the caller handles interrupts (bin does).
      return budget.withinBudget(ctx.s.timeoutMs, () => convertDocument(lib, task), { breakOnSigint: ctx.io.signal !== undefined });
    } catch (error) {
      if (error instanceof budget.Interrupted) {
        ctx.sigint = true;
        ctx.stop.abort();
      }
      if (error instanceof budget.OverBudget || error instanceof budget.Interrupted) return { ok: false, error: error.message };
      return { ok: false, error: describe(error) };
    }
  }
  return runInPool(ctx, task, 1);
}

async function runInPool(ctx: Context, task: ConvertTask, jobs?: number): Promise<ConvertOutcome> {
  try {
    const pool = await getPool(ctx, jobs);
    return await pool.run<ConvertOutcome>({ type: 'convert', ...task });
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** Ctrl-C while stdin is still open (nothing piped yet) stops the read instead of waiting. */
async function untilStopped(ctx: Context, read: Promise<Uint8Array>): Promise<Uint8Array> {
  let onAbort = (): void => {};
  const stopped = new Promise<Uint8Array>((resolve) => {
    onAbort = () => {
      (ctx.io.stdin as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      resolve(new Uint8Array());
    };
    if (ctx.stop.signal.aborted) onAbort();
    else ctx.stop.signal.addEventListener('abort', onAbort, { once: true });
  });
  read.catch(() => {}); // a read failing after the abort is of no interest
  try {
    return await Promise.race([read, stopped]);
  } finally {
    ctx.stop.signal.removeEventListener('abort', onAbort);
  }
}

// ---------------------------------------------------------------------------------------------
// Batches

interface BatchItem {
  doc: InputDocument;
  /** Where the output goes; null: the ndjson stream. */
  target: string | null;
  /** Set when the item fails before conversion (collision, output over input). */
  fault?: string;
}

async function runBatch(ctx: Context, inputs: Awaited<ReturnType<typeof collectInputs>>): Promise<number> {
  const { s, io, reporter, summary } = ctx;
  summary.skipped += inputs.skipped;
  for (const e of inputs.errors) {
    reporter.error(e.display, e.message);
    summary.failed += 1;
  }
  if (s.outDir) {
    const outReal = await realpathOr(s.outDir);
    if (inputs.folders.includes(outReal)) {
      reporter.usage(`--out-dir is an input folder: ${s.outDir} (outputs would replace the inputs)`);
      return EXIT.usage;
    }
  }
  const items = await planTargets(ctx, inputs.documents);
  if (s.output && (await sameFile(s.output, inputs.documents.map((d) => d.abs)))) {
    reporter.usage(`refusing to write the output over an input: ${s.output}`);
    return EXIT.usage;
  }

  if (s.output && s.skipExisting && fs.existsSync(s.output)) return EXIT.ok;

  let sink: Sink | null = null;
  let atomic: AtomicStream | null = null;
  if (!s.outDir && !s.inPlace) {
    if (s.output) {
      try {
        await fs.promises.mkdir(path.dirname(path.resolve(s.output)), { recursive: true });
        atomic = new AtomicStream(s.output);
      } catch (error) {
        reporter.error(s.output, fsReason(error));
        return EXIT.failed;
      }
    }
    sink = new Sink(atomic ? atomic.stream : io.stdout, () => ctx.stop.abort());
  }

  const progress = await startProgress(ctx, items.length);
  try {
    const templates = await siteTemplatePass(ctx, items);
    await runOrdered(
      items,
      s.jobs * WINDOW_PER_JOB,
      (item) => convertItem(ctx, item, templates),
      async (outcome, item) => {
        if (outcome === 'skipped') summary.skipped += 1;
        else if (!outcome.ok) {
          summary.failed += 1;
          reporter.error(item.doc.display, outcome.error);
        } else {
          converted(ctx, item.doc.display, outcome);
          if (sink) await sink.write(outcome.output);
        }
        progress?.tick();
      },
      () => ctx.stop.signal.aborted,
    );
  } finally {
    progress?.stop();
    reporter.setWriter(null, io.stderr);
  }

  return finish(ctx, sink, atomic);
}

/** Output paths: mirrored under --out-dir, the input itself for --in-place, the stream otherwise. */
/** Counts a converted document and reports its warnings (and removals with --explain). */
function converted(ctx: Context, where: string, outcome: Extract<ConvertOutcome, { ok: true }>): void {
  const { summary, reporter } = ctx;
  summary.documents += 1;
  summary.removed += outcome.removedCount;
  summary.wordsIn += outcome.wordsIn;
  summary.wordsOut += outcome.wordsOut;
  reporter.warnings(where, outcome.warnings);
  if (ctx.s.explain) reporter.explain(where, outcome.removed);
}

/**
 * End of a batch or stream: a failed output stream counts as a failure, the atomic output file is
 * committed only when everything reached it, then the summary and the exit code.
 */
async function finish(ctx: Context, sink: Sink | null, atomic: AtomicStream | null): Promise<number> {
  const { s, reporter, summary } = ctx;
  if (sink?.error) {
    reporter.error(s.output ?? 'stdout', fsReason(sink.error));
    summary.failed += 1;
  }
  if (atomic) {
    if (interrupted(ctx) || sink?.error) await atomic.discard();
    else {
      try {
        await atomic.commit();
      } catch (error) {
        reporter.error(s.output ?? '', fsReason(error));
        summary.failed += 1;
      }
    }
  }
  summary.seconds = (performance.now() - ctx.started) / 1000;
  summary.interrupted = interrupted(ctx);
  reporter.summary(summary);
  if (summary.interrupted) return EXIT.interrupted;
  return summary.failed > 0 ? EXIT.failed : EXIT.ok;
}

async function planTargets(ctx: Context, docs: InputDocument[]): Promise<BatchItem[]> {
  const { s } = ctx;
  const inputPaths = new Set<string>();
  for (const d of docs) {
    inputPaths.add(d.abs);
    inputPaths.add(await realpathOr(d.abs));
  }
  const claimed = new Map<string, string>();
  const items: BatchItem[] = [];
  for (const doc of docs) {
    if (s.inPlace) {
      // Through a symlink the rename would replace the link, not rewrite the file it names.
      items.push({ doc, target: await realpathOr(doc.abs) });
      continue;
    }
    if (!s.outDir) {
      items.push({ doc, target: null });
      continue;
    }
    const target = path.resolve(s.outDir, withExtension(doc.rel, EXTENSIONS[s.format]));
    const item: BatchItem = { doc, target };
    const first = claimed.get(target);
    if (first) item.fault = `output ${target} is also the output of ${first}`;
    else if (inputPaths.has(target) || inputPaths.has(await realpathOr(target))) item.fault = `refusing to write the output over an input: ${target}`;
    else claimed.set(target, doc.display);
    items.push(item);
  }
  return items;
}

function withExtension(rel: string, extension: string): string {
  const parsed = path.parse(rel);
  return path.join(parsed.dir, parsed.name + extension);
}

async function convertItem(ctx: Context, item: BatchItem, templates: Templates | null): Promise<ConvertOutcome | 'skipped'> {
  const { s } = ctx;
  if (item.fault) return { ok: false, error: item.fault };
  if (s.skipExisting && item.target && !s.inPlace && fs.existsSync(item.target)) return 'skipped';
  let bytes: Uint8Array;
  let mode: number | undefined;
  try {
    bytes = await readDocument(item.doc.abs, s.maxSize);
    if (s.inPlace) mode = (await fs.promises.stat(item.doc.abs)).mode & 0o7777;
  } catch (error) {
    return { ok: false, error: error instanceof InputFault ? error.message : fsReason(error) };
  }
  const task: ConvertTask = { bytes, file: item.doc.display, run: ctx.runOptions };
  const hashes = templates?.forDocument.get(item.doc.abs);
  if (hashes) task.templateHashes = hashes;
  const outcome = await runInPool(ctx, task);
  if (!outcome.ok || !item.target || ctx.stop.signal.aborted) return outcome;
  try {
    await writeAtomic(item.target, outcome.output, mode !== undefined ? { mode } : {});
  } catch (error) {
    return { ok: false, error: `cannot write ${item.target}: ${fsReason(error)}` };
  }
  return outcome;
}

// ---------------------------------------------------------------------------------------------
// Site templates: the first pass of a batch

interface Templates {
  /** Template hashes for each document (by absolute path) whose group has any. */
  forDocument: Map<string, string[]>;
}

async function siteTemplatePass(ctx: Context, items: BatchItem[]): Promise<Templates | null> {
  const { MIN_DOCUMENTS, TemplateCounter } = await import('./site-template.js');
  const todo = items.filter((i) => !i.fault);
  if (ctx.s.siteTemplate === 'off' || todo.length < MIN_DOCUMENTS) return null;
  const pool = await getPool(ctx);
  const counter = new TemplateCounter();
  const groupOf = new Map<string, string>();
  await runOrdered(
    todo,
    ctx.s.jobs * WINDOW_PER_JOB,
    async (item) => {
      try {
        const bytes = await readDocument(item.doc.abs, ctx.s.maxSize);
        return await pool.run<KeysResult>({ type: 'keys', bytes, file: item.doc.abs });
      } catch {
        return null; // unreadable or failing: the second pass reports it
      }
    },
    (keys, item) => {
      if (!keys) return;
      counter.add(keys.group, keys.hashes);
      groupOf.set(item.doc.abs, keys.group);
    },
    () => ctx.stop.signal.aborted,
  );
  const byGroup = counter.templates();
  const forDocument = new Map<string, string[]>();
  for (const [file, group] of groupOf) {
    const hashes = byGroup.get(group);
    if (hashes) forDocument.set(file, hashes);
  }
  return { forDocument };
}

// ---------------------------------------------------------------------------------------------
// ndjson record stream on stdin

async function runStream(ctx: Context): Promise<number> {
  const { s, io, reporter, summary } = ctx;
  let atomic: AtomicStream | null = null;
  if (s.output) {
    try {
      await fs.promises.mkdir(path.dirname(path.resolve(s.output)), { recursive: true });
      atomic = new AtomicStream(s.output);
    } catch (error) {
      reporter.error(s.output, fsReason(error));
      return EXIT.failed;
    }
  }
  const sink = new Sink(atomic ? atomic.stream : io.stdout, () => ctx.stop.abort());
  const { errorLine } = await import('./convert.js');
  // The async iterator must exist before the next await: readline emits lines as soon as stdin
  // has data, and lines emitted before anyone iterates are lost.
  const lines = readline.createInterface({ input: io.stdin, crlfDelay: Infinity });
  const lineIterator = lines[Symbol.asyncIterator]();
  // Ctrl-C while waiting for the next line (an idle upstream) must not wait for that line.
  const closeLines = (): void => lines.close();
  ctx.stop.signal.addEventListener('abort', closeLines, { once: true });
  let lineNo = 0;
  const records = (async function* () {
    for await (const line of { [Symbol.asyncIterator]: () => lineIterator }) {
      lineNo += 1;
      if (line.trim() === '') continue;
      yield { line, lineNo };
    }
  })();
  try {
    await runOrdered(
      records,
      s.jobs * WINDOW_PER_JOB,
      async ({ line }) => {
        const record = parseRecord(line, s.maxSize);
        if ('error' in record) return { record, outcome: { ok: false, error: record.error } as ConvertOutcome };
        const task: ConvertTask = { text: record.text, file: null, url: record.url, run: ctx.runOptions };
        if (record.id !== undefined) task.id = record.id;
        return { record, outcome: await runInPool(ctx, task) };
      },
      async ({ record, outcome }, { lineNo: n }) => {
        const where = `stdin line ${n}${record.id !== undefined ? ` (id ${JSON.stringify(record.id)})` : ''}`;
        if (!outcome.ok) {
          summary.failed += 1;
          reporter.error(where, outcome.error);
          await sink.write(errorLine(outcome.error, record.id));
          return;
        }
        converted(ctx, where, outcome);
        await sink.write(outcome.output);
      },
      () => ctx.stop.signal.aborted,
    );
  } finally {
    ctx.stop.signal.removeEventListener('abort', closeLines);
    lines.close();
  }
  return finish(ctx, sink, atomic);
}

type StreamRecord = { id?: unknown; url: string | null; text: string } | { id?: unknown; error: string };

/** One stream line → the record to convert, or the reason it cannot be. */
export function parseRecord(line: string, maxSize: number): StreamRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { error: `invalid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not a JSON object' };
  const obj = value as Record<string, unknown>;
  const id = obj['id'];
  const withId = id !== undefined ? { id } : {};
  const content = typeof obj['markdown'] === 'string' ? obj['markdown'] : typeof obj['text'] === 'string' ? obj['text'] : null;
  if (content === null) return { ...withId, error: 'no "markdown" or "text" string in the record' };
  const size = Buffer.byteLength(content);
  if (size > maxSize) return { ...withId, error: tooLarge(size, maxSize) };
  const url = typeof obj['url'] === 'string' ? obj['url'] : null;
  // Text from JSON is already decoded: only the BOM and control characters would remain to strip.
  return { ...withId, url, text: content };
}

// ---------------------------------------------------------------------------------------------

async function startProgress(ctx: Context, total: number) {
  const { s, io, reporter } = ctx;
  const tty = ctx.io.stderrIsTTY ?? io.stderr.isTTY ?? false;
  if (!tty || s.quiet || total < 2) return null;
  const { createProgress } = await import('./progress.js');
  const progress = createProgress(io.stderr, total);
  reporter.setWriter((text) => progress.log(text), io.stderr);
  return progress;
}

/** True when `output` names one of `inputs` (same device and inode: links and hard links too). */
async function sameFile(output: string, inputs: string[]): Promise<boolean> {
  let out: fs.Stats;
  try {
    out = await fs.promises.stat(output);
  } catch {
    return inputs.some((i) => path.resolve(i) === path.resolve(output));
  }
  for (const input of inputs) {
    const st = await fs.promises.stat(input).catch(() => null);
    if (st && st.dev === out.dev && st.ino === out.ino) return true;
  }
  return false;
}

async function realpathOr(p: string): Promise<string> {
  try {
    return await fs.promises.realpath(p);
  } catch {
    return path.resolve(p);
  }
}
