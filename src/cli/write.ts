/**
 * Atomic output: write a temporary file in the target's own folder, then rename it over the target
 * (rename within one file system is atomic). A run stopped at any moment leaves either the old
 * file or the whole new one, never a truncated one that looks complete.
 *
 * Hand-written on fs rather than write-file-atomic: that package installs its own exit and signal
 * handlers to remove temporaries, which would race the CLI's Ctrl-C handling (drain, then exit 130);
 * here every temporary is removed by the code that created it, in a `finally`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Suffix of temporaries; not a document extension, so a folder walk never picks one up. */
export const TEMP_SUFFIX = '.winnow-tmp';

export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
}

export async function writeAtomic(target: string, data: string, options: { mode?: number } = {}): Promise<void> {
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  let renamed = false;
  try {
    // 'wx': never write through an existing file or link of that name.
    await fs.promises.writeFile(temp, data, { flag: 'wx', ...(options.mode !== undefined ? { mode: options.mode } : {}) });
    if (options.mode !== undefined) await fs.promises.chmod(temp, options.mode); // writeFile's mode obeys umask
    await fs.promises.rename(temp, target);
    renamed = true;
  } finally {
    if (!renamed) await fs.promises.rm(temp, { force: true }).catch(() => {});
  }
}

/**
 * A file written as a stream (ndjson to `-o FILE`), still atomic: lines go to a temporary that
 * becomes the target on `commit()`, or disappears on `discard()`.
 */
export class AtomicStream {
  readonly temp: string;
  readonly stream: fs.WriteStream;

  constructor(readonly target: string) {
    this.temp = tempPathFor(target);
    this.stream = fs.createWriteStream(this.temp, { flags: 'wx' });
  }

  async commit(): Promise<void> {
    await closeStream(this.stream);
    try {
      await fs.promises.rename(this.temp, this.target);
    } catch (error) {
      await this.discard();
      throw error;
    }
  }

  async discard(): Promise<void> {
    if (!this.stream.closed) await closeStream(this.stream).catch(() => {});
    await fs.promises.rm(this.temp, { force: true }).catch(() => {});
  }
}

function closeStream(stream: fs.WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.closed) return resolve();
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}
