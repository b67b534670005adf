/**
 * Serialisers: stable Markdown (remark-stringify with fixed style) and plain text.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import type { Options as StringifyOptions } from 'remark-stringify';
import { defaultHandlers, type Handle } from 'mdast-util-to-markdown';
import { plainText } from './blocks.js';

/**
 * remark-stringify escapes every `[` in text, although `[it]` in a quotation can only become
 * a link when `(`, `[` or `:` follows its closing bracket. We keep the escape only then (or when
 * the closing bracket is in another node, where we cannot tell), so quotations read as written.
 */
export function relaxBrackets(markdown: string): string {
  return markdown.replace(/\\\[([^\[\]\n]*)\](?![(\[:])/g, (m, inner: string, offset: number, all: string) =>
    // An escaped backslash before the bracket means the bracket itself was not escaped.
    all[offset - 1] === '\\' ? m : `[${inner}]`);
}

const text: Handle = (node, parent, state, info) => relaxBrackets(defaultHandlers.text(node, parent, state, info));

/** One house style, so the same article always prints the same way. */
export const STRINGIFY_OPTIONS: StringifyOptions = {
  bullet: '-',
  bulletOther: '*',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
  resourceLink: true,
  handlers: { text },
};

function blockText(node: RootContent | Nodes): string[] {
  switch (node.type) {
    case 'code':
      return [node.value];
    case 'list':
      return [node.children.map((item) => listItemText(item)).join('\n')];
    case 'table':
      return [node.children.map((row) => row.children.map((c) => plainText(c).trim()).join('\t')).join('\n')];
    case 'blockquote':
      return node.children.flatMap((c) => blockText(c));
    case 'thematicBreak':
    case 'definition':
    case 'footnoteDefinition':
    case 'yaml':
    case 'html':
      return [];
    default:
      return [plainText(node as Nodes).replace(/[ \t]*\n[ \t]*/g, '\n').trim()];
  }
}

function listItemText(item: Nodes): string {
  if (!('children' in item)) return '';
  return (item.children as Nodes[]).flatMap((c) => blockText(c)).filter(Boolean).join('\n');
}

/** Plain text: one block per paragraph, separated by one blank line; no syntax, URLs or images. */
export function toText(tree: Root): string {
  const parts = tree.children.flatMap((c) => blockText(c)).map((t) => t.trim()).filter(Boolean);
  return parts.length ? parts.join('\n\n') + '\n' : '';
}
