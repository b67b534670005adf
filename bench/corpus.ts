/**
 * Loading the evaluation corpora laid out as ../shared/corpus/README.md describes: a sub-corpus is
 * a folder with `ids.txt`, `gold.json` and one or more `md*` input folders.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export interface SubCorpus {
  name: string;
  dir: string;
  /** Page ids in `ids.txt` order. */
  ids: string[];
  /** Gold article body per id. */
  gold: Map<string, string>;
  /** Input folders (`md*`), sorted. */
  folders: string[];
}

const isDir = (path: string): boolean => existsSync(path) && statSync(path).isDirectory();

function isSubCorpus(dir: string): boolean {
  return existsSync(join(dir, 'ids.txt')) && existsSync(join(dir, 'gold.json')) && inputFolders(dir).length > 0;
}

function inputFolders(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.startsWith('md') && isDir(join(dir, name))).sort();
}

function loadSubCorpus(dir: string): SubCorpus {
  const ids = readFileSync(join(dir, 'ids.txt'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const raw = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Record<string, { articleBody: string }>;
  const gold = new Map<string, string>();
  for (const id of ids) {
    const entry = raw[id];
    if (entry === undefined) throw new Error(`${dir}: no gold entry for ${id}`);
    gold.set(id, entry.articleBody);
  }
  return { name: basename(dir), dir, ids, gold, folders: inputFolders(dir) };
}

/** `dir` itself if it is a sub-corpus, else every sub-corpus directly inside it. */
export function findSubCorpora(dir: string): SubCorpus[] {
  const root = resolve(dir);
  if (!isDir(root)) throw new Error(`not a directory: ${dir}`);
  if (isSubCorpus(root)) return [loadSubCorpus(root)];
  const subs = readdirSync(root).sort().map((name) => join(root, name)).filter((p) => isDir(p) && isSubCorpus(p));
  if (subs.length === 0) throw new Error(`${dir}: no sub-corpus (ids.txt + gold.json + md* folders) found`);
  return subs.map(loadSubCorpus);
}

export function readInput(corpus: SubCorpus, folder: string, id: string): string {
  return readFileSync(join(corpus.dir, folder, `${id}.md`), 'utf8');
}

export type Split = 'tune' | 'holdout';

/**
 * Deterministic split by a hash of the page id, so a page never changes side when pages are added:
 * about a quarter of the pages are held out to check that tuning generalises.
 */
export function splitOf(id: string): Split {
  return createHash('sha1').update(id).digest().readUInt32BE(0) % 4 === 0 ? 'holdout' : 'tune';
}
