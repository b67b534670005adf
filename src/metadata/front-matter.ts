/**
 * Front matter as a flat record of lower-cased keys. YAML goes through the `yaml` package; for TOML
 * (`+++`) only simple `key = value` lines are read: enough for title/date/author, and no TOML parser
 * is hand-written here.
 */
import type { Root } from 'mdast';
import { yaml } from '../on-demand.js';

export type FrontMatter = Record<string, unknown>;

/** The front matter of a tree (the first `yaml` or `toml` node), or null when there is none or it is broken. */
export function readFrontMatter(tree: Root): FrontMatter | null {
  const first = tree.children[0];
  if (!first) return null;
  if (first.type === 'yaml') return lowerKeys(safeYaml(first.value));
  // remark-frontmatter adds a `toml` node type that mdast's own types do not list.
  const node = first as { type: string; value?: unknown };
  if (node.type === 'toml' && typeof node.value === 'string') return lowerKeys(readSimpleToml(node.value));
  return null;
}

function safeYaml(text: string): unknown {
  try {
    return yaml().parse(text);
  } catch {
    return null;
  }
}

function lowerKeys(value: unknown): FrontMatter | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const out: FrontMatter = {};
  for (const [k, v] of Object.entries(value)) out[k.toLowerCase()] = v;
  return out;
}

const TOML_LINE = /^\s*([A-Za-z0-9_-]+)\s*=\s*(.+?)\s*$/;

/** `key = "value"`, `key = 'value'`, `key = ["a", "b"]`, `key = 2018-06-01`: top-level lines only. */
function readSimpleToml(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*\[/.test(line)) break; // a [table] starts: the top-level keys are over
    const m = TOML_LINE.exec(line);
    if (!m) continue;
    const raw = m[2]!;
    if (raw.startsWith('[')) {
      out[m[1]!] = [...raw.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((x) => x[1] ?? x[2] ?? '');
    } else {
      const str = /^"((?:[^"\\]|\\.)*)"|^'([^']*)'/.exec(raw);
      out[m[1]!] = str ? (str[1] ?? str[2] ?? '') : raw.replace(/\s+#.*$/, '');
    }
  }
  return out;
}

/** First string value among `keys` (strings, numbers; the first element of a list). */
export function fmString(fm: FrontMatter | null, keys: readonly string[]): string | null {
  if (!fm) return null;
  for (const k of keys) {
    let v = fm[k];
    if (Array.isArray(v)) v = v[0];
    if (v && typeof v === 'object' && 'name' in v) v = (v as { name: unknown }).name;
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (typeof v === 'number') return String(v);
  }
  return null;
}

/** The raw value of the first present key (a date may be a Date object, a list of tags an array). */
export function fmValue(fm: FrontMatter | null, keys: readonly string[]): unknown {
  if (!fm) return undefined;
  for (const k of keys) if (fm[k] !== undefined && fm[k] !== null && fm[k] !== '') return fm[k];
  return undefined;
}

/** A list field (authors, tags) as strings: arrays, comma-separated strings, or `{name}` objects. */
export function fmList(fm: FrontMatter | null, keys: readonly string[]): string[] {
  const v = fmValue(fm, keys);
  const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/\s*[,;]\s*/) : v ? [v] : [];
  const out: string[] = [];
  for (const item of items) {
    const s = typeof item === 'string' ? item
      : item && typeof item === 'object' && 'name' in item ? String((item as { name: unknown }).name)
        : typeof item === 'number' ? String(item) : '';
    if (s.trim()) out.push(s.trim());
  }
  return out;
}
