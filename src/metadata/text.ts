/**
 * Text views of mdast nodes as the metadata readers need them.
 */
import type { Link, Nodes, PhrasingContent, RootContent } from 'mdast';

/**
 * Text of a node with a space around every link, so that "[Lucas Nolan](/author/x)22 Dec 2016" reads
 * as a name and a date rather than "Lucas Nolan22". Image alt text is left out: it is not a line's text.
 */
export function nodeText(node: Nodes): string {
  return collapse(textOf(node));
}

function textOf(node: Nodes): string {
  switch (node.type) {
    case 'text': case 'inlineCode': case 'code': return node.value;
    case 'image': case 'imageReference': case 'html': case 'yaml': case 'definition': return ' ';
    case 'break': return '\n';
    case 'link': case 'linkReference': return ` ${node.children.map(textOf).join('')} `;
    default:
      if ('children' in node) {
        const sep = node.type === 'list' || node.type === 'listItem' || node.type === 'table'
          || node.type === 'tableRow' || node.type === 'blockquote' ? '\n' : node.type === 'tableCell' ? ' | ' : '';
        return (node.children as Nodes[]).map(textOf).join(sep);
      }
      return '';
  }
}

/** Collapses runs of spaces (keeping line breaks, which separate the parts of a byline block). */
export function collapse(text: string): string {
  return text.replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{2,}/g, '\n').trim();
}

export function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length;
}

/** Lower-case letters and digits only, single spaces: for comparing texts that differ in punctuation. */
export function normaliseForCompare(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** All links inside a block. */
export function linksOf(node: Nodes): Link[] {
  const out: Link[] = [];
  const walk = (n: Nodes): void => {
    if (n.type === 'link') out.push(n);
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(node);
  return out;
}

/** True for the blocks that can carry a metadata line (a paragraph or a heading, not a list or code). */
export function isLineBlock(node: RootContent): node is RootContent & { children: PhrasingContent[] } {
  return node.type === 'paragraph' || node.type === 'heading';
}
