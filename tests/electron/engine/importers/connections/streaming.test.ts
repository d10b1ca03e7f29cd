import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectionRecord } from '../../../../../shared/domain/records';
import { parseConnectionBuffer, parseConnectionFile, streamConnectionFile } from '../../../../../electron/engine/importers/connections';
import { ImportError } from '../../../../../electron/engine/importers/importError';
import { encode, facebookEscape, LINKEDIN_PREAMBLE } from '../../../../fixtures/connections/connectionFixtures';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tiecheck-conn-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, data: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

describe('streamConnectionFile', () => {
  it('streams a large CSV in batches growing from 125 to 2,000 with progress, same records as the whole-buffer parser', async () => {
    const names = ['Łukasz Wójcik', 'Renée Dubois, MBA 🚀', 'Zoë Ångström', 'محمد علي'];
    const lines = ['Name,Email,Notes,Added'];
    for (let i = 0; i < 30_000; i++) lines.push(`"${names[i % 4]}",p${i}@example.com,"note ${i}\nsecond line ${'é'.repeat(i % 7)}",2020-01-${String((i % 28) + 1).padStart(2, '0')}`);
    const text = LINKEDIN_PREAMBLE + lines.join('\r\n');
    const path = write('Big Friends.csv', text);
    const batches: number[] = [];
    const records: ConnectionRecord[] = [];
    const progress: [number, number, number][] = [];
    const result = await streamConnectionFile(
      path,
      {},
      (batch) => {
        batches.push(batch.length);
        records.push(...batch);
      },
      (read, total, rows) => progress.push([read, total, rows]),
    );
    expect(result).toMatchObject({ format: 'csv', network: 'big friends', rows: 30_000, skipped: [], warnings: [] });
    // Small at first, so that a writer waiting on a parse worker starts early; then 2,000 at a time.
    expect(batches.slice(0, 6)).toEqual([125, 250, 500, 1000, 2000, 2000]);
    expect(batches.every((n) => n <= 2000)).toBe(true);
    expect(batches.length).toBe(4 + Math.ceil((30_000 - 1875) / 2000));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[progress.length - 1][0]).toBe(progress[progress.length - 1][1]);
    expect(records).toEqual(parseConnectionBuffer(Buffer.from(text), 'Big Friends.csv').records);
    expect(records[29_999]).toMatchObject({ line: 5 + 2 * 29_999, fullName: names[3] });
  });

  it('switches to Windows-1252 when bytes after the first 64 KiB are not UTF-8', async () => {
    const head = 'Name,Email\n' + 'Plain Person,plain@example.com\n'.repeat(3000);
    const path = write('late.csv', Buffer.concat([Buffer.from(head), encode('Jürgen Müller,j@example.de\n', 'windows-1252')]));
    const p = await parseConnectionFile(path);
    expect(p.records[p.records.length - 1].fullName).toBe('Jürgen Müller');
    expect(p.warnings[0]).toMatch(/rest was read as Windows-1252/);
  });

  it('reads Facebook JSON and vCard whole', async () => {
    const fb = write('your_friends.json', `{"friends_v2":[{"name":"${facebookEscape('José')}","timestamp":1700000000}]}`);
    expect((await parseConnectionFile(fb)).records[0].fullName).toBe('José');
    const vcf = write('c.vcf', 'BEGIN:VCARD\nFN:Zoë\nEND:VCARD\n');
    expect((await parseConnectionFile(vcf)).records[0].fullName).toBe('Zoë');
  });

  it('refuses Facebook JSON over 256 MB without reading it', async () => {
    const path = write('huge_friends.json', '');
    truncateSync(path, 257 * 1024 * 1024);
    await expect(parseConnectionFile(path)).rejects.toThrow(/too large for a Facebook JSON file/);
  });

  it('throws ImportError for empty, binary and missing files', async () => {
    await expect(parseConnectionFile(write('empty.csv', ''))).rejects.toThrow('empty.csv: the file is empty');
    await expect(parseConnectionFile(write('blank.csv', '\n\n'))).rejects.toThrow('blank.csv: the file is empty');
    await expect(parseConnectionFile(write('bin.csv', Buffer.from([1, 2, 0, 0, 3, 255, 0, 7])))).rejects.toThrow(/bin\.csv: not a text file/);
    await expect(parseConnectionFile(join(dir, 'missing.csv'))).rejects.toBeInstanceOf(ImportError);
  });

  it('names the line of an unterminated quote deep in a streamed file', async () => {
    const lines = ['Name,Email'];
    for (let i = 0; i < 50_000; i++) lines.push(`P${i},p${i}@example.com`);
    lines.push('"Broken,b@example.com', 'More,m@example.com');
    const path = write('broken.csv', lines.join('\n'));
    await expect(parseConnectionFile(path)).rejects.toThrow('broken.csv, line 50002: unterminated quoted field');
  });
});
