/**
 * Fixture-driven tests. Every `fixtures/<category>--<slug>/` folder holds an `input.md` and the
 * expected `output.md`, `metadata.json` and `removed.json`, compared as file snapshots (a missing
 * snapshot fails under CI=true, so a new fixture cannot pass silently; regenerate with
 * `npx vitest run test/fixtures.test.ts -u` and review the diff). `expect.json` lists phrases that
 * must / must not survive, checked independently so that an accepted wrong snapshot cannot hide a
 * regression.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name.includes('--'))
  .map((d) => d.name)
  .sort();

interface Expectations { kept: string[]; removed: string[] }

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

it('has the seed and at least 16 other fixture folders', () => {
  expect(cases).toContain('seed--global-research-2018-06-01');
  expect(cases.length).toBeGreaterThanOrEqual(17);
});

describe.each(cases)('%s', (name) => {
  const dir = join(FIXTURES, name);
  const input = readFileSync(join(dir, 'input.md'), 'utf8');
  const result = clean(input);

  it('markdown matches output.md', async () => {
    await expect(result.markdown).toMatchFileSnapshot(join(dir, 'output.md'));
  });

  it('metadata matches metadata.json', async () => {
    await expect(json({ metadata: result.metadata, sources: result.sources }))
      .toMatchFileSnapshot(join(dir, 'metadata.json'));
  });

  it('removals match removed.json', async () => {
    const removed = result.removed.map(({ rule, reason, line, text }) => ({ rule, reason, line, text }));
    await expect(json(removed)).toMatchFileSnapshot(join(dir, 'removed.json'));
  });

  it('keeps and drops the phrases in expect.json', () => {
    const path = join(dir, 'expect.json');
    expect(existsSync(path), `${name}/expect.json is missing`).toBe(true);
    const { kept, removed } = JSON.parse(readFileSync(path, 'utf8')) as Expectations;
    expect(kept.length + removed.length).toBeGreaterThan(0);
    for (const phrase of kept) expect(result.markdown, `kept: ${phrase}`).toContain(phrase);
    for (const phrase of removed) expect(result.markdown, `removed: ${phrase}`).not.toContain(phrase);
  });

  it('is idempotent: clean(clean(x).markdown) is clean(x).markdown', () => {
    expect(clean(result.markdown).markdown).toBe(result.markdown);
  });
});
