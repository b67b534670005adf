import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';

const headlines = [
  'Council approves the new ferry timetable for the summer season',
  'School board delays the vote on the new lunch menu until autumn',
  'Storm damage closes the coastal road for a second week running',
  'Local bakery wins the regional prize for its rye bread again',
  'Museum reopens its maritime wing after three years of repairs',
  'Farmers market moves to the old station square from next month',
  'Hospital opens a new night clinic for minor injuries downtown',
  'Library extends its opening hours during the exam period',
  'Cycling club plans a charity ride along the river next spring',
  'Water company warns of low pressure during pipe replacement work',
  'Theatre group stages its first open-air play in the castle park',
  'Harbour authority buys two electric tugboats for the port',
];

describe('page kind', () => {
  it('an index page of linked headlines is a listing, and is not emptied', () => {
    const page = [
      '# Latest news',
      ...headlines.flatMap((h, i) => [`## [${h}](https://example.org/news/${i})`, `${i + 1} hours ago`]),
    ].join('\n\n') + '\n';
    const r = clean(page);
    expect(r.kind).toBe('listing');
    expect(r.stats.wordsOut).toBeGreaterThan(0);
  });

  it('an article is an article', () => {
    const prose = headlines.map((h) => `${h}, the officials said on Monday, adding that the details would follow in a report next week.`);
    const r = clean(['# A day in the town', ...prose].join('\n\n') + '\n');
    expect(r.kind).toBe('article');
  });

  it('a document with no text is empty', () => {
    expect(clean('\n\n').kind).toBe('empty');
  });
});
