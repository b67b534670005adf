/**
 * Metadata extraction: title, authors, date, site, url, tags, lang and description of one document.
 *
 * Each field is an ordered chain of candidates (front matter, scraper header, heading, byline line,
 * date line, label line, ...); the first valid one wins and its source is recorded. Extraction is
 * read-only: it reports which top-level blocks are nothing but metadata (`lines`) and leaves removing
 * them to the pipeline.
 */
import type { Heading, Root, RootContent } from 'mdast';
import type { Metadata, MetadataSources } from '../types.js';
import { BARE_BY, readBylineLine, splitNames, isName, type Byline } from './authors.js';
import { normaliseDateValue, type LangHint } from './dates.js';
import { isStampLine, publicationDate, readDateLine, readSourceDateLine } from './date-lines.js';
import { fmList, fmString, fmValue, readFrontMatter } from './front-matter.js';
import { detectLang, normaliseLangTag } from './lang.js';
import { readCopyrightLine, readSourceLine, splitTitleSuffix } from './site.js';
import { addTags, readTagLine } from './tags.js';
import { isLineBlock, linksOf, nodeText, normaliseForCompare, wordCount } from './text.js';

export { readScraperHeader } from './scraper-header.js';
export { findDates } from './dates.js';

export type LineRole = 'title' | 'byline' | 'dateline' | 'tags' | 'site' | 'description';

export interface MetadataInput {
  tree: Root;
  header: Record<string, string> | null;
  url?: string | null;
  /**
   * False when nobody will read the language (a settling re-read, whose metadata serves the rules
   * alone; a caller that asked for no guess): it is then guessed only if a date needs it, since
   * the guess costs as much as the rest of the metadata.
   */
  wantLang?: boolean;
}

export interface MetadataOutput {
  metadata: Metadata;
  sources: MetadataSources;
  lines: Map<RootContent, LineRole>;
}

/** How many blocks before the title may still hold a byline or date (some pages print them above). */
const HEAD_BEFORE_TITLE = 6;
/** How many blocks after the title we look at, at most, for bylines and date lines. */
const HEAD_AFTER_TITLE = 30;
/** The head ends once this many prose paragraphs have gone by: metadata lines come before the body. */
const HEAD_PROSE_PARAGRAPHS = 3;
/** A block longer than this is prose, never a metadata line. */
const MAX_LINE_WORDS = 30;
/** An H2 counts as the title only this close to the top (no H1 on the page). */
const H2_TITLE_MAX_INDEX = 40;

/** Links to author pages: "/author/x", "/authors/x", "/people/x", "/profile/x", "/by/x", "/@x". */
const AUTHOR_URL = /\/(?:authors?|auteurs?|autor(?:es|en)?|people|profiles?|perfiles?|writers?|contributors?|journalists?|editors|staff|by|redakteur(?:e|in)?|redaccion)\/|\/@[\w.-]+(?:[/?#]|$)/iu;

const FM_KEYS = {
  title: ['title', 'headline', 'name'],
  authors: ['authors', 'author', 'byline', 'creator', 'creators'],
  date: ['date', 'published', 'publishdate', 'published_at', 'publishedat', 'published_time', 'pubdate', 'created', 'created_at'],
  site: ['site', 'site_name', 'sitename', 'publisher', 'source', 'publication'],
  url: ['url', 'canonical', 'canonical_url', 'canonicalurl', 'source_url', 'link', 'permalink'],
  tags: ['tags', 'keywords', 'categories', 'category', 'topics'],
  lang: ['lang', 'language', 'locale'],
  description: ['description', 'summary', 'excerpt', 'abstract', 'subtitle'],
} as const;

interface Candidate<T> { value: T; source: string }

/** The first candidate that has a value. */
function pick<T>(...cands: (Candidate<T> | null | undefined)[]): Candidate<T> | null {
  for (const c of cands) if (c) return c;
  return null;
}

function cand<T>(value: T | null | undefined, source: string): Candidate<T> | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && !value.trim()) return null;
  if (Array.isArray(value) && value.length === 0) return null;
  return { value, source };
}

