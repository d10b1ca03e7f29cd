import fc from 'fast-check';
import { closeSync, openSync, writeSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../../../electron/engine/importers/importError';
import type { InteractionFormat } from '../../../../../electron/engine/importers/interactions';
import { streamInteractionFile } from '../../../../../electron/engine/importers/interactions';
import {
  bulkMessage, CALLS_CSV, callsXml, facebookThread, FixtureDir, gmailMbox, googleCalendar, INTERACTIONS_CSV, INVITATIONS_2023,
  MESSAGES_2025,
} from '../../../../fixtures/interactions/interactionFixtures';
import { writeFacebookRequestsText } from '../../../../../shared/demo/invitations';

const dir = new FixtureDir();
afterAll(() => dir.remove());

const FORMATS: ('auto' | InteractionFormat)[] = [
  'auto', 'mbox', 'ics', 'linkedin-messages', 'linkedin-invitations', 'calls', 'calls-xml', 'csv', 'facebook-messages', 'facebook-requests',
];

const SAMPLES: [InteractionFormat, string][] = [
  ['mbox', gmailMbox()],
  ['ics', googleCalendar()],
  ['linkedin-messages', MESSAGES_2025],
  ['linkedin-invitations', INVITATIONS_2023],
  ['calls', CALLS_CSV],
  ['calls-xml', callsXml()],
  ['csv', INTERACTIONS_CSV],
  ['facebook-messages', facebookThread()],
  ['facebook-requests', writeFacebookRequestsText([{ name: 'Zoë Hart', sentAt: '2026-05-30T18:00:00Z' }, { name: 'Đinh Ngọc', sentAt: '2026-05-01T08:00:00Z' }])],
];

let n = 0;
/** Resolves when the parser finishes or throws an ImportError; anything else fails the property. */
async function parseQuietly(content: Buffer, format: 'auto' | InteractionFormat): Promise<void> {
  const path = dir.write(`fuzz-${n++}.dat`, content);
  try {
    await streamInteractionFile(path, { format, until: '2025-01-01' }, (batch) => {
      for (const r of batch) {
        if (Number.isNaN(Date.parse(r.occurredAt))) throw new Error(`bad occurredAt ${r.occurredAt}`);
        if (!r.sourceKey) throw new Error('empty sourceKey');
      }
    });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    expect(error.message.startsWith(`fuzz-${n - 1}.dat`)).toBe(true);
  }
}

describe('parsers never throw anything but ImportError', () => {
  it('on arbitrary bytes, in every format', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom(...FORMATS), async (bytes, format) => {
        await parseQuietly(Buffer.from(bytes), format);
      }),
      { numRuns: 300 },
    );
  });

  it('on real files cut, spliced and sprinkled with junk', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SAMPLES),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 40 }),
        fc.boolean(),
        async ([format, text], cutAt, insertAt, junk, auto) => {
          const cut = text.slice(0, 1 + (cutAt % text.length));
          const at = insertAt % (cut.length + 1);
          const mutated = cut.slice(0, at) + junk + cut.slice(at);
          await parseQuietly(Buffer.from(mutated, 'utf8'), auto ? 'auto' : format);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('on text-like lines starting with each format’s keywords', async () => {
    const line = fc.constantFrom('From x Mon Jan  1 00:00:00 2024', 'From: a@b', 'Date: x', '', '>From y', 'BEGIN:VEVENT', 'END:VEVENT',
      'BEGIN:VCALENDAR', 'DTSTART:2024', 'RRULE:FREQ=SECONDLY', '<calls>', '<call date="1" />', '</calls>', 'a,b,c', '"', 'X-GM-THRID: 1');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(line, fc.string({ maxLength: 20 })), { maxLength: 40 }), fc.constantFrom(...FORMATS), async (lines, format) => {
        await parseQuietly(Buffer.from(lines.join('\r\n')), format);
      }),
      { numRuns: 300 },
    );
  });
});

describe('empty and binary files', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0xff, 0xfe, 0]);
  it.each(FORMATS)('%s: ImportError naming the file', async (format) => {
    for (const [name, content] of [['empty', Buffer.alloc(0)], ['binary', png]] as const) {
      const path = dir.write(`${name}-${format}.dat`, content);
      const err = await streamInteractionFile(path, { format }, () => {}).catch((e) => e);
      expect(err).toBeInstanceOf(ImportError);
      expect(err.message.startsWith(`${name}-${format}.dat`)).toBe(true);
    }
  });
});

describe('mbox streaming', () => {
  it('reads a ~50 MB mailbox with flat memory', async () => {
    const path = `${dir.path}/big.mbox`;
    const fd = openSync(path, 'w');
    const messages = 2500;
    for (let i = 0; i < messages; i++) writeSync(fd, bulkMessage(i, 20_000) + '\r\n');
    closeSync(fd);
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    let count = 0;
    const subjects = new Set<string>();
    const info = await streamInteractionFile(
      path,
      {},
      (batch) => {
        count += batch.length;
        for (const r of batch) subjects.add(r.subject ?? '');
      },
      () => {
        peak = Math.max(peak, process.memoryUsage().rss);
      },
    );
    expect(info.records).toBe(messages);
    expect(count).toBe(messages);
    // Headers cut across 1 MiB chunk boundaries still read whole.
    expect(subjects).toEqual(new Set(Array.from({ length: messages }, (_, i) => `Message ${i}`)));
    expect(info.ownerHints[0].value).toBe('owner@gmail.com');
    // The file is ~50 MB; holding it would show as growth of that order.
    expect(peak - before).toBeLessThan(40 * 1024 * 1024);
  });
});
