/**
 * The CLI's output contract: the one place that decides what each `--format` prints and which
 * keys a JSON object carries. The worker renders with these functions too, so outputs are the
 * same whether a document ran in-process or in a worker, whatever `--jobs` is.
 */
import type { CleanResult, Metadata, MetadataSources, Removal, Warning, PageKind } from '../types.js';

export const FORMATS = ['md', 'text', 'json', 'ndjson', 'mdast'] as const;
export type Format = (typeof FORMATS)[number];

/** File extension of an output written under `--out-dir`. */
export const EXTENSIONS: Record<Format, string> = {
  md: '.md',
  text: '.txt',
  json: '.json',
  ndjson: '.ndjson',
  // Not plain `.json`: a run with `-f json` into the same folder must not collide with it.
  mdast: '.mdast.json',
};

/** The JSON document object (`-f json`, `-f ndjson`, `--input-format ndjson`). Key order is part of the contract. */
export interface DocumentJson {
  id?: unknown;
  file: string | null;
  metadata: Metadata & { sources: MetadataSources };
  kind: PageKind;
  markdown: string;
  text: string;
  removed: Removal[];
  warnings: Warning[];
  stats: { wordsIn: number; wordsOut: number };
}

/** An output line for a stream record that could not be converted (`--input-format ndjson`). */
export interface ErrorJson {
  id?: unknown;
  file: string | null;
  error: string;
}

export function toDocumentJson(result: CleanResult, file: string | null, id?: unknown): DocumentJson {
  const m = result.metadata;
  const doc: DocumentJson = {
    ...(id !== undefined ? { id } : {}),
    file,
    metadata: {
      title: m.title ?? null,
      authors: m.authors ?? [],
      date: m.date ?? null,
      site: m.site ?? null,
      url: m.url ?? null,
      tags: m.tags ?? [],
      lang: m.lang ?? null,
      description: m.description ?? null,
      sources: result.sources ?? {},
    },
    kind: result.kind,
    markdown: result.markdown,
    text: textOutput(result.text),
    removed: result.removed.map((r) => ({ rule: r.rule, reason: r.reason, line: r.line ?? null, text: r.text })),
    warnings: result.warnings,
    stats: { wordsIn: result.stats.wordsIn, wordsOut: result.stats.wordsOut },
  };
  return doc;
}

export function toErrorJson(message: string, file: string | null, id?: unknown): ErrorJson {
  return { ...(id !== undefined ? { id } : {}), file, error: message };
}

/** `--format text`: the library's text with exactly one final newline (none when empty). */
function textOutput(text: string): string {
  const trimmed = text.replace(/\s+$/, '');
  return trimmed === '' ? '' : `${trimmed}\n`;
}

/** Whether `format` prints the metadata (the language among it). */
export function showsMetadata(format: Format): boolean {
  return format === 'json' || format === 'ndjson';
}

/** Render one converted document in `format`. ndjson is one line ending in `\n`. */
export function render(result: CleanResult, format: Format, file: string | null, id?: unknown): string {
  switch (format) {
    case 'md':
      return result.markdown.trim() === '' ? '' : result.markdown;
    case 'text':
      return textOutput(result.text);
    case 'json':
      return `${JSON.stringify(toDocumentJson(result, file, id), null, 2)}\n`;
    case 'ndjson':
      return `${JSON.stringify(toDocumentJson(result, file, id))}\n`;
    case 'mdast':
      return `${JSON.stringify(result.tree)}\n`;
  }
}

export function renderError(message: string, file: string | null, id?: unknown): string {
  return `${JSON.stringify(toErrorJson(message, file, id))}\n`;
}
