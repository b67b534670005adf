/**
 * Loads the library lazily, so that `--help`, `--version` and usage errors never pay for unified
 * and remark.
 */
import type { CleanOptions, CleanResult, Category } from '../types.js';
import type { Decoded } from '../decode.js';

export interface Library {
  clean(input: string, options?: CleanOptions): CleanResult;
  decode(bytes: Uint8Array): Decoded;
  isDecodeError(error: unknown): boolean;
}

export type BlockKeys = (markdown: string) => string[];

export interface RuleInfo {
  id: string;
  description: string;
  category: Category | string;
}

let loaded: Promise<Library> | undefined;

export function loadLibrary(): Promise<Library> {
  loaded ??= (async () => {
    const [{ clean }, decodeModule] = await Promise.all([import('../clean.js'), import('../decode.js')]);
    return {
      clean,
      decode: decodeModule.decode,
      isDecodeError: (error: unknown) => error instanceof decodeModule.DecodeError,
    };
  })();
  return loaded;
}

/** True once this process has loaded the library (bin/load.js then saves its code cache). */
export function libraryLoaded(): boolean {
  return loaded !== undefined;
}

let blockKeys: Promise<BlockKeys> | undefined;

/**
 * Normalised keys of a document's blocks, for site templates (src/pipeline/site-template.ts).
 * Loaded only by batches: a single document has no site template.
 */
export function loadBlockKeys(): Promise<BlockKeys> {
  blockKeys ??= import('../pipeline/site-template.js').then((mod) => mod.blockKeys);
  return blockKeys;
}

/** Every rule, the classifier's included, for --list-rules. */
export async function loadRules(): Promise<RuleInfo[]> {
  const { ruleList } = await import('../rules/index.js');
  return ruleList();
}
