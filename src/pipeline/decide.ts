/**
 * One decision per block from two kinds of evidence: the phrase and structure rules, and the
 * statistical classifier. Pure: returns what to remove and why; the strip stage acts on it.
 */
import type { RootContent } from 'mdast';
import type { Category, Metadata } from '../types.js';
import type { LineRole } from '../metadata/index.js';
import type { Block } from './blocks.js';
import { classify, T, type Classification } from './classify.js';
import { rules, CLASSIFIER_RULES } from '../rules/index.js';
import { headlineRuns, titleTest } from '../rules/teasers.js';
import type { Rule, RuleContext, Verdict } from '../rules/types.js';
import { blockKey } from './words.js';
import { isFrontMatter } from './state.js';

export interface Decision {
  rule: string;
  category: Category;
  reason: string;
}

export interface DecideInput {
  blocks: readonly Block[];
  metadata: Metadata;
  lines: ReadonlyMap<RootContent, LineRole>;
  disabled: ReadonlySet<string>;
  keep: ReadonlySet<Category>;
  /** Categories whose weak evidence removes like strong evidence. */
  drop: ReadonlySet<Category>;
  siteTemplate: ReadonlySet<string>;
  /** Gentle mode: only 'strong' rule verdicts remove; no statistical removal. */
  gentle: boolean;
}

export interface DecideOutput {
  decisions: (Decision | undefined)[];
  classification: Classification;
}

/**
 * Rules of kept categories still run: what they find is protected from the statistical removal
 * too (a reader who keeps comments wants the comment section, which also sits outside the article).
 */
function activeRules(input: DecideInput): Rule[] {
  return rules.filter((r) => !input.disabled.has(r.id));
}

/** Blocks a verdict covers: the block and, for a section heading, the section under it. */
function covered(i: number, verdict: Verdict): number[] {
  const end = Math.max(i + 1, verdict.sectionEnd ?? i + 1);
  return Array.from({ length: end - i }, (_, k) => i + k);
}

function runRules(active: Rule[], ctx: RuleContext): ({ rule: Rule; verdict: Verdict } | undefined)[] {
  return ctx.blocks.map((b) => {
    for (const rule of active) {
      const verdict = rule.test(b, ctx);
      if (verdict) return { rule, verdict };
    }
    return undefined;
  });
}

function keyCounts(blocks: readonly Block[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const b of blocks) if (b.key) m.set(b.key, (m.get(b.key) ?? 0) + 1);
  return m;
}

/**
 * The title heading and a dek right under it sit just above the article, separated from it by
 * metadata lines only: they belong to the main content even though the classifier starts later.
 */
function extendToTitle(blocks: readonly Block[], main: { start: number; end: number }, input: DecideInput,
  cls: Classification['cls'], chrome: ReadonlySet<number>): number {
  const titleKey = input.metadata.title ? blockKey(input.metadata.title) : null;
  let start = main.start;
  for (let i = main.start - 1; i >= 0 && main.start - i <= 8; i--) {
    const b = blocks[i]!;
    const role = input.lines.get(b.node);
    if (role === 'title' || (b.type === 'heading' && titleKey && b.key === titleKey)) return i;
    if (role || cls[i] === 'neutral' || b.words === 0 || chrome.has(i)) continue;
    // A dek: a sentence of prose, not links, judged on its own (its neighbours are chrome).
    if (b.type === 'paragraph' && b.linkDensity < 0.2 && b.endsWithPunct && b.stopwordDensity >= T.stopwordsLow) {
      start = i;
      continue;
    }
    break;
  }
  return start;
}

/** Link density below which a sentence inside the main content is the article's, not a link list. */
const SENTENCE_MAX_LINK_DENSITY = 0.5;

/**
 * A paragraph of whole sentences inside the main content is the article's even when it is light
 * on stopwords (a market report, a list of names in a sentence) or cites a few links: the
 * low-quality removal is for link lists and fragments there, not for prose the bar misjudges.
 */
function sentenceInMain(b: Block): boolean {
  return b.type === 'paragraph' && b.endsWithPunct && b.sentences >= 1 && b.words >= T.sentenceWords &&
    b.linkDensity < SENTENCE_MAX_LINK_DENSITY;
}

/**
 * Link-free text of more than a few words inside the main content (a list of names and places,
 * a line of figures) is the article's too: without links, a block there
 * is not the link list or the stray fragment the low-quality removal is for.
 */