export function extractMetadata(input: MetadataInput): MetadataOutput {
  const { tree, header } = input;
  const fm = readFrontMatter(tree);
  const blocks = tree.children;
  const lines = new Map<RootContent, LineRole>();
  const texts = blocks.map(blockText);

  const declaredLang = cand(normaliseLangTag(fmString(fm, FM_KEYS.lang) ?? ''), 'front-matter');
  let detectedLang: Candidate<string> | null | undefined;
  const guessLang = (): Candidate<string> | null =>
    (detectedLang === undefined ? (detectedLang = cand(detectLang(bodyText(blocks, texts)), 'detected')) : detectedLang);
  const langHint = (): string | null => (declaredLang ?? guessLang())?.value ?? null;

  // Title: front matter, scraper header, then the headings of the page.
  const fmTitle = titleFromData(fmString(fm, FM_KEYS.title));
  const headerTitle = titleFromData(header?.title ?? null);
  const headingTitle = findHeadingTitle(blocks, texts, headerTitle?.full ?? fmTitle?.full ?? null);
  const lineTitle = headingTitle ? null : firstLineTitle(blocks, texts);
  const title = pick(cand(fmTitle?.title, 'front-matter'), cand(headerTitle?.title, 'scraper-header'),
    cand(headingTitle?.text, 'heading'), cand(lineTitle?.text, 'first-line'));
  if (headingTitle && title?.source === 'heading') lines.set(headingTitle.node, 'title');
  if (lineTitle && title?.source === 'first-line') lines.set(lineTitle.node, 'title');

  const head = scanHead(blocks, texts, headingTitle?.index ?? lineTitle?.index ?? null, langHint, lines);
  const tail = scanWhole(blocks, texts, lines);

  const authors = pick(
    cand(fmList(fm, FM_KEYS.authors).flatMap((a) => splitNames(a).length ? splitNames(a) : [a]), 'front-matter'),
    cand(header?.author ? splitNames(header.author) : null, 'scraper-header'),
    cand(head.byline?.names, head.byline?.kind === 'label' ? 'label-line' : 'byline'),
    cand(tail.labelAuthors, 'label-line'),
    cand(head.linkedAuthor ? [head.linkedAuthor] : null, 'author-link'),
    cand(head.nameBeforeDate ? [head.nameBeforeDate] : null, 'byline'),
    cand(head.nameBeforeBody ? [head.nameBeforeBody] : null, 'byline'),
    cand(tail.nameDateAuthors, 'byline'),
  );

  const date = pick(
    cand(normaliseDateValue(fmValue(fm, FM_KEYS.date)), 'front-matter'),
    cand(header?.date ? normaliseDateValue(header.date) : null, 'scraper-header'),
    cand(head.date, 'date-line'),
    cand(head.bylineDate, 'byline'),
    cand(tail.date, 'date-line'),
  );

  const site = pick(
    cand(fmString(fm, FM_KEYS.site), 'front-matter'),
    cand(head.site, 'date-line'),
    cand(tail.sourceSite, 'source-line'),
    cand(tail.copyrightLines.map((l) => readCopyrightLine(l, authors?.value ?? [])).find(Boolean), 'copyright-line'),
    cand(headerTitle?.site ?? fmTitle?.site, 'title-suffix'),
  );

  const url = pick(cand(input.url, 'options'), cand(fmString(fm, FM_KEYS.url), 'front-matter'),
    cand(header?.url, 'scraper-header'));

  const fmTags: string[] = [];
  addTags(fmTags, fmList(fm, FM_KEYS.tags));
  const tags = pick(cand(fmTags, 'front-matter'), cand(tail.tags, 'label-line'));

  const description = pick(cand(fmString(fm, FM_KEYS.description), 'front-matter'),
    cand(header?.description, 'scraper-header'));

  const lang = declaredLang ?? (input.wantLang === false && detectedLang === undefined ? null : guessLang());

  const metadata: Metadata = {
    title: title?.value ?? null,
    authors: authors?.value ?? [],
    date: date?.value ?? null,
    site: site?.value ?? null,
    url: url?.value ?? null,
    tags: tags?.value ?? [],
    lang: lang?.value ?? null,
    description: description?.value ?? null,
  };
  const sources: MetadataSources = {};
  const chosen = { title, authors, date, site, url, tags, lang, description };
  for (const [k, c] of Object.entries(chosen)) if (c) sources[k as keyof Metadata] = c.source;
  return { metadata, sources, lines };
}

