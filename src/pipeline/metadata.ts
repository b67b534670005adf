/**
 * remarkWinnowMetadata: read-only. Runs before anything is removed, since bylines, date lines and
 * tag lines are exactly the blocks the strip stage then drops.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { extractMetadata } from '../metadata/index.js';
import { state } from './state.js';

export const remarkWinnowMetadata: Plugin<[], Root> = () => (tree, file) => {
  const s = state(file);
  const out = extractMetadata({ tree, header: s.header, url: s.url, wantLang: s.wantLang });
  s.metadata = out.metadata;
  s.sources = out.sources;
  s.lines = out.lines;
};
