/**
 * One document in, one rendered output out. The same code runs in-process (a single document)
 * and inside the worker pool (batches), which is what makes outputs byte-identical for every
 * `--jobs`. Everything returned is a string or a plain object: trees never cross threads.
 */
import type { Category, Removal, Warning } from '../types.js';
import type { BlockKeys, Library } from './library.js';
import { render, renderError, showsMetadata, type Format } from './formats.js';
import { templateKeysOf } from './site-template.js';

/** Options that are the same for every document of a run. */
export interface RunOptions {
  format: Format;
  disable: string[];
  keep: Category[];
  drop: Category[];
  frontMatter: boolean;
  /** Send the removals back (for `--explain`); otherwise only their count travels. */
  explain: boolean;
}

export interface ConvertTask {
  /** Raw bytes of a file or of stdin; decoded here so the decoding runs on the worker. */
  bytes?: Uint8Array;
  /** Already-decoded text (a record of an ndjson stream). */
  text?: string;
  file: string | null;
  id?: unknown;
  url?: string | null;
  /** Hashes of the blocks that recur across this document's site group (two-pass site templates). */
  templateHashes?: string[];
  run: RunOptions;
}

export type ConvertOutcome =
  | {
      ok: true;
      output: string;
      removedCount: number;
      removed: Removal[];
      warnings: Warning[];
      wordsIn: number;
      wordsOut: number;
    }
  | { ok: false; error: string };

/** Warning given when the input holds no text at all (issue 2.12: empty output and a warning). */
const EMPTY_INPUT: Warning = { rule: 'empty-input', message: 'empty input: nothing to convert' };

/** `blockKeys` is needed only when the task carries template hashes. */
export function convertDocument(lib: Library, task: ConvertTask, blockKeys: BlockKeys | null = null): ConvertOutcome {
  let text: string;
  let warnings: Warning[] = [];
  if (task.text !== undefined) {
    text = task.text;
  } else {
    try {
      const decoded = lib.decode(task.bytes ?? new Uint8Array());
      text = decoded.text;
      warnings = decoded.warnings;
    } catch (error) {
      if (lib.isDecodeError(error)) return { ok: false, error: (error as Error).message };
      throw error;
    }
  }
  const { run } = task;
  const siteTemplate =
    task.templateHashes && task.templateHashes.length > 0 && blockKeys
      ? templateKeysOf(blockKeys(text), task.templateHashes)
      : undefined;
  const result = lib.clean(text, {
    disable: run.disable,
    keep: run.keep,
    drop: run.drop,
    frontMatter: run.frontMatter,
    // Only the formats that print the metadata show the language.
    guessLanguage: run.frontMatter || showsMetadata(run.format),
    url: task.url ?? null,
    file: task.file,
    ...(siteTemplate ? { siteTemplate } : {}),
  });
  result.warnings = [...warnings, ...result.warnings];
  if (text.trim() === '' && !result.warnings.some((w) => /empty/i.test(w.rule))) {
    result.warnings.push(EMPTY_INPUT);
  }
  return {
    ok: true,
    output: render(result, run.format, task.file, task.id),
    removedCount: result.removed.length,
    removed: run.explain ? result.removed : [],
    warnings: result.warnings,
    wordsIn: result.stats.wordsIn,
    wordsOut: result.stats.wordsOut,
  };
}

/** The output line of a stream record that failed (bad JSON, no content, timeout...). */
export function errorLine(message: string, id?: unknown): string {
  return renderError(message, null, id);
}
