import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSource } from '../../../../../electron/engine/importers/text/byteSource';

const dir = mkdtempSync(join(tmpdir(), 'tiecheck-bytesource-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 3.5 MiB of bytes that differ from chunk to chunk, so a chunk overwritten by the next read shows. */
function writeFile(): { path: string; bytes: Buffer } {
  const bytes = Buffer.alloc(3.5 * 1024 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7 + (i >> 16)) & 0xff;
  const path = join(dir, 'big.bin');
  writeFileSync(path, bytes);
  return { path, bytes };
}

describe('fileSource: reading one chunk ahead', () => {
  it('gives the file in order, 64 KiB first and then 1 MiB at a time, each chunk intact until the next is asked for', async () => {
    const { path, bytes } = writeFile();
    const sizes: number[] = [];
    let at = 0;
    for await (const chunk of fileSource(path).chunks()) {
      // The next read is under way meanwhile, into the other buffer: this chunk must not change.
      await sleep(5);
      expect(chunk.equals(bytes.subarray(at, at + chunk.length))).toBe(true);
      at += chunk.length;
      sizes.push(chunk.length);
    }
    expect(at).toBe(bytes.length);
    expect(sizes).toEqual([64 * 1024, 1024 * 1024, 1024 * 1024, 1024 * 1024, bytes.length - 64 * 1024 - 3 * 1024 * 1024]);
  });

  it('stops cleanly when the caller breaks off with a read still under way', async () => {
    const { path, bytes } = writeFile();
    for (let stopAfter = 1; stopAfter <= 3; stopAfter++) {
      let n = 0;
      for await (const chunk of fileSource(path).chunks()) {
        expect(chunk[0]).toBe(bytes[n === 0 ? 0 : 64 * 1024 + (n - 1) * 1024 * 1024]);
        if (++n === stopAfter) break;
      }
      expect(n).toBe(stopAfter);
    }
    // And the file reads again from the start afterwards.
    let total = 0;
    for await (const chunk of fileSource(path).chunks()) total += chunk.length;
    expect(total).toBe(bytes.length);
  });

  it('reads an empty file as no chunks', async () => {
    const path = join(dir, 'empty.bin');
    writeFileSync(path, '');
    const chunks: Buffer[] = [];
    for await (const chunk of fileSource(path).chunks()) chunks.push(chunk);
    expect(chunks).toEqual([]);
  });
});
