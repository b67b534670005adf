/**
 * Issue 2, point 8: the seed article, asserted point by point (independently of the snapshot in
 * fixtures/seed--global-research-2018-06-01/).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';

const input = readFileSync(new URL('../fixtures/global-research-2018-06-01.md', import.meta.url), 'utf8');
const result = clean(input);
const md = result.markdown;
/** Paragraphs and headings of the output, as plain text. */
const blocks = result.text.split(/\n\n+/).map((b) => b.trim());

/** Opening words of every paragraph of the article body, the italic intro included. */
const BODY_PARAGRAPHS = [
  'The Saudi Ambassador to Russia gave an exclusive interview to Sputnik',
  'Up until this point, it was recognized that there were political contacts',
  '"In the principal, our objectives are the same.',
  'This strongly implies that some of the "consultations and coordination"',
  "To summarize what's been happening between the two Great Powers",
  'Taking the military dimensions of their relationship even further',
  '"(Saudi) officers',
  'Most observers could never have expected anything of the sort',
  'Altogether, the multifaceted rapprochement',
  'This grand strategy aims to provide Russia',
  'This terminology is being used because Russia',
  'It’s an open secret that Saudi Arabia',
  'Looking at the bigger picture',
];

const DEK = 'The fast-moving and full-spectrum Russian-Saudi rapprochement has now been revealed to have taken on peacemaking dimensions in Syria.';

const HEADINGS = [
  "## Moscow's Rapprochement With Riyadh",
  '#### Explaining The Seemingly Unexplainable',
  '#### The Art Of "Balancing"',
  '### Concluding Thoughts',
];

describe('the seed article', () => {
  it('starts with the title as the only H1', () => {
    expect(md.startsWith('# Syria Is the Next Step in the Russian-Saudi Rapprochement\n')).toBe(true);
    expect(md.match(/^# /gm)).toHaveLength(1);
  });

  it('keeps the dek', () => {
    expect(blocks).toContain(DEK);
  });

  it.each(BODY_PARAGRAPHS)('keeps the body paragraph "%s..."', (start) => {
    expect(blocks.filter((b) => b.startsWith(start))).toHaveLength(1);
  });

  it('keeps the italic intro in italics', () => {
    expect(md).toContain('*The Saudi Ambassador to Russia gave an exclusive interview to Sputnik where');
    expect(md).toContain('foreign troops."*');
  });

  it.each(HEADINGS)('keeps the section heading %s', (heading) => {
    expect(md.split('\n')).toContain(heading);
  });

  it('keeps the body in its original order', () => {
    const positions = [DEK, ...BODY_PARAGRAPHS].map((p) => result.text.indexOf(p));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it.each([
    ['the byline', /^By Andrew Korybko/m],
    ['the date line', /Global Research, June 01, 2018/],
    ['the Region line', /Region:/],
    ['the Theme line', /Theme:/],
    ['the lone \\*', /^\\?\*$/m],
    ['the republication note', /originally published/i],
    ['the author bios', /Andrew Korybko is an American Moscow-based political analyst/],
    ['the copyright lines', /Copyright|©|The original source of this article/],
    ['the Facebook link', /Facebook/],
    ['the membership link', /Become a Member/i],
    ['"Articles by"', /Articles by/i],
    ['"About the author"', /About the author/i],
    ['the disclaimer', /Disclaimer|sole responsibility of the author/],
    ['the fair-use notice', /fair use|copyrighted material/i],
    ['the media-inquiries line', /media inquiries|publications@globalresearch/i],
    ['any (#) placeholder link', /\(#\)/],
    ['any thematic break', /^(\*\*\*|---|___)\s*$/m],
  ])('drops %s', (_what, pattern) => {
    expect(md).not.toMatch(pattern);
    expect(result.text).not.toMatch(pattern);
  });

  it('joins both paragraphs the scraper split mid-sentence', () => {
    expect(blocks.some((b) => b.includes('defense system and already agreed upon the sale of other weapons'))).toBe(true);
    expect(blocks.some((b) => b.includes('so it can safely be assumed that may have had a say'))).toBe(true);
    expect(blocks.some((b) => b.endsWith('and already') || b.endsWith('it can safely be'))).toBe(false);
  });

  it('turns <sup>st</sup> into text', () => {
    expect(md).toContain('its 21st-century role');
    expect(md).not.toMatch(/<\/?sup>/);
  });

  it('reads the metadata', () => {
    expect(result.metadata.title).toBe('Syria Is the Next Step in the Russian-Saudi Rapprochement');
    expect(result.metadata.authors).toEqual(['Andrew Korybko']);
    expect(result.metadata.date).toBe('2018-06-01');
    expect(result.metadata.site).toBe('Global Research');
    expect(result.metadata.tags).toEqual(
      expect.arrayContaining(['Middle East & North Africa', 'Russia and FSU', 'Intelligence']),
    );
    expect(result.metadata.lang).toBe('en');
  });

  it('records why each boilerplate block went', () => {
    const rules = new Set(result.removed.map((r) => r.rule));
    for (const id of ['republication', 'author-bio', 'author-archive', 'copyright', 'disclaimer', 'media-contact']) {
      expect(rules, id).toContain(id);
    }
    for (const r of result.removed) {
      expect(r.reason.length).toBeGreaterThan(0);
      expect(r.line === null || r.line > 0).toBe(true);
    }
  });
});
