import { describe, expect, it } from 'vitest';
import { parseAddressList } from '../../../../../electron/engine/importers/interactions/mailAddresses';
import fc from 'fast-check';
import { isRobotAddress, mailInstant } from '../../../../../electron/engine/importers/interactions/mailMessage';
import { parseInstant } from '../../../../../shared/parse/dates';
import { firstMessageId, normaliseSubject, parseMessageIds } from '../../../../../electron/engine/importers/interactions/mailThreads';
import { decodeEncodedWords } from '../../../../../electron/engine/importers/interactions/rfc2047';

describe('decodeEncodedWords', () => {
  it.each([
    ['=?UTF-8?B?UmV5ZXMsIE3Ds25pY2E=?=', 'Reyes, Mónica'],
    ['=?ISO-8859-1?Q?Andr=E9_M=FCller?=', 'André Müller'],
    ['=?windows-1252?Q?=93quoted=94?=', '“quoted”'],
    ['=?iso-8859-1?q?caf=E9?= =?utf-8?q?_ol=C3=A9?=', 'café olé'],
    ['=?UTF-8?B?w6k=?=  \t =?UTF-8?B?w6k=?=', 'éé'],
    ['=?UTF-8?Q?=C3?= =?UTF-8?Q?=A9t=C3=A9?=', 'été'],
    ['=?UTF-8*en?Q?hi?=', 'hi'],
    ['plain =?UTF-8?Q?x?= text', 'plain x text'],
    ['=?x-unknown-charset?Q?abc?=', '=?x-unknown-charset?Q?abc?='],
    ['=?UTF-8?B?broken', '=?UTF-8?B?broken'],
  ])('%s → %s', (raw, text) => expect(decodeEncodedWords(raw)).toBe(text));
});

describe('parseAddressList', () => {
  it('splits outside quotes, angles and comments, then decodes', () => {
    expect(parseAddressList('"Doe, John" <john@x.org>, =?UTF-8?B?UmV5ZXMsIE3Ds25pY2E=?= <m@x.com>, bare@x.net, c@x.io (Carl, Sr.)')).toEqual([
      { name: 'Doe, John', email: 'john@x.org' },
      { name: 'Reyes, Mónica', email: 'm@x.com' },
      { name: undefined, email: 'bare@x.net' },
      { name: 'Carl, Sr.', email: 'c@x.io' },
    ]);
  });

  it('drops group names and empty groups', () => {
    expect(parseAddressList('undisclosed-recipients:;')).toEqual([]);
    expect(parseAddressList('Team: a@x.com, b@x.com;, c@x.com').map((a) => a.email)).toEqual(['a@x.com', 'b@x.com', 'c@x.com']);
  });

  it('drops a name that repeats the address and keeps a name without one', () => {
    expect(parseAddressList('"a@x.com" <a@x.com>')).toEqual([{ name: undefined, email: 'a@x.com' }]);
    expect(parseAddressList('Just A Name')).toEqual([{ name: 'Just A Name', email: undefined }]);
  });
});

describe('thread clues', () => {
  it('normalises subjects across languages', () => {
    expect(normaliseSubject('Re: AW: Fwd:  Lunch   Plans')).toBe('lunch plans');
    expect(normaliseSubject('SV: TR: RE[2]: Lunch plans')).toBe('lunch plans');
  });

  it('reads message ids in order', () => {
    expect(parseMessageIds('<a@x> <b@y>\r\n <c@z>')).toEqual(['a@x', 'b@y', 'c@z']);
    expect(parseMessageIds('bare@id')).toEqual(['bare@id']);
  });

  it('takes the first message id as parseMessageIds would', () => {
    for (const raw of ['<a@x> <b@y>', '< a@x> <b@y>', '<<a@x>>', 'bare@id', ' bare@id ', 'two words', '', '<>', 'x <a@x>', '<a b> c@d']) {
      expect(firstMessageId(raw)).toBe(parseMessageIds(raw)[0]);
    }
  });

  it.each([
    ['noreply@x.com', true], ['no-reply@x.com', true], ['do-not-reply@x.com', true], ['donotreply@x.com', true],
    ['notifications@github.com', true], ['MAILER-DAEMON@x.com', true], ['bounces+123@x.com', true], ['bounce-abc@x.com', true],
    ['jane@x.com', false], ['noreen@x.com', false],
  ])('%s robot: %s', (email, robot) => expect(isRobotAddress(email)).toBe(robot));
});

