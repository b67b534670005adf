import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import { extractMetadata, readScraperHeader, type LineRole } from '../src/metadata/index.js';
import { findDates } from '../src/metadata/dates.js';
import { isName } from '../src/metadata/authors.js';
import { clean } from '../src/index.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

function run(md: string, header: Record<string, string> | null = null, url: string | null = null) {
  const out = extractMetadata({ tree: processor.parse(md), header, url });
  const roles = new Map<string, LineRole>();
  for (const [node, role] of out.lines) roles.set(toString(node), role);
  return { ...out, roles };
}

const PROSE_EN = 'The council met on a wet evening to argue about the new bridge, and the debate went on until late at night while residents waited outside for an answer that never came.';
const PROSE_DE = 'Der Gemeinderat traf sich an einem regnerischen Abend, um über die neue Brücke zu streiten, und die Debatte dauerte bis spät in die Nacht, während die Anwohner draußen auf eine Antwort warteten.';
const PROSE_FR = 'Le conseil municipal s’est réuni par une soirée pluvieuse pour débattre du nouveau pont, et la discussion a duré jusque tard dans la nuit pendant que les habitants attendaient dehors une réponse.';
const PROSE_ES = 'El consejo se reunió en una tarde lluviosa para discutir sobre el nuevo puente, y el debate se prolongó hasta altas horas de la noche mientras los vecinos esperaban fuera una respuesta.';

describe('dates', () => {
  it.each([
    ['June 01, 2018', '2018-06-01'],
    ['Jun. 1st, 2018', '2018-06-01'],
    ['1 June 2018', '2018-06-01'],
    ['22 Dec, 2016', '2016-12-22'],
    ['2018-06-01', '2018-06-01'],
    ['2018-06-01T10:43:37-08:00', '2018-06-01T10:43:37-08:00'],
    ['01.06.2018', '2018-06-01'],
    ['1. Juni 2018', '2018-06-01'],
    ['3. März 2019', '2019-03-03'],
    ['1er juin 2018', '2018-06-01'],
    ['14 février 2020', '2020-02-14'],
    ['1 de junio de 2018', '2018-06-01'],
    ['March 11, 2015 3:46 PM', '2015-03-11T15:46'],
    ['30 avril 2015 à 07:19', '2015-04-30T07:19'],
  ])('reads %s', (text, iso) => {
    expect(findDates(text)[0]?.iso).toBe(iso);
  });

  it('rejects impossible days and dates glued to other numbers', () => {
    expect(findDates('February 30, 2018')).toEqual([]);
    expect(findDates('ref 2018-06-0123')).toEqual([]);
  });

  it('reads slashed dates month-first in English and day-first otherwise', () => {
    expect(findDates('06/01/2018', 'en')[0]?.iso).toBe('2018-06-01');
    expect(findDates('06/01/2018', 'de')[0]?.iso).toBe('2018-01-06');
    expect(findDates('25/12/2018', 'en')[0]?.iso).toBe('2018-12-25');
  });
});

describe('extractMetadata: the language guess', () => {
  const page = (prose: string) => `# Bridge\n\n06/01/2018\n\n${prose}\n\n${prose}`;

  it('orders a slashed date line by the guessed language', () => {
    expect(run(page(PROSE_EN)).metadata.date).toBe('2018-06-01');
    expect(run(page(PROSE_DE)).metadata.date).toBe('2018-01-06');
  });

  it('on a re-read (wantLang false) guesses only when a date needs it, and then still by language', () => {
    const reread = (md: string) => extractMetadata({ tree: processor.parse(md), header: null, wantLang: false }).metadata;
    expect(reread(page(PROSE_DE))).toMatchObject({ date: '2018-01-06', lang: 'de' });
    expect(reread(page(PROSE_EN))).toMatchObject({ date: '2018-06-01', lang: 'en' });
    expect(reread(`# Bridge\n\n${PROSE_DE}\n\n${PROSE_DE}`).lang).toBeNull();
    expect(run(`# Bridge\n\n${PROSE_DE}\n\n${PROSE_DE}`).metadata.lang).toBe('de');
  });

  it('with guessLanguage false reports no guessed language, reads dates the same and cleans the same', () => {
    const bare = `# Bridge\n\n${PROSE_DE}\n\n${PROSE_DE}`;
    expect(clean(bare, { guessLanguage: false }).metadata.lang).toBeNull();
    expect(clean(bare, { guessLanguage: false }).markdown).toBe(clean(bare).markdown);
    // A declared language is no guess: it is reported either way.
    expect(clean(`---\nlang: de\n---\n\n${bare}`, { guessLanguage: false }).metadata.lang).toBe('de');
    // A slashed date still needs the language, so it is guessed for the date's sake.
    expect(clean(page(PROSE_DE), { guessLanguage: false }).metadata).toMatchObject({ date: '2018-01-06', lang: 'de' });
    expect(clean(page(PROSE_EN), { guessLanguage: false }).metadata).toMatchObject({ date: '2018-06-01', lang: 'en' });
  });
});

