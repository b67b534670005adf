/**
 * The site or publisher: from "The original source of this article is X", "Copyright © 2018 X", a
 * "Site, June 01, 2018" line (see date-lines.ts) or the suffix of a `<title>`-like title.
 */

/** A site name is short and starts with a capital or a digit ("9to5Mac", "Global Research", "lemonde.fr"). */
export function isSiteName(text: string): boolean {
  const t = text.trim();
  if (t.length < 2 || t.length > 50) return false;
  const words = t.split(/\s+/);
  if (words.length > 5) return false;
  if (/[.!?:;]$/.test(t) || /[():;[\]{}"“”]/.test(t)) return false;
  // "By Jane Doe, 12 May 2023" is a byline with a date, not a site.
  if (/^(by|von|par|por|de)\s/i.test(t)) return false;
  return /^[\p{Lu}\p{N}]/u.test(t) || /^[a-z0-9-]+\.[a-z]{2,}$/i.test(t);
}

const ORIGINAL_SOURCE = /^(?:the\s+)?original\s+source\s+of\s+this\s+(?:article|post|story)\s+is\s+(.+?)\.?$/iu;
const COPYRIGHT = /^(?:copyright|\(c\)|©|urheberrecht)/iu;
const RIGHTS = /\b(?:all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tous\s+droits\s+réservés|todos\s+los\s+derechos\s+reservados)\b.*$/iu;

const LEGAL_FORM = /^(?:inc|llc|ltd|plc|corp|co|gmbh|ag|kg|sa|s\.a|sas|sarl|s\.l|sl|bv|nv|ab|as|oy|pty)\.?$/iu;

/** "The original source of this article is X" → X. */
export function readSourceLine(line: string): string | null {
  const m = ORIGINAL_SOURCE.exec(line.trim());
  return m && isSiteName(m[1]!) ? m[1]!.trim() : null;
}

/**
 * "Copyright © Andrew Korybko, Global Research, 2018" → "Global Research"; "© 2018 Example Media. All
 * rights reserved." → "Example Media". Names of the authors are skipped: they own the text, not the site.
 */
export function readCopyrightLine(line: string, authors: readonly string[]): string | null {
  const text = line.trim();
  if (!COPYRIGHT.test(text)) return null;
  const body = text
    .replace(RIGHTS, '')
    .replace(/copyright|urheberrecht|\(c\)|©/giu, ' ')
    .replace(/\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?\b/g, ' ');
  const parts = body.split(/\s*[,|·•]\s*|\.\s+/u).map((p) => p.trim().replace(/[.,]+$/, '')).filter(Boolean);
  const lowered = authors.map((a) => a.toLowerCase());
  // "Example Media, Inc." splits into a name and a legal form: the form alone names nothing.
  const candidates = parts.filter((p) => isSiteName(p) && !LEGAL_FORM.test(p) && !lowered.includes(p.toLowerCase()));
  return candidates.length > 0 ? candidates[candidates.length - 1]! : null;
}

const TITLE_SEPARATOR = /\s+(?:\||–|—|-|·|»|::)\s+/gu;
/** A site suffix is short; a longer tail is part of the headline ("A - B" in a real title). */
const MAX_SUFFIX_WORDS = 5;

/** "Headline | Site" → {title: "Headline", site: "Site"}; null when there is no such suffix. */
export function splitTitleSuffix(title: string): { title: string; site: string } | null {
  const seps = [...title.matchAll(TITLE_SEPARATOR)];
  const last = seps[seps.length - 1];
  if (!last || last.index === undefined) return null;
  const head = title.slice(0, last.index).trim();
  const tail = title.slice(last.index + last[0].length).trim();
  if (!tail || tail.split(/\s+/).length > MAX_SUFFIX_WORDS || head.split(/\s+/).length < 2) return null;
  if (tail.length >= head.length) return null;
  return { title: head, site: tail };
}
