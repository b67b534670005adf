/**
 * The pathological shapes of issue 4, built in code at the sizes the issue measured. Shared by
 * bench/hostile.ts (timings), test/defuse.test.ts (one case each) and the property tests (small
 * versions mixed into generated documents).
 */

/** Deterministic prose: `bytes` characters of short words and sentences, no Markdown syntax. */
export function prose(bytes: number): string {
  const words = ['the', 'report', 'said', 'that', 'officials', 'were', 'meeting', 'again', 'on',
    'Tuesday', 'about', 'water', 'prices', 'and', 'new', 'rules', 'for', 'farmers', 'in', 'spring'];
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const word = words[(i * 7 + (i >> 3)) % words.length]! + (i % 11 === 10 ? '.' : '');
    out.push(word);
    length += word.length + 1;
  }
  return out.join(' ').slice(0, bytes);
}

export interface HostileCase {
  name: string;
  /** What the case is, as issue 4 describes it. */
  description: string;
  build: () => string;
}

/** Full-size cases (the sizes issue 4 reports), for the benchmark. */
export function hostileCases(scale = 1): HostileCase[] {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  return [
    { name: 'list-depth', description: '10,000 nested list markers on one line',
      build: () => '- '.repeat(n(10_000)) + 'x\n' },
    { name: 'quote-depth', description: '10,000 nested blockquote markers',
      build: () => '> '.repeat(n(10_000)) + 'x\n' },
    { name: 'list-indent', description: '1,000 list levels by indentation',
      build: () => Array.from({ length: n(1_000) }, (_, i) => `${'  '.repeat(i)}- item ${i}\n`).join('') },
    { name: 'quote-lines', description: '1,500 lines, each one quote level deeper',
      build: () => Array.from({ length: n(1_500) }, (_, i) => `${'>'.repeat(i + 1)} line ${i}\n`).join('') },
    { name: 'images-open', description: '60 KB of unclosed nested images `![`',
      build: () => '!['.repeat(n(30_000)) + '\n' },
    { name: 'images-nested', description: 'balanced nested images, 60 KB',
      build: () => '!['.repeat(n(7_500)) + 'x' + '](u)'.repeat(n(7_500)) + '\n' },
    { name: 'brackets-nested', description: '10,000-level nested brackets',
      build: () => '['.repeat(n(10_000)) + 'x' + ']'.repeat(n(10_000)) + '\n' },
    { name: 'bracket-unclosed', description: 'one unclosed `[` before 400 KB of prose',
      build: () => '[' + prose(n(400_000)) + '\n' },
    { name: 'paragraph-lines', description: '250,000 lines in one paragraph',
      build: () => 'a line of text\n'.repeat(n(250_000)) },
    { name: 'emphasis-mismatched', description: '40 KB of mismatched emphasis `*a_ `',
      build: () => '*a_ '.repeat(n(10_000)) + '\n' },
    { name: 'emphasis-run', description: '4 KB run of nested emphasis',
      build: () => '*'.repeat(n(2_000)) + 'a' + '*'.repeat(n(2_000)) + '\n' },
    { name: 'emphasis-alternating', description: 'nested `*_` emphasis, 10,000 levels',
      build: () => '*_'.repeat(n(5_000)) + 'a' + '_*'.repeat(n(5_000)) + '\n' },
    { name: 'emphasis-words', description: 'emphasis nested around words, 10,000 levels',
      build: () => '*a '.repeat(n(10_000)) + 'b' + ' a*'.repeat(n(10_000)) + '\n' },
    { name: 'long-line', description: '1 MB single line of prose',
      build: () => prose(n(1 << 20)) + '\n' },
    { name: 'long-line-nospace', description: '1 MB single line without spaces',
      build: () => 'ab'.repeat(n(1 << 19)) + '\n' },
    { name: 'long-line-table', description: 'a table with 50,000 rows',
      build: () => '| a | b |\n| - | - |\n' + '| cell | value |\n'.repeat(n(50_000)) },
    // Shapes that never settle under parse+stringify (issue 4, "Round trip"), at a size.
    { name: 'html-open-in-list', description: 'a comment left open in a list item, then 2,000 lines of it',
      build: () => `- item\n  <!-- a comment left open\n${'  a line of the item\n'.repeat(n(2_000))}\nAfter the list.\n` },
    { name: 'email-literal', description: '5,000 paragraphs with an e-mail literal `x@y._z`',
      build: () => 'Follow us at Twitter@example._We post daily.\n\n'.repeat(n(5_000)) },
  ];
}
