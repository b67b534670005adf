/**
 * Text-level steps before parsing, shared by every reader of a document (cleaning and the site
 * template pass): line endings and control characters, the scraper header, pathological structure
 * (defused so the parser stays linear), one-block-per-line dialects.
 */
import type { Warning } from '../types.js';
import { normalizeText } from '../normalize.js';
import { defuse } from '../defuse.js';
import { readScraperHeader } from '../metadata/index.js';
import { separateLineBlocks } from './dialect.js';

export interface Prepared {
  /** The text to parse. */
  body: string;
  /** Fields of a scraper header read off the top, if any. */
  header: Record<string, string> | null;
  warnings: Warning[];
  /** Maps a 1-based line of `body` to the 1-based line of the input. */
  inputLine: (line: number) => number;
}

function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Composes two line maps (each: output line index → input line index, null = identity). */
function compose(outer: number[] | null, inner: number[] | null): (line0: number) => number {
  return (line0) => {
    const mid = outer ? (outer[line0] ?? line0) : line0;
    return inner ? (inner[mid] ?? mid) : mid;
  };
}

export function prepareText(input: string): Prepared {
  const normalized = normalizeText(input);
  const text = normalized.text;
  const header = readScraperHeader(text);
  const offset = header ? lineCount(text.slice(0, header.bodyStart)) : 0;
  const defused = defuse(header ? text.slice(header.bodyStart) : text);
  const separated = separateLineBlocks(defused.text);
  // Defuse counts lines from the start of the body; the user counts from the start of the file.
  const bodyWarnings = defused.warnings.map((w) => (typeof w.line === 'number' ? { ...w, line: w.line + offset } : w));
  const toInput = compose(separated.origin, defused.origin);
  return {
    body: separated.text,
    header: header?.fields ?? null,
    warnings: [...normalized.warnings, ...bodyWarnings],
    inputLine: (line) => offset + toInput(line - 1) + 1,
  };
}
