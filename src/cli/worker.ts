/**
 * Piscina worker: converts one document per task. Runs in a worker thread with a heap cap and a
 * larger stack, so a runaway or exploding document costs its worker, never the run.
 */
import { loadBlockKeys, loadLibrary } from './library.js';
import { convertDocument, type ConvertTask, type ConvertOutcome } from './convert.js';
import { documentHashes, siteGroup } from './site-template.js';

export interface KeysTask {
  type: 'keys';
  bytes: Uint8Array;
  file: string | null;
}

export interface KeysOutcome {
  group: string;
  hashes: string[];
}

export type WorkerTask = ({ type: 'convert' } & ConvertTask) | KeysTask;

/** null: this document is not readable text. */
export type KeysResult = KeysOutcome | null;

export default async function work(task: WorkerTask): Promise<ConvertOutcome | KeysResult> {
  if (task.type === 'keys') return keysOf(task);
  const lib = await loadLibrary();
  try {
    const blockKeys = task.templateHashes?.length ? await loadBlockKeys() : null;
    return convertDocument(lib, task, blockKeys);
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
}

/** First pass of site templates: the document's site group and hashed block keys. */
async function keysOf(task: KeysTask): Promise<KeysResult> {
  const [lib, blockKeys] = await Promise.all([loadLibrary(), loadBlockKeys()]);
  try {
    const { text } = lib.decode(task.bytes);
    return { group: siteGroup(text, task.file), hashes: documentHashes(blockKeys(text)) };
  } catch {
    return null; // the second pass reports the error
  }
}

export function describe(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'structure too deeply nested (stack overflow)';
  if (error instanceof Error) return error.message.split('\n')[0] ?? String(error);
  return String(error);
}
