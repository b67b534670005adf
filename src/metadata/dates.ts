/**
 * Finding calendar dates in short lines of text, in the formats English, German, French and Spanish
 * pages print them, and turning them into ISO 8601.
 *
 * Only full dates (day, month, year) count: "June 2018" says too little to be a publication date.
 */

/** Month names and their common abbreviations, lower-cased, by language. Index = month - 1. */
const MONTH_NAMES: readonly (readonly string[])[] = [
  // English
  ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'],
  ['july', 'jul'], ['august', 'aug'], ['september', 'sep', 'sept'], ['october', 'oct'],
  ['november', 'nov'], ['december', 'dec'],
].map((names, i) => [
  ...names,
  // German
  ...[['januar', 'jänner', 'jän'], ['februar', 'feber'], ['märz', 'mär', 'mrz'], [], ['mai'], ['juni'], ['juli'],
    [], [], ['oktober', 'okt'], [], ['dezember', 'dez']][i]!,
  // French
  ...[['janvier', 'janv'], ['février', 'fevrier', 'févr', 'fevr', 'fév'], ['mars'], ['avril', 'avr'], [],
    ['juin'], ['juillet', 'juil'], ['août', 'aout', 'aoû'], ['septembre'], ['octobre'], ['novembre'],
    ['décembre', 'decembre', 'déc']][i]!,
  // Spanish
  ...[['enero', 'ene'], ['febrero'], ['marzo'], ['abril', 'abr'], ['mayo'], ['junio'], ['julio'],
    ['agosto', 'ago'], ['septiembre', 'setiembre', 'set'], ['octubre'], ['noviembre'], ['diciembre', 'dic']][i]!,
]);

/** Full month names (no abbreviations: "Jan" is also a first name). */
export const FULL_MONTH_NAMES: ReadonlySet<string> = new Set(MONTH_NAMES.flatMap((names) => names.filter((n) => n.length > 4 || ['may', 'juni', 'juli', 'mai', 'juin', 'mars', 'mayo', 'june', 'july', 'enero', 'marzo', 'abril', 'junio', 'julio', 'april'].includes(n))));

const MONTH_BY_NAME = new Map<string, number>();
MONTH_NAMES.forEach((names, i) => { for (const n of names) MONTH_BY_NAME.set(n, i + 1); });

/** Longest names first so the alternation never stops at an abbreviation of a longer name. */
const MONTH = `(${[...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const DAY = '(\\d{1,2})';
const YEAR = '((?:19|20)\\d{2})';
/** Letters or digits must not run into the start of a date ("2018651" is not 2018). */
const L = '(?<![\\p{L}\\p{N}])';
const ORD = '(?:st|nd|rd|th|er|\\.)?';
/** "12:30", "3:46 PM", "07:19:58", optionally with an offset. */
const TIME = '(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?(?:\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2}))?';
/** What may sit between a date and its time: ", ", " at ", " à ", " um ", " a las ", " - ", " | ". */
const TIME_JOIN = '(?:\\s*,?\\s*(?:at|um|à|a las|a la|,|-|–|\\||·)?\\s*)';

/**
 * A day of the year at the start of a line, the year left out: "June 9 –", "9 juin :", "09.06."
 * Matched against lower-cased text rather than with the `i` flag: with `i` and `u` together V8
 * spends about 30 ms compiling this pattern (case-folding every class against the month names),
 * a tenth of a one-file run.
 */
const LEADING_DAY = new RegExp(`^[^a-z0-9_]{0,3}(?:${MONTH}\\s+${DAY}${ORD}|${DAY}${ORD}\\s*(?:de\\s+)?${MONTH}|\\d{1,2}[./]\\d{1,2}\\.?)(?![\\p{L}\\p{N}])`, 'u');

/** Whether the line starts with a day (a schedule's or a timeline's line). */
export function startsWithDay(line: string): boolean {
  return LEADING_DAY.test(line.toLowerCase());
}

interface Pattern { re: RegExp; order: 'mdy' | 'dmy' | 'ymd' | 'numeric' }

const PATTERNS: Pattern[] = [
  // 2018-06-01, 2018-06-01T10:43:37-08:00, 2018/06/01
  { re: new RegExp(`${L}${YEAR}[-/](\\d{1,2})[-/](\\d{1,2})(?!\\d)`, 'giu'), order: 'ymd' },
  // June 01, 2018 · Jun. 1st 2018 · Dec 22, 2016
  { re: new RegExp(`${L}${MONTH}\\s+${DAY}${ORD}(?:\\s*,)?\\s+${YEAR}(?!\\d)`, 'giu'), order: 'mdy' },
  // 1 June 2018 · 1. Juni 2018 · 1er juin 2018 · 1 de junio de 2018 · 22 Dec, 2016
  { re: new RegExp(`${L}${DAY}${ORD}\\s*(?:de\\s+)?${MONTH}(?:\\s*,)?\\s+(?:de(?:l)?\\s+)?${YEAR}(?!\\d)`, 'giu'), order: 'dmy' },
  // 01.06.2018 · 01/06/2018
  { re: new RegExp(`${L}(\\d{1,2})([./])(\\d{1,2})\\2${YEAR}(?!\\d)`, 'gu'), order: 'numeric' },
];

export interface FoundDate {
  /** ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS][offset]` when a time follows the date. */
  iso: string;
  index: number;
  end: number;
}

