/**
 * Reading author names out of byline lines: "By X", "By X and Y", "Von X", "Par X", "Por X, Y y Z",
 * "Author: X", "Articles by: X", "Written by X", "X | June 1, 2018".
 *
 * A name is short and made of capitalised words; anything that reads like a sentence ("By the end of
 * the year ...") is not a byline.
 */
import { FULL_MONTH_NAMES, findDates } from './dates.js';

/** "By" in the four languages, and the longer forms scrapers print. Matched at a line start. */
const BY_PREFIX = /^(?:(?:written|posted|published|story|words|reporting|text|report|edited|compiled|interview|photos?|video)\s+by|by|von|vom|text\s+von|geschrieben\s+von|par|écrit\s+par|por|escrito\s+por|publicado\s+por)\s*:?\s+/iu;
/** "By" alone on its line: the name follows on the next one. */
export const BARE_BY = /^(?:(?:written|posted|published|story|words|reporting|text)\s+by|by|von|text\s+von|geschrieben\s+von|par|écrit\s+par|por|escrito\s+por)\s*:?$/iu;
/** "By" inside a line that also holds a date: "on March 10, 2015 by X". */
const BY_INSIDE = /(?:^|\s)(?:by|von|par|por)\s*:?\s+(?=\S)/giu;
/** Labels followed by a colon. */
const AUTHOR_LABEL = /^(?:authors?|author\(s\)|byline|autor(?:in|en|es|a|as)?|auteurs?|auteure?s?|verfasser(?:in)?|articles\s+by|posts\s+by|reporter|redacción|rédaction|redaktion)\s*:\s*/iu;

/** Words that mark a role or a credential rather than a name ("Staff Writer", "MA", "WebMD Health News"). */
const ROLE_WORDS = new Set([
  'staff', 'writer', 'writers', 'reporter', 'reporters', 'correspondent', 'editor', 'editors', 'senior',
  'contributing', 'contributor', 'columnist', 'journalist', 'photographer', 'photography', 'reporting',
  'analyst', 'news', 'desk', 'team', 'press', 'associated', 'agency', 'editorial', 'managing', 'chief',
  'redakteur', 'redakteurin', 'korrespondent', 'korrespondentin', 'autor', 'autorin', 'redaktion',
  'journaliste', 'rédacteur', 'rédactrice', 'envoyé', 'envoyée', 'spécial', 'spéciale', 'correspondant',
  'correspondante', 'periodista', 'redactor', 'redactora', 'corresponsal', 'enviado', 'enviada', 'especial',
  'updated', 'published', 'posted', 'follow', 'more', 'all', 'view', 'articles', 'posts', 'profile',
  'email', 'twitter', 'facebook', 'bio', 'about', 'author', 'comments', 'comment', 'share', 'min', 'read',
]);
/**
 * Function words of headlines in title case ("Sign Kepa From Athletic Bilbao"): never part of a
 * person's name. Short words that are also surnames ("An", "To", "On") are left out, and "The" may
 * open the name of an organisation ("The Wall Street Journal").
 */
const HEADLINE_WORDS = new Set([
  'the', 'from', 'of', 'for', 'with', 'into', 'onto', 'over', 'under', 'after', 'before', 'against', 'than',
  'your', 'our', 'my', 'their', 'his', 'her', 'its', 'this', 'that', 'these', 'those',
  'is', 'are', 'was', 'were', 'will', 'how', 'why', 'what', 'when', 'who', 'where', 'which',
]);
const CREDENTIALS = /^(?:MA|MS|MSc|BSc|BA|PhD|Ph\.D\.?|MD|M\.D\.?|RN|MPH|MBA|DDS|DO|JD|Jr\.?|Sr\.?|III|II|Dr\.?|Prof\.?)$/u;
/** Lower-case words allowed inside a name. */
const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'da', 'das', 'do', 'dos', 'del', 'della', 'di', 'du', 'la', 'le', 'les',
  'bin', 'ibn', 'al', 'el', 'zu', 'ten', 'ter', 'op', 'y', 'e', 'st.',
]);

const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)$/u;
/** Scripts without letter case (CJK, ...) cannot show a capitalised name; accept a short run of them. */
const CASELESS_NAME = /^[\p{Lo}\u30fb\u00b7]{2,12}$/u;

