import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDay, parseInstant } from '../../../shared/parse/dates';

describe('parseDay', () => {
  it.each([
    ['27 Nov 2023', '2023-11-27'],
    ['20 Nov 2018', '2018-11-20'],
    ['"1/8/18, 6:14 PM"', '2018-01-08'],
    ['1/8/18, 6:14 PM', '2018-01-08'],
    ['10/16/18, 8:36 AM', '2018-10-16'],
    ['23-Apr-23', '2023-04-23'],
    ['16.09.2021', '2021-09-16'],
    ['1.2.2021', '2021-02-01'],
    ['2024/12/07 14:51:07 UTC', '2024-12-07'],
    ['12/09/22, 07:18 PM', '2022-12-09'],
    ['2023-11-27', '2023-11-27'],
    ['2023-11-27T10:00:00Z', '2023-11-27'],
    ['2023-11-27T23:30:00-05:00', '2023-11-28'],
    ['2021-06-15 16:37:00 UTC', '2021-06-15'],
    ['Fri, 26 Jan 2024 17:31:47 +0000', '2024-01-26'],
    ['Nov 27, 2023', '2023-11-27'],
    ['27 November 2023', '2023-11-27'],
    ['1/8/1999', '1999-01-08'],
    ['3/4/70', '1970-03-04'],
    ['3/4/69', '2069-03-04'],
    ['3/4/00', '2000-03-04'],
    ['  27 Nov 2023  ', '2023-11-27'],
    ['20241004', '2024-10-04'],
    ['1706290307000', '2024-01-26'],
    ['5. März 2021', '2021-03-05'],
  ])('%s → %s', (raw, day) => {
    expect(parseDay(raw)).toBe(day);
  });

  it.each(['0/0/00', '"0/0/00"', 'NA', 'N/A', '', '   ', 'null', 'yesterday', '31/31/21', '2/30/2021', '30 Feb 2021', '13.13.2021', '27 Foo 2023', '1/8/18, 25:14 PM'])(
    '%j → null',
    (raw) => {
      expect(parseDay(raw)).toBeNull();
    },
  );

  it('knows leap years', () => {
    expect(parseDay('2/29/2024')).toBe('2024-02-29');
    expect(parseDay('2/29/2023')).toBeNull();
  });
});

describe('parseInstant', () => {
  it.each([
    ['2021-06-15 16:37:00 UTC', '2021-06-15T16:37:00Z'],
    ['2021-06-15T16:37:00Z', '2021-06-15T16:37:00Z'],
    ['2021-06-15T16:37:00.123Z', '2021-06-15T16:37:00Z'],
    ['2021-06-15T16:37:00', '2021-06-15T16:37:00Z'],
    ['2021-06-15T16:37:00+01:00', '2021-06-15T15:37:00Z'],
    ['2021-06-15 16:37:00 +0100', '2021-06-15T15:37:00Z'],
    ['Fri, 26 Jan 2024 17:31:47 +0000', '2024-01-26T17:31:47Z'],
    ['Fri, 26 Jan 2024 17:31:47 +0000 (UTC)', '2024-01-26T17:31:47Z'],
    ['Fri, 26 Jan 2024 17:31:47 -0800 (PST)', '2024-01-27T01:31:47Z'],
    ['Thu, 5 Mar 2020 09:05:00 GMT', '2020-03-05T09:05:00Z'],
    ['Wed, 6 Mar 2002 16:49:40 EST', '2002-03-06T21:49:40Z'],
    ['"1/8/18, 6:14 PM"', '2018-01-08T18:14:00Z'],
    ['1/8/18, 12:05 AM', '2018-01-08T00:05:00Z'],
    ['1/8/18, 12:05 PM', '2018-01-08T12:05:00Z'],
    ['12/09/22, 07:18 PM', '2022-12-09T19:18:00Z'],
    ['2024/12/07 14:51:07 UTC', '2024-12-07T14:51:07Z'],
    ['27 Nov 2023', '2023-11-27T00:00:00Z'],
    ['1706290307000', '2024-01-26T17:31:47Z'],
    ['170629030700', '1975-05-29T20:57:10Z'],
    ['Fri Jan 26 17:31:47 +0000 2024', '2024-01-26T17:31:47Z'],
    ['Wed Mar  6 16:49:40 2002', '2002-03-06T16:49:40Z'],
    ['Tue Jul 05 18:44:15 2022', '2022-07-05T18:44:15Z'],
    ['20241004T181500Z', '2024-10-04T18:15:00Z'],
    ['16.09.2021 14:05', '2021-09-16T14:05:00Z'],
  ])('%s → %s', (raw, iso) => {
    expect(parseInstant(raw)).toBe(iso);
  });

  it.each(['', 'NA', '0/0/00', 'not a date', '13:00', '2021-06-15T16:37:00+99:00', '1/8/18, 13:14 PM'])('%j → null', (raw) => {
    expect(parseInstant(raw)).toBeNull();
  });
});

describe('properties', () => {
  it('never throws and always returns null or the documented shape', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const d = parseDay(s);
        const i = parseInstant(s);
        expect(d === null || /^\d{4}-\d{2}-\d{2}$/.test(d)).toBe(true);
        expect(i === null || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(i)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('survives date-like noise', () => {
    const part = fc.constantFrom('1', '12', '31', '2023', '/', '-', '.', ' ', ',', ':', 'PM', 'UTC', '+0100', 'Nov', 'T', 'Z', '(', ')', '0');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        parseDay(s);
        parseInstant(s);
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips every ISO instant it produces', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 19) + 'Z';
        expect(parseInstant(iso)).toBe(iso);
        expect(parseDay(iso)).toBe(iso.slice(0, 10));
      }),
    );
  });
});
