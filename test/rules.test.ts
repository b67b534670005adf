/**
 * Every rule in the registry is a well-formed named unit, and its own examples run as tests:
 * the last block of each `removed` example is flagged, the last block of each `kept` example is
 * not. Examples are parsed and repaired the way the pipeline does before it measures blocks.
 */
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { rules } from '../src/rules/index.js';
import type { RuleContext } from '../src/rules/types.js';
import { collectBlocks, type Block } from '../src/pipeline/blocks.js';
import { remarkWinnowRepair } from '../src/pipeline/repair.js';
import { emptyMetadata } from '../src/pipeline/state.js';
import { CATEGORIES } from '../src/types.js';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkWinnowRepair);

function blocksOf(markdown: string): Block[] {
  const tree = parser.runSync(parser.parse(markdown)) as Root;
  return collectBlocks(tree);
}

/** A context for a lone example: the whole document is the main content, nothing else is known. */
function contextFor(blocks: Block[]): RuleContext {
  const keyCounts = new Map<string, number>();
  for (const b of blocks) if (b.key) keyCounts.set(b.key, (keyCounts.get(b.key) ?? 0) + 1);
  return {
    blocks,
    metadata: emptyMetadata(),
    lines: new Map(),
    main: { start: 0, end: blocks.length - 1 },
    mainKnown: true,
    keyCounts,
    siteTemplate: new Set(),
  };
}

function verdictOnLastBlock(rule: (typeof rules)[number], markdown: string) {
  const blocks = blocksOf(markdown);
  const last = blocks.at(-1);
  if (!last) throw new Error(`example has no block: ${JSON.stringify(markdown)}`);
  return rule.test(last, contextFor(blocks));
}

describe('the rule registry', () => {
  it('has unique kebab-case ids', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s has a description, a category and examples', (_id, rule) => {
    expect(rule.description.trim().length).toBeGreaterThan(10);
    expect(rule.description).not.toContain('\n');
    expect(CATEGORIES).toContain(rule.category);
    // Rules that need context an example cannot give (metadata roles, a site template) may have
    // no `removed` example, but every rule documents itself with at least one example.
    expect(rule.examples.removed.length + rule.examples.kept.length).toBeGreaterThan(0);
  });
});

const removedCases = rules.flatMap((rule) => rule.examples.removed.map((md) => [rule.id, md, rule] as const));
const keptCases = rules.flatMap((rule) => rule.examples.kept.map((md) => [rule.id, md, rule] as const));

describe('rule examples', () => {
  it.each(removedCases)('%s flags %j', (_id, markdown, rule) => {
    const verdict = verdictOnLastBlock(rule, markdown);
    expect(verdict).toBeDefined();
    expect(verdict!.reason.length).toBeGreaterThan(0);
    expect(['strong', 'weak']).toContain(verdict!.strength);
  });

  it.each(keptCases)('%s keeps %j', (_id, markdown, rule) => {
    expect(verdictOnLastBlock(rule, markdown)).toBeUndefined();
  });
});
