/**
 * Raw HTML in scraped Markdown is converter leftovers (`<sup>st</sup>`, `<br>`, `<div>`), never
 * something to pass on: the output must be safe to render. We keep the text and drop the markup.
 */

/** Elements whose content is code or chrome, not text: dropped with their content. */
const DROPPED_ELEMENTS = /<(script|style|iframe|noscript|template|svg|object|embed|select|textarea|button)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const TAG = /<\/?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?\/?>|<![A-Za-z][^>]*>|<\?[\s\S]*?\?>/g;
const BREAK = /<br\s*\/?>/gi;

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–',
  hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', copy: '©', reg: '®',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[body.toLowerCase()] ?? m;
  });
}

/** Text content of an HTML fragment; `<br>` becomes a newline. */
export function htmlToText(html: string): string {
  const text = html
    .replace(COMMENT, '')
    .replace(DROPPED_ELEMENTS, '')
    .replace(BREAK, '\n')
    .replace(TAG, '');
  return decodeEntities(text);
}

/** True when an inline HTML node is a line break. */
export function isBreakTag(html: string): boolean {
  return /^<br\s*\/?>$/i.test(html.trim());
}
