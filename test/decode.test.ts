import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decode, DecodeError } from '../src/decode.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | Uint8Array)[]) => new Uint8Array(parts.flatMap((p) => [...p]));

function refusal(input: Uint8Array): string {
  try {
    decode(input);
  } catch (error) {
    expect(error).toBeInstanceOf(DecodeError);
    return (error as Error).message;
  }
  throw new Error('decode() accepted binary input');
}

describe('decode', () => {
  it('decodes empty input to empty text', () => {
    expect(decode(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', warnings: [] });
  });

  it('keeps whitespace-only input as it is', () => {
    expect(decode(utf8(' \n\t\n')).text).toBe(' \n\t\n');
  });

  it('drops a UTF-8 byte-order mark, also when it is all there is', () => {
    expect(decode(bytes([0xef, 0xbb, 0xbf])).text).toBe('');
    const decoded = decode(bytes([0xef, 0xbb, 0xbf], utf8('# Titel: Straße')));
    expect(decoded).toMatchObject({ text: '# Titel: Straße', encoding: 'utf-8', warnings: [] });
  });

  it('reads valid UTF-8 as UTF-8 without a warning, even when a legacy guess were possible', () => {
    const decoded = decode(utf8('Ein schöner Tag für Café-Besuche – “wirklich”.'));
    expect(decoded).toEqual({ text: 'Ein schöner Tag für Café-Besuche – “wirklich”.', encoding: 'utf-8', warnings: [] });
  });

  it('refuses a PNG image', () => {
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], utf8('IHDR'), [0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
    expect(refusal(png)).toBe('binary data (PNG image)');
  });

  it('refuses a zip archive', () => {
    const zip = bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 0x21, 0x43, 0x65, 0x87], utf8('word/document.xml'));
    expect(refusal(zip)).toMatch(/^binary data \(ZIP archive\)$/);
  });

  it('refuses an ELF executable', () => {
    const elf = bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0]);
    expect(refusal(elf)).toBe('binary data (ELF executable)');
  });

  it('refuses unknown binary data by its share of control bytes', () => {
    const noise = new Uint8Array(4096);
    let seed = 12345;
    for (let i = 0; i < noise.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      noise[i] = (seed >> 16) & 0xff;
    }
    expect(refusal(noise)).toMatch(/^not text: \d+% control bytes$/);
  });

  it('does not refuse text that merely starts like a magic number', () => {
    expect(decode(utf8('BM is the format of this note.\n')).text).toBe('BM is the format of this note.\n');
    expect(decode(utf8('GIF89a, PK and MZ are magic numbers.\n')).encoding).toBe('utf-8');
  });

  it('keeps a few NUL bytes in text for normalizeText to remove', () => {
    const decoded = decode(utf8('Hello\0 world, a line of ordinary text\0 with two NULs.\n'));
    expect(decoded.text).toBe('Hello\0 world, a line of ordinary text\0 with two NULs.\n');
  });

  it('replaces invalid UTF-8 in otherwise UTF-8 text and warns', () => {
    const decoded = decode(bytes(utf8('naïve café résumé '), [0xff], utf8(' end')));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe('naïve café résumé \uFFFD end');
    expect(decoded.warnings).toEqual([expect.objectContaining({ rule: 'decode-invalid-utf8' })]);
  });

  it('decodes UTF-16 LE with a BOM', () => {
    const decoded = decode(bytes([0xff, 0xfe], iconv.encode('Grüße aus Köln\n', 'utf16le')));
    expect(decoded).toEqual({ text: 'Grüße aus Köln\n', encoding: 'utf-16le', warnings: [] });
  });

  it('decodes UTF-16 BE with a BOM', () => {
    const decoded = decode(bytes([0xfe, 0xff], iconv.encode('Grüße aus Köln\n', 'utf16-be')));
    expect(decoded).toEqual({ text: 'Grüße aus Köln\n', encoding: 'utf-16be', warnings: [] });
  });

  it('recognises UTF-16 without a BOM by its NUL bytes, with a warning', () => {
    const le = decode(iconv.encode('Plain text saved as UTF-16.\n', 'utf16le'));
    expect(le).toMatchObject({ text: 'Plain text saved as UTF-16.\n', encoding: 'utf-16le' });
    expect(le.warnings.map((w) => w.rule)).toEqual(['decode-utf16-no-bom']);
    expect(decode(iconv.encode('Plain text saved as UTF-16.\n', 'utf16-be')).encoding).toBe('utf-16be');
  });

  it('decodes latin-1 text with accents as windows-1252 and warns', () => {
    const decoded = decode(iconv.encode('Le café est très chaud, à côté de la forêt.\n', 'latin1'));
    expect(decoded).toMatchObject({ text: 'Le café est très chaud, à côté de la forêt.\n', encoding: 'windows-1252' });
    expect(decoded.warnings.map((w) => w.rule)).toEqual(['decode-legacy']);
  });

  it('decodes windows-1252 punctuation (curly quotes, dash, euro)', () => {
    const decoded = decode(iconv.encode('He said “hello” — and paid 5 € for it.\n', 'windows-1252'));
    expect(decoded.text).toBe('He said “hello” — and paid 5 € for it.\n');
  });

  it('decodes other legacy encodings chardet recognises', () => {
    const text = 'Привет, мир: это русский текст для проверки кодировки.\n';
    expect(decode(iconv.encode(text, 'windows-1251'))).toMatchObject({ text, encoding: 'windows-1251' });
  });
});
