/**
 * Text → text the Markdown parser can take as it is: one kind of line ending, no byte-order mark,
 * no control characters. Scrapers leave NULs, form feeds and C1 controls from mis-decoded pages;
 * micromark would turn NUL into U+FFFD and keep the rest invisible in the output.
 */
import type { Warning } from './types.js';

export interface Normalized {
  text: string;
  warnings: Warning[];
}

/** C0 controls except tab and LF (CR is handled first), DEL, and the C1 range. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function normalizeText(text: string): Normalized {
  const warnings: Warning[] = [];
  let out = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (out.includes('\r')) out = out.replace(/\r\n?/g, '\n');
  const controls = out.match(CONTROL);
  if (controls) {
    out = out.replace(CONTROL, '');
    warnings.push({
      rule: 'normalize-control-chars',
      message: `removed ${controls.length} control character${controls.length === 1 ? '' : 's'} (${describe(controls)})`,
    });
  }
  return { text: out, warnings };
}

/** The distinct code points removed, e.g. "U+0000 ×3, U+000C". */
function describe(controls: string[]): string {
  const counts = new Map<string, number>();
  for (const ch of controls) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return [...counts].slice(0, 5)
    .map(([ch, n]) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}${n > 1 ? ` ×${n}` : ''}`)
    .join(', ') + (counts.size > 5 ? ', ...' : '');
}