function pad(n: number): string { return String(n).padStart(2, '0'); }

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * The page's language as ISO 639-1, or a function that works it out: guessing costs more than the
 * rest of the metadata, and only a date like "1/2/2018" needs it.
 */
export type LangHint = string | null | (() => string | null);

/**
 * Reads "1/2/2018": the day is the part above 12 when there is one; otherwise day-first, except for
 * English text where month-first is the norm.
 */
function numericOrder(a: number, b: number, lang: LangHint): [number, number] {
  if (a > 12) return [b, a];
  if (b > 12) return [a, b];
  return (typeof lang === 'function' ? lang() : lang) === 'en' ? [a, b] : [b, a];
}

const TIME_AFTER = new RegExp(`^${TIME_JOIN}${TIME}(?![\\p{N}])`, 'iu');
// `T10:43:37.096Z` straight after an ISO date
const ISO_TIME_AFTER = /^T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?/;

function readTime(rest: string, iso: boolean): { text: string; length: number } | null {
  const m = (iso ? ISO_TIME_AFTER : TIME_AFTER).exec(rest);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const sec = m[3] ? Number(m[3]) : null;
  const ampm = iso ? undefined : m[4]?.toLowerCase().replace(/\./g, '');
  const zone = iso ? m[4] : m[5];
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  if (h > 23 || min > 59 || (sec !== null && sec > 59)) return null;
  let offset = '';
  if (zone) {
    const z = zone.toUpperCase();
    offset = z === 'Z' || z === 'UTC' || z === 'GMT' ? 'Z' : z.length === 5 ? `${z.slice(0, 3)}:${z.slice(3)}` : z;
  }
  return { text: `T${pad(h)}:${pad(min)}${sec !== null ? `:${pad(sec)}` : ''}${offset}`, length: m[0].length };
}

/** Every full date in `text`, in order of appearance, without overlaps. */
export function findDates(text: string, lang: LangHint = null): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { re, order } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let y: number, mo: number, d: number;
      if (order === 'ymd') [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      else if (order === 'mdy') [y, mo, d] = [Number(m[3]), MONTH_BY_NAME.get(m[1]!.toLowerCase()) ?? 0, Number(m[2])];
      else if (order === 'dmy') [y, mo, d] = [Number(m[3]), MONTH_BY_NAME.get(m[2]!.toLowerCase()) ?? 0, Number(m[1])];
      else {
        y = Number(m[4]);
        // Dots are day-first everywhere; slashes depend on the language.
        [mo, d] = m[2] === '.' ? [Number(m[3]), Number(m[1])] : numericOrder(Number(m[1]), Number(m[3]), lang);
      }
      if (!validDay(y, mo, d)) continue;
      const index = m.index;
      let end = index + m[0].length;
      if (found.some((f) => index < f.end && end > f.index)) continue;
      let iso = `${y}-${pad(mo)}-${pad(d)}`;
      const time = readTime(text.slice(end), order === 'ymd');
      if (time) { iso += time.text; end += time.length; }
      found.push({ iso, index, end });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Normalises a date value given as data (front matter, scraper header) to ISO, or null. */
export function normaliseDateValue(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  // A full ISO timestamp is kept as given (it already says what it means).
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, z] = iso;
    if (!validDay(Number(y), Number(mo), Number(d))) return null;
    if (!h) return `${y}-${mo}-${d}`;
    const zone = z ? (z === 'Z' ? 'Z' : z.length === 5 ? `${z.slice(0, 3)}:${z.slice(3)}` : z) : '';
    return `${y}-${mo}-${d}T${h}:${mi}${s ? `:${s}` : ''}${zone}`;
  }
  const first = findDates(text)[0];
  if (first) return first.iso;
  // Last resort for machine formats such as RFC 2822 ("Fri, 01 Jun 2018 10:00:00 GMT").
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}

/** The calendar day (`YYYY-MM-DD`) of an ISO date or timestamp. */
export function calendarDay(iso: string): string {
  return iso.slice(0, 10);
}
