import type { CleanOptions, CleanResult } from './types.js';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { toString } from 'mdast-util-to-string';

// Placeholder: replaced by the full pipeline.
export function clean(input: string, options: CleanOptions = {}): CleanResult {
  const processor = unified().use(remarkParse).use(remarkStringify);
  const tree = processor.parse(input);
  const markdown = processor.stringify(tree);
  const text = toString(tree);
  return {
    markdown, text,
    metadata: { title: null, authors: [], date: null, site: null, url: options.url ?? null, tags: [], lang: null, description: null },
    sources: {}, removed: [], warnings: [], kind: 'article',
    stats: { wordsIn: 0, wordsOut: 0 }, tree,
  };
}