function linkFreeInMain(b: Block): boolean {
  return b.links === 0 && b.words >= T.shortWords;
}

export function decide(input: DecideInput): DecideOutput {
  const { blocks } = input;
  const active = activeRules(input);
  const base: RuleContext = {
    blocks,
    metadata: input.metadata,
    lines: input.lines,
    main: { start: 0, end: blocks.length - 1 },
    mainKnown: false,
    keyCounts: keyCounts(blocks),
    siteTemplate: input.siteTemplate,
  };
  // First look: the rules' strong verdicts tell the classifier which blocks are chrome.
  const first = runRules(active, base);
  const chrome = new Set<number>();
  const kept = (v: (typeof first)[number]): boolean => v !== undefined && input.keep.has(v.rule.category);
  const strong = (v: (typeof first)[number]): boolean =>
    v !== undefined && !kept(v) && (v.verdict.strength === 'strong' || input.drop.has(v.rule.category));
  // Only the rules' own strong evidence shapes the main-content search; --drop removes more blocks
  // but does not move the article's borders.
  // Captions are not chrome for this search: a gallery or figure inside the article is part of it,
  // and the captions go by their own verdict.
  first.forEach((v, i) => { if (v && !kept(v) && v.verdict.strength === 'strong' && v.rule.category !== 'captions') chrome.add(i); });
  const teaser = new Set<number>();
  if (!input.disabled.has('teasers') && !input.keep.has('related')) {
    for (const r of headlineRuns(blocks, titleTest(input))) for (let i = r.start; i < r.end; i++) teaser.add(i);
  }
  const classification = classify(blocks, chrome, teaser);
  // With no run of article text at all (a short note, a list), there is no "outside" to remove.
  const found = classification.main.end >= classification.main.start;
  const statistical = found && !input.gentle && !input.keep.has('layout');
  const listLike = !found || input.gentle;
  const main = { ...classification.main };
  main.start = extendToTitle(blocks, main, input, classification.cls, chrome);

  // Second look with the main content known (tail-only rules such as author bios need it).
  const verdicts = runRules(active, { ...base, main, mainKnown: true });
  const decisions: (Decision | undefined)[] = blocks.map(() => undefined);
  const protectedBlocks = new Set<number>();
  verdicts.forEach((v, i) => { if (v && kept(v)) for (const j of covered(i, v.verdict)) protectedBlocks.add(j); });
  for (let i = 0; i < blocks.length; i++) {
    // Front matter was read into the metadata; the title heading is moved to the top, not removed.
    if (decisions[i] || protectedBlocks.has(i) || isFrontMatter(blocks[i]!.node) || input.lines.get(blocks[i]!.node) === 'title') continue;
    // On a page with no run of article prose, or where cleaning would leave implausibly little (a
    // meal plan, a listing), the same block printed again is part of what the page lists.
    const v = kept(verdicts[i]) || (listLike && verdicts[i]?.rule.category === 'repeated') ? undefined : verdicts[i];
    const cls = classification.cls[i];
    if (v && (strong(v) || (!input.gentle && cls !== 'good'))) {
      decisions[i] = { rule: v.rule.id, category: v.rule.category, reason: v.verdict.reason };
      for (const j of covered(i, v.verdict).slice(1)) {
        if (protectedBlocks.has(j)) continue;
        decisions[j] ??= { rule: v.rule.id, category: v.rule.category, reason: `in the section "${blocks[i]!.text.slice(0, 40)}" (line ${blocks[i]!.line ?? '?'})` };
      }
      continue;
    }
    if (!statistical) continue;
    const b = blocks[i]!;
    if (i < main.start || i > main.end) {
      decisions[i] = {
        rule: CLASSIFIER_RULES.outsideMain.id, category: 'layout',
        reason: `${i < main.start ? 'before' : 'after'} the main content (blocks ${main.start}-${main.end}); ${classification.why[i]}`,
      };
    } else if (classification.initial[i] === 'bad' && cls === 'bad' && b.type !== 'table' && b.words > 0 && !sentenceInMain(b) && !linkFreeInMain(b)) {
      decisions[i] = { rule: CLASSIFIER_RULES.lowQuality.id, category: 'layout', reason: classification.why[i] ?? 'bad' };
    }
  }
  return { decisions, classification };
}
