/**
 * Running the CLI in tests: in-process through main() with in-memory streams, or as the real
 * binary (`node bin/winnow.js`, which needs the build in dist/ that `pretest` makes).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'winnow.js');
export const SEED = path.join(ROOT, 'fixtures', 'global-research-2018-06-01.md');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Piped stdin; omitted means an interactive terminal (isTTY) with nothing to read. */
  stdin?: string | Buffer;
  stderrIsTTY?: boolean;
  signal?: AbortSignal;
}

export async function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]);
  const stdout = collector();
  const stderr = collector();
  const code = await main({
    argv: args,
    stdin,
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: {},
    stdinIsTTY: options.stdin === undefined,
    stderrIsTTY: options.stderrIsTTY ?? false,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

function collector(): { stream: PassThrough; text(): string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** Spawns the real binary. */
export function spawnBin(args: string[], options: { cwd?: string } = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
}

export async function runBin(args: string[], options: { stdin?: string; cwd?: string } = {}): Promise<CliResult> {
  const child = spawnBin(args, options);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout!.on('data', (c: Buffer) => out.push(c));
  child.stderr!.on('data', (c: Buffer) => err.push(c));
  child.stdin!.end(options.stdin ?? '');
  const code = await exitCode(child);
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

export function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : -1)));
  });
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'winnow-cli-'): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Writes files given as { 'relative/path.md': 'content' } under `dir`. */
export function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

/** Every file under `dir`, relative, sorted (hidden files included: temporaries must show). */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)))
    .sort();
}

/** A small article of our own: a title, prose paragraphs, and boilerplate the rules should drop. */
export function article(title: string, body: string[]): string {
  return [
    `# ${title}`,
    '',
    ...body.flatMap((p) => [p, '']),
    'Share on Facebook | Share on Twitter',
    '',
    'Subscribe to our newsletter to get the latest articles in your inbox.',
    '',
    'Copyright © 2024 Example Media. All rights reserved.',
    '',
  ].join('\n');
}

export const PROSE = [
  'The river had been rising for three days before the town council met to decide what to do about the old bridge, which had stood since the founding of the settlement.',
  'Engineers who inspected the supports found that the water had scoured away much of the gravel around the piers, leaving the wooden frame exposed to the current.',
  'After a long debate the council voted to close the bridge to traffic and to ask the regional government for money to build a new crossing further upstream.',
];
