/**
 * Pins the public API: what src/index.ts exports (names and kinds) and the shape of CleanResult.
 * A change here is a change for every library user: update this test deliberately, never to
 * make it pass.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Root } from 'mdast';
import * as api from '../src/index.js';
import type {
  Category, CleanOptions, CleanResult, Metadata, MetadataSources, PageKind, Removal, Warning,
} from '../src/index.js';

describe('public exports', () => {
  it('exports exactly clean, CATEGORIES, the stage plugins and the batch helpers at runtime', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CATEGORIES', 'blockKeys', 'clean', 'createProcessor', 'remarkWinnowMetadata', 'remarkWinnowRepair',
      'remarkWinnowStrip', 'remarkWinnowTidy', 'ruleList',
    ]);
    expect(typeof api.clean).toBe('function');
    expect(Array.isArray(api.CATEGORIES)).toBe(true);
    for (const name of ['blockKeys', 'createProcessor', 'remarkWinnowMetadata', 'remarkWinnowRepair', 'remarkWinnowStrip', 'remarkWinnowTidy', 'ruleList'] as const) {
      expect(typeof api[name]).toBe('function');
    }
  });

  it('the exported processor is the pipeline clean() runs', () => {
    const processor = api.createProcessor();
    const markdown = String(processor.processSync('# Title\n\nA sentence of the article that goes on for a while, long enough to be prose.\n\n[Share on Facebook](https://example.org/share)\n'));
    expect(markdown).toContain('A sentence of the article');
    expect(markdown).not.toContain('Share on Facebook');
  });

  it('lists the rule categories', () => {
    expect([...api.CATEGORIES].sort()).toEqual([
      'ads', 'author', 'captions', 'comments', 'consent', 'contact', 'debris', 'layout', 'legal',
      'metadata', 'navigation', 'promo', 'related', 'repeated', 'republication', 'share',
    ]);
  });

  it('types clean(input, options?) → CleanResult', () => {
    expectTypeOf(api.clean).parameters.toEqualTypeOf<[input: string, options?: CleanOptions]>();
    expectTypeOf(api.clean).returns.toEqualTypeOf<CleanResult>();
    expectTypeOf<(typeof api.CATEGORIES)[number]>().toEqualTypeOf<Category>();
  });
});

describe('CleanResult', () => {
  const result = api.clean('# A title\n\nBy Jane Roe\n\nA first paragraph of plain article prose, long enough to be kept as it is.\n\nShare this article\n');

  it('has exactly the documented keys', () => {
    expect(Object.keys(result).sort()).toEqual(
      ['kind', 'markdown', 'metadata', 'removed', 'sources', 'stats', 'text', 'tree', 'warnings'],
    );
    expect(Object.keys(result.metadata).sort()).toEqual(
      ['authors', 'date', 'description', 'lang', 'site', 'tags', 'title', 'url'],
    );
    expect(Object.keys(result.stats).sort()).toEqual(['wordsIn', 'wordsOut']);
  });

  it('fills each field with its documented kind', () => {
    expect(typeof result.markdown).toBe('string');
    expect(typeof result.text).toBe('string');
    expect(Array.isArray(result.metadata.authors)).toBe(true);
    expect(Array.isArray(result.metadata.tags)).toBe(true);
    expect(['article', 'listing', 'empty']).toContain(result.kind);
    expect(result.tree.type).toBe('root');
    expect(result.stats.wordsIn).toBeGreaterThanOrEqual(result.stats.wordsOut);
    expect(result.removed.length).toBeGreaterThan(0);
    for (const r of result.removed) {
      expect(Object.keys(r).sort()).toEqual(['line', 'reason', 'rule', 'text']);
      expect(typeof r.rule).toBe('string');
      expect(typeof r.reason).toBe('string');
      expect(r.line === null || Number.isInteger(r.line)).toBe(true);
      expect(typeof r.text).toBe('string');
    }
  });

  it('has the documented field types', () => {
    expectTypeOf<CleanResult>().toEqualTypeOf<{
      markdown: string;
      text: string;
      metadata: Metadata;
      sources: MetadataSources;
      removed: Removal[];
      warnings: Warning[];
      kind: PageKind;
      stats: { wordsIn: number; wordsOut: number };
      tree: Root;
    }>();
    expectTypeOf<Metadata>().toEqualTypeOf<{
      title: string | null;
      authors: string[];
      date: string | null;
      site: string | null;
      url: string | null;
      tags: string[];
      lang: string | null;
      description: string | null;
    }>();
    expectTypeOf<Removal>().toEqualTypeOf<{ rule: string; reason: string; line: number | null; text: string }>();
    expectTypeOf<PageKind>().toEqualTypeOf<'article' | 'listing' | 'empty'>();
  });

  it('gives an empty result and a warning for empty input', () => {
    const empty = api.clean('');
    expect(empty.markdown).toBe('');
    expect(empty.kind).toBe('empty');
    expect(empty.warnings.length).toBeGreaterThan(0);
  });
});
