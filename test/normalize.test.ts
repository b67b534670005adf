import { describe, expect, it } from 'vitest';
import { normalizeText } from '../src/normalize.js';

describe('normalizeText', () => {
  it('leaves ordinary text untouched and silent', () => {
    const text = '# Title\n\nA paragraph\twith a tab.\n\n- item\n';
    expect(normalizeText(text)).toEqual({ text, warnings: [] });
  });

  it('turns CRLF line endings into LF', () => {
    expect(normalizeText('one\r\ntwo\r\n\r\nthree').text).toBe('one\ntwo\n\nthree');
  });

  it('turns lone CR line endings into LF, also mixed with CRLF', () => {
    expect(normalizeText('one\rtwo\r\nthree\r').text).toBe('one\ntwo\nthree\n');
  });

  it('removes a leading BOM', () => {
    expect(normalizeText('\uFEFF# Title').text).toBe('# Title');
    expect(normalizeText('\uFEFF').text).toBe('');
  });

  it('removes NUL and other control characters and says how many', () => {
    const result = normalizeText('a\0b\0c\u0007d\u000Ce\u0085f\tg\n');
    expect(result.text).toBe('abcdef\tg\n');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ rule: 'normalize-control-chars' });
    expect(result.warnings[0]!.message).toMatch(/^removed 5 control characters \(U\+0000 ×2/);
  });

  it('keeps empty and whitespace-only text as they are', () => {
    expect(normalizeText('')).toEqual({ text: '', warnings: [] });
    expect(normalizeText('  \n\t\n')).toEqual({ text: '  \n\t\n', warnings: [] });
  });
});
