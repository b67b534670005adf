/**
 * Date lines: a line that is nothing but a date, maybe with a label ("Published: ...", "Mis à jour le
 * ..."), a weekday and a time; or "Site, June 01, 2018", where the text before the date names the site.
 */
import { findDates, type LangHint } from './dates.js';
import { isSiteName } from './site.js';

/** Words that may stand around a date in a date line, in the four languages. */
const DATE_WORDS = new Set([
  'published', 'publish', 'posted', 'updated', 'update', 'last', 'modified', 'created', 'date', 'dated',
  'on', 'at', 'released', 'first', 'originally', 'edited', 'reviewed', 'written',
  'veröffentlicht', 'aktualisiert', 'zuletzt', 'geändert', 'erstellt', 'datum', 'stand', 'am', 'um', 'uhr', 'vom',
  'publié', 'publiée', 'mis', 'à', 'jour', 'le', 'modifié', 'créé', 'créée', 'h',
  'publicado', 'publicada', 'actualizado', 'actualizada', 'actualización', 'fecha', 'el', 'a', 'las', 'la', 'de',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonnabend', 'sonntag',
  'mo', 'di', 'mi', 'do', 'fr', 'sa', 'so',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
  'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo',
  'am', 'pm', 'a.m', 'p.m', 'et', 'est', 'edt', 'cet', 'cest', 'pt', 'pst', 'pdt', 'ct', 'cst', 'cdt',
  'utc', 'gmt', 'bst', 'mez', 'mesz',
  // reading time printed beside the date: "Oct 15, 2015 · 18 min read"
  'min', 'mins', 'minute', 'minutes', 'read', 'reading', 'time', 'lesezeit', 'minuten', 'lecture', 'lectura',
]);
/** Words that say a date is not the publication date. */
const UPDATE_WORDS = /(?:updated|modified|aktualisiert|geändert|mis à jour|modifié|actualizado|actualizada|actualización)\s*(?:on|am|le|el)?\s*:?\s*$/iu;
const TIME = /\b\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?\b/giu;

export interface DateLine {
  iso: string;
  /** "Global Research" in "Global Research, June 01, 2018". */
  site: string | null;
}

function residualWords(text: string): string[] {
  return text
    .replace(TIME, ' ')
    .split(/[^\p{L}\p{N}.]+/u)
    .map((w) => w.replace(/^\.+|\.+$/g, '').toLowerCase())
    .filter((w) => w && !DATE_WORDS.has(w) && !/^\d{1,2}$/.test(w));
}

/** Picks the publication date among the dates of a line: the first one not labelled as an update. */
export function publicationDate(text: string, lang: LangHint = null): string | null {
  const dates = findDates(text, lang);
  const published = dates.find((d) => !UPDATE_WORDS.test(text.slice(0, d.index)));
  return (published ?? dates[0])?.iso ?? null;
}

/** Reads a line as a date line; null when it says more than a date. */
export function readDateLine(line: string, lang: LangHint = null): DateLine | null {
  const text = line.trim();
  const dates = findDates(text, lang);
  if (dates.length === 0 || dates.length > 3) return null;
  let rest = '';
  let last = 0;
  for (const d of dates) { rest += `${text.slice(last, d.index)} `; last = d.end; }
  rest += text.slice(last);
  const iso = publicationDate(text, lang)!;
  if (residualWords(rest).length === 0) return { iso, site: null };
  // "Site, June 01, 2018": a name, a comma, then the date.
  const first = dates[0]!;
  const before = text.slice(0, first.index);
  const after = text.slice(dates[dates.length - 1]!.end);
  const m = /^(.*?)\s*,\s*$/u.exec(before);
  if (m && residualWords(after).length === 0 && isSiteName(m[1]!)) return { iso, site: m[1]!.trim() };
  return null;
}

/** A date and/or a clock time in digits only: "9/11/13 10:00AM", "10:00 AM", "21.03.19, 14:05". */
const NUMERIC_STAMP = /^(?=.*\d[/.:h-]\d)(?:\d{1,2}([/.-])\d{1,2}\1\d{2,4})?\s*,?\s*(?:\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?m\.?)?|\d{1,2}h\d{2})?$/iu;

/**
 * True for a line that only stamps a time: a date line, or a date or clock time in digits (two-digit
 * years and bare times included, which are too vague to be read as the publication date).
 */
export function isStampLine(line: string, lang: LangHint = null): boolean {
  const text = line.trim();
  return text.length > 0 && (NUMERIC_STAMP.test(text) || readDateLine(text, lang) !== null);
}

/**
 * "Associated Press December 2, 2016": a short capitalised name (an agency, a site, a desk) and one
 * date, nothing else. Read only next to a bare author name above it; on its own the name may be the
 * author's or the source's, so the caller decides.
 */
export function readSourceDateLine(line: string, lang: LangHint = null): { iso: string; source: string } | null {
  const text = line.trim();
  const dates = findDates(text, lang);
  if (dates.length !== 1 || dates[0]!.index === 0) return null;
  const d = dates[0]!;
  const source = text.slice(0, d.index).replace(/[\s,|·•—–-]+$/u, '').trim();
  if (!source || !isSiteName(source) || residualWords(text.slice(d.end)).length > 0) return null;
  // Each word capitalised (or a connective): "Associated Press", "Agence France-Presse", not "posted on".
  const words = source.split(/\s+/);
  if (words.some((w) => !/^[\p{Lu}\p{N}]/u.test(w) && !/^(?:of|the|de|du|des|la|le|der|die|das|y|and|&)$/iu.test(w))) return null;
  if (residualWords(source).length === 0) return null; // only date words ("Published", "Monday")
  return { iso: d.iso, source };
}