/**
 * The text of a top-level block. An indented code block without a language holding one short line is
 * read as text: scrapers indent nested page elements, which makes bylines look like code.
 */
function blockText(b: RootContent): string {
  if (b.type === 'code') return !b.lang && !b.value.includes('\n') && wordCount(b.value) <= MAX_LINE_WORDS ? b.value.trim() : '';
  return b.type === 'yaml' || b.type === 'html' ? '' : nodeText(b);
}

/** Text for language detection: paragraphs and headings, not code or markup. */
/** Characters of prose the language guess reads: enough for franc, and cheap. */
const LANG_SAMPLE_CHARS = 3_000;

/**
 * The text to guess the language from: the longest paragraphs, which are the article's, not the
 * menus' (and are there whether or not the page has been cleaned already).
 */
function bodyText(blocks: readonly RootContent[], texts: readonly string[]): string {
  const paragraphs = blocks.flatMap((b, i) => (b.type === 'paragraph' || b.type === 'blockquote' ? [texts[i]!] : []));
  paragraphs.sort((a, b) => b.length - a.length);
  const parts: string[] = [];
  let length = 0;
  for (const p of paragraphs) {
    if (length >= LANG_SAMPLE_CHARS) break;
    parts.push(p);
    length += p.length;
  }
  return parts.join('\n');
}

/** A title given as data (front matter, scraper header), with a " | Site" suffix split off. */
function titleFromData(raw: string | null): { title: string; site: string | null; full: string } | null {
  if (!raw) return null;
  const full = raw.replace(/\s+/g, ' ').trim();
  if (!full) return null;
  const split = splitTitleSuffix(full);
  return split ? { title: split.title, site: split.site, full } : { title: full, site: null, full };
}

interface HeadingTitle { node: Heading; index: number; text: string }

/** How many blocks after a heading we look for the prose it introduces (bylines, share bars, images between). */
const LEAD_WINDOW = 20;
/** A paragraph with at least this many words and a sentence end is prose. */
const PROSE_WORDS = 20;

/**
 * The heading that titles the page. A known `<title>` (scraper header, front matter) picks the heading
 * that shares most of its words. Otherwise the H1, skipping an H1 that is only a link to the site's
 * home (a logo); among several H1s, the first one followed by prose, else the longest. Without an H1,
 * the first H2/H3 near the top that is followed by prose and is neither a sentence nor a date.
 */
/** A plain-text article's title: a short first line that does not end like a sentence. */
const FIRST_LINE_MAX_WORDS = 15;

