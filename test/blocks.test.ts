import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { measure, plainText } from '../src/pipeline/blocks.js';

const parse = (md: string) => unified().use(remarkParse).use(remarkGfm).parse(md);
const first = (md: string) => parse(md).children[0]!;

describe('block measures', () => {
  it('list items are separate words, not run together', () => {
    const b = measure(first('* Home\n* Fact Check\n* About the site\n'), 0);
    expect(b.text).toBe('Home\nFact Check\nAbout the site');
    expect(b.words).toBe(6);
    expect(b.wordsPerItem).toBe(2);
    expect(b.key).toBe('home fact check about the site');
  });

  it('a stopword at an item border still counts as a stopword', () => {
    // Run together, "yourselfThe" and "explainedInside" would be neither word.
    const b = measure(first('* What you can fix yourself\n* The law, explained\n* Inside the plant\n'), 0);
    expect(b.stopwordDensity).toBeCloseTo(5 / 11, 5);
  });

  it('sentences of separate items are counted', () => {
    const b = measure(first('* Stir the sauce.\n* Serve it hot.\n* Add salt to taste.\n'), 0);
    expect(b.sentences).toBe(3);
  });

  it('items of nested lists count as entries', () => {
    const b = measure(first('* Home\n* News\n  * Europe\n  * Africa\n* More\n  * Weather\n'), 0);
    expect(b.items).toBe(3);
    expect(b.entries).toBe(6);
    expect(b.wordsPerEntry).toBe(1);
  });

  it('counts the entries that end like a sentence', () => {
    const b = measure(first('* Why the bridge is closing\n* The council met on Monday.\n  * Nested point!\n* What comes next\n'), 0);
    expect(b.entries).toBe(4);
    expect(b.sentenceEntries).toBe(2);
  });

  it('paragraphs of a quote and cells of a table are kept apart', () => {
    expect(plainText(first('> One line.\n>\n> Two lines.\n'))).toBe('One line.\nTwo lines.');
    expect(plainText(first('| a | b |\n| - | - |\n| c | d |\n'))).toBe('a b\nc d');
  });

  it('the lines of a paragraph split by hard breaks are kept apart', () => {
    expect(plainText(first('June 9 – Tampa, FL @ **Arena**  \nJune 10 – Miami, FL\\\nJune 12 – Austin, TX\n'))).toBe('June 9 – Tampa, FL @ Arena\nJune 10 – Miami, FL\nJune 12 – Austin, TX');
  });

  it('inline content is read as before', () => {
    expect(plainText(first('Some *emphasis* and a [link](https://example.org) ![alt](x.png).\n'))).toBe('Some emphasis and a link .');
  });
});
