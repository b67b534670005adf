/**
 * Loads the library lazily, so that `--help`, `--version` and usage errors never pay for unified
 * and remark. Optional parts (`blockKeys`, the rule list) are found through variable specifiers:
 * their absence makes a feature unavailable, not the CLI broken.
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

let blockKeys: Promise<BlockKeys | null> | undefined;

/**
 * Normalised keys of a document's blocks, for site templates (`blockKeys` from
 * src/pipeline/site-template.ts); null while the pipeline does not export it. Loaded only by
 * batches: a single document has no site template.
 */
export function loadBlockKeys(): Promise<BlockKeys | null> {
  blockKeys ??= importOptional('../pipeline/site-template.js').then((mod) => {
    const fn = mod?.['blockKeys'];
    return typeof fn === 'function' ? (fn as BlockKeys) : null;
  });
  return blockKeys;
}

/** The rule registry (`rules` from src/rules/index.ts), or null while it does not exist. */
export async function loadRules(): Promise<RuleInfo[] | null> {
  const mod = await importOptional('../rules/index.js');
  const rules = mod?.['rules'];
  if (!Array.isArray(rules)) return null;
  return rules.map((r: Partial<RuleInfo>) => ({
    id: String(r.id ?? ''),
    description: String(r.description ?? ''),
    category: String(r.category ?? ''),
  }));
}

async function importOptional(specifier: string): Promise<Record<string, unknown> | null> {
  // A variable specifier keeps TypeScript from requiring the module to exist at compile time.
  // Under vitest this file runs as .ts source, and so do its siblings.
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? specifier.replace(/\.js$/, '.ts') : specifier, import.meta.url).href;
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    if (isModuleNotFound(error)) return null;
    throw error;
  }
}

function isModuleNotFound(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url|Does the file exist/i.test(message ?? '');
}
