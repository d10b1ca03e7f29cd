import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseConnectionBuffer, previewConnectionBuffer } from '../../../../../electron/engine/importers/connections';
import { ImportError } from '../../../../../electron/engine/importers/importError';

function onlyImportError(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
  }
}

const FILE_NAMES = ['Connections.csv', 'contacts.csv', 'friends.json', 'c.vcf', 'people.txt'];
const PIECES = [
  'First Name', 'Last Name', 'Connected On', 'Name', 'E-mail 1 - Value', 'Given Name', 'BEGIN:VCARD', 'END:VCARD', 'FN:', 'N:',
  '{"friends":[', '{"name":"', '"}', ']}', '\\u00c3', ',', ';', '\t', '"', '""', '\n', '\r\n', '\r', 'Notes:', '27 Nov 2023',
  'é', '🚀', 'NA', '=C3=A9', 'ENCODING=QUOTED-PRINTABLE:', ' ::: ', 'urn:li:member:1', '0/0/00', '\u0010', ' ',
];

describe('connection parsers on arbitrary input', () => {
  it('throw nothing but ImportError on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom(...FILE_NAMES), (bytes, name) => {
        onlyImportError(() => parseConnectionBuffer(Buffer.from(bytes), name));
      }),
      { numRuns: 300, interruptAfterTimeLimit: 20_000 },
    );
  });

  it('throw nothing but ImportError on export-like text, and end quickly', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }), fc.constantFrom(...FILE_NAMES), fc.constantFrom('auto', 'linkedin', 'google', 'outlook', 'facebook', 'vcard', 'csv'), (parts, name, format) => {
        const started = Date.now();
        const buf = Buffer.from(parts.join(''), 'utf8');
        onlyImportError(() => parseConnectionBuffer(buf, name, { format: format as never }));
        onlyImportError(() => previewConnectionBuffer(buf, name, { format: format as never }, 3));
        expect(Date.now() - started).toBeLessThan(1000);
      }),
      { numRuns: 400, interruptAfterTimeLimit: 20_000 },
    );
  });

  it('records always have the documented shape', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (parts) => {
        try {
          const p = parseConnectionBuffer(Buffer.from('Name,Email,Date\n' + parts.join('')), 'people.csv');
          for (const r of p.records) {
            expect(r.line).toBeGreaterThanOrEqual(2);
            expect(r.connectedOn === null || /^\d{4}-\d{2}-\d{2}$/.test(r.connectedOn)).toBe(true);
            expect(r.emails.every((e) => !e.startsWith('urn:'))).toBe(true);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
