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

  it('a listing keeps the blocks it prints more than once (the same meals on several days)', () => {
    const meals = ['Oatmeal with berries [1 cup oats, 1/2 cup berries, 1 tsp honey]', 'Chicken zoodles [1 cup zucchini noodles, 4 oz. chicken]',
      'Lentil soup [1 cup lentils, 1 carrot, 1 onion, 2 cups broth]', 'Greek yogurt bowl [1 cup yogurt, 1/4 cup granola]'];
    const days = Array.from({ length: 12 }, (_, d) => [`## Day ${d + 1}`, ...['Breakfast', 'Lunch', 'Dinner', 'Snack']
      .map((m, i) => `${m}\n\n${meals[(d + i) % 4]}`)].join('\n\n'));
    const count = (text: string): number => text.split('Lentil soup').length - 1;
    for (const intro of ['', `${headlines[0]}, and this plan follows the same rules as the last one, so you can use the same calorie target.\n\n`]) {
      const page = `# Meal plan\n\n${intro}${days.join('\n\n')}\n`;
      const r = clean(page);
      // Without an intro no article run is found; with one, cleaning would keep too little and
      // the over-pruning guard takes the gentler pass. Either way, every day keeps its meals.
      expect(r.kind).toBe('listing');
      expect(count(r.markdown)).toBe(count(page));
    }
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
