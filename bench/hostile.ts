/**
 * Hostile-input benchmark: times a bare remark parse+stringify (remark-parse + remark-gfm +
 * remark-stringify, what winnow builds on) of each pathological shape from issue 4, before and
 * after `normalizeText` + `defuse`. Each parse runs in a child process with a time limit, because
 * some shapes overflow the stack or make V8 abort the whole process.
 *
 *   node --import tsx bench/hostile.ts [--timeout 20] [--only name,name] [--after-only | --before-only] [--clean]
 *
 * `--clean` adds a column timing the library's full `clean()` on the raw case (in a child process
 * too); clean() runs normalizeText + defuse itself.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { normalizeText } from '../src/normalize.js';
import { defuse } from '../src/defuse.js';
import { hostileCases } from '../test/fuzz/hostile.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const timeoutMs = Number(option('timeout') ?? 20) * 1000;
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
const t0 = performance.now();
try { clean(input); console.log(JSON.stringify({ ms: performance.now() - t0 })); }
catch (e) { console.log(JSON.stringify({ error: e.name + ': ' + String(e.message).slice(0, 60) })); }
`;

function timeInChild(code: string, input: string, tsx = false): string {
  const result = spawnSync(process.execPath,
    [...(tsx ? ['--import', 'tsx'] : []), '--stack-size=984', '--input-type=module', '-e', code],
    { cwd: root, input, timeout: timeoutMs, maxBuffer: 1 << 20, encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return `> ${timeoutMs / 1000} s`;
  if (result.signal) return `killed (${result.signal})`;
  if (result.status !== 0) return `crash (exit ${result.status})`;
  const line = result.stdout.trim().split('\n').pop() ?? '';
  try {
    const parsed = JSON.parse(line) as { ms?: number; error?: string };
    return parsed.ms !== undefined ? `${parsed.ms.toFixed(0)} ms` : `throws ${parsed.error}`;
  } catch {
    return `no result (${line.slice(0, 40)})`;
  }
}

const rows: string[][] = [['case', 'size', 'before', 'defuse', 'after', 'clean()', 'warnings']];
for (const c of hostileCases()) {
  if (only && !only.includes(c.name)) continue;
  const input = c.build();
  const before = flag('after-only') ? '-' : timeInChild(bareChild, input);
  const t0 = performance.now();
  const normalized = normalizeText(input);
  const defused = defuse(normalized.text);
  const defuseMs = performance.now() - t0;
  const after = flag('before-only') ? '-' : timeInChild(bareChild, defused.text);
  const afterClean = flag('clean') ? timeInChild(cleanChild, input, true) : '-';
  const rules = [...new Set([...normalized.warnings, ...defused.warnings].map((w) => w.rule))].join(' ');
  rows.push([c.name, formatSize(input.length), before, `${defuseMs.toFixed(0)} ms`, after, afterClean, rules]);
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
