/**
 * After stripping: drop what the removals left dangling (definitions nobody references, empty
 * paragraphs, separators at the edges or doubled).
 */
import type { Nodes, Root, RootContent } from 'mdast';

function referencedIds(tree: Root): Set<string> {
  const ids = new Set<string>();
  const visit = (n: Nodes): void => {
    if (n.type === 'linkReference' || n.type === 'imageReference' || n.type === 'footnoteReference') {
      ids.add(n.identifier.toLowerCase());
    }
    if ('children' in n) for (const c of n.children) visit(c as Nodes);
  };
  visit(tree);
  return ids;
}

function isEmpty(node: RootContent): boolean {
  if (node.type === 'paragraph' || node.type === 'heading') {
    return node.children.every((c) => (c.type === 'text' && c.value.trim() === '') || c.type === 'break');
  }
  if (node.type === 'list') return node.children.length === 0;
  return false;
}

export function tidy(tree: Root): void {
  const ids = referencedIds(tree);
  const out: RootContent[] = [];
  for (const node of tree.children) {
    if ((node.type === 'definition' || node.type === 'footnoteDefinition') && !ids.has(node.identifier.toLowerCase())) continue;
    if (isEmpty(node)) continue;
    if (node.type === 'thematicBreak' && (out.length === 0 || out[out.length - 1]?.type === 'thematicBreak')) continue;
    out.push(node);
  }
  while (out[out.length - 1]?.type === 'thematicBreak') out.pop();
  tree.children = out;
}