describe('extractMetadata: bylines, date lines and tag lines by language', () => {
  it.each([
    {
      lang: 'en',
      md: `# Bridge Vote Delayed Again\n\nBy Jane Miller and Tom O'Brien\n\nPublished: March 3, 2019\n\nTags: Local politics, Infrastructure | Transport\n\n${PROSE_EN}\n\n${PROSE_EN}`,
      authors: ['Jane Miller', "Tom O'Brien"], date: '2019-03-03', tags: ['Local politics', 'Infrastructure', 'Transport'],
    },
    {
      lang: 'de',
      md: `# Abstimmung über die Brücke vertagt\n\nVon Anna Schmidt und Jonas Becker\n\nVeröffentlicht am 3. März 2019\n\nSchlagwörter: Kommunalpolitik, Verkehr\n\n${PROSE_DE}\n\n${PROSE_DE}`,
      authors: ['Anna Schmidt', 'Jonas Becker'], date: '2019-03-03', tags: ['Kommunalpolitik', 'Verkehr'],
    },
    {
      lang: 'fr',
      md: `# Le vote sur le pont encore reporté\n\nPar Claire Dubois et Marc Lefèvre\n\nPublié le 1er mars 2019\n\nMots-clés : Politique locale, Transports\n\n${PROSE_FR}\n\n${PROSE_FR}`,
      authors: ['Claire Dubois', 'Marc Lefèvre'], date: '2019-03-01', tags: ['Politique locale', 'Transports'],
    },
    {
      lang: 'es',
      md: `# La votación del puente, aplazada otra vez\n\nPor María García y Luis de la Fuente\n\nPublicado el 3 de marzo de 2019\n\nEtiquetas: Política local, Transporte\n\n${PROSE_ES}\n\n${PROSE_ES}`,
      authors: ['María García', 'Luis de la Fuente'], date: '2019-03-03', tags: ['Política local', 'Transporte'],
    },
  ])('$lang', ({ lang, md, authors, date, tags }) => {
    const { metadata, sources, roles } = run(md);
    expect(metadata.authors).toEqual(authors);
    expect(metadata.date).toBe(date);
    expect(metadata.tags).toEqual(tags);
    expect(metadata.lang).toBe(lang);
    expect(sources.authors).toBe('byline');
    expect(sources.date).toBe('date-line');
    expect(sources.tags).toBe('label-line');
    // The three metadata paragraphs are reported; the prose is not.
    expect([...roles.values()].sort()).toEqual(['byline', 'dateline', 'tags', 'title']);
  });

  it('cleans roles, handles, links and trailing dates out of a byline', () => {
    const { metadata } = run(`# Storm Damage Counted\n\nBy [Sam Lee](https://example.org/author/sam-lee), Staff Writer (@samlee) | June 2, 2021\n\n${PROSE_EN}`);
    expect(metadata.authors).toEqual(['Sam Lee']);
    expect(metadata.date).toBe('2021-06-02');
  });

  it('reads a "Name - date" line when the name links to an author page', () => {
    const { metadata, roles } = run(`# Storm Damage Counted\n\n[Ada Byron](https://example.org/authors/ada/) - Apr 16, 2015 8:02 pm UTC\n\n${PROSE_EN}`);
    expect(metadata.authors).toEqual(['Ada Byron']);
    expect(metadata.date).toBe('2015-04-16T20:02Z');
    expect(roles.get('Ada Byron - Apr 16, 2015 8:02 pm UTC')).toBe('byline');
  });

  it('reads "Author:" labels and "Written by"', () => {
    expect(run(`# A Title Here\n\nAuthor: Priya Natarajan\n\n${PROSE_EN}`).metadata.authors).toEqual(['Priya Natarajan']);
    expect(run(`# A Title Here\n\nWritten by Kofi Mensah\n\n${PROSE_EN}`).metadata.authors).toEqual(['Kofi Mensah']);
  });

  it('takes a "Name — date" line printed under the article', () => {
    const { metadata } = run(`# A Title Here\n\n${PROSE_EN}\n\n${PROSE_EN}\n\n${PROSE_EN}\n\n${PROSE_EN}\n\nNina Weber — 2013-09-29 — in Code`);
    expect(metadata.authors).toEqual(['Nina Weber']);
  });

  it('takes "Articles by:" at the end when the head has no byline', () => {
    const { metadata, sources } = run(`# A Title Here\n\n${PROSE_EN}\n\n${PROSE_EN}\n\nArticles by: Ines Duarte`);
    expect(metadata.authors).toEqual(['Ines Duarte']);
    expect(sources.authors).toBe('label-line');
  });
});

