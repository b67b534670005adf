/**
 * winnow's command line: parses arguments, checks their combinations, and hands over to the
 * single-document, batch or stream runner. Kept light: the library, the worker pool and the
 * progress bar are imported only by the runs that need them.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { Command, CommanderError, Option } from 'commander';
import { CATEGORIES, type Category } from '../types.js';
import { FORMATS, type Format } from './formats.js';
import { Reporter } from './report.js';

export { libraryLoaded } from './library.js';

export interface MainIO {
  argv: string[];
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env?: NodeJS.ProcessEnv;
  /** Defaults to `stdin.isTTY`. */
  stdinIsTTY?: boolean;
  /** Defaults to `stderr.isTTY`: the progress bar is drawn only on a terminal. */
  stderrIsTTY?: boolean;
  /** Aborted on Ctrl-C: the run stops cleanly and main() resolves 130. */
  signal?: AbortSignal;
}

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** Everything a run needs to know, validated. */
export interface Settings {
  paths: string[];
  format: Format;
  output: string | null;
  outDir: string | null;
  inPlace: boolean;
  skipExisting: boolean;
  inputFormat: 'auto' | 'ndjson';
  frontMatter: boolean;
  disable: string[];
  keep: Category[];
  drop: Category[];
  siteTemplate: 'auto' | 'off';
  explain: boolean;
  jobs: number;
  timeoutMs: number;
  maxSize: number;
  quiet: boolean;
  /** Worker heap cap (MB), from WINNOW_MAX_MEMORY_MB or the default. */
  heapMb: number;
}

class UsageError extends Error {}

const DEFAULT_TIMEOUT_S = 30;
const DEFAULT_MAX_SIZE = '10MB';
const DEFAULT_HEAP_MB = 4096;

export async function main(io: MainIO): Promise<number> {
  const reporter = new Reporter(io.stderr, false);
  let settings: Settings | 'done';
  try {
    settings = await parse(io);
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit 0 through exitOverride; everything else commander rejects is usage.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      reporter.usage(error.message);
      return EXIT.usage;
    }
    throw error;
  }
  if (settings === 'done') return EXIT.ok;
  const { run } = await import('./run.js');
  return run(settings, io);
}

async function parse(io: MainIO): Promise<Settings | 'done'> {
  const program = buildProgram(io);
  program.parse(io.argv, { from: 'user' });
  const o = program.opts<Record<string, unknown>>();
  if (o['listRules']) {
    await listRules(io.stdout);
    return 'done';
  }
  return validate(program.args, o, io, program.getOptionValueSource('format') !== 'default');
}

function buildProgram(io: MainIO): Command {
  const program = new Command('winnow')
    .description('Clean scraped article Markdown or text: strip boilerplate, repair scraping damage, extract metadata.')
    .argument('[paths...]', 'files or folders (recursive: *.md, *.markdown, *.txt); - or nothing reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('md'))
    .option('-o, --output <file>', 'write the output of a single input (or the ndjson stream) to FILE')
    .option('--out-dir <dir>', 'write one file per input under DIR, mirroring relative paths (extension by format)')
    .option('--in-place', 'rewrite each input file with its clean Markdown (atomically)')
    .option('--skip-existing', 'with --out-dir/-o: leave documents whose output already exists (resume a run)')
    .addOption(new Option('--input-format <format>', 'stdin holds one JSON object per line: {"id"?, "url"?, "markdown"|"text"}').choices(['auto', 'ndjson']).default('auto'))
    .option('--front-matter', 'prepend YAML front matter with the metadata (md format)')
    .option('--disable <ids>', 'switch rules off by id (comma-separated; see --list-rules)')
    .option('--keep <categories>', `never remove these categories (comma-separated): ${CATEGORIES.join(', ')}`)
    .option('--drop <categories>', 'also remove these categories where rules are gentle by default (comma-separated)')
    .addOption(new Option('--site-template <mode>', 'remove blocks recurring across documents of the same site in one run').choices(['auto', 'off']).default('auto'))
    .option('--explain', 'print every removal (file, line, rule, reason, preview) to stderr')
    .option('--list-rules', 'list the rules (id, category, description) and exit')
    .option('-j, --jobs <n>', 'worker threads for batches (default: available cores)')
    .option('--timeout <seconds>', 'time budget per document; a document over it fails, the run goes on', String(DEFAULT_TIMEOUT_S))
    .option('--max-size <size>', 'refuse documents larger than this (e.g. 500KB, 10MB), checked before reading', DEFAULT_MAX_SIZE)
    .option('-q, --quiet', 'no progress bar, summary or warnings; errors only')
    .version(packageVersion(), '-V, --version')
    .addHelpText('after', HELP_AFTER)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
    })
    .showHelpAfterError("(run 'winnow --help' for usage)");
  return program;
}

const HELP_AFTER = `
Formats:
  md      clean Markdown, the title as the first '# ' heading (default)
  text    plain text, blocks separated by one blank line
  json    {file, metadata, kind, markdown, text, removed, warnings, stats}
  ndjson  the same objects, one per line, in input order
  mdast   the cleaned syntax tree as JSON

A single input goes to stdout or -o FILE; several need --out-dir DIR or -f ndjson.

Exit codes: 0 all converted, 1 some documents failed, 2 usage error, 130 interrupted.

Examples:
  winnow page.md
  winnow scraped/ --out-dir clean/ --jobs 4
  winnow scraped/ -f ndjson > corpus.ndjson
  cat pages.ndjson | winnow --input-format ndjson > clean.ndjson
`;

