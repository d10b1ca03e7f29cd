// The hostile-archive corpus: corrupt, damaged, encrypted, climbing, bombs, empty, unreadable; one clear line each, nothing written.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importArchives } from '../../../../electron/engine/archives/importArchive';
import { ImportError } from '../../../../electron/engine/importers/importError';
import { importFile } from '../../../../electron/engine/imports/importFile';
import { tempWorkspace, type TempWorkspace } from '../../../fixtures/tempDb';
import { CONNECTIONS_CSV, linkedinExport, patchZipHeaders, takeoutExport, writeTgz, writeZip } from '../../../fixtures/archives/archiveFixtures';

let ws: TempWorkspace;
let fingerprint: string;

/** Every table that an import writes to, as one string: equal before and after means nothing was written. */
function tables(): string {
  const db = ws.ctx.db;
  const names = ['persons', 'identities', 'connections', 'contacts', 'interactions', 'participants', 'import_batches', 'batch_changes', 'invitations', 'my_identities'];
  return JSON.stringify(names.map((t) => db.prepare(`SELECT * FROM ${t}`).all()));
}

beforeEach(async () => {
  ws = tempWorkspace();
  await importFile(ws.ctx.db, ws.write('Connections.csv', CONNECTIONS_CSV.replace('Jane,Doe', 'Janet,Doe')), { kind: 'connections' });
  fingerprint = tables();
});
afterEach(() => ws.close());

async function refused(paths: string[]): Promise<string> {
  const error = await importArchives(ws.ctx.db, paths).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  const message = (error as Error).message;
  expect(message).not.toMatch(/[\r\n]/);
  expect(tables()).toBe(fingerprint);
  return message;
}

/** Finds `from` (same length as `to`) everywhere in the file and writes `to` in its place. */
function replaceBytes(path: string, from: string, to: string): void {
  const buf = readFileSync(path);
  let at = buf.indexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  while (at >= 0) {
    buf.write(to, at, 'latin1');
    at = buf.indexOf(from, at + 1);
  }
  writeFileSync(path, buf);
}