describe('extractMetadata: bylines split over lines, stamps and teasers', () => {
  it('joins a "By" on its own line with the name in the next paragraph', () => {
    const { metadata, sources, roles } = run(`# Harbour Cranes Return\n\nBy\n\nTomasz Wielgosz\n\nMarch 3, 2021 7:15 am\n\n${PROSE_EN}`);
    expect(metadata.authors).toEqual(['Tomasz Wielgosz']);
    expect(sources.authors).toBe('byline');
    expect(roles.get('By')).toBe('byline');
    expect(roles.get('Tomasz Wielgosz')).toBe('byline');
    expect(metadata.date).toBe('2021-03-03T07:15');
  });

  it('joins "Von" and a list of names that goes on over several lines of one paragraph', () => {
    const { metadata } = run(`# Abstimmung vertagt\n\nVon\n[Anna Schmidt](https://example.org/autor/anna),\n[Jonas Becker](https://example.org/autor/jonas)\n\n${PROSE_DE}`);
    expect(metadata.authors).toEqual(['Anna Schmidt', 'Jonas Becker']);
  });

  it('does not join a bare "By" with a sentence', () => {
    const { metadata } = run(`# Harbour Cranes Return\n\nBy\n\nthe end of the week the cranes were back.\n\n${PROSE_EN}`);
    expect(metadata.authors).toEqual([]);
  });

  it('reads the first short lines of an article glued into one paragraph, without reporting the paragraph', () => {
    const glued = `By\nMike Olsen\n2019-11-18T20:51:19Z\n${PROSE_EN}\n${PROSE_EN}`;
    const { metadata, lines } = run(`# Plumes Over the Ice\n\n${glued}`);
    expect(metadata.authors).toEqual(['Mike Olsen']);
    expect(metadata.date).toBe('2019-11-18T20:51:19Z');
    expect(lines.size).toBe(1); // the title only: the paragraph holds the article
  });

  it('takes the name above a "Source date" line as the author and the date from it', () => {
    const { metadata, roles } = run(`# Cargo Ship Lost Over Siberia\n\nNADIA PETROVA\n\nAssociated Press December 2, 2016\n\n${PROSE_EN}`);
    expect(metadata.authors).toEqual(['NADIA PETROVA']);
    expect(metadata.date).toBe('2016-12-02');
    expect(roles.get('Associated Press December 2, 2016')).toBe('dateline');
  });

  it('does not take the wrapped last line of a long heading for an author', () => {
    const md = `# Club Activates Release Clause To Sign Goalkeeper\nKepa Arrizabalaga From Athletic Bilbao\n\nSportsDesk August 08, 2018\n\n${PROSE_EN}`;
    expect(run(md).metadata.authors).toEqual([]);
  });

  it('rejects title-case headline fragments as names', () => {
    expect(isName('Sign Kepa From Athletic Bilbao')).toBe(false);
    expect(isName('Why This Matters')).toBe(false);
    expect(isName('The Wall Street Journal')).toBe(true);
    expect(isName('Luis de la Fuente')).toBe(true);
  });

  it('finds a byline printed near the first of two copies of the title', () => {
    const md = [
      '[Sign in](https://example.org/login)',
      '[Ada Byron](https://example.org/@adabyron "Go to the profile of Ada Byron")  \non Mar 27 14 min',
      'Next story', 'Next story', 'Share this story with your friends and family.',
      '#### Inside the Night Lab', '- Share on Twitter\n- Share by email', '---', '## Inside the Night Lab', PROSE_EN, PROSE_EN,
    ].join('\n\n');
    const { metadata } = run(md);
    expect(metadata.title).toBe('Inside the Night Lab');
    expect(metadata.authors).toEqual(['Ada Byron']);
  });

  it('takes a name and a time stamp just above the article when teasers sit between it and the title', () => {
    const teaser = (h: string, name: string, when: string) => `#### ${h}\n\n${name}\n\n${when}\n\n[Read on](https://example.org/x)`;
    const md = [
      '# The Long Road to the Valley Line', '## You may also like',
      teaser('Bridge Works Close the Riverside Path', 'Marta Jensen', '3/12/21 7:30AM'),
      teaser('Ferry Timetable Changes for Winter', 'Olu Adebayo', '3/13/21 12:35PM'),
      'Subscribe To Our Newsletter', 'Henrik Solberg', '3/14/21 10:00AM', '•', 'Filed to: [railways](https://example.org/tag/railways)',
      PROSE_EN, PROSE_EN,
    ].join('\n\n');
    const { metadata, sources, roles } = run(md);
    expect(metadata.authors).toEqual(['Henrik Solberg']);
    expect(sources.authors).toBe('byline');
    expect(roles.get('3/14/21 10:00AM')).toBe('dateline');
    // A two-digit year is too vague to be read as the publication date.
    expect(metadata.date).toBeNull();
  });

  it('reads a name and a stamp right under the title, but not one under a section heading', () => {
    const md = ['# The Long Road to the Valley Line', 'Henrik Solberg', '3/14/21 10:00AM', '## Part one', PROSE_EN].join('\n\n');
    expect(run(md).metadata.authors).toEqual(['Henrik Solberg']);
    const teaserOnly = ['# The Long Road to the Valley Line', '## More stories', 'Marta Jensen', '3/12/21 7:30AM',
      '#### Another Story Entirely', 'Read on', PROSE_EN].join('\n\n');
    expect(run(teaserOnly).metadata.authors).toEqual([]);
  });
});

