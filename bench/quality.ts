/**
 * Quality benchmark: runs `clean()` on every input rendering of the evaluation corpora and scores
 * `result.text` against the gold article bodies with the shingle metric (bench/metric.ts).
 *
 *   npm run bench:quality -- ../shared/corpus [--folder md-turndown] [--split tune|holdout|all]
 *     [--both] [--limit N] [--worst N] [--page ID] [--gate md-turndown=0.88] [--json out.json] [--as-is]
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Command, InvalidArgumentError, Option } from 'commander';
import { clean } from '../src/index.js';
import type { Removal } from '../src/index.js';
import { findSubCorpora, readInput, splitOf, type Split, type SubCorpus } from './corpus.js';
import { aggregate, scorePage, shingles, type Aggregate, type PageScore, type Shingles } from './metric.js';

type SplitChoice = Split | 'all';

interface Options {
  folder: string[];
  limit?: number;
  split: SplitChoice;
  both: boolean;
  worst: number;
  gate: Gate[];
  json?: string;
  page?: string;
  asIs: boolean;
}

interface Gate {
  folder: string;
  min: number;
}

interface PageRun {
  id: string;
  split: Split;
  score: PageScore;
  error?: string;
  /** Kept only when a diagnosis is asked for (--worst, --page). */
  diagnosis?: { text: string; removed: Removal[]; predicted: Shingles };
}

interface FolderRun {
  corpus: string;
  folder: string;
  pages: PageRun[];
  /** Time spent inside clean(), for docs/s. */
  seconds: number;
}

// ---------------------------------------------------------------------------------------------
// Command line

const list = (value: string, previous: string[]): string[] =>
  previous.concat(value.split(',').map((s) => s.trim()).filter(Boolean));

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function gates(value: string, previous: Gate[]): Gate[] {
  const parsed = value.split(',').map((s) => s.trim()).filter(Boolean).map((spec) => {
    const m = /^(.+)=([0-9]*\.?[0-9]+)$/.exec(spec);
    if (!m) throw new InvalidArgumentError(`expected FOLDER=MIN_F1, got "${spec}"`);
    return { folder: m[1]!, min: Number(m[2]) };
  });
  return previous.concat(parsed);
}

function parseArgs(argv: string[]): { dir: string; options: Options } {
  const program = new Command('bench:quality')
    .description('Score clean() on the evaluation corpora (4-token shingle F1, see corpus README)')
    .argument('<corpus-dir>', 'the corpus root (all sub-corpora) or one sub-corpus folder')
    .option('--folder <names>', 'only these input folders (repeatable or comma list)', list, [])
    .option('--limit <n>', 'only the first N pages of each sub-corpus (after the split)', positiveInt)
    .addOption(new Option('--split <split>', 'which pages to run').choices(['tune', 'holdout', 'all']).default('all'))
    .option('--both', 'run all pages and print tune and holdout figures side by side', false)
    .option('--worst <n>', 'list the N worst pages per folder with the blocks that cost most', positiveInt, 0)
    .option('--gate <specs>', 'FOLDER=MIN_F1 (or CORPUS/FOLDER=MIN_F1): exit 1 when F1 is below', gates, [])
    .option('--json <file>', 'write all figures and per-page scores as JSON')
    .option('--page <id>', "print one page's scores and costly blocks")
    .option('--as-is', 'score the input itself instead of clean() output (checks the metric against the README)', false)
    .parse(argv);
  const options = program.opts<Options>();
  if (options.both && options.split !== 'all') program.error('--both runs all pages; drop --split');
  if (options.gate.length > 0 && (options.split !== 'all' || options.limit !== undefined)) {
    program.error('--gate judges F1 over all pages; it cannot be combined with --split or --limit');
  }
  return { dir: program.args[0]!, options };
}

// ---------------------------------------------------------------------------------------------
// Running

function runFolder(corpus: SubCorpus, folder: string, ids: readonly string[], gold: (id: string) => Shingles, options: Options): FolderRun {
  const keep = options.worst > 0 || options.page !== undefined;
  const pages: PageRun[] = [];
  let seconds = 0;
  for (const id of ids) {
    const input = readInput(corpus, folder, id);
    let text = '';
    let removed: Removal[] = [];
    let error: string | undefined;
    const start = performance.now();
    try {
      if (options.asIs) text = input;
      else ({ text, removed } = clean(input));
    } catch (e) {
      // A crash scores as an empty prediction and is reported; it must not stop the run.
      error = e instanceof Error ? e.message : String(e);
    }
    seconds += (performance.now() - start) / 1000;
    const predicted = shingles(text);
    const page: PageRun = { id, split: splitOf(id), score: scorePage(predicted, gold(id)) };
    if (error !== undefined) page.error = error;
    if (keep) page.diagnosis = { text, removed, predicted };
    pages.push(page);
  }
  return { corpus: corpus.name, folder, pages, seconds };
}

