/**
 * The CLI half of site templates: grouping and the two-pass count. The pipeline's blockKeys decides
 * what a block key is; here keys are plain strings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentHashes, siteGroup, TemplateCounter, templateKeysOf, hashKey } from '../src/cli/site-template.js';
import { PROSE, runCli, tempDir, writeTree } from './helpers/cli.js';

const MENU = 'home | news | sport | weather';
const FOOTER = 'subscribe to our newsletter';
const QUOTE = 'a real paragraph quoted by two articles';

function docs(): { group: string; keys: string[] }[] {
  return [
    { group: 'host:example.org', keys: [MENU, FOOTER, 'article one', QUOTE] },
    { group: 'host:example.org', keys: [MENU, FOOTER, 'article two', QUOTE] },
    { group: 'host:example.org', keys: [MENU, FOOTER, 'article three'] },
    { group: 'host:example.org', keys: [MENU, 'article four', MENU] },
    { group: 'host:other.net', keys: [MENU, 'other one'] },
    { group: 'host:other.net', keys: [MENU, 'other two'] },
  ];
}

function templates(order: { group: string; keys: string[] }[]): Map<string, string[]> {
  const counter = new TemplateCounter();
  for (const d of order) counter.add(d.group, documentHashes(d.keys));
  return counter.templates();
}

describe('site templates (CLI pass)', () => {
  it('finds blocks recurring across a group and keeps a paragraph repeated in two documents', () => {
    const t = templates(docs());
    const group = t.get('host:example.org') ?? [];
    expect(templateKeysOf([MENU, FOOTER, QUOTE, 'article one'], group)).toEqual(new Set([MENU, FOOTER]));
  });

  it('counts per group: two documents of another site are not a template', () => {
    expect(templates(docs()).has('host:other.net')).toBe(false);
  });

  it('does not depend on document order', () => {
    const forward = templates(docs());
    const backward = templates([...docs()].reverse());
    const shuffled = templates([2, 5, 0, 3, 1, 4].map((i) => docs()[i]!));
    expect(backward).toEqual(forward);
    expect(shuffled).toEqual(forward);
  });

  it('counts a key once per document', () => {
    expect(documentHashes([MENU, MENU, FOOTER])).toEqual([hashKey(MENU), hashKey(FOOTER)]);
  });

  it('groups by the source URL host when the head names one, else by folder', () => {
    expect(siteGroup('Title: X\nURL Source: https://www.example.org/a/b\n\nMarkdown Content:\n', '/data/a.md')).toBe('host:example.org');
    expect(siteGroup('---\nurl: "https://news.example.net/x"\n---\n# T\n', '/data/b.md')).toBe('host:news.example.net');
    expect(siteGroup('# No URL here\n', '/data/site/c.md')).toBe('dir:/data/site');
  });
});

// End to end through the CLI.
describe('site templates (batch, end to end)', () => {
  const tmp = tempDir('winnow-template-');
  afterAll(() => tmp.cleanup());
  const TEMPLATE = 'The Valley Courier is an independent weekly that has covered the towns of the upper valley since 1921, funded by its readers.';
  const SHARED = 'Residents who spoke at the meeting said they had waited many years for the council to take the condition of the old crossing seriously.';
  const topics = ['bridge', 'school', 'market', 'library'];
  const files: Record<string, string> = {};
  topics.forEach((topic, i) => {
    const body = PROSE.map((p) => `${p} All of this concerns the ${topic} (${i}).`);
    const parts = [`# News about the ${topic}`, ...body, ...(i < 2 ? [SHARED] : []), TEMPLATE];
    files[`site/${topic}.md`] = `${parts.join('\n\n')}\n`;
  });
  writeTree(tmp.dir, files);
  const site = path.join(tmp.dir, 'site');

  async function outputs(args: string[]): Promise<Record<string, string>> {
    const r = await runCli([...args, '-f', 'ndjson', '-q']);
    expect(r.code).toBe(0);
    return Object.fromEntries(r.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((d) => [path.basename(d.file), d.markdown]));
  }

  it('removes the block every document carries and keeps a paragraph two articles share', async () => {
    const out = await outputs([site]);
    for (const md of Object.values(out)) expect(md).not.toContain('Valley Courier');
    expect(out['bridge.md']).toContain(SHARED);
    expect(out['school.md']).toContain(SHARED);
  });

  it('--site-template off keeps it', async () => {
    const out = await outputs([site, '--site-template', 'off']);
    for (const md of Object.values(out)) expect(md).toContain('Valley Courier');
  });

  it('does not depend on file order', async () => {
    const names = fs.readdirSync(site).sort();
    const forward = await outputs(names.map((n) => path.join(site, n)));
    const backward = await outputs([...names].reverse().map((n) => path.join(site, n)));
    expect(backward).toEqual(forward);
  });
});