describe('extractMetadata: negative cases', () => {
  it('does not read a sentence starting with "By" as a byline', () => {
    const { metadata, lines } = run(`# Budget Plans\n\nBy the end of the year the city will have spent most of its reserve.\n\n${PROSE_EN}`);
    expect(metadata.authors).toEqual([]);
    expect(lines.size).toBe(1); // only the title heading
  });

  it('prefers the date line near the top over a date inside a body paragraph', () => {
    const md = `# Bridge Vote Delayed\n\nMay 4, 2020\n\n${PROSE_EN}\n\n${PROSE_EN}\n\n${PROSE_EN}\n\nThe previous vote, held on January 15, 2019, ended in a tie that nobody expected.\n`;
    expect(run(md).metadata.date).toBe('2020-05-04');
  });

  it('takes no date from body prose at all', () => {
    const md = `# Bridge Vote Delayed\n\n${PROSE_EN}\n\nThe previous vote, held on January 15, 2019, ended in a tie that nobody on the council had expected at all.\n`;
    expect(run(md).metadata.date).toBeNull();
  });

  it('does not take a long line with a label for tags', () => {
    const { metadata } = run(`# Notes\n\nTopics: we talked about many different things today and it went on for a long while.\n\n${PROSE_EN}`);
    expect(metadata.tags).toEqual([]);
  });

  it('says nothing about the language of a very short text', () => {
    expect(run('# Hi\n\nShort.').metadata.lang).toBeNull();
  });
});

describe('extractMetadata: title', () => {
  it('skips an H1 that only links to the site home and a date heading', () => {
    const md = `# [My Blog](https://blog.example.org/)\n\n## Sunday, May 8, 2016\n\n### Building a Tiny Compiler\n\n${PROSE_EN}\n\n## Why bother\n\n${PROSE_EN}`;
    expect(run(md).metadata.title).toBe('Building a Tiny Compiler');
  });

  it('prefers the heading that carries the byline over a section H1 above it', () => {
    const md = `# Health Center\n\n## Tools\n\n- One\n- Two\n\n## Babies May Avoid Allergy\n\nBy Rosa Park\n\n${PROSE_EN}`;
    expect(run(md).metadata.title).toBe('Babies May Avoid Allergy');
  });

  it('keeps the first H1 when a dek heading follows it', () => {
    const md = `# Council Delays Bridge Vote\n\n## The decision came after a long and heated evening session.\n\n${PROSE_EN}`;
    expect(run(md).metadata.title).toBe('Council Delays Bridge Vote');
  });
});