describe('hostile archives', () => {
  it('a zip cut short (no central directory)', async () => {
    const path = await writeZip(join(ws.dir, 'cut.zip'), linkedinExport());
    const buf = readFileSync(path);
    writeFileSync(path, buf.subarray(0, buf.length - 200));
    expect(await refused([path])).toMatch(/^cut\.zip: not a readable zip archive \(.+\)$/);
  });

  it('a tgz cut short inside its mailbox', async () => {
    const files = takeoutExport();
    files[3] = { ...files[3], content: String(files[3].content).repeat(500) };
    const path = await writeTgz(join(ws.dir, 'takeout-001.tgz'), files);
    const buf = readFileSync(path);
    writeFileSync(path, buf.subarray(0, Math.floor(buf.length * 0.8)));
    expect(await refused([path])).toMatch(
      /^takeout-001\.tgz › Takeout\/Mail\/All mail Including Spam and Trash\.mbox: the archive is damaged or cut short inside this file \(unexpected end of file\)$/,
    );
  });

  it('a file named .zip that is not one', async () => {
    const path = ws.write('notes.zip', 'just some text, not a zip at all\n');
    expect(await refused([path])).toMatch(/^notes\.zip: not a readable zip archive/);
  });

  it('an entry whose compressed data is damaged', async () => {
    const path = await writeZip(join(ws.dir, 'damaged.zip'), [{ name: 'Connections.csv', content: CONNECTIONS_CSV }]);
    const zip = readFileSync(path);
    // The local header is 30 bytes plus the name; the deflated data follows. 0xFF starts a block of the reserved type.
    const dataAt = 30 + 'Connections.csv'.length;
    zip.fill(0xff, dataAt, dataAt + 16);
    writeFileSync(path, zip);
    expect(await refused([path])).toMatch(/^damaged\.zip › Connections\.csv: the entry is damaged \(.*invalid.*\)$/i);
  });

  it('an encrypted entry', async () => {
    const path = await writeZip(join(ws.dir, 'locked.zip'), linkedinExport());
    writeFileSync(
      path,
      patchZipHeaders(readFileSync(path), (buf, at, kind) => {
        const flags = at + (kind === 'local' ? 6 : 8);
        buf.writeUInt16LE(buf.readUInt16LE(flags) | 1, flags);
      }),
    );
    expect(await refused([path])).toBe('locked.zip › Ad_Targeting.csv: the entry is encrypted (password-protected); Tiecheck reads only unencrypted archives');
  });

  it('a zip entry whose path climbs out (../../x)', async () => {
    const path = await writeZip(join(ws.dir, 'climb.zip'), [...linkedinExport(), { name: 'aa/aa/evil.csv', content: 'x' }]);
    replaceBytes(path, 'aa/aa/evil.csv', '../../evil.csv');
    expect(await refused([path])).toBe('climb.zip › ../../evil.csv: refused: its path climbs out of the archive (..); nothing was read');
  });

  it('a tar entry whose path climbs out, and one with an absolute path', async () => {
    // Edited in a plain tar: a gzip stream would hide the name.
    const plain = await writeTgz(join(ws.dir, 'climb.tar'), [...linkedinExport(), { name: 'aa/aa/evil.csv', content: 'x' }], false);
    replaceBytes(plain, 'aa/aa/evil.csv', '../../evil.csv');
    fixTarChecksums(plain);
    expect(await refused([plain])).toBe('climb.tar › ../../evil.csv: refused: its path climbs out of the archive (..); nothing was read');
    const absolute = await writeTgz(join(ws.dir, 'abs.tar'), [{ name: 'etc/passwd.csv', content: 'x' }, ...linkedinExport()], false);
    replaceBytes(absolute, 'etc/passwd.csv', '/tc/passwd.csv');
    fixTarChecksums(absolute);
    expect(await refused([absolute])).toBe('abs.tar › /tc/passwd.csv: refused: its path is absolute; nothing was read');
  });

  it('a zip bomb: an entry declared to inflate far past its compressed size', async () => {
    const path = await writeZip(join(ws.dir, 'bomb.zip'), [{ name: 'Connections.csv', content: CONNECTIONS_CSV }, { name: 'messages.csv', content: Buffer.alloc(100 * 1024 * 1024, 0x41) }]);
    expect(await refused([path])).toMatch(/^bomb\.zip › messages\.csv: refused as a zip bomb: it inflates past 100 times its compressed size of 0\.1 MB \(and past 64 MB\)$/);
  });

  it('a zip bomb that lies in its headers: caught on the bytes actually inflated', async () => {
    const path = await writeZip(join(ws.dir, 'liar.zip'), [{ name: 'Connections.csv', content: CONNECTIONS_CSV }, { name: 'Mail/all.mbox', content: Buffer.alloc(20 * 1024 * 1024, 0x41) }]);
    writeFileSync(
      path,
      patchZipHeaders(readFileSync(path), (buf, at, kind) => {
        const nameLength = buf.readUInt16LE(at + (kind === 'local' ? 26 : 28));
        const name = buf.toString('latin1', at + (kind === 'local' ? 30 : 46), at + (kind === 'local' ? 30 : 46) + nameLength);
        if (name === 'Mail/all.mbox') buf.writeUInt32LE(5000, at + (kind === 'local' ? 22 : 24));
      }),
    );
    expect(await refused([path])).toMatch(/^liar\.zip › Mail\/all\.mbox: refused as a zip bomb/);
  });

  it('a gzip bomb: a tgz inflating past the limit as a whole', async () => {
    const path = await writeTgz(join(ws.dir, 'bomb.tgz'), [{ name: 'Takeout/Mail/all.mbox', content: Buffer.alloc(100 * 1024 * 1024, 0x41) }]);
    expect(await refused([path])).toMatch(/^bomb\.tgz: refused as a gzip bomb: it inflates past 100 times its own size of 0\.1 MB$/);
  });

  it('an archive with nothing Tiecheck reads, and one with no files at all', async () => {
    const path = await writeZip(join(ws.dir, 'photos.zip'), [
      { name: 'Profile.csv', content: 'First Name,Last Name,Headline\nOwner,Person,Builder\n' },
      { name: 'photos/1.jpg', content: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
    ]);
    expect(await refused([path])).toMatch(/^photos\.zip: none of its 2 file\(s\) is an export Tiecheck reads \(LinkedIn Connections\.csv/);
    const empty = await writeZip(join(ws.dir, 'empty.zip'), []);
    expect(await refused([empty])).toBe('empty.zip: the archive holds no files');
  });

  it('a broken file after good ones: the good ones are rolled back too, the message names archive, entry and line', async () => {
    const path = await writeZip(join(ws.dir, 'takeout.zip'), [
      ...linkedinExport(),
      { name: 'Takeout/Mail/broken.mbox', content: 'From a@example.com Mon Jan 1 00:00:00 2024\nSubject: cut here' },
    ]);
    expect(await refused([path])).toBe('takeout.zip › Takeout/Mail/broken.mbox, line 2: the file ends in the middle of a message header (truncated?)');
  });
});

describe('archives damaged anywhere', () => {
  it('a zip or tgz with bytes overwritten at random either imports or is refused as an ImportError, never half-written', async () => {
    const zip = readFileSync(await writeZip(join(ws.dir, 'good.zip'), linkedinExport()));
    const tar = readFileSync(await writeTgz(join(ws.dir, 'good.tar'), linkedinExport(), false));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        async (isZip, edits) => {
          const bytes = Buffer.from(isZip ? zip : tar);
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          const path = ws.write(`mutant-${++run}.${isZip ? 'zip' : 'tgz'}`, isZip ? bytes : gzipSync(bytes));
          const probe = tempWorkspace();
          try {
            const before = probe.ctx.db.prepare(`SELECT count(*) FROM import_batches`).pluck().get();
            const error = await importArchives(probe.ctx.db, [path]).then(
              () => null,
              (e: unknown) => e,
            );
            if (error) {
              expect(error).toBeInstanceOf(ImportError);
              expect((error as Error).message).not.toMatch(/[\r\n]/);
              expect(probe.ctx.db.prepare(`SELECT count(*) FROM import_batches`).pluck().get()).toBe(before);
            }
          } finally {
            probe.close();
          }
        },
      ),
      { numRuns: 60, seed: 1304 },
    );
  }, 120_000);
});

/** A tar header's checksum covers its own 512 bytes; after editing a name it must be written again. */
function fixTarChecksums(path: string): void {
  const buf = readFileSync(path);
  for (let at = 0; at + 512 <= buf.length; at += 512) {
    if (buf.toString('latin1', at + 257, at + 262) !== 'ustar') continue;
    buf.fill(0x20, at + 148, at + 156);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += buf[at + i];
    buf.write(`${sum.toString(8).padStart(6, '0')}\0 `, at + 148, 'latin1');
  }
  writeFileSync(path, buf);
}
