/**
 * Everything the CLI says on stderr: per-file errors and warnings, `--explain` lines, the summary.
 * One line per message, always prefixed with `winnow: PATH: ` so that a batch's log can be grepped.
 */
import type { Removal, Warning } from '../types.js';

export interface LineWriter {
  /** Writes whole lines; the progress bar, when shown, supplies one that redraws around them. */
  (text: string): void;
}

export class Reporter {
  private writeLine: LineWriter;

  constructor(stderr: NodeJS.WritableStream, private readonly quiet: boolean) {
    this.writeLine = (text) => {
      stderr.write(text);
    };
  }

  /** Routes lines through the progress bar while it is on screen. */
  setWriter(writer: LineWriter | null, stderr: NodeJS.WritableStream): void {
    this.writeLine = writer ?? ((text) => void stderr.write(text));
  }

  error(file: string, message: string): void {
    this.writeLine(`winnow: ${file}: ${message}\n`);
  }

  usage(message: string): void {
    this.writeLine(`winnow: ${message}\nTry 'winnow --help' for more information.\n`);
  }

  warnings(file: string, warnings: readonly Warning[]): void {
    if (this.quiet) return;
    for (const w of warnings) {
      const line = w.line != null ? `:${w.line}` : '';
      this.writeLine(`winnow: ${file}${line}: warning: ${w.message} [${w.rule}]\n`);
    }
  }

  /** `--explain`: every removal with its rule, line, reason and a preview of the text. */
  explain(file: string, removed: readonly Removal[]): void {
    for (const r of removed) {
      const line = r.line != null ? `:${r.line}` : '';
      this.writeLine(`${file}${line}: ${r.rule}: ${r.reason} | ${preview(r.text)}\n`);
    }
  }

  summary(s: Summary): void {
    if (this.quiet) return;
    const words = `words ${s.wordsIn} -> ${s.wordsOut}`;
    const parts = [
      `${s.documents} ${plural(s.documents, 'document')}`,
      `${s.skipped} skipped`,
      `${s.failed} failed`,
      `${s.removed} ${plural(s.removed, 'block')} removed`,
      words,
      `${s.seconds.toFixed(1)} s`,
    ];
    if (s.interrupted) parts.push('interrupted');
    this.writeLine(`winnow: ${parts.join(', ')}\n`);
  }
}

export interface Summary {
  documents: number;
  skipped: number;
  failed: number;
  removed: number;
  wordsIn: number;
  wordsOut: number;
  seconds: number;
  interrupted: boolean;
}

export function emptySummary(): Summary {
  return { documents: 0, skipped: 0, failed: 0, removed: 0, wordsIn: 0, wordsOut: 0, seconds: 0, interrupted: false };
}

const PREVIEW_CHARS = 80;

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS - 1)}…` : flat;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