describe('extractMetadata: front matter, scraper header, url', () => {
  it('reads YAML front matter first', () => {
    const md = `---\ntitle: "From Front Matter"\nauthor: [Lena Holm, Arvid Berg]\ndate: 2020-02-03\ntags: [a, b]\nlang: de-DE\ndescription: Short summary\nurl: https://example.org/x\n---\n\n# Heading Title\n\nBy Someone Else\n\n${PROSE_EN}`;
    const { metadata, sources } = run(md);
    expect(metadata).toMatchObject({
      title: 'From Front Matter', authors: ['Lena Holm', 'Arvid Berg'], date: '2020-02-03', tags: ['a', 'b'],
      lang: 'de', description: 'Short summary', url: 'https://example.org/x',
    });
    expect(sources).toMatchObject({ title: 'front-matter', authors: 'front-matter', date: 'front-matter', lang: 'front-matter' });
  });

  it('reads simple TOML front matter', () => {
    const md = `+++\ntitle = "Toml Title"\ndate = 2021-07-08\ntags = ["x", "y"]\n+++\n\n${PROSE_EN}`;
    expect(run(md).metadata).toMatchObject({ title: 'Toml Title', date: '2021-07-08', tags: ['x', 'y'] });
  });

  it('survives broken YAML', () => {
    expect(run(`---\ntitle: [unclosed\n---\n\n# Fallback Title\n\n${PROSE_EN}`).metadata.title).toBe('Fallback Title');
  });

  it('reads a scraper header and splits a site suffix off its title', () => {
    const text = `Title: Bridge Vote Delayed Again | City Gazette\n\nURL Source: https://gazette.example/bridge\n\nPublished Time: 2019-03-03T08:00:00Z\n\nMarkdown Content:\n# Bridge Vote Delayed Again\n\n${PROSE_EN}\n`;
    const header = readScraperHeader(text);
    expect(header?.fields).toMatchObject({ title: 'Bridge Vote Delayed Again | City Gazette', url: 'https://gazette.example/bridge', date: '2019-03-03T08:00:00Z' });
    expect(text.slice(header!.bodyStart).startsWith('# Bridge Vote')).toBe(true);
    const { metadata, sources } = run(text.slice(header!.bodyStart), header!.fields);
    expect(metadata).toMatchObject({ title: 'Bridge Vote Delayed Again', site: 'City Gazette', url: 'https://gazette.example/bridge', date: '2019-03-03T08:00:00Z' });
    expect(sources).toMatchObject({ title: 'scraper-header', site: 'title-suffix', url: 'scraper-header' });
  });

  it('finds no scraper header in ordinary text that starts with a label', () => {
    expect(readScraperHeader('Title: a poem\n\nRoses are red, violets are blue.\n')).toBeNull();
    expect(readScraperHeader('# Heading\n\nText')).toBeNull();
  });

  it('takes a URL given from outside over the document', () => {
    const { metadata, sources } = run(`---\nurl: https://a.example/\n---\n\ntext`, null, 'https://b.example/');
    expect(metadata.url).toBe('https://b.example/');
    expect(sources.url).toBe('options');
  });
});

describe('extractMetadata: site', () => {
  it('reads "The original source of this article is X" and copyright lines', () => {
    expect(run(`# T T T\n\n${PROSE_EN}\n\nThe original source of this article is Harbour Times`).metadata.site).toBe('Harbour Times');
    expect(run(`# T T T\n\nBy Ola Nordmann\n\n${PROSE_EN}\n\nCopyright © Ola Nordmann, Harbour Times, 2018`).metadata.site).toBe('Harbour Times');
    expect(run(`# T T T\n\n${PROSE_EN}\n\n© 2019 Harbour Media, Inc. All rights reserved.`).metadata.site).toBe('Harbour Media');
  });
});

describe('the seed fixture', () => {
  const md = readFileSync(new URL('../fixtures/global-research-2018-06-01.md', import.meta.url), 'utf8');

  it.each([
    ['with placeholder links', md],
    ['with placeholder links already unwrapped', md.replace(/\[([^\]]*)\]\(#\)/g, '$1')],
  ])('%s', (_name, input) => {
    const { metadata, sources, roles } = run(input);
    expect(metadata.title).toBe('Syria Is the Next Step in the Russian-Saudi Rapprochement');
    expect(metadata.authors).toEqual(['Andrew Korybko']);
    expect(metadata.date).toBe('2018-06-01');
    expect(metadata.site).toBe('Global Research');
    expect(metadata.tags).toEqual(expect.arrayContaining(['Middle East & North Africa', 'Russia and FSU', 'Intelligence']));
    expect(metadata.lang).toBe('en');
    expect(sources).toMatchObject({ title: 'heading', authors: 'byline', date: 'date-line', site: 'date-line', tags: 'label-line' });
    expect(roles.get('By Andrew Korybko')).toBe('byline');
    expect(roles.get('Global Research, June 01, 2018')).toBe('site');
    expect(roles.get('Region: Middle East & North Africa, Russia and FSU')).toBe('tags');
    expect(roles.get('Theme: Intelligence')).toBe('tags');
    // No body paragraph is reported as a metadata line.
    for (const text of roles.keys()) expect(text.length).toBeLessThan(80);
  });
});