function firstLineTitle(blocks: readonly RootContent[], texts: readonly string[]): HeadingTitle | null {
  // Separators before the first line say nothing (and are stripped later).
  const first = blocks.findIndex((b) => b.type !== 'yaml' && (b.type as string) !== 'toml' && b.type !== 'thematicBreak');
  const b = blocks[first];
  const text = texts[first]?.trim() ?? '';
  if (!b || b.type !== 'paragraph' || first + 1 >= blocks.length || text.includes('\n')) return null;
  // Plain words only: a line with a link, an image or code is content, not a title.
  if (b.children.some((c) => c.type !== 'text' && c.type !== 'emphasis' && c.type !== 'strong')) return null;
  const words = text.split(/\s+/).length;
  if (words > FIRST_LINE_MAX_WORDS || /[.!?:;,…]$/.test(text) || isProse(text)) return null;
  // A title is words: not a URL, an image or Markdown left as text.
  if (/:\/\/|[[\]()<>*_`|#]/.test(text) || (text.match(/\p{L}{2,}/gu)?.length ?? 0) < 2) return null;
  return { node: b as unknown as Heading, index: first, text: cleanTitle(text) };
}

function findHeadingTitle(blocks: readonly RootContent[], texts: readonly string[], knownTitle: string | null): HeadingTitle | null {
  const headings: HeadingTitle[] = blocks.flatMap((b, index) =>
    b.type === 'heading' && b.depth <= 3 && cleanTitle(texts[index]!) ? [{ node: b, index, text: cleanTitle(texts[index]!) }] : []);
  if (knownTitle) {
    const scored = headings.map((h) => ({ h, s: overlap(h.text, knownTitle) * overlap(knownTitle, h.text) }));
    const best = scored.reduce<{ h: HeadingTitle | null; s: number }>((a, b) => (b.s > a.s ? b : a), { h: null, s: 0 });
    if (best.h && best.s >= 0.4) return best.h;
  }
  const h1s = headings.filter((h) => h.node.depth === 1 && !isHomeLink(h.node));
  const h1 = h1s.length <= 1 ? h1s[0] : h1s.find((h) => leadsProse(blocks, texts, h))
    ?? h1s.reduce((a, b) => (wordCount(b.text) > wordCount(a.text) ? b : a));
  if (h1) {
    // An H1 naming a section ("Health Center") above the article's own heading, which carries the
    // byline: the bylined heading is the title.
    if (hasBylineBelow(blocks, texts, h1)) return h1;
    const bylined = headings.find((h) => h.index > h1.index && h.node.depth > 1 && hasBylineBelow(blocks, texts, h));
    if (bylined && !texts.slice(h1.index + 1, bylined.index).some(isProse)) return bylined;
    return h1;
  }
  const near = headings.filter((h) => h.node.depth > 1 && h.index <= H2_TITLE_MAX_INDEX && wordCount(h.text) >= 2
    && !/[.:]$/.test(h.text) && !readDateLine(h.text));
  return near.find((h) => leadsProse(blocks, texts, h)) ?? near.find((h) => h.node.depth === 2) ?? null;
}

/** Where a byline sits under a title: the next block or the one after (a dek in between). */
const BYLINE_BELOW_TITLE = 3;

function hasBylineBelow(blocks: readonly RootContent[], texts: readonly string[], h: HeadingTitle): boolean {
  for (let i = h.index + 1; i < Math.min(blocks.length, h.index + 1 + BYLINE_BELOW_TITLE); i++) {
    if (blocks[i]!.type === 'heading') return false;
    if (texts[i]!.split('\n').some((line) => {
      const by = readBylineLine(line);
      return by !== null && by.kind !== 'name-date';
    })) return true;
  }
  return false;
}

/** A heading that is nothing but a link to a site's home page or a top-level section ("/", "/en-US/"). */
function isHomeLink(h: Heading): boolean {
  const only = h.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  if (only.length !== 1 || only[0]!.type !== 'link') return false;
  const url = only[0]!.url;
  const path = /^(?:[a-z]+:)?\/\/[^/]+(\/[^?#]*)?/i.exec(url)?.[1] ?? (url.startsWith('/') ? url.replace(/[?#].*$/, '') : null);
  if (path === null) return false;
  const segments = path.split('/').filter(Boolean);
  return segments.length === 0 || (segments.length === 1 && (/^[a-z]{2}(?:[-_][a-z]{2})?$/i.test(segments[0]!)
    || (!segments[0]!.includes('-') && segments[0]!.length <= 10)));
}

/**
 * True when prose follows the heading within a few blocks. Headings of a lower rank in between are
 * passed over (a dek under the title); one of the same or a higher rank ends the search.
 */
function leadsProse(blocks: readonly RootContent[], texts: readonly string[], h: HeadingTitle): boolean {
  for (let i = h.index + 1; i < Math.min(blocks.length, h.index + 1 + LEAD_WINDOW); i++) {
    const b = blocks[i]!;
    if (b.type === 'heading' && b.depth <= h.node.depth) return false;
    if (b.type === 'paragraph' && isProse(texts[i]!)) return true;
  }
  return false;
}

function cleanTitle(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\s+([,.:;!?])/g, '$1').trim();
}

/** Share of the words of `a` that also occur in `b`. */
function overlap(a: string, b: string): number {
  const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wa = words(a);
  const wb = new Set(words(b));
  return wa.length ? wa.filter((w) => wb.has(w)).length / wa.length : 0;
}

interface HeadFindings {
  byline: Byline | null;
  bylineDate: string | null;
  date: string | null;
  site: string | null;
  /** A short block holding only a link to an author page ("[Dave Steer](/authors/dsteer/)"). */
  linkedAuthor: string | null;
  /** A bare name just above a date line ("Mama Robotnik" / "Follow" / "Oct 15, 2015"). */
  nameBeforeDate: string | null;
  /** A bare name above a time stamp in the lines just before the article's first paragraph. */
  nameBeforeBody: string | null;
}

/** A heading right under the title with at least this many words is a dek, not a section ("More stories"). */
const DEK_WORDS = 5;

/**
 * True when a heading stands between the title and block `i` (below the title), other than a dek
 * right under the title: what follows it belongs to another item ("You may also like" teasers).
 */
function sectionBetween(blocks: readonly RootContent[], texts: readonly string[], titleIndex: number | null, i: number): boolean {
  if (titleIndex === null || i <= titleIndex) return false;
  const first = texts.findIndex((t, n) => n > titleIndex && t !== '');
  const dek = wordCount(texts[first] ?? '') >= DEK_WORDS ? first : -1;
  for (let n = titleIndex + 1; n < i; n++) if (blocks[n]!.type === 'heading' && texts[n] && n !== dek) return true;
  return false;
}

/** How many lines at the top of a long paragraph may hold a byline or a date. */
const LEADING_LINES = 4;

/** The first lines of a paragraph, up to the first that reads as a sentence. */
function leadingShortLines(all: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of all.slice(0, LEADING_LINES)) {
    if (wordCount(line) > 8 || /[.!?…]$/u.test(line)) break;
    out.push(line);
  }
  return out;
}

/** The next non-empty block when it is a one-line paragraph: where the name after a bare "By" goes. */
function nameParagraphAfter(blocks: readonly RootContent[], texts: readonly string[], i: number): number | null {
  const j = texts.findIndex((t, n) => n > i && t !== '');
  return j !== -1 && blocks[j]!.type === 'paragraph' && !texts[j]!.includes('\n') ? j : null;
}

/** How far above a date line a bare author name may sit. */
const NAME_ABOVE_DATE = 2;

/**
 * A bare name paragraph at most NAME_ABOVE_DATE blocks above `dateIndex`. Words of the title are not a
 * name: a converter that wraps a long heading leaves its last line as a paragraph of capitalised words.
 */
function nameAbove(blocks: readonly RootContent[], texts: readonly string[], dateIndex: number, title: string | null): string | null {
  const inTitle = ` ${normaliseForCompare(title ?? '')} `;
  for (let i = dateIndex - 1, seen = 0; i >= 0 && seen < NAME_ABOVE_DATE; i--) {
    const t = texts[i]!;
    if (!t) continue;
    if (blocks[i]!.type === 'heading') return null; // a name above the title is a section, not the author
    seen++;
    if (blocks[i]!.type === 'paragraph' && isName(t) && t.split(/\s+/).length >= 2
      && !inTitle.includes(` ${normaliseForCompare(t)} `) && !continuesHeading(blocks, i)) return t;
  }
  return null;
}

/** A paragraph on the line right after a heading: the heading's own text, wrapped by the converter. */
function continuesHeading(blocks: readonly RootContent[], i: number): boolean {
  const prev = blocks[i - 1];
  const start = blocks[i]!.position?.start.line;
  const end = prev?.position?.end.line;
  return prev?.type === 'heading' && start !== undefined && end !== undefined && start === end + 1;
}

/** A paragraph that reads as article text: long enough and ending a sentence. */
function isProse(text: string): boolean {
  return wordCount(text) >= PROSE_WORDS && /[.!?…"”»)]$/u.test(text);
}

/** Lines of a block, with the texts of its links to author pages. For lists, the lines of each item. */
function blockLines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

/**
 * Looks for the byline, the date line and a "Site, date" line around the title, before the body
 * starts. Blocks that are nothing but such lines are recorded in `lines`.
 */
function scanHead(blocks: readonly RootContent[], texts: readonly string[], titleIndex: number | null, lang: LangHint,
  lines: Map<RootContent, LineRole>): HeadFindings {
  const found: HeadFindings = {
    byline: null, bylineDate: null, date: null, site: null, linkedAuthor: null, nameBeforeDate: null, nameBeforeBody: null,
  };
  // A page that prints its title twice (a sticky bar above the article) has its byline near the first copy.
  const top = titleIndex === null ? 0 : firstTitleCopy(blocks, texts, titleIndex);
  const title = titleIndex === null ? null : texts[titleIndex]!;
  const start = Math.max(0, top - HEAD_BEFORE_TITLE);
  const end = Math.min(blocks.length, (titleIndex ?? 0) + HEAD_AFTER_TITLE);
  // Below the title first, then upwards from it: the lines nearest the title win.
  const order: number[] = [];
  let prose = 0;
  for (let i = titleIndex ?? 0; i < end; i++) {
    if (titleIndex !== null && i > titleIndex && isProse(texts[i]!) && ++prose >= HEAD_PROSE_PARAGRAPHS) break;
    order.push(i);
  }
  for (let i = (titleIndex ?? 0) - 1; i >= start; i--) order.push(i);
  for (const i of order) {
    const block = blocks[i]!;
    const text = texts[i]!;
    if (!text) continue;
    if (block.type !== 'paragraph' && block.type !== 'heading' && block.type !== 'list' && block.type !== 'code') continue;
    // A long paragraph is prose, except that some converters glue a whole article into one paragraph
    // of lines: its first short lines are still read ("By\nMike Wall\n2019-11-18\n...").
    const long = wordCount(text) > MAX_LINE_WORDS && block.type !== 'list';
    if (long && (block.type !== 'paragraph' || !text.includes('\n'))) continue;
    const authorLinks = linksOf(block).filter((l) => AUTHOR_URL.test(l.url)).map((l) => nodeText(l));
    const roles: LineRole[] = long ? ['description'] : [];
    const own = long ? leadingShortLines(blockLines(text)) : blockLines(text);
    for (let k = 0; k < own.length; k++) {
      let line = own[k]!;
      // "By" on a line of its own, the name on the next line or in the next paragraph.
      if (BARE_BY.test(line) && block.type !== 'list') {
        const by = line.replace(/\s*:$/u, '');
        if (k + 1 < own.length) {
          line = `${by} ${own[++k]!}`;
          // "By\nX,\nY": a list of names may go on over the following lines.
          while (k + 1 < own.length && /(?:,|&|\s(?:and|und|et|y))$/u.test(line)) line = `${line} ${own[++k]!}`;
        } else {
          const j = nameParagraphAfter(blocks, texts, i);
          if (j !== null) line = `${by} ${texts[j]!}`;
          // The name paragraph belongs to the byline as much as the "By" does.
          if (j !== null && readBylineLine(line, authorLinks)) lines.set(blocks[j]!, 'byline');
        }
      }
      if (wordCount(line) > MAX_LINE_WORDS) { roles.push('description'); continue; }
      const dl = readDateLine(line, lang);
      if (dl) {
        found.date ??= dl.iso;
        found.nameBeforeDate ??= nameAbove(blocks, texts, i, title);
        if (dl.site) found.site ??= dl.site;
        roles.push(dl.site ? 'site' : 'dateline');
        continue;
      }
      // "Jane Doe" above "Associated Press December 2, 2016" or above "9/11/13 10:00AM": the name is the
      // author's, the rest of the stamp the source's.
      const sd = readSourceDateLine(line, lang);
      const stamp = !sd && isStampLine(line, lang);
      const named = (sd || stamp) && block.type === 'paragraph' && !sectionBetween(blocks, texts, titleIndex, i)
        ? nameAbove(blocks, texts, i, title) : null;
      if (named) {
        found.nameBeforeDate ??= named;
        if (sd) found.date ??= sd.iso;
        roles.push('dateline');
        continue;
      }
      // Bylines in lists belong to the teasers of other articles (or to a menu of authors).
      const by = block.type === 'list' ? null : readBylineLine(line, authorLinks);
      if (by) {
        if (!found.byline || (found.byline.kind === 'name-date' && by.kind !== 'name-date')) found.byline = by;
        found.bylineDate ??= publicationDate(line, lang);
        roles.push('byline');
        continue;
      }
      if (readTagLine(line)) { roles.push('tags'); continue; }
      roles.push('description'); // anything else: not a metadata line
    }
    if (!found.linkedAuthor && authorLinks.length === 1 && isName(authorLinks[0]!) && wordCount(text) <= 6
      && text.endsWith(authorLinks[0]!)) found.linkedAuthor = authorLinks[0]!;
    // Only whole paragraphs/headings made of metadata lines go in `lines`; a list is left to the rules.
    if (isLineBlock(block) && roles.length > 0 && !roles.includes('description')) {
      lines.set(block, roles.includes('byline') ? 'byline' : roles.includes('site') ? 'site' : roles[0]!);
    }
  }
  if (titleIndex !== null) found.nameBeforeBody = nameBeforeBody(blocks, texts, titleIndex, lang, lines);
  return found;
}

/** How far above the title a second copy of it may sit. */
const TITLE_COPY_WINDOW = 10;

/** The first of the headings above the title that repeat it word for word, or the title itself. */
function firstTitleCopy(blocks: readonly RootContent[], texts: readonly string[], titleIndex: number): number {
  const key = normaliseForCompare(texts[titleIndex]!);
  let top = titleIndex;
  for (let j = titleIndex - 1; j >= Math.max(0, titleIndex - TITLE_COPY_WINDOW); j--) {
    if (blocks[j]!.type === 'heading' && key && normaliseForCompare(texts[j]!) === key) top = j;
  }
  return top;
}

/** How many non-empty blocks above the article's first paragraph may hold its author and time stamp. */
const LEAD_IN_BLOCKS = 12;

/**
 * Pages that put teasers between the title and the article print the byline right above the article:
 * a bare name paragraph, then a paragraph that is only a time stamp ("Mama Robotnik" / "9/11/13
 * 10:00AM"), then page furniture, then the first paragraph of prose. The pair nearest to the prose wins;
 * a heading in between ends the search (what lies above it is another item).
 */
function nameBeforeBody(blocks: readonly RootContent[], texts: readonly string[], titleIndex: number, lang: LangHint,
  lines: Map<RootContent, LineRole>): string | null {
  let body = -1;
  for (let i = titleIndex + 1; i < blocks.length; i++) {
    if (blocks[i]!.type === 'paragraph' && isProse(texts[i]!)) { body = i; break; }
  }
  for (let i = body - 1, seen = 0; body !== -1 && i > titleIndex && seen < LEAD_IN_BLOCKS; i--) {
    const text = texts[i]!;
    if (!text) continue;
    seen++;
    if (blocks[i]!.type === 'heading') return null;
    if (blocks[i]!.type !== 'paragraph' || text.includes('\n') || !isStampLine(text, lang)) continue;
    const name = nameAbove(blocks, texts, i, texts[titleIndex]!);
    if (name) {
      if (!lines.has(blocks[i]!)) lines.set(blocks[i]!, 'dateline');
      return name;
    }
  }
  return null;
}

interface WholeFindings {
  tags: string[];
  labelAuthors: string[] | null;
  nameDateAuthors: string[] | null;
  sourceSite: string | null;
  copyrightLines: string[];
  date: string | null;
}

/** Tag lines, "Articles by:" labels, source and copyright lines and date lines anywhere in the document. */
function scanWhole(blocks: readonly RootContent[], texts: readonly string[], lines: Map<RootContent, LineRole>): WholeFindings {
  const found: WholeFindings = { tags: [], labelAuthors: null, nameDateAuthors: null, sourceSite: null, copyrightLines: [], date: null };
  blocks.forEach((block, i) => {
    if (!isLineBlock(block)) return;
    const text = texts[i]!;
    if (!text || wordCount(text) > MAX_LINE_WORDS * 2) return;
    const blockLines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    let allTags = blockLines.length > 0;
    for (const line of blockLines) {
      const tags = readTagLine(line);
      if (tags) addTags(found.tags, tags); else allTags = false;
      const by = readBylineLine(line);
      if (by?.kind === 'label') found.labelAuthors ??= by.names;
      // "X — 2013-09-29" printed under the article: a byline even away from the title.
      if (by?.kind === 'name-date' && wordCount(text) <= 15) found.nameDateAuthors ??= by.names;
      found.sourceSite ??= readSourceLine(line);
      if (/^(?:copyright|\(c\)|©)/iu.test(line)) found.copyrightLines.push(line);
      if (!found.date && wordCount(line) <= 12) found.date = readDateLine(line)?.iso ?? null;
    }
    if (allTags && !lines.has(block)) lines.set(block, 'tags');
  });
  return found;
}
