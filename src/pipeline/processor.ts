/**
 * The unified processor: parse (remark-parse, in pieces for long documents), then the winnow stages in order, then stringify. Built and
 * frozen once per set of options; per-document state lives in `file.data`.
 */
import { unified, type Processor } from 'unified';
import type { Root } from 'mdast';
import { remarkParseInPieces } from './parse.js';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkStringify from 'remark-stringify';
import { remarkWinnowRepair } from './repair.js';
import { remarkWinnowMetadata } from './metadata.js';
import { remarkWinnowStrip, type StripOptions } from './strip.js';
import { remarkWinnowTidy } from './tidy-plugin.js';
import { STRINGIFY_OPTIONS } from './output.js';

export type WinnowProcessor = Processor<Root, Root, Root, Root, string>;

export function createProcessor(options: StripOptions = {}): WinnowProcessor {
  return unified()
    .use(remarkParseInPieces)
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkWinnowRepair)
    .use(remarkWinnowMetadata)
    .use(remarkWinnowStrip, options)
    .use(remarkWinnowTidy)
    .use(remarkStringify, STRINGIFY_OPTIONS)
    .freeze() as unknown as WinnowProcessor;
}