/** True when `text` looks like a person's (or an agency's) name and not a phrase or a sentence. */
export function isName(text: string): boolean {
  const t = text.trim();
  if (t.length < 2 || t.length > 60 || /[\d@:;!?()[\]{}<>/\\"“”«»=+*#]/u.test(t)) return false;
  if (CASELESS_NAME.test(t)) return true;
  const words = t.split(/\s+/);
  if (words.length > 5) return false;
  let named = 0;
  for (const [i, w] of words.entries()) {
    const lower = w.toLowerCase();
    if (ROLE_WORDS.has(lower) || (HEADLINE_WORDS.has(lower) && !(i === 0 && lower === 'the'))) return false;
    if (NAME_WORD.test(w)) named++;
    else if (!PARTICLES.has(w.toLowerCase())) return false;
  }
  // A single word is a name only when it is not an initial ("By J." is not enough).
  return named > 0 && !(words.length === 1 && t.length < 3);
}

/** Drops "(reporting)", "@handle", e-mail addresses, URLs and dates from a byline text. */
function stripNoise(text: string): string {
  let t = text
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\S+@\S+\.\S+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/(?:^|\s)@[\w.]+/g, ' ');
  // Keep only what stands before the first date ("By X March 11, 2015 3:46 PM Site").
  const date = findDates(t)[0];
  if (date) t = date.index > 0 ? t.slice(0, date.index) : t.slice(date.end);
  // "By X March 18 at 3:57 PM Follow @x": the name ends where a number, a month or an action starts.
  const words = t.replace(/\s+/g, ' ').trim().split(' ');
  const stop = words.findIndex((w, i) => i > 0 && (/\d/.test(w) || FULL_MONTH_NAMES.has(w.toLowerCase().replace(/[.,]$/, ''))
    || /^(?:follow|updated|published|posted|email|twitter|share)$/i.test(w)));
  return (stop === -1 ? words : words.slice(0, stop)).join(' ');
}

/**
 * Splits a list of names ("X, Y and Z", "X und Y", "X et Y", "X y Z") and keeps the parts that are
 * names, dropping roles and credentials ("X, Staff Writer", "X, MA").
 */
export function splitNames(text: string): string[] {
  const cleaned = stripNoise(text)
    // Anything after a separator is a role, a site or a date: "X | Site", "X — Staff".
    .split(/\s+[|·•—–]\s+|\s+-\s+|\n/u)[0]!
    .replace(/[\s,.;:|·•—–-]+$/u, '');
  const parts = cleaned.split(/\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*/u);
  const names: string[] = [];
  for (const raw of parts) {
    const p = raw.trim().replace(/^(?:and|und|et|y)\s+/iu, '');
    if (!p || CREDENTIALS.test(p)) continue;
    if (!isName(p)) return names.length > 0 ? names : [];
    if (!names.includes(p)) names.push(p);
  }
  return names;
}

export type BylineKind = 'by' | 'label' | 'name-date';

export interface Byline { names: string[]; kind: BylineKind }

/**
 * Reads one line of text as a byline. `authorLinkTexts` are the texts of links in the line that point
 * to an author page; they make a bare "X - Apr 16, 2015" line a byline.
 */
export function readBylineLine(line: string, authorLinkTexts: readonly string[] = []): Byline | null {
  const text = line.trim();
  if (!text) return null;
  const label = AUTHOR_LABEL.exec(text);
  if (label) {
    const names = splitNames(text.slice(label[0].length));
    return names.length ? { names, kind: 'label' } : null;
  }
  const by = BY_PREFIX.exec(text);
  if (by) {
    const names = splitNames(text.slice(by[0].length));
    return names.length ? { names, kind: 'by' } : null;
  }
  // "on March 10, 2015 by X": a "by" later in a short line that also holds a date.
  const dates = findDates(text);
  if (dates.length > 0) {
    BY_INSIDE.lastIndex = 0;
    for (let m = BY_INSIDE.exec(text); m; m = BY_INSIDE.exec(text)) {
      const names = splitNames(text.slice(m.index + m[0].length));
      if (names.length) return { names, kind: 'by' };
    }
  }
  // "[X](/author/x) - Apr 16, 2015", "X | June 1, 2018": a name and a date, nothing else.
  const linked = authorLinkTexts.map((t) => t.trim()).filter(isName);
  if (linked.length > 0 && text.startsWith(linked[0]!) && (dates.length > 0 || text.split(/\s+/).length <= 8)) {
    const names = splitNames(text);
    if (names.length) return { names, kind: 'name-date' };
  }
  const first = dates[0];
  if (first && first.index > 0) {
    const before = text.slice(0, first.index);
    const sep = /^(.*?)\s*[|·•—–]\s*(?:\p{L}+\s*:?\s*)?$/u.exec(before);
    if (sep && isName(sep[1]!) && sep[1]!.split(/\s+/).length >= 2) {
      return { names: [sep[1]!.trim()], kind: 'name-date' };
    }
  }
  return null;
}
