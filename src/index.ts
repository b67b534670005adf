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
