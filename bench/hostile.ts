/**
 * Hostile-input benchmark: times a bare remark parse+stringify (remark-parse + remark-gfm +
 * remark-stringify, what winnow builds on) of each pathological shape from issue 4, before and
 * after `normalizeText` + `defuse`. Each parse runs in a child process with a time limit, because
 * some shapes overflow the stack or make V8 abort the whole process.
 *
 *   node --import tsx bench/hostile.ts [--timeout 20] [--only name,name] [--after-only | --before-only]
 *     [--clean] [--repeat 3] [--warm]
 *
 * `--clean` adds columns timing the library's full `clean()` on the raw case (in a child process
 * too; clean() runs normalizeText + defuse itself): wall time, and the child's CPU time, which
 * says more than wall time on a machine shared with other work. `--repeat n` runs every child n
 * times and prints the median. The last row, `reference`, is not hostile: 1 MB of ordinary article
 * shapes, to read the other rows against this machine's speed (`--only` can leave it out).
 * `--warm` times a second clean() of the case in the same child, as a long-lived worker would
 * see it (the first run pays for compiling the code it needs).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { normalizeText } from '../src/normalize.js';
import { defuse } from '../src/defuse.js';
import { hostileCases, type HostileCase } from '../test/fuzz/hostile.js';
import { ordinaryDocuments } from '../test/fuzz/ordinary.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const timeoutMs = Number(option('timeout') ?? 20) * 1000;
const repeat = Math.max(1, Number(option('repeat') ?? 1));
const only = option('only')?.split(',');
const root = fileURLToPath(new URL('..', import.meta.url));

/** Child: read stdin, parse+stringify it, print the milliseconds (or the error). */
const bareChild = `
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const input = Buffer.concat(chunks).toString('utf8');
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkStringify);
const t0 = performance.now();
try {
  const tree = processor.parse(input);
  processor.stringify(tree);
  console.log(JSON.stringify({ ms: performance.now() - t0 }));
} catch (e) { console.log(JSON.stringify({ error: e.name + ': ' + String(e.message).slice(0, 60) })); }
`;

/** Child: the library's clean() (which runs normalizeText + defuse itself). */
const cleanChild = `
import { clean } from './src/clean.ts';
const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const input = Buffer.concat(chunks).toString('utf8');
${flag('warm') ? 'try { clean(input); } catch {}' : ''}
const t0 = performance.now();
const c0 = process.cpuUsage();
try {
  clean(input);
  const c = process.cpuUsage(c0);
  console.log(JSON.stringify({ ms: performance.now() - t0, cpu: (c.user + c.system) / 1000 }));
} catch (e) { console.log(JSON.stringify({ error: e.name + ': ' + String(e.message).slice(0, 60) })); }
`;

interface Timing { ms?: number; cpu?: number; failure?: string }

function runChild(code: string, input: string, tsx: boolean): Timing {
  const result = spawnSync(process.execPath,
    [...(tsx ? ['--import', 'tsx'] : []), '--stack-size=984', '--input-type=module', '-e', code],
    { cwd: root, input, timeout: timeoutMs, maxBuffer: 1 << 20, encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { failure: `> ${timeoutMs / 1000} s` };
  if (result.signal) return { failure: `killed (${result.signal})` };
  if (result.status !== 0) return { failure: `crash (exit ${result.status})` };
  const line = result.stdout.trim().split('\n').pop() ?? '';
  try {
    const parsed = JSON.parse(line) as { ms?: number; cpu?: number; error?: string };
    return parsed.ms !== undefined ? { ms: parsed.ms, cpu: parsed.cpu } : { failure: `throws ${parsed.error}` };
  } catch {
    return { failure: `no result (${line.slice(0, 40)})` };
  }
}

/** Runs the child `repeat` times; the median wall and CPU times, or the first failure. */
function timeInChild(code: string, input: string, tsx = false): { wall: string; cpu: string } {
  const runs: Timing[] = [];
  for (let i = 0; i < repeat; i++) {
    const run = runChild(code, input, tsx);
    if (run.failure) return { wall: run.failure, cpu: '-' };
    runs.push(run);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[(values.length - 1) >> 1]!;
  const cpu = runs.every((r) => r.cpu !== undefined) ? `${median(runs.map((r) => r.cpu!)).toFixed(0)} ms` : '-';
  return { wall: `${median(runs.map((r) => r.ms!)).toFixed(0)} ms`, cpu };
}

/** Ordinary article shapes repeated to 1 MB: not hostile, a yardstick for the machine's speed. */
const reference: HostileCase = {
  name: 'reference',
  description: '1 MB of ordinary article shapes (not hostile: the machine\'s speed)',
  build: () => {
    const docs = Object.values(ordinaryDocuments);
    const parts: string[] = [];
    for (let i = 0, size = 0; size < 1 << 20; i++) {
      parts.push(docs[i % docs.length]!);
      size += docs[i % docs.length]!.length + 2;
    }
    return parts.join('\n\n');
  },
};

const rows: string[][] = [['case', 'size', 'before', 'defuse', 'after', 'clean()', 'clean() cpu', 'warnings']];
for (const c of [...hostileCases(), reference]) {
  if (only && !only.includes(c.name)) continue;
  const input = c.build();
  const before = flag('after-only') ? '-' : timeInChild(bareChild, input).wall;
  const t0 = performance.now();
  const normalized = normalizeText(input);
  const defused = defuse(normalized.text);
  const defuseMs = performance.now() - t0;
  const after = flag('before-only') ? '-' : timeInChild(bareChild, defused.text).wall;
  const afterClean = flag('clean') ? timeInChild(cleanChild, input, true) : { wall: '-', cpu: '-' };
  const rules = [...new Set([...normalized.warnings, ...defused.warnings].map((w) => w.rule))].join(' ');
  rows.push([c.name, formatSize(input.length), before, `${defuseMs.toFixed(0)} ms`, after, afterClean.wall, afterClean.cpu, rules]);
  console.error(rows.at(-1)!.join(' | '));
}

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => `| ${r.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(rows[0]!));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows.slice(1)) console.log(line(r));

function formatSize(chars: number): string {
  return chars >= 1 << 20 ? `${(chars / (1 << 20)).toFixed(1)} MB` : `${(chars / 1024).toFixed(0)} KB`;
}
