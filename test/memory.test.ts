/**
 * Issue 4 point 1, the memory cap in-process: a lone document runs on the main thread (no worker
 * heap cap) only when HEAP_PER_INPUT_BYTE times its size fits the cap (src/cli/run.ts). This holds
 * every hostile shape to that figure: each, at the in-process size limit, is converted in a child process whose heap
 * is capped at what the figure allows, and an overrun kills the child with V8's out-of-memory abort.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HEAP_PER_INPUT_BYTE, IN_PROCESS_MAX_BYTES, runsInProcess } from '../src/cli/run.js';
import { hostileCases } from './fuzz/hostile.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The largest document that runs in-process: the case the figure must hold for. */
const SIZE = IN_PROCESS_MAX_BYTES;
/** Old-generation heap of the library once loaded and warmed up, before the document (measured ~20 MB). */
const BASE_MB = 64;
const CAP_MB = BASE_MB + Math.ceil((SIZE * HEAP_PER_INPUT_BYTE) / 2 ** 20);

const CHILD = `
import { clean } from './src/index.ts';
import { hostileCases } from './test/fuzz/hostile.ts';
clean('A warm-up paragraph with a [link](https://example.com).\\n');
for (const { name } of hostileCases()) {
  const size = hostileCases().find((c) => c.name === name).build().length;
  const text = hostileCases(${SIZE} / size).find((c) => c.name === name).build();
  clean(text);
  process.stdout.write(name + '\\n');
}
`;

describe('memory per input byte', () => {
  it(`every hostile shape at ${SIZE / 1024} KB converts within a ${CAP_MB} MB heap (${HEAP_PER_INPUT_BYTE} bytes a byte)`, () => {
    const child = spawnSync(process.execPath, [`--max-old-space-size=${CAP_MB}`, '--import', 'tsx', '--input-type=module', '-e', CHILD], {
      cwd: ROOT, encoding: 'utf8', timeout: 280_000,
    });
    const done = child.stdout.split('\n').filter(Boolean);
    const names = hostileCases().map((c) => c.name);
    const failed = names[done.length];
    const reason = /FATAL ERROR[^\n]*/.exec(child.stderr)?.[0] ?? child.stderr.slice(-400);
    expect(child.status, `${failed ?? 'a case'} failed: ${reason}`).toBe(0);
    expect(done).toEqual(names);
  }, 300_000);

  it('a lone document runs in-process only while that much heap fits the cap', () => {
    expect(runsInProcess(200_000, 4096)).toBe(true);
    expect(runsInProcess(IN_PROCESS_MAX_BYTES + 1, 4096)).toBe(false);
    // 50 MB of heap covers 50 MB / HEAP_PER_INPUT_BYTE of input.
    const fits = Math.floor((50 * 2 ** 20) / HEAP_PER_INPUT_BYTE);
    expect(runsInProcess(fits, 50)).toBe(true);
    expect(runsInProcess(fits + 1, 50)).toBe(false);
  });
});