function validate(paths: string[], o: Record<string, unknown>, io: MainIO, formatGiven: boolean): Settings {
  const format = o['format'] as Format;
  const settings: Settings = {
    paths,
    format,
    output: (o['output'] as string | undefined) ?? null,
    outDir: (o['outDir'] as string | undefined) ?? null,
    inPlace: Boolean(o['inPlace']),
    skipExisting: Boolean(o['skipExisting']),
    inputFormat: o['inputFormat'] as 'auto' | 'ndjson',
    frontMatter: Boolean(o['frontMatter']),
    disable: list(o['disable']),
    keep: categories(o['keep'], '--keep'),
    drop: categories(o['drop'], '--drop'),
    siteTemplate: o['siteTemplate'] as 'auto' | 'off',
    explain: Boolean(o['explain']),
    jobs: o['jobs'] === undefined ? os.availableParallelism() : positiveInt(o['jobs'], '--jobs'),
    timeoutMs: timeoutMs(positiveNumber(o['timeout'], '--timeout')),
    maxSize: size(o['maxSize']),
    quiet: Boolean(o['quiet']),
    heapMb: io.env?.['WINNOW_MAX_MEMORY_MB'] ? positiveInt(io.env['WINNOW_MAX_MEMORY_MB'], 'WINNOW_MAX_MEMORY_MB') : DEFAULT_HEAP_MB,
  };
  const both = settings.keep.filter((c) => settings.drop.includes(c));
  if (both.length > 0) throw new UsageError(`--keep and --drop both name: ${both.join(', ')}`);
  if (settings.output && settings.outDir) throw new UsageError('-o and --out-dir exclude each other');
  if (settings.inPlace) {
    if (settings.output || settings.outDir) throw new UsageError('--in-place writes over the inputs: it excludes -o and --out-dir');
    if (format !== 'md' && format !== 'text') throw new UsageError('--in-place needs --format md or text');
    if (paths.length === 0 || paths.includes('-')) throw new UsageError('--in-place needs file or folder paths, not stdin');
  }
  if (paths.includes('-') && paths.length > 1) throw new UsageError("'-' (stdin) cannot be mixed with paths");
  if (settings.inputFormat === 'ndjson') {
    if (paths.some((p) => p !== '-')) throw new UsageError('--input-format ndjson reads stdin; give no paths (or -)');
    if (formatGiven && format !== 'ndjson' && format !== 'json') throw new UsageError('--input-format ndjson writes ndjson; --format must be ndjson');
    if (settings.outDir) throw new UsageError('--input-format ndjson writes one stream: use -o FILE or stdout, not --out-dir');
    settings.format = 'ndjson';
  }
  const readsStdin = paths.length === 0 || paths[0] === '-';
  if (readsStdin && (io.stdinIsTTY ?? io.stdin.isTTY ?? false) && paths.length === 0) {
    throw new UsageError('no input: give files or folders, or pipe a document to stdin');
  }
  if (readsStdin && settings.outDir) throw new UsageError('--out-dir needs file or folder paths (stdin is a single document: use -o)');
  return settings;
}

function list(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

function categories(value: unknown, flag: string): Category[] {
  const names = list(value);
  const unknown = names.filter((n) => !(CATEGORIES as readonly string[]).includes(n));
  if (unknown.length > 0) throw new UsageError(`${flag}: unknown ${unknown.length === 1 ? 'category' : 'categories'} ${unknown.join(', ')} (known: ${CATEGORIES.join(', ')})`);
  return names as Category[];
}

function positiveInt(value: unknown, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number >= 1, not '${String(value)}'`);
  return n;
}

function positiveNumber(value: unknown, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a number > 0, not '${String(value)}'`);
  return n;
}

/**
 * Timers take at most 2^31-1 ms (about 24.8 days; a longer delay fires at once), so a larger
 * --timeout means that long: in effect no limit. At least 1 ms.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;

function timeoutMs(seconds: number): number {
  return Math.min(MAX_TIMER_MS, Math.max(1, Math.round(seconds * 1000)));
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

function size(value: unknown): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(String(value));
  const unit = UNITS[match?.[2]?.toLowerCase() ?? 'x'];
  if (!match || unit === undefined || Number(match[1]) <= 0) {
    throw new UsageError(`--max-size must be a size such as 500KB or 10MB, not '${String(value)}'`);
  }
  return Math.floor(Number(match[1]) * unit);
}

function packageVersion(): string {
  try {
    // src/cli and dist/cli are both two levels below the package root.
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

async function listRules(stdout: NodeJS.WritableStream): Promise<void> {
  const { loadRules } = await import('./library.js');
  const rules = await loadRules();
  const idWidth = Math.max(...rules.map((r) => r.id.length), 2);
  const catWidth = Math.max(...rules.map((r) => r.category.length), 8);
  for (const r of rules) stdout.write(`${r.id.padEnd(idWidth)}  ${r.category.padEnd(catWidth)}  ${r.description}\n`);
}
