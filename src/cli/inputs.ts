/**
 * Finding and reading input documents. Folders are walked one directory handle at a time (no
 * EMFILE however large the tree), symlinks are followed only inside the tree and never twice into
 * the same folder, and a file's type and size are checked before a byte of it is read: FIFOs and
 * devices would block or never end.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Extensions converted when walking a folder (a file named on the command line is always read). */
export const DOCUMENT_EXTENSIONS = ['.md', '.markdown', '.txt'];

export interface InputDocument {
  /** Path as shown in messages and the JSON `file` key: the argument, or argument + relative path. */
  display: string;
  /** Absolute path to read. */
  abs: string;
  /** Path relative to the folder argument (basename for a file argument): mirrored under --out-dir. */
  rel: string;
}

export interface InputError {
  display: string;
  message: string;
}

export interface Inputs {
  documents: InputDocument[];
  errors: InputError[];
  /** Files in walked folders that are not documents (other extensions, dangling or outside links). */
  skipped: number;
  /** Real paths of folder arguments (an --out-dir equal to one of them is refused). */
  folders: string[];
}

/** Thrown for a document that cannot be read as such; its message is the one-line reason. */
export class InputFault extends Error {}

export async function collectInputs(args: readonly string[], excludeDirs: readonly string[]): Promise<Inputs> {
  const inputs: Inputs = { documents: [], errors: [], skipped: 0, folders: [] };
  const excluded = await Promise.all(excludeDirs.map((dir) => realpathOr(dir)));
  for (const arg of args) {
    const abs = path.resolve(arg);
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(abs);
    } catch (error) {
      inputs.errors.push({ display: arg, message: fsReason(error) });
      continue;
    }
    if (stat.isDirectory()) {
      const real = await fs.promises.realpath(abs);
      inputs.folders.push(real);
      await walk(inputs, { root: real, dir: abs, rel: '', display: arg, visited: new Set([real]), excluded });
    } else if (stat.isFile()) {
      inputs.documents.push({ display: arg, abs, rel: path.basename(arg) });
    } else {
      inputs.errors.push({ display: arg, message: notRegular(stat) });
    }
  }
  return inputs;
}

interface WalkState {
  root: string;
  dir: string;
  rel: string;
  display: string;
  visited: Set<string>;
  excluded: string[];
}

async function walk(inputs: Inputs, state: WalkState): Promise<void> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(state.dir, { withFileTypes: true });
  } catch (error) {
    inputs.errors.push({ display: state.display, message: fsReason(error) });
    return;
  }
  // Sorted, so that the input order (and so ndjson output order) does not depend on the file system.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const abs = path.join(state.dir, entry.name);
    const rel = state.rel ? path.join(state.rel, entry.name) : entry.name;
    const display = path.join(state.display, entry.name);
    let kind: 'dir' | 'file' | 'other' = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
    let real = abs;
    if (entry.isSymbolicLink()) {
      try {
        real = await fs.promises.realpath(abs);
      } catch {
        inputs.skipped += 1; // dangling link
        continue;
      }
      if (!isInside(real, state.root)) {
        inputs.skipped += 1; // never follow a link out of the tree
        continue;
      }
      const target = await fs.promises.stat(real);
      kind = target.isDirectory() ? 'dir' : target.isFile() ? 'file' : 'other';
    }
    if (kind === 'dir') {
      if (entry.isDirectory()) real = await realpathOr(abs);
      if (state.excluded.some((dir) => isInside(real, dir))) continue; // our own output folder
      if (state.visited.has(real)) {
        inputs.skipped += 1; // a loop, or a second way into a folder already walked
        continue;
      }
      state.visited.add(real);
      await walk(inputs, { ...state, dir: abs, rel, display });
    } else if (!DOCUMENT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
      inputs.skipped += 1;
    } else if (kind === 'file') {
      inputs.documents.push({ display, abs, rel });
    } else {
      inputs.errors.push({ display, message: 'not a regular file (refused)' });
    }
  }
}

/**
 * Reads a document's bytes after checking, on the opened handle, that it is a regular file no larger
 * than `maxSize`. O_NONBLOCK: opening a FIFO must not wait for a writer.
 */
export async function readDocument(abs: string, maxSize: number): Promise<Uint8Array> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(abs, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    throw new InputFault(fsReason(error));
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new InputFault(notRegular(stat));
    if (stat.size > maxSize) throw new InputFault(tooLarge(stat.size, maxSize));
    const bytes = await handle.readFile();
    if (bytes.length > maxSize) throw new InputFault(tooLarge(bytes.length, maxSize)); // it grew meanwhile
    return bytes;
  } catch (error) {
    if (error instanceof InputFault) throw error;
    throw new InputFault(fsReason(error));
  } finally {
    await handle.close();
  }
}

/** Reads all of a stream (stdin), failing as soon as it passes `maxSize`. */
export async function readStream(stream: NodeJS.ReadableStream, maxSize: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxSize) throw new InputFault(tooLarge(size, maxSize, 'more than'));
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function tooLarge(size: number, maxSize: number, prefix = ''): string {
  return `too large: ${prefix ? `${prefix} ` : ''}${formatBytes(size)} > --max-size ${formatBytes(maxSize)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function notRegular(stat: fs.Stats): string {
  const what = stat.isFIFO() ? 'a FIFO' : stat.isSocket() ? 'a socket'
    : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : stat.isDirectory() ? 'a directory' : 'special file';
  return `not a regular file (${what}): refused`;
}

/** A one-line cause for a file-system error: "permission denied (EACCES)". */
export function fsReason(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const known: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a directory',
    ENOTDIR: 'not a directory',
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EROFS: 'read-only file system',
    ELOOP: 'too many levels of symbolic links',
    EMFILE: 'too many open files',
    ENAMETOOLONG: 'file name too long',
  };
  if (code && known[code]) return `${known[code]} (${code})`;
  return (message ?? String(error)).split('\n')[0] ?? 'unknown error';
}

export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function realpathOr(p: string): Promise<string> {
  try {
    return await fs.promises.realpath(p);
  } catch {
    return path.resolve(p);
  }
}
