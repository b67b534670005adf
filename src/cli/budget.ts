/**
 * The time budget for a document converted in-process (a lone small document: no worker start-up).
 * Workers are stopped from outside (pool.ts); the main thread cannot be, so the conversion runs as
 * a vm script with a timeout: V8's watchdog terminates the synchronous code however deep it is
 * (a parser loop, a regular expression), and the call throws. With `breakOnSigint`, Ctrl-C stops it
 * the same way instead of waiting for the document to finish.
 */
import vm from 'node:vm';

/** The global slot through which the script reaches the function to run (a script sees only globals). */
const SLOT = '__winnowWithinBudget';

export class OverBudget extends Error {
  override name = 'OverBudget';
  constructor(readonly ms: number) {
    super(`timed out after ${formatDuration(ms)}`);
  }
}

export class Interrupted extends Error {
  override name = 'Interrupted';
  constructor() {
    super('interrupted');
  }
}

let script: vm.Script | undefined;

/**
 * Runs `fn` synchronously, stopping it after `ms` milliseconds (throws OverBudget) or on Ctrl-C when
 * `breakOnSigint` (throws Interrupted). Errors thrown by `fn` pass through unchanged.
 */
export function withinBudget<T>(ms: number, fn: () => T, options: { breakOnSigint?: boolean } = {}): T {
  script ??= new vm.Script(`globalThis.${SLOT}()`, { filename: 'winnow-time-budget' });
  const slots = globalThis as unknown as Record<string, unknown>;
  let result: { value: T } | undefined;
  slots[SLOT] = () => {
    result = { value: fn() };
  };
  try {
    script.runInThisContext({ timeout: Math.max(1, Math.round(ms)), breakOnSigint: options.breakOnSigint ?? false });
  } catch (error) {
    // These codes come from the watchdog only after it stopped the script, never from `fn`.
    const code = (error as { code?: unknown }).code;
    if (result === undefined && code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new OverBudget(ms);
    if (result === undefined && code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED') throw new Interrupted();
    throw error;
  } finally {
    delete slots[SLOT];
  }
  if (result === undefined) throw new Error('time budget: the conversion did not run');
  return result.value;
}

/** `30 s`, `1.5 s`, `200 ms`: a budget as a person reads it (and as --timeout was given). */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
