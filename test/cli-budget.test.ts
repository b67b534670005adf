/**
 * The time budget (--timeout) for a lone document converted in-process, i.e. without a worker
 * (issue 4.1: every document gets the budget). The conversion runs under V8's watchdog
 * (src/cli/budget.ts): these tests check that it is really stopped, not merely reported late, and
 * that the failure is the usual one-line error with exit code 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OverBudget, withinBudget } from '../src/cli/budget.js';
import { exitCode, ROOT, runBin, runCli, SEED, spawnBin, tempDir } from './helpers/cli.js';

let tmp: ReturnType<typeof tempDir>;
/** A document that takes seconds to clean yet stays in-process (run.ts: up to 256 KB). */
let slow: string;

beforeAll(() => {
  tmp = tempDir('winnow-budget-');
  const dir = path.join(ROOT, 'fixtures');
  const pages = fs.readdirSync(dir)
    .map((name) => path.join(dir, name, 'input.md'))
    .filter((file) => fs.existsSync(file))
    .sort()
    .map((file) => fs.readFileSync(file, 'utf8'));
  let text = '';
  for (let i = 0; Buffer.byteLength(text) < 230_000; i++) text += `${pages[i % pages.length]}\n\n`;
  slow = path.join(tmp.dir, 'slow.md');
  fs.writeFileSync(slow, text);
  expect(fs.statSync(slow).size).toBeLessThan(256 * 1024);
});
afterAll(() => tmp.cleanup());

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

describe('withinBudget', () => {
  it('returns what the function returns and lets its errors through', () => {
    expect(withinBudget(1000, () => 42)).toBe(42);
    const error = new RangeError('boom');
    expect(() => withinBudget(1000, () => { throw error; })).toThrow(error);
  });

  it('stops a synchronous loop that never ends', () => {
    const start = performance.now();
    let caught: unknown;
    try {
      withinBudget(50, () => {
        for (;;) {
          // busy: only the watchdog can end this
        }
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(OverBudget);
    expect((caught as Error).message).toBe('timed out after 50 ms');
    expect(performance.now() - start).toBeLessThan(5000);
    // The thread is usable again afterwards.
    expect(withinBudget(1000, () => 'again')).toBe('again');
  });
});

describe('--timeout for a document converted in-process', () => {
  it('fails the document with a one-line error and exit code 1 (main)', async () => {
    const r = await runCli([slow, '--timeout', '0.001']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`winnow: ${slow}: timed out after 1 ms\n`);
  });

  it('leaves no output file behind (-o)', async () => {
    const out = path.join(tmp.dir, 'out.md');
    const r = await runCli([SEED, '--timeout', '0.001', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`winnow: ${SEED}: timed out after 1 ms\n`);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('a --timeout beyond what timers can hold means no limit, in-process and in workers', async () => {
    const one = await runCli([SEED, '--timeout', '1e9']);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('# Syria Is the Next Step');
    const out = path.join(tmp.dir, 'huge-timeout');
    const batch = await runCli([path.dirname(slow), '--out-dir', out, '--timeout', '1e9', '-j', '1', '-q']);
    expect(batch.stderr).toBe('');
    expect(batch.code).toBe(0);
  });

  it('stops the conversion itself, long before it would have ended (binary)', async () => {
    const full = await timed(() => runBin([slow, '-f', 'json']));
    expect(full.value.code).toBe(0);
    expect(JSON.parse(full.value.stdout).stats.wordsIn).toBeGreaterThan(10_000);

    const cut = await timed(() => runBin([slow, '--timeout', '0.1']));
    expect(cut.value.code).toBe(1);
    expect(cut.value.stdout).toBe('');
    expect(cut.value.stderr).toBe(`winnow: ${slow}: timed out after 100 ms\n`);
    // Start-up is in both; the conversion, which takes most of the full run, is cut to 0.1 s.
    expect(cut.ms).toBeLessThan(full.ms / 2);
  });

  it('Ctrl-C stops the conversion at once: exit 130, nothing written (binary)', async () => {
    const full = await timed(() => runBin([slow, '-f', 'text', '-q']));
    expect(full.value.code).toBe(0);

    const out = path.join(tmp.dir, 'interrupted.md');
    const child = spawnBin(['-', '-o', out]);
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const closed = exitCode(child);
    // The document is larger than a pipe's buffer: once it is all written the process has read
    // most of it, so it is running (its SIGINT handler installed) and about to convert.
    await new Promise<void>((resolve, reject) => child.stdin!.end(fs.readFileSync(slow), (e?: Error | null) => (e ? reject(e) : resolve())));
    await new Promise((r) => setTimeout(r, 200));
    const start = performance.now();
    child.kill('SIGINT');
    expect(await closed).toBe(130);
    expect(performance.now() - start).toBeLessThan(full.ms / 2);
    expect(stderr).toBe('');
    expect(fs.existsSync(out)).toBe(false);
  });
});
