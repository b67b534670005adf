/**
 * Per-document state, kept in `file.data.winnow` (never in a plugin's attacher, which is shared
 * by every document a frozen processor handles).
 */
import type { RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { Metadata, MetadataSources, PageKind, Removal, Warning } from '../types.js';
import type { LineRole } from '../metadata/index.js';

export interface WinnowState {
  /** Fields of a scraper header block read before parsing. */
  header: Record<string, string> | null;
  /** URL known from outside the document. */
  url: string | null;
  /** Maps a 1-based line of the parsed text to the 1-based line of the input. */
  inputLine: (line: number) => number;
  metadata: Metadata;
  sources: MetadataSources;
  lines: Map<RootContent, LineRole>;
  removed: Removal[];
  warnings: Warning[];
  /** What the strip stage judged the page to be (an article unless it says otherwise). */
  kind: PageKind;
  /**
   * Whether the metadata should report the page's language even when no date needs it. Not on a
   * settling re-read of text already cleaned (only its Markdown is kept, so its metadata serves the
   * rules alone), nor when the caller said it does not want a guess.
   */
  wantLang: boolean;
}

export function emptyMetadata(): Metadata {
  return { title: null, authors: [], date: null, site: null, url: null, tags: [], lang: null, description: null };
}

export function state(file: VFile): WinnowState {
  const data = file.data as { winnow?: WinnowState };
  data.winnow ??= {
    header: null, url: null, inputLine: (line) => line, metadata: emptyMetadata(), sources: {}, lines: new Map(),
    removed: [], warnings: [], kind: 'article', wantLang: true,
  };
  return data.winnow;
}

/** Front matter nodes (remark-frontmatter's `yaml` and `toml`). */
export function isFrontMatter(node: { type: string }): boolean {
  return node.type === 'yaml' || node.type === 'toml';
}
