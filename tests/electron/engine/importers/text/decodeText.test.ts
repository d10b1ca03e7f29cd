import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import { decodeText, detectEncoding, TextStreamDecoder } from '../../../../../electron/engine/importers/text/decodeText';
import { ImportError } from '../../../../../electron/engine/importers/importError';

const NAMES = 'Renée Dubois, Jürgen Müller, François Öztürk, Zoë Ångström';
const WIDE = 'Łukasz Wójcik, Renée Dubois, MBA 🚀, Đinh Ngọc, محمد';

describe('decodeText', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeText(Buffer.from(WIDE, 'utf8'))).toEqual({ text: WIDE, encoding: 'utf-8', hadBom: false });
  });
  it('reads UTF-8 with BOM and drops it', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(WIDE, 'utf8')]);
    expect(decodeText(buf)).toEqual({ text: WIDE, encoding: 'utf-8', hadBom: true });
  });
  it('reads UTF-16 LE and BE with BOM', () => {
    expect(decodeText(iconv.encode(WIDE, 'utf16-le', { addBOM: true }))).toEqual({ text: WIDE, encoding: 'utf-16le', hadBom: true });
    expect(decodeText(iconv.encode(WIDE, 'utf16-be', { addBOM: true }))).toEqual({ text: WIDE, encoding: 'utf-16be', hadBom: true });
  });
  it('recognises UTF-16 without BOM from its NUL pattern', () => {
    const text = 'First Name\tLast Name\nJürgen\tMüller\n';
    expect(decodeText(iconv.encode(text, 'utf16-le'))).toMatchObject({ text, encoding: 'utf-16le', hadBom: false });
    expect(decodeText(iconv.encode(text, 'utf16-be'))).toMatchObject({ text, encoding: 'utf-16be', hadBom: false });
  });
  it('reads Windows-1252 without mojibake', () => {
    const buf = iconv.encode(NAMES + ' – “quoted” €5', 'windows-1252');
    expect(decodeText(buf)).toEqual({ text: NAMES + ' – “quoted” €5', encoding: 'windows-1252', hadBom: false });
  });
  it('refuses binary content', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    expect(() => decodeText(png, '/tmp/x/Connections.csv')).toThrow(ImportError);
    expect(() => decodeText(png, '/tmp/x/Connections.csv')).toThrow(/^Connections\.csv: not a text file/);
    const controls = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41 + (i % 20))));
    expect(() => decodeText(controls, 'a.csv')).toThrow(/not a text file/);
  });
  it('keeps an odd control character in otherwise plain text', () => {
    const text = 'First Name,Position\nAna,Head of\u0010 Sales\n'.repeat(5);
    expect(decodeText(Buffer.from(text)).text).toBe(text);
  });
  it('never throws anything but ImportError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          const out = decodeText(Buffer.from(bytes), 'f.csv');
          expect(typeof out.text).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('TextStreamDecoder', () => {
  it('joins multi-byte characters split across pieces, for every split point', () => {
    const buf = Buffer.from(WIDE, 'utf8');
    for (let cut = 0; cut <= buf.length; cut++) {
      const d = new TextStreamDecoder(detectEncoding(buf));
      expect(d.write(buf.subarray(0, cut)) + d.write(buf.subarray(cut)) + d.end()).toBe(WIDE);
    }
  });
  it('keeps a held-over partial character when the caller reuses its read buffer', () => {
    const bytes = Buffer.from('aé🚀b'.repeat(50), 'utf8');
    const shared = Buffer.alloc(7);
    const d = new TextStreamDecoder(detectEncoding(bytes));
    let out = '';
    for (let i = 0; i < bytes.length; i += 7) {
      const n = bytes.copy(shared, 0, i, i + 7);
      out += d.write(shared.subarray(0, n));
    }
    expect(out + d.end()).toBe('aé🚀b'.repeat(50));
    expect(d.switchedTo1252).toBe(false);
  });
  it('splits UTF-16 and skips a BOM cut into pieces', () => {
    const buf = iconv.encode(WIDE, 'utf16-le', { addBOM: true });
    for (const cut of [1, 2, 3, 7, 12]) {
      const d = new TextStreamDecoder(detectEncoding(buf));
      expect(d.write(buf.subarray(0, cut)) + d.write(buf.subarray(cut)) + d.end()).toBe(WIDE);
    }
  });
  it('falls back to Windows-1252 when a later piece is not UTF-8', () => {
    const head = Buffer.from('plain ascii head,');
    const d = new TextStreamDecoder(detectEncoding(head, false));
    const out = d.write(head) + d.write(iconv.encode('Renée', 'windows-1252')) + d.end();
    expect(out).toBe('plain ascii head,Renée');
    expect(d.switchedTo1252).toBe(true);
  });
});
