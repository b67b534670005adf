/**
 * Serialisers: stable Markdown (remark-stringify with fixed style) and plain text.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import type { Options as StringifyOptions } from 'remark-stringify';
import { plainText } from './blocks.js';

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
