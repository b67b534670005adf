/**
 * Bytes → text. Scraped files arrive in any encoding, and now and then are not text at all
 * (an image or an archive saved with a `.md` name). Order of decisions:
 *
 * 1. a byte-order mark names the encoding (UTF-8, UTF-16 LE/BE);
 * 2. UTF-16 without a BOM shows as NUL bytes in every other position;
 * 3. bytes that carry binary control codes are refused, named by their magic number when known;
 * 4. valid UTF-8 is UTF-8 (a legacy guess is never preferred over valid UTF-8);
 * 5. otherwise, mostly-UTF-8 with a few broken sequences stays UTF-8 (with U+FFFD and a warning),
 *    and anything else is decoded with the legacy encoding chardet detects (with a warning).
 *
 * Control characters that survive decoding (a few NULs in real text) are removed later by
 * `normalizeText`, not here: this module only turns bytes into a string.
 */
import type { Warning } from './types.js';
// Needed only for input that is not plain text or not UTF-8: loaded on first use.
import { chardet, iconv, magicBytes } from './on-demand.js';

export class DecodeError extends Error {
  override name = 'DecodeError';
}

export interface Decoded {
  text: string;
  /** Encoding label actually used, e.g. 'utf-8', 'utf-16le', 'windows-1252'. */
  encoding: string;
  warnings: Warning[];
}

/** How much of the start of a file the binary / UTF-16 sniffing looks at. */
const SNIFF_BYTES = 8192;
/** Share of control bytes above which a sample is not text, whatever its magic number says. */
const MAX_CONTROL_SHARE = 0.05;
/** Share of NULs at odd (LE) or even (BE) positions that marks BOM-less UTF-16 of mostly-ASCII text. */
const UTF16_NUL_SHARE = 0.4;
/** How much chardet reads: enough for a confident guess, cheap on a 10 MB file. */
const DETECT_BYTES = 65_536;
/** Encoding used when bytes are not UTF-8 and chardet has no usable guess: what browsers assume. */
const FALLBACK_LEGACY = 'windows-1252';

/** Decode a document's bytes; throws DecodeError for input that is not text (binary). */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { text: '', encoding: 'utf-8', warnings: [] };

  const bom = byteOrderMark(bytes);
  if (bom) return decodeUnicode(bytes.subarray(bom.length), bom.encoding);

  const sample = bytes.subarray(0, SNIFF_BYTES);
  const utf16 = bomlessUtf16(sample);
  if (utf16) {
    const decoded = tryDecode(bytes, utf16);
    if (decoded !== null) {
      return {
        text: decoded, encoding: utf16,
        warnings: [{ rule: 'decode-utf16-no-bom', message: `decoded as ${utf16.toUpperCase()} (no byte-order mark)` }],
      };
    }
  }

  refuseBinary(sample);

  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', warnings: [] };
  return decodeNotUtf8(bytes);
}

function byteOrderMark(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Decode with the encoding a BOM declared; broken sequences become U+FFFD and are reported. */
function decodeUnicode(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): Decoded {
  const strict = tryDecode(bytes, encoding);
  if (strict !== null) return { text: strict, encoding, warnings: [] };
  const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(bytes);
  return { text, encoding, warnings: [invalidWarning(encoding, countReplacements(text))] };
}

/**
 * Mostly-ASCII text in UTF-16 has a NUL in nearly every high byte. Real binary files have NULs too,
 * but not this regularly on one side only.
 */
function bomlessUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return null;
  let nulEven = 0;
  let nulOdd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) nulEven++;
    if (sample[i + 1] === 0) nulOdd++;
  }
  if (nulOdd / pairs >= UTF16_NUL_SHARE && nulEven / pairs < 0.05) return 'utf-16le';
  if (nulEven / pairs >= UTF16_NUL_SHARE && nulOdd / pairs < 0.05) return 'utf-16be';
  return null;
}

/** Control bytes that never occur in text files (tab, LF, VT, FF, CR and ESC are allowed). */
function isBinaryControl(byte: number): boolean {
  return (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0b && byte !== 0x0c
    && byte !== 0x0d && byte !== 0x1b) || byte === 0x7f;
}

/**
 * Throws DecodeError when the sample is binary. A magic number alone is not enough (text can start
 * with "BM" or "MZ"): it must come with control bytes that text does not contain.
 */
function refuseBinary(sample: Uint8Array): void {
  let controls = 0;
  for (const byte of sample) if (isBinaryControl(byte)) controls++;
  if (controls === 0) return;
  const known = magicBytes().filetypeinfo(sample).find((guess) => !NOT_BINARY_TYPES.has(guess.typename));
  if (known) throw new DecodeError(`binary data (${describeType(known.typename, known.mime)})`);
  const share = controls / sample.length;
  if (share > MAX_CONTROL_SHARE) {
    throw new DecodeError(`not text: ${Math.round(share * 100)}% control bytes`);
  }
}

/** Guesses of magic-bytes.js that are text formats, not reasons to refuse a file. */
const NOT_BINARY_TYPES = new Set(['txt', 'xml', 'html', 'json', 'svg', 'class']);

function describeType(typename: string, mime: string | undefined): string {
  const name = typename.replace(/^\./, '').toUpperCase();
  const kind = mime?.split('/')[0];
  if (kind === 'image' || kind === 'audio' || kind === 'video' || kind === 'font') return `${name} ${kind}`;
  if (/zip|gzip|tar|rar|7z|bzip|xz|zstd|compress|archive/i.test(`${typename} ${mime ?? ''}`)) return `${name} archive`;
  if (/exe|elf|mach|executable|dll|wasm/i.test(`${typename} ${mime ?? ''}`)) return `${name} executable`;
  if (/pdf|msword|officedocument|opendocument/i.test(mime ?? '')) return `${name} document`;
  return `${name} file`;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Not valid UTF-8. If most non-ASCII characters still decode as UTF-8, it is UTF-8 with a few
 * damaged sequences (a truncated download, a bad concatenation); otherwise it is a legacy encoding.
 */
function decodeNotUtf8(bytes: Uint8Array): Decoded {
  const lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  const replaced = countReplacements(lossy);
  let nonAscii = 0;
  for (const ch of lossy) if (ch.charCodeAt(0) > 0x7f && ch !== '\uFFFD') nonAscii++;
  if (nonAscii > replaced) {
    return { text: lossy, encoding: 'utf-8', warnings: [invalidWarning('utf-8', replaced)] };
  }
  const encoding = legacyEncoding(bytes);
  const text = iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  return {
    text, encoding,
    warnings: [{ rule: 'decode-legacy', message: `not valid UTF-8; decoded as ${encoding}` }],
  };
}

/** chardet's guess, if iconv-lite can decode it; ISO-8859-1 is read as its superset windows-1252. */
function legacyEncoding(bytes: Uint8Array): string {
  const guess = chardet().analyse(bytes.subarray(0, DETECT_BYTES)).find((match) =>
    !/^(UTF|ASCII)/i.test(match.name) && iconv().encodingExists(match.name));
  if (!guess) return FALLBACK_LEGACY;
  const name = guess.name.toLowerCase();
  return name === 'iso-8859-1' ? FALLBACK_LEGACY : name;
}

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}

function invalidWarning(encoding: string, count: number): Warning {
  return {
    rule: encoding === 'utf-8' ? 'decode-invalid-utf8' : 'decode-invalid-utf16',
    message: `${count} invalid ${encoding.toUpperCase()} sequence${count === 1 ? '' : 's'} replaced with U+FFFD`,
  };
}
