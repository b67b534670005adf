/**
 * Site templates across a batch (issue 5.5), CLI half: a first pass counts, per site group, in how
 * many documents each block recurs; the second pass hands each document the recurring blocks of
 * its group. The pipeline owns what a block key is (`blockKeys` from src/pipeline/site-template.ts)
 * and what removing them means; this module owns grouping and counting.
 *
 * Keys travel as short hashes: a batch of 20,000 documents then costs a counter per distinct block,
 * not every block's text, and the second pass re-derives the text keys inside the worker.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

/** A block is template when at least this many documents of a group carry it... */
export const MIN_DOCUMENTS = 3;
/** ...and at least this share of the group. A paragraph quoted in two articles is neither. */
export const MIN_SHARE = 0.2;

export function hashKey(key: string): string {
  return createHash('sha1').update(key).digest('base64url').slice(0, 16);
}

/** The distinct hashed keys of one document (a key counts once per document). */
export function documentHashes(keys: readonly string[]): string[] {
  return [...new Set(keys.map(hashKey))];
}

/** The subset of a document's own keys whose hash is template in its group. */
export function templateKeysOf(keys: readonly string[], templateHashes: readonly string[]): Set<string> {
  const wanted = new Set(templateHashes);
  return new Set(keys.filter((key) => wanted.has(hashKey(key))));
}

/** Looks at the head of a document for a source URL (scraper header or front matter). */
const URL_LINE = /^(?:URL Source|url|source_url|canonical_url|link)\s*:\s*["']?(https?:\/\/[^\s"']+)/im;
const HEAD_BYTES = 4096;

/**
 * The site group of a document: the host of its source URL when the head of the text names one,
 * else its folder. (metadata.site would need a full clean in the first pass; the URL host and the
 * folder are what a cheap look can see.)
 */
export function siteGroup(text: string, file: string | null, url?: string | null): string {
  const found = url ?? URL_LINE.exec(text.slice(0, HEAD_BYTES))?.[1];
  if (found) {
    try {
      return `host:${new URL(found).host.replace(/^www\./, '')}`;
    } catch {
      // not a URL after all: fall through to the folder
    }
  }
  return `dir:${file ? path.dirname(path.resolve(file)) : ''}`;
}

/** Counts hashed keys per group; order of `add` calls never changes the result. */
export class TemplateCounter {
  private readonly groups = new Map<string, { documents: number; counts: Map<string, number> }>();

  add(group: string, hashes: readonly string[]): void {
    let entry = this.groups.get(group);
    if (!entry) {
      entry = { documents: 0, counts: new Map() };
      this.groups.set(group, entry);
    }
    entry.documents += 1;
    for (const hash of hashes) entry.counts.set(hash, (entry.counts.get(hash) ?? 0) + 1);
  }

  /** Template hashes per group, sorted so that what is sent to workers does not depend on order. */
  templates(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [group, { documents, counts }] of this.groups) {
      const needed = Math.max(MIN_DOCUMENTS, Math.ceil(documents * MIN_SHARE));
      const recurring = [...counts].filter(([, n]) => n >= needed).map(([hash]) => hash).sort();
      if (recurring.length > 0) out.set(group, recurring);
    }
    return out;
  }
}
