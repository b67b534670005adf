/**
 * Public types of the winnow library. One place for the shapes that the
 * pipeline, the CLI and the benchmarks share.
 */
import type { Root } from 'mdast';

/** Rule families a user can keep or drop as a whole (`--keep`, `--drop`). */
export type Category =
  | 'navigation' // menus, breadcrumbs, skip links, site tables of contents
  | 'share' // share / follow / social links
  | 'promo' // newsletter, membership, subscribe, donate prompts
  | 'comments' // comment prompts and comment sections
  | 'legal' // disclaimers, fair-use notices, copyright lines
  | 'republication' // "originally published on/in"
  | 'author' // author bios, their repeats, author-archive lines
  | 'related' // related / recommended / read-more lists
  | 'consent' // cookie, consent, "enable JavaScript" notices
  | 'ads' // advertisement labels
  | 'contact' // press-release furniture: media contacts, the company profile
  | 'metadata' // byline, date line, tag lines (already read into metadata)
  | 'captions' // image captions and credits
  | 'debris' // separators, empty links, dangling images, link farms
  | 'repeated' // blocks repeated within a document or across a site template
  | 'layout'; // statistical: outside the main content, low text quality

export const CATEGORIES: readonly Category[] = [
  'navigation', 'share', 'promo', 'comments', 'legal', 'republication', 'author', 'related',
  'consent', 'ads', 'contact', 'metadata', 'captions', 'debris', 'repeated', 'layout',
];

export interface Metadata {
  title: string | null;
  authors: string[];
  /** ISO 8601: `YYYY-MM-DD` or a full timestamp. */
  date: string | null;
  site: string | null;
  url: string | null;
  tags: string[];
  /** ISO 639-1 code when detected. */
  lang: string | null;
  description: string | null;
}

/** Where each metadata field was found: 'front-matter', 'scraper-header', 'heading', 'byline', ... */
export type MetadataSources = Partial<Record<keyof Metadata, string>>;

/** One removed block. `line` is the 1-based line of the block in the (decoded) input. */
export interface Removal {
  rule: string;
  reason: string;
  line: number | null;
  text: string;
}

/** Something the user should know that is not a removal (empty input, defused nesting, fallback...). */
export interface Warning {
  rule: string;
  message: string;
  line?: number | null;
}

/** What kind of page this looks like once cleaned. */
export type PageKind = 'article' | 'listing' | 'empty';

export interface CleanOptions {
  /** Rule ids to switch off. */
  disable?: readonly string[];
  /** Categories never removed (e.g. `comments`, `captions`). */
  keep?: readonly Category[];
  /** Categories removed even where a rule would otherwise be gentle (reserved for optional rules). */
  drop?: readonly Category[];
  /** Prepend YAML front matter with the metadata to `markdown`. */
  frontMatter?: boolean;
  /**
   * Guess the page's language when it does not declare one (default true). The guess is the one
   * slow part of the metadata and loads a language model on first use; a caller that never reads
   * `metadata.lang` can skip it. A date like "1/2/2018" is read with a guess all the same.
   */
  guessLanguage?: boolean;
  /** A URL known from outside the document (ndjson input, CLI). */
  url?: string | null;
  /** Path of the input, for messages only. */
  file?: string | null;
  /**
   * Blocks (normalised text keys, see `blockKey`) known to recur across many documents of the same
   * site in this batch; the `site-template` rule removes them.
   */
  siteTemplate?: ReadonlySet<string>;
}

export interface CleanResult {
  markdown: string;
  text: string;
  metadata: Metadata;
  sources: MetadataSources;
  removed: Removal[];
  warnings: Warning[];
  kind: PageKind;
  stats: { wordsIn: number; wordsOut: number };
  /** The cleaned tree (for `--format mdast`). */
  tree: Root;
}