describe('mailInstant', () => {
  it('reads the usual Date header forms', () => {
    expect(mailInstant('Sat, 20 Mar 2004 19:09:55 +0700')).toBe('2004-03-20T12:09:55Z');
    expect(mailInstant('Mon, 1 Jan 2024 00:30:00 +0100 (CET)')).toBe('2023-12-31T23:30:00Z');
    expect(mailInstant('Wed, 6 Mar 2002 16:49:40 -0500 (EST)')).toBe('2002-03-06T21:49:40Z');
    expect(mailInstant('6 Mar 2002 16:49:40 GMT')).toBe('2002-03-06T16:49:40Z');
    expect(mailInstant('Fri, 30 Feb 2024 10:00:00 +0000')).toBeNull();
  });

  it('agrees with parseInstant on any header in (or near) the RFC 5322 form', () => {
    const day = fc.oneof(fc.integer({ min: 0, max: 32 }).map(String), fc.constantFrom('01', '7', '29', '31'));
    const month = fc.constantFrom('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'jan', 'Foo');
    const year = fc.oneof(fc.integer({ min: 1890, max: 3010 }).map(String), fc.constantFrom('0999', '99', '2000', '2024', '1900', '2100'));
    const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
    const zone = fc.oneof(fc.tuple(fc.constantFrom('+', '-'), two, two).map(([s, h, m]) => s + h + m), fc.constantFrom('GMT', 'UT', 'EST', '+0000', '-1400', '+1500', 'Z'));
    const weekday = fc.constantFrom('', 'Sat, ', 'Sunday, ', 'sat, ', 'Sat ');
    const comment = fc.constantFrom('', ' (UTC)', ' (CET)', ' (Pacific Standard Time)', ' (x'.padEnd(80, 'y') + ')');
    fc.assert(
      fc.property(weekday, day, month, year, two, two, two, zone, comment, (w, d, mo, y, h, mi, s, z, c) => {
        const raw = `${w}${d} ${mo} ${y} ${h}:${mi}:${s} ${z}${c}`;
        expect(mailInstant(raw)).toBe(parseInstant(raw));
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads the RFC 5322 form exactly as the regular expression it is written after would', () => {
    // The reference: the form's regex, the same range checks, Date's own ISO text; parseInstant for the rest.
    const FORM = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})(?: \([A-Za-z0-9 +:-]*\))?$/;
    const reference = (raw: string): string | null => {
      const m = raw.length <= 100 ? FORM.exec(raw) : null;
      if (!m) return parseInstant(raw);
      const [d, mo, y, h, mi, s, oh, om] = [+m[1], 'JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(m[2]) / 3, +m[3], +m[4], +m[5], +m[6], +m[8], +m[9]];
      const ms = Date.UTC(y, mo, d, h, mi, s);
      if (y < 1900 || y > 2998 || new Date(ms).getUTCDate() !== d || h > 23 || mi > 59 || s > 59 || oh > 14 || om > 59) return parseInstant(raw);
      return new Date(ms - (m[7] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000).toISOString().replace('.000Z', 'Z');
    };
    // Well-formed headers with up to three characters replaced, inserted or deleted anywhere.
    const valid = fc
      .tuple(fc.constantFrom('', 'Sat, ', 'Mon, '), fc.integer({ min: 1, max: 31 }), fc.constantFrom('Jan', 'Feb', 'Dec'), fc.integer({ min: 1899, max: 2999 }),
        fc.integer({ min: 0, max: 23 }), fc.constantFrom('', ' (UTC)', ' (A-z 0:9+)'))
      .map(([w, d, mo, y, h, c]) => `${w}${d} ${mo} ${y} ${String(h).padStart(2, '0')}:30:59 +0130${c}`);
    const edit = fc.tuple(fc.nat(), fc.constantFrom('', '0', '9', ' ', ':', '+', '-', '(', ')', '_', 'a', 'Z', '\t', '\u00a0'), fc.constantFrom('replace', 'insert'));
    fc.assert(
      fc.property(valid, fc.array(edit, { maxLength: 3 }), (base, edits) => {
        let raw = base;
        for (const [at, ch, how] of edits) {
          const i = at % (raw.length + 1);
          raw = raw.slice(0, i) + ch + raw.slice(how === 'replace' ? i + 1 : i);
        }
        expect(mailInstant(raw)).toBe(reference(raw));
      }),
      { numRuns: 20_000 },
    );
    for (const raw of ['Sat, 20 Mar 2004 19:09:55 +0700 ()', 'Sat, 20 Mar 2004 19:09:55 +0700 (A-Z +0:9)', '20 Mar 2004 19:09:55 -1459', 'Sat, 20 Mar 2004 19:09:55 +0700 (a)b)']) {
      expect(mailInstant(raw)).toBe(reference(raw));
    }
  });
});
