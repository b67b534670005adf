/**
 * The progress bar for batches on a TTY (cli-progress). Imported only when a bar is shown, so a
 * single document or a pipe never loads it.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  tick(): void;
  /** Writes a whole line above the bar. */
  log(text: string): void;
  stop(): void;
}

export function createProgress(stream: NodeJS.WritableStream, total: number): Progress {
  const bars = new cliProgress.MultiBar(
    {
      stream: stream as NodeJS.WriteStream,
      format: 'winnow {bar} {value}/{total} | {rate} docs/s | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let done = 0;
  const bar = bars.create(total, 0, { rate: '0' });
  return {
    tick() {
      done += 1;
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, { rate: seconds > 0 ? (done / seconds).toFixed(1) : '0' });
    },
    log(text) {
      bars.log(text);
    },
    stop() {
      bars.stop();
    },
  };
}
