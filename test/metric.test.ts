import { describe, expect, it } from 'vitest';
import { aggregate, scorePage, shingles, tokens, type PageScore } from '../bench/metric.js';

const score = (prediction: string, gold: string): PageScore => scorePage(shingles(prediction), shingles(gold));

describe('tokens', () => {
  it('keeps word characters of any script and drops Markdown punctuation', () => {
    expect(tokens('## Héllo, [wörld](http://x.org/a_b) | Привет 東京 42')).toEqual(
      ['Héllo', 'wörld', 'http', 'x', 'org', 'a_b', 'Привет', '東京', '42'],
    );
  });

  it('splits on combining marks, as Python\'s \\w does', () => {
    // "cafe" + U+0301 COMBINING ACUTE ACCENT + "s"
    expect(tokens('cafe\u0301s')).toEqual(['cafe', 's']);
  });

  it('is case-sensitive and gives nothing for text without word characters', () => {
    expect(tokens('Word word')).toEqual(['Word', 'word']);
    expect(tokens(' * -- | ')).toEqual([]);
  });
});

describe('shingles', () => {
  it('takes every run of four tokens as a multiset', () => {
    const s = shingles('a b c d a b c d');
    expect(s.total).toBe(5);
    expect(s.counts.get('a b c d')).toBe(2);
    expect(s.counts.get('b c d a')).toBe(1);
  });

  it('gives a text of one to three tokens a single shingle', () => {
    expect(shingles('one').total).toBe(1);
    const s = shingles('one two three');
    expect(s.total).toBe(1);
    expect([...s.counts.keys()]).toEqual(['one two three']);
  });

  it('gives an empty text no shingles', () => {
    expect(shingles('').total).toBe(0);
    expect(shingles('** --').counts.size).toBe(0);
  });

  it('accepts tokens as well as text', () => {
    expect(shingles(['a', 'b', 'c', 'd', 'e'])).toEqual(shingles('a b c d e'));
  });
});

describe('scorePage', () => {
  it('counts the multiset intersection', () => {
    // prediction has "a b c d" twice, gold once
    const s = score('a b c d a b c d', 'a b c d e');
    expect(s).toMatchObject({ tp: 1, fp: 4, fn: 1 });
    expect(s.precision).toBeCloseTo(1 / 5);
    expect(s.recall).toBeCloseTo(1 / 2);
  });

  it('scores an exact match 1 and a disjoint prediction 0', () => {
    expect(score('the quick brown fox jumps', 'the quick brown fox jumps')).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(score('one two three four', 'five six seven eight')).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });

  it('gives precision and recall 1 when both sides are empty', () => {
    expect(score('', '')).toMatchObject({ precision: 1, recall: 1, predicted: 0, gold: 0 });
  });

  it('ignores Markdown punctuation around the same words', () => {
    expect(score('**The** quick *brown* fox.', 'The quick brown fox')).toMatchObject({ precision: 1, recall: 1 });
  });

  it('counts underscore emphasis as part of the word, since \\w includes _', () => {
    expect(score('The quick _brown_ fox', 'The quick brown fox')).toMatchObject({ precision: 0, recall: 0 });
  });
});

describe('aggregate', () => {
  it('averages precision over non-empty predictions and recall over non-empty golds', () => {
    const pages = [
      score('', 'a b c d e'), // empty prediction: recall 0, no precision
      score('a b c d e', 'a b c d e'), // perfect
      score('x y z w', ''), // empty gold: precision 0, no recall
    ];
    const a = aggregate(pages);
    expect(a.pages).toBe(3);
    expect(a.precisionPages).toBe(2);
    expect(a.recallPages).toBe(2);
    expect(a.precision).toBeCloseTo(0.5);
    expect(a.recall).toBeCloseTo(0.5);
  });

  it('takes F1 from the averaged P and R, not the mean of page F1s', () => {
    const pages = [
      score('a b c d e f g', 'a b c d'), // P 1/4, R 1
      score('a b c d', 'a b c d e f g'), // P 1, R 1/4
    ];
    const a = aggregate(pages);
    expect(a.precision).toBeCloseTo(0.625);
    expect(a.recall).toBeCloseTo(0.625);
    expect(a.f1).toBeCloseTo(0.625);
    const meanPageF1 = (pages[0]!.f1 + pages[1]!.f1) / 2;
    expect(meanPageF1).toBeCloseTo(0.4);
  });

  it('gives 0 for no pages rather than NaN', () => {
    expect(aggregate([])).toMatchObject({ f1: 0, precision: 0, recall: 0, pages: 0 });
  });
});
