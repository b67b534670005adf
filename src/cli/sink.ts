/**
 * Writing to stdout (or any stream) with backpressure, and ending quietly when the reader goes away
 * (`winnow big/ -f ndjson | head -1`): EPIPE stops the run instead of printing a stack trace.
 */
export class Sink {
  /** True once the reader has closed the pipe; later writes are dropped. */
  broken = false;
  private failure: Error | null = null;

  constructor(private readonly stream: NodeJS.WritableStream, private readonly onBroken: () => void = () => {}) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
        this.broken = true;
        this.onBroken();
      } else {
        this.failure = error;
        this.onBroken();
      }
    });
  }

  /** The write error other than a closed pipe (a full disk behind `> file`), if any. */
  get error(): Error | null {
    return this.failure;
  }

  async write(text: string): Promise<void> {
    if (this.broken || this.failure || text === '') return;
    if (this.stream.write(text)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('close', done);
        this.stream.off('error', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('close', done);
      this.stream.on('error', done);
    });
  }
}
