/**
 * Packages that only some runs need, required on first use instead of imported, so that a run
 * which does not need them never loads them (issue 3.5: a small file must start fast; "don't load
 * what a run doesn't need"):
 *
 * - the file-type and legacy-encoding packages: only input that is not plain UTF-8 text;
 * - yaml: only input with front matter, or output with `--front-matter`;
 * - franc-min: only a language guess (JSON output, front matter, a date like "1/2/2018").
 *
 * The callers are synchronous, hence `require` rather than `import()`. franc-min is an ES module,
 * which `require` loads from Node 20.19 on (package.json `engines`).
 */
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

function onDemand<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireHere(specifier) as T);
}

export const magicBytes = onDemand<typeof import('magic-bytes.js')>('magic-bytes.js');
export const chardet = onDemand<typeof import('chardet')>('chardet');
export const iconv = onDemand<typeof import('iconv-lite')>('iconv-lite');
export const yaml = onDemand<typeof import('yaml')>('yaml');
export const franc = onDemand<typeof import('franc-min')>('franc-min');
