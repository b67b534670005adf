import type { RuleContext } from './types.js';

/**
 * A fact about the whole document that rules test block by block (a comment thread's extent, an
 * index of repeated words): computed on the first call for a document, then reused for its other
 * blocks. Keyed weakly by the block list, so nothing outlives the document. `compute` may read what
 * is fixed for a document (its blocks, key counts, site template) but not `main`, which the second
 * look moves.
 */
export function perDocument<T>(compute: (ctx: RuleContext) => T): (ctx: RuleContext) => T {
  const memo = new WeakMap<RuleContext['blocks'], { value: T }>();
  return (ctx) => {
    let entry = memo.get(ctx.blocks);
    if (!entry) {
      entry = { value: compute(ctx) };
      memo.set(ctx.blocks, entry);
    }
    return entry.value;
  };
}
