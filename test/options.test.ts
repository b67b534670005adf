import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { blockKeys } from '../src/pipeline/site-template.js';

const PROSE = [
  'The harbour authority approved the new ferry timetable on Tuesday, after two years of complaints from commuters who said the old one left them waiting in the cold for most of the winter.',
  'Under the new plan, boats will leave every twenty minutes during the morning and evening rush, and every forty minutes at other times, with the last crossing an hour later than before.',
  'Local businesses on both sides of the water welcomed the change, saying that the longer evening service would bring more customers to restaurants and shops that had struggled since the pandemic.',
];
/** Long enough to read as prose, so the promo rule's evidence is only weak. */
const SOFT_PROMO = 'Readers who want to follow the story can subscribe to our free weekly newsletter, which collects the most important decisions of the harbour authority and the city council in one place every Friday morning.';
const doc = ['# Ferries run later from May', PROSE[0], PROSE[1], SOFT_PROMO, PROSE[2], 'Subscribe to our newsletter'].join('\n\n') + '\n';

describe('clean() rule options', () => {
  it('keeps prose that only mentions a subscription, and removes the bare call to action', () => {
    const r = clean(doc);
    expect(r.markdown).toContain('weekly newsletter');
    expect(r.markdown).not.toContain('Subscribe to our newsletter');
  });

  it('drop: weak evidence of a dropped category removes the block', () => {
    const r = clean(doc, { drop: ['promo'] });
    expect(r.markdown).not.toContain('weekly newsletter');
    expect(r.removed.some((x) => x.rule === 'promo' && x.text.includes('weekly newsletter'))).toBe(true);
    for (const p of PROSE) expect(r.markdown).toContain(p.slice(0, 40));
  });

  it('keep: a kept category is never removed', () => {
    const r = clean(doc, { keep: ['promo'] });
    expect(r.markdown).toContain('Subscribe to our newsletter');
    expect(r.removed.some((x) => x.rule === 'promo')).toBe(false);
  });

  it('disable: a switched-off rule removes nothing', () => {
    const r = clean(doc, { disable: ['promo'] });
    expect(r.removed.some((x) => x.rule === 'promo')).toBe(false);
  });
});

describe('clean() with a site template', () => {
  const FRAME = 'The Harbour Gazette is a reader-funded weekly covering the ports of the coast since 1904.';
  const framed = doc.replace('Subscribe to our newsletter', FRAME);

  it('removes the blocks of the template and keeps the article', () => {
    const r = clean(framed, { siteTemplate: new Set(blockKeys(FRAME)) });
    expect(r.markdown).not.toContain('Harbour Gazette');
    expect(r.removed.some((x) => x.rule === 'site-template')).toBe(true);
    for (const p of PROSE) expect(r.markdown).toContain(p.slice(0, 40));
  });

  it('leaves a document alone when most of it recurs (a copy, not a frame)', () => {
    const r = clean(framed, { siteTemplate: new Set(blockKeys(framed)) });
    expect(r.removed.some((x) => x.rule === 'site-template')).toBe(false);
    for (const p of PROSE) expect(r.markdown).toContain(p.slice(0, 40));
  });
});