function selectIds(corpus: SubCorpus, options: Options): string[] {
  if (options.page !== undefined) return corpus.gold.has(options.page) ? [options.page] : [];
  const ids = options.split === 'all' ? corpus.ids : corpus.ids.filter((id) => splitOf(id) === options.split);
  return options.limit === undefined ? ids : ids.slice(0, options.limit);
}

function selectFolders(corpora: readonly SubCorpus[], wanted: readonly string[]): Map<SubCorpus, string[]> {
  const chosen = new Map<SubCorpus, string[]>();
  for (const corpus of corpora) {
    const folders = wanted.length === 0 ? corpus.folders : corpus.folders.filter((f) => wanted.includes(f));
    if (folders.length > 0) chosen.set(corpus, folders);
  }
  const known = new Set(corpora.flatMap((c) => c.folders));
  const unknown = wanted.filter((f) => !known.has(f));
  if (unknown.length > 0) throw new Error(`unknown folder(s): ${unknown.join(', ')} (have: ${[...known].join(', ')})`);
  return chosen;
}

// ---------------------------------------------------------------------------------------------
// Diagnosis: which blocks cost precision (kept junk) and recall (removed article text)

interface CostlyBlock {
  cost: number;
  preview: string;
  removal?: Removal;
}

const TOP_BLOCKS = 5;

