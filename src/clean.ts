/**
 * clean(): the library's entry point. Text in, clean article out; never touches files or the
 * process.
 */
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import type { CleanOptions, CleanResult, Metadata, PageKind } from './types.js';
import { createProcessor, type WinnowProcessor } from './pipeline/processor.js';
import { isFrontMatter, state, type WinnowState } from './pipeline/state.js';
import { toText } from './pipeline/output.js';
import { prepareText } from './pipeline/prepare.js';
import { countWords } from './pipeline/words.js';
import { yaml } from './on-demand.js';

/** Processors by option set: building one costs more than cleaning a small page. */
const processors = new Map<string, WinnowProcessor>();

function processorFor(options: CleanOptions): WinnowProcessor {
  const key = JSON.stringify([options.disable ?? [], options.keep ?? [], options.drop ?? []]);
  // A site template is per batch and group: such processors are not cached.
  const rules = { disable: options.disable, keep: options.keep, drop: options.drop };
  if (options.siteTemplate?.size) return createProcessor({ ...rules, siteTemplate: options.siteTemplate });
  let p = processors.get(key);
  if (!p) {
    p = createProcessor(rules);
    processors.set(key, p);
  }
  return p;
}

function frontMatter(metadata: Metadata): string {
  const fields = Object.fromEntries(
    Object.entries(metadata).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)),
  );
  return Object.keys(fields).length ? `---\n${yaml().stringify(fields).trimEnd()}\n---\n\n` : '';
}

interface Pass {
  tree: Root;
  /** Markdown without front matter. */
  markdown: string;
  state: WinnowState;
  wordsIn: number;
}

/** One reading of a document: text-level repairs, parse, the winnow stages, stringify. */
function cleanPass(input: string, options: CleanOptions, rereading: boolean): Pass {
  const { body, header, warnings, inputLine } = prepareText(input);

  const processor = processorFor(options);
  const file = new VFile({ value: body, path: options.file ?? undefined });
  const s = state(file);
  s.header = header;
  s.url = options.url ?? null;
  s.warnings.push(...warnings);
  s.inputLine = inputLine;
  s.wantLang = !rereading && options.guessLanguage !== false;

  const tree = processor.runSync(processor.parse(file), file) as Root;
  // Front matter was read into the metadata; it is printed again only on request.
  tree.children = tree.children.filter((n) => !isFrontMatter(n));
  const markdown = tree.children.length ? processor.stringify(tree) : '';
  return { tree, markdown, state: s, wordsIn: countWords(body) };
}

/**
 * Extra readings of the cleaned text allowed before we give up on it settling. Cleaning must be
 * idempotent (clean(clean(x)) === clean(x)); rather than hope that every stage is, the cleaned
 * text is read once more, and only when that reading changes something is it kept and read again.
 * The cleaned text is a fraction of the page, so this costs a fraction of the first reading.
 */
const MAX_SETTLE_PASSES = 3;

export function clean(input: string, options: CleanOptions = {}): CleanResult {
  const first = cleanPass(input, options, false);
  const s = first.state;
  let last = first;
  let settled = false;
  for (let i = 0; i < MAX_SETTLE_PASSES; i++) {
    if (!last.markdown) { settled = true; break; }
    const next = cleanPass(last.markdown, options, true);
    if (next.markdown === last.markdown) { settled = true; break; }
    // What a re-reading removed has no line in the input any more.
    for (const r of next.state.removed) s.removed.push({ ...r, line: null, reason: `${r.reason} (on re-reading the cleaned text)` });
    last = next;
  }
  if (!settled) s.warnings.push({ rule: 'unsettled', message: `the cleaned text still changed after ${MAX_SETTLE_PASSES} re-readings` });

  const tree = last.tree;
  let markdown = last.markdown;
  if (options.frontMatter) markdown = frontMatter(s.metadata) + markdown;
  const plain = toText(tree);
  const wordsIn = first.wordsIn;
  const wordsOut = countWords(plain);
  if (wordsIn === 0) s.warnings.push({ rule: 'empty-input', message: 'the document has no text' });
  const kind: PageKind = wordsOut === 0 ? 'empty' : s.kind;
  return {
    markdown, text: plain, metadata: s.metadata, sources: s.sources, removed: s.removed, warnings: s.warnings,
    kind, stats: { wordsIn, wordsOut }, tree,
  };
}
