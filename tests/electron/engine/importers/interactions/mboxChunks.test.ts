import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamInteractionFile } from '../../../../../electron/engine/importers/interactions';
import type { ByteSource } from '../../../../../electron/engine/importers/text/byteSource';
import { b64Word, daemonMbox, gmailMbox } from '../../../../fixtures/interactions/interactionFixtures';

/**
 * The mbox reader works on the bytes of each chunk where they lie (a header value is decoded there
 * when its line is whole and the next line shows it is not folded on, the `From ` line is copied only
 * before the chunk is reused): however a file is cut into chunks, the records must be the same.
 */

/** The bytes in the given chunk sizes, through one reused buffer that is scribbled over once the reader moves on. */
function chunkedSource(bytes: Buffer, sizes: number[]): ByteSource {
  return {
    name: 'cut.mbox',
    size: async () => bytes.length,
    head: async (n) => Buffer.from(bytes.subarray(0, n)),
    async *chunks() {
      const reused = Buffer.alloc(Math.max(1, ...sizes));
      let pos = 0;
      for (let k = 0; pos < bytes.length; k++) {
        const n = Math.min(sizes[k % sizes.length], bytes.length - pos);
        bytes.copy(reused, 0, pos, pos + n);
        pos += n;
        yield reused.subarray(0, n);
        reused.fill(0xee);
      }
    },
  };
}

async function outcome(source: ByteSource): Promise<unknown> {
  const batches: unknown[] = [];
  try {
    const info = await streamInteractionFile(source, { format: 'mbox' }, (batch) => batches.push(structuredClone(batch)));
    return { batches, info };
  } catch (error) {
    return { batches, error: String(error) };
  }
}

const LINES = [
  'From a@b Sat Jan  6 10:00:00 2024', 'From - Tue Jul 05 18:44:15 2022', 'From x', '>From quoted', 'From body-without-blank-before',
  'From: "Doe, John" <john@x.org>', 'from:a@x.com', 'FROM : Bob <bob@y.org>', `From: ${b64Word('Reyes, Mónica')} <m@x.com>`, 'From: Caf\u00e9 Owner <c@x.fr>',
  'To: Robin <robin@x.com>, c@x.io (Carl)', 'To: Robin <robin@x.com>', 'Cc: undisclosed-recipients:;', 'To:', '  folded@x.com,', '\tmore@x.com',
  'Date: Sat, 6 Jan 2024 10:00:00 +0100', 'Date: Sat, 06 Jan 2024 10:00:00 +0100 (CET)', 'Date: 6 Jan 2024 10:00 GMT', 'Date: junk', 'Date:\u00a0Sat, 6 Jan 2024 10:00:00 +0100 ',
  'Subject: =?UTF-8?Q?Caf=C3=A9_?=', ' =?UTF-8?Q?plans?= now', 'Subject: Re:  Lunch\ttoday', 'Subject: raw 8-bit caf\u00e9',
  'Message-ID: <m1@x>', 'Message-ID: <m2@x>', 'Message-Id: bare@id', 'In-Reply-To: <m1@x>', 'References: <m1@x>', ' <m2@x>',
  'X-GM-THRID: 1789175065060252787', 'X-Gmail-Labels: Inbox,Opened', 'X-Gmail-Labels: Spam', 'Delivered-To: robin@x.com',
  'List-Id: <news.x.com>', 'Precedence: bulk', 'Received: by 10.0.0.1;', '        Sat, 6 Jan 2024 10:00:00 +0100', 'Bad Header: x', 'no colon',
  ': empty name', '', '', '', 'body text', 'x'.repeat(700),
];

describe('mbox: the records do not depend on where the chunks are cut', () => {
  it('on mailboxes of hostile lines, LF, CRLF or mixed, with 8-bit text, in chunks of 1 byte to 4 KiB', async () => {
    const line = fc.constantFrom(...LINES);
    const eol = fc.constantFrom('\n', '\r\n');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(line, eol), { minLength: 1, maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 4096 }), { minLength: 1, maxLength: 8 }), fc.boolean(), fc.boolean(),
        async (lines, sizes, utf8, trailing) => {
          const text = 'From first@x Sat Jan  6 10:00:00 2024\n' + lines.map(([l, e]) => l + e).join('');
          const raw = trailing ? text : text.replace(/\r?\n$/, '');
          // Latin-1 bytes test the 8-bit fallback; UTF-8 bytes the usual case.
          const bytes = Buffer.from(raw, utf8 ? 'utf8' : 'latin1');
          expect(await outcome(chunkedSource(bytes, sizes))).toEqual(await outcome(chunkedSource(bytes, [bytes.length])));
        }),
      { numRuns: 400 },
    );
  });

  it('on the fixtures, byte by byte', async () => {
    for (const text of [gmailMbox(), daemonMbox()]) {
      const bytes = Buffer.from(text);
      expect(await outcome(chunkedSource(bytes, [1]))).toEqual(await outcome(chunkedSource(bytes, [bytes.length])));
      expect(await outcome(chunkedSource(bytes, [3, 1, 64]))).toEqual(await outcome(chunkedSource(bytes, [bytes.length])));
    }
  });
});