function preview(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function top(blocks: CostlyBlock[]): CostlyBlock[] {
  return blocks.filter((b) => b.cost > 0).sort((a, b) => b.cost - a.cost).slice(0, TOP_BLOCKS);
}

/** Output blocks (split on blank lines) by the number of their shingles that never occur in gold. */
function keptJunk(text: string, gold: Shingles): CostlyBlock[] {
  return top(text.split(/\n\s*\n/).map((block) => {
    let cost = 0;
    for (const [key, n] of shingles(block).counts) if (!gold.counts.has(key)) cost += n;
    return { cost, preview: preview(block) };
  }));
}

/** Removed blocks by the number of gold shingles they hold that the output lacks. */
function lostText(removed: readonly Removal[], predicted: Shingles, gold: Shingles): CostlyBlock[] {
  const missing = (key: string): boolean => (gold.counts.get(key) ?? 0) > (predicted.counts.get(key) ?? 0);
  return top(removed.map((removal) => {
    let cost = 0;
    for (const [key, n] of shingles(removal.text).counts) if (missing(key)) cost += n;
    return { cost, preview: preview(removal.text), removal };
  }));
}

const fmt = (x: number): string => x.toFixed(3);

function printDiagnosis(page: PageRun, gold: Shingles, indent: string): void {
  const { score, diagnosis } = page;
  console.log(`${indent}${page.id}  F1 ${fmt(score.f1)}  P ${fmt(score.precision)}  R ${fmt(score.recall)}  ` +
    `(tp ${score.tp}, fp ${score.fp}, fn ${score.fn})${page.error ? `  ERROR: ${page.error}` : ''}`);
  if (!diagnosis) return;
  const junk = keptJunk(diagnosis.text, gold);
  if (junk.length > 0) console.log(`${indent}  kept junk (shingles not in gold):`);
  for (const b of junk) console.log(`${indent}    ${String(b.cost).padStart(5)}  ${b.preview}`);
  const lost = lostText(diagnosis.removed, diagnosis.predicted, gold);
  if (lost.length > 0) console.log(`${indent}  removed article text (gold shingles lost):`);
  for (const b of lost) {
    const r = b.removal!;
    console.log(`${indent}    ${String(b.cost).padStart(5)}  ${r.rule} (${r.reason}) line ${r.line ?? '?'}: ${b.preview}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Reporting

function figures(run: FolderRun, split: SplitChoice): Aggregate {
  const pages = split === 'all' ? run.pages : run.pages.filter((p) => p.split === split);
  return aggregate(pages.map((p) => p.score));
}

function printTable(runs: readonly FolderRun[], options: Options): void {
  const rows: string[][] = [];
  const splits: SplitChoice[] = options.both ? ['tune', 'holdout'] : [options.split];
  const header = ['corpus', 'folder'];
  if (options.both) header.push('F1 all', 'F1 tune', 'P', 'R', 'pages', 'F1 hold', 'P', 'R', 'pages', 'docs/s');
  else header.push('F1', 'P', 'R', 'pages', 'docs/s');
  for (const run of runs) {
    const row = [run.corpus, run.folder];
    if (options.both) row.push(fmt(figures(run, 'all').f1));
    for (const split of splits) {
      const a = figures(run, split);
      row.push(fmt(a.f1), fmt(a.precision), fmt(a.recall), String(a.pages));
    }
    row.push(options.asIs || run.seconds === 0 ? '-' : (run.pages.length / run.seconds).toFixed(0));
    rows.push(row);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

function checkGates(runs: readonly FolderRun[], gateList: readonly Gate[]): string[] {
  const failures: string[] = [];
  for (const gate of gateList) {
    const matching = runs.filter((r) => gate.folder === r.folder || gate.folder === `${r.corpus}/${r.folder}`);
    if (matching.length === 0) failures.push(`gate ${gate.folder}: no such folder in this run`);
    for (const run of matching) {
      const { f1 } = figures(run, 'all');
      const verdict = f1 < gate.min ? 'FAIL' : 'ok';
      console.log(`gate ${run.corpus}/${run.folder}: F1 ${fmt(f1)}, floor ${gate.min}: ${verdict}`);
      if (f1 < gate.min) failures.push(`${run.corpus}/${run.folder}: F1 ${fmt(f1)} is below the floor ${gate.min}`);
    }
  }
  return failures;
}

function toJson(runs: readonly FolderRun[], options: Options): unknown {
  return {
    split: options.both ? 'both' : options.split,
    mode: options.asIs ? 'as-is' : 'clean',
    folders: runs.map((run) => ({
      corpus: run.corpus,
      folder: run.folder,
      docsPerSecond: options.asIs || run.seconds === 0 ? null : run.pages.length / run.seconds,
      all: figures(run, 'all'),
      tune: figures(run, 'tune'),
      holdout: figures(run, 'holdout'),
      pages: run.pages.map(({ id, split, score, error }) => ({ id, split, ...score, ...(error ? { error } : {}) })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------

function main(): void {
  const { dir, options } = parseArgs(process.argv);
  const corpora = findSubCorpora(dir);
  const runs: FolderRun[] = [];
  const goldOf = new Map<string, (id: string) => Shingles>();

  for (const [corpus, folders] of selectFolders(corpora, options.folder)) {
    const ids = selectIds(corpus, options);
    if (ids.length === 0) continue;
    // Gold is tokenised once per page, shared by every folder.
    const cache = new Map<string, Shingles>();
    const gold = (id: string): Shingles => {
      let s = cache.get(id);
      if (!s) cache.set(id, (s = shingles(corpus.gold.get(id)!)));
      return s;
    };
    goldOf.set(corpus.name, gold);
    for (const folder of folders) runs.push(runFolder(corpus, folder, ids, gold, options));
  }
  const goldFor = (run: FolderRun): ((id: string) => Shingles) => goldOf.get(run.corpus)!;

  if (options.page !== undefined) {
    if (runs.length === 0) throw new Error(`page ${options.page} is in no selected sub-corpus`);
    for (const run of runs) {
      console.log(`${run.corpus}/${run.folder}${options.asIs ? ' (as is)' : ''}`);
      for (const page of run.pages) printDiagnosis(page, goldFor(run)(page.id), '  ');
    }
    return;
  }

  const split = options.both ? 'tune + holdout (all pages)' : options.split;
  console.log(`split: ${split}${options.limit ? `, first ${options.limit} pages` : ''}${options.asIs ? ', inputs scored as is' : ''}\n`);
  printTable(runs, options);

  const errors = runs.flatMap((run) => run.pages.filter((p) => p.error).map((p) => `${run.corpus}/${run.folder} ${p.id}: ${p.error}`));
  if (errors.length > 0) {
    console.log(`\nclean() threw on ${errors.length} page(s) (scored as empty):`);
    for (const e of errors) console.log(`  ${e}`);
  }

  if (options.worst > 0) {
    for (const run of runs) {
      console.log(`\nworst ${options.worst} pages of ${run.corpus}/${run.folder}:`);
      const worst = [...run.pages].sort((a, b) => a.score.f1 - b.score.f1).slice(0, options.worst);
      for (const page of worst) printDiagnosis(page, goldFor(run)(page.id), '  ');
    }
  }

  if (options.json !== undefined) writeFileSync(options.json, `${JSON.stringify(toJson(runs, options), null, 2)}\n`);

  if (options.gate.length > 0) {
    console.log('');
    const failures = checkGates(runs, options.gate);
    if (failures.length > 0) {
      console.error(`\nquality gate failed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
      process.exitCode = 1;
    }
  }
}

try {
  main();
} catch (e) {
  console.error(`bench:quality: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
}
