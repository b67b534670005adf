/**
 * winnow: scraped article Markdown in, clean article out.
 *
 * The library never touches the file system, the process or the console; see `src/cli/` for that.
 */
export { clean } from './clean.js';
export type {
  Category, CleanOptions, CleanResult, Metadata, MetadataSources, PageKind, Removal, Warning,
} from './types.js';
export { CATEGORIES } from './types.js';

// The stages as unified plugins, for other remark pipelines (`.use(remarkWinnowRepair)`), and the
// frozen processor that chains them.
export { remarkWinnowRepair } from './pipeline/repair.js';
export { remarkWinnowMetadata } from './pipeline/metadata.js';
export { remarkWinnowStrip } from './pipeline/strip.js';
export { remarkWinnowTidy } from './pipeline/tidy-plugin.js';
export { createProcessor } from './pipeline/processor.js';
/** Block keys of a document, for building a site template across a batch. */
export { blockKeys } from './pipeline/site-template.js';
/** Every rule (id, description, category), as `--list-rules` prints them. */
export { ruleList } from './rules/index.js';
