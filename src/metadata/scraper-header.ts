/**
 * The header some scrapers print before the Markdown (Jina Reader):
 *
 *     Title: ...
 *
 *     URL Source: https://...
 *
 *     Published Time: 2018-06-01T10:00:00Z
 *
 *     Markdown Content:
 *
 * It is read as text, before parsing, because it is not Markdown: the body starts after it.
 */

/** The line that ends the header; without it the lines are not a scraper header but article text. */
const CONTENT_MARKER = /^markdown content:[ \t]*$/i;
/** "Key: value" with a short capitalised key. */
const FIELD = /^([A-Z][A-Za-z]*(?: [A-Za-z]+){0,3}):[ \t]*(.*)$/;
/** How far down the marker may sit: a header is a handful of short fields. */
const MAX_HEADER_LINES = 40;

/** Header keys as our metadata names them. */
const KEY_NAMES: Record<string, string> = {
  'url source': 'url',
  'url': 'url',
  'published time': 'date',
  'published': 'date',
  'date': 'date',
};

export function readScraperHeader(text: string): { fields: Record<string, string>; bodyStart: number } | null {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fields: Record<string, string> = {};
  let offset = start;
  let lines = 0;
  let sawField = false;
  while (offset < text.length && lines < MAX_HEADER_LINES) {
    const nl = text.indexOf('\n', offset);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(offset, lineEnd).replace(/\r$/, '').trim();
    const next = nl === -1 ? text.length : nl + 1;
    lines++;
    if (CONTENT_MARKER.test(line)) {
      return sawField ? { fields, bodyStart: next } : null;
    }
    if (line) {
      const m = FIELD.exec(line);
      if (!m) return null;
      const key = m[1]!.toLowerCase();
      const name = KEY_NAMES[key] ?? key;
      if (m[2]!.trim() && fields[name] === undefined) fields[name] = m[2]!.trim();
      sawField = true;
    }
    offset = next;
  }
  return null;
}
