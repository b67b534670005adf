/**
 * Metadata agreement with a corpus's expected metadata (issue 5, point 7).
 *
 *     node --import tsx bench/metadata.ts ../shared/corpus/readability [--misses]
 *
 * For each page in ids.txt: parse md/NAME.md, run extractMetadata, compare with meta/NAME.json.
 * - title: equal after normalising case, whitespace and punctuation;
 * - byline: every name token of the expected byline occurs in our authors (the expected byline is
 *   reduced to its name: first line, without "By"/"Written by", dates, numbers, and text after a comma);
 * - publishedTime: same calendar day.
 * A page counts for a field only when the expected value appears in the Markdown at all (normalised
 * text for title and byline; for the date, any date in the Markdown on the same day).
 * An expected byline made only of interface words ("Follow Author", "Last Updated: <date>") names
 * nobody: the reference extractor took a button or a label for the byline, and the page is not
 * counted for the byline (it is listed with --misses).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { extractMetadata, readScraperHeader } from '../src/metadata/index.js';
import { calendarDay, findDates } from '../src/metadata/dates.js';
import { normaliseForCompare } from '../src/metadata/text.js';

/** Words of buttons and labels, in the four languages the readers know. */
const INTERFACE_WORDS = new Set([
  'follow', 'author', 'authors', 'last', 'updated', 'update', 'published', 'posted', 'share', 'subscribe',
  'sign', 'in', 'up', 'more', 'view', 'profile', 'read', 'on', 'at', 'comments', 'email', 'contact',
  'folgen', 'autor', 'aktualisiert', 'suivre', 'auteur', 'seguir', 'actualizado',
]);

function isInterfaceText(name: string): boolean {
  return name.split(' ').every((w) => INTERFACE_WORDS.has(w));
}

interface Expected { title?: string | null; byline?: string | null; publishedTime?: string | null }

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
  console.error('usage: node --import tsx bench/metadata.ts <corpus-dir> [--misses]');
  process.exitCode = 2;
} else {
  run(dir, args.includes('--misses'));
}

/** The name part of an expected byline: "By X, MA\n  Site" → "x"; "by X22 Dec 2016651" → "x". */
function expectedName(byline: string): string {
  let t = byline.split('\n')[0]!.replace(/(\p{L})(\d)/gu, '$1 $2');
  for (const d of findDates(t).reverse()) t = t.slice(0, d.index) + ' ' + t.slice(d.end);
  t = t.replace(/^\s*(?:(?:written|posted)\s+by|by|par|von|por)\b\s*:?/iu, '').split(',')[0]!;
  return normaliseForCompare(t).split(' ').filter((w) => w && !/^\d+$/.test(w)).join(' ');
}

function sameDay(a: string, b: string): boolean {
  return calendarDay(a) === calendarDay(b.replace(' ', 'T'));
}

function run(corpus: string, showMisses: boolean): void {
  const ids = readFileSync(join(corpus, 'ids.txt'), 'utf8').split('\n').filter(Boolean);
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);
  const stats = { title: [0, 0], byline: [0, 0], date: [0, 0] } as Record<string, [number, number]>;
  const misses: Record<string, string[]> = { title: [], byline: [], date: [] };
  const notNames: string[] = [];
  let extraDates = 0;
  let extraAuthors = 0;
  for (const id of ids) {
    const raw = readFileSync(join(corpus, 'md', `${id}.md`), 'utf8');
    const meta = JSON.parse(readFileSync(join(corpus, 'meta', `${id}.json`), 'utf8')) as Expected;
    const header = readScraperHeader(raw);
    const body = header ? raw.slice(header.bodyStart) : raw;
    const { metadata } = extractMetadata({ tree: processor.parse(body), header: header?.fields ?? null });
    const mdNorm = ` ${normaliseForCompare(raw)} `;

    const title = meta.title ? normaliseForCompare(meta.title) : '';
    if (title && mdNorm.includes(` ${title} `)) {
      stats.title![1]++;
      if (normaliseForCompare(metadata.title ?? '') === title) stats.title![0]++;
      else misses.title!.push(`${id}: expected ${JSON.stringify(meta.title)} got ${JSON.stringify(metadata.title)}`);
    }

    const name = meta.byline ? expectedName(meta.byline) : '';
    if (name && isInterfaceText(name)) {
      notNames.push(`${id}: expected ${JSON.stringify(meta.byline)} got ${JSON.stringify(metadata.authors)}`);
    } else if (name && mdNorm.includes(` ${name} `)) {
      stats.byline![1]++;
      const ours = new Set(normaliseForCompare(metadata.authors.join(' ')).split(' '));
      if (name.split(' ').every((w) => ours.has(w))) stats.byline![0]++;
      else misses.byline!.push(`${id}: expected ${JSON.stringify(meta.byline)} got ${JSON.stringify(metadata.authors)}`);
    }

    if (!meta.byline && metadata.authors.length > 0) extraAuthors++;
    const expDate = meta.publishedTime;
    if (expDate && findDates(raw).some((d) => sameDay(d.iso, expDate))) {
      stats.date![1]++;
      if (metadata.date && sameDay(metadata.date, expDate)) stats.date![0]++;
      else misses.date!.push(`${id}: expected ${expDate} got ${metadata.date}`);
    } else if (!expDate && metadata.date) {
      extraDates++;
    }
  }
  console.log(`pages: ${ids.length}`);
  console.log('| field | agree | of | % |');
  console.log('|---|---|---|---|');
  for (const [field, [agree, of]] of Object.entries(stats)) {
    console.log(`| ${field} | ${agree} | ${of} | ${of ? ((100 * agree) / of).toFixed(1) : '-'} |`);
  }
  console.log(`(given where the page expects none: dates ${extraDates}, authors ${extraAuthors})`);
  console.log(`(expected bylines that are interface text, not counted: ${notNames.length})`);
  if (showMisses) {
    for (const [field, list] of Object.entries(misses)) {
      if (list.length === 0) continue;
      console.log(`\nmisses: ${field}`);
      for (const m of list) console.log(`  ${m}`);
    }
    if (notNames.length > 0) {
      console.log('\nnot counted: expected byline is interface text');
      for (const m of notNames) console.log(`  ${m}`);
    }
  }
}
