/**
 * The article-body metric of ../shared/corpus/README.md ("Metric"): 4-token shingles per page,
 * precision/recall macro-averaged over pages, F1 from the averages. Pure functions only.
 */

/**
 * A token is a run of the characters Python's `re` matches with `\w` on a str pattern: those for
 * which `str.isalnum()` is true (Unicode categories L* and N*) plus `_`. Python's `\w` does NOT
 * include combining marks (Mn/Mc/Me), so neither do we: a mark splits a token, exactly as in the
 * reference implementation. Checked code point by code point against Python 3.11 (Unicode 14):
 * identical, apart from characters assigned in later Unicode versions.
 */
const TOKEN = /[\p{L}\p{N}_]+/gu;

/** Shingles are stored as their tokens joined by a space, which no token contains. */
const SEP = ' ';
export const SHINGLE_SIZE = 4;

/** A multiset of shingles. `total` is the sum of the counts, kept so no one has to re-sum. */
export interface Shingles {
  counts: Map<string, number>;
  total: number;
}

export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Shingles of a text, or of an already tokenised text. */
export function shingles(input: string | readonly string[]): Shingles {
  const toks = typeof input === 'string' ? tokens(input) : input;
  const counts = new Map<string, number>();
  if (toks.length === 0) return { counts, total: 0 };
  // A text shorter than one shingle still counts, as a single shingle of all its tokens.
  if (toks.length < SHINGLE_SIZE) {
    counts.set(toks.join(SEP), 1);
    return { counts, total: 1 };
  }
  const total = toks.length - SHINGLE_SIZE + 1;
  for (let i = 0; i < total; i++) {
    const key = toks.slice(i, i + SHINGLE_SIZE).join(SEP);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { counts, total };
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  /** Shingle totals of prediction and gold: they decide which averages the page enters. */
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  /** Per-page F1, for ranking pages only; the corpus F1 comes from the averaged P and R. */
  f1: number;
}

/** Multiset intersection size. */
function overlap(a: Shingles, b: Shingles): number {
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let tp = 0;
  for (const [key, n] of small.counts) {
    const m = large.counts.get(key);
    if (m !== undefined) tp += Math.min(n, m);
  }
  return tp;
}

export function scorePage(prediction: Shingles, gold: Shingles): PageScore {
  const tp = overlap(prediction, gold);
  const fp = prediction.total - tp;
  const fn = gold.total - tp;
  const perfect = fp === 0 && fn === 0;
  // An empty side gives 0/0; such a page is left out of that average (see `aggregate`), so 0 is
  // only what it shows in per-page listings.
  const precision = perfect ? 1 : prediction.total === 0 ? 0 : tp / prediction.total;
  const recall = perfect ? 1 : gold.total === 0 ? 0 : tp / gold.total;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, predicted: prediction.total, gold: gold.total, precision, recall, f1 };
}

export interface Aggregate {
  f1: number;
  precision: number;
  recall: number;
  /** Pages scored. */
  pages: number;
  /** Pages entering the precision average (prediction has shingles). */
  precisionPages: number;
  /** Pages entering the recall average (gold has shingles). */
  recallPages: number;
}

const mean = (xs: readonly number[]): number =>
  xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;

export function aggregate(scores: readonly PageScore[]): Aggregate {
  const ps = scores.filter((s) => s.predicted > 0).map((s) => s.precision);
  const rs = scores.filter((s) => s.gold > 0).map((s) => s.recall);
  const precision = mean(ps);
  const recall = mean(rs);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { f1, precision, recall, pages: scores.length, precisionPages: ps.length, recallPages: rs.length };
}
