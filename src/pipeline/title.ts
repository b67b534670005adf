/**
 * The clean Markdown starts with the title as its one `# ` heading.
 */
import type { Heading, Root } from 'mdast';
import { plainText } from './blocks.js';
import { blockKey } from './words.js';
import { isFrontMatter } from './state.js';

export function placeTitle(tree: Root, title: string | null): void {
  if (!title) return;
  const key = blockKey(title);
  const first = tree.children.findIndex((n) => !isFrontMatter(n));
  const firstNode = tree.children[first];
  const inPlace = firstNode?.type === 'heading' && firstNode.depth === 1 && blockKey(plainText(firstNode)) === key;
  if (!inPlace) {
    // The title printed again further down is the same heading moved, not new content; so is a
    // plain-text title line at the top.
    tree.children = tree.children.filter((n, i) =>
      !((n.type === 'heading' || (n.type === 'paragraph' && i <= first)) && blockKey(plainText(n)) === key));
    const heading: Heading = { type: 'heading', depth: 1, children: [{ type: 'text', value: title }] };
    const at = tree.children.findIndex((n) => !isFrontMatter(n));
    tree.children.splice(at < 0 ? tree.children.length : at, 0, heading);
  }
  // One H1: any other becomes a section heading, so the title is also what a second reading finds.
  const titleNode = tree.children.find((n) => n.type === 'heading' && n.depth === 1);
  for (const n of tree.children) if (n.type === 'heading' && n.depth === 1 && n !== titleNode) n.depth = 2;
}
