import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../../../electron/engine/importers/importError';
import { parseCallType, parseDuration } from '../../../../../electron/engine/importers/interactions/callRecord';
import { CALLS_CSV, callsXml, FixtureDir, parseFile } from '../../../../fixtures/interactions/interactionFixtures';

const dir = new FixtureDir();
afterAll(() => dir.remove());

describe('call-log CSV', async () => {
  const { records, info } = await parseFile(dir.write('calls.csv', CALLS_CSV));

  it('detects the format and reads every row', () => {
    expect(info.format).toBe('calls');
    expect(records).toHaveLength(6);
    expect(records.every((r) => r.kind === 'call')).toBe(true);
  });

  it('reads seconds, mm:ss and hh:mm:ss durations', () => {
    expect(records.map((r) => r.durationSec)).toEqual([125, 125, 0, 0, 0, 3723]);
  });

  it('is connected only with a duration and a connecting type', () => {
    expect(records.map((r) => r.connected)).toEqual([true, true, false, false, false, true]);
  });

  it('names the other party; isSender when they called', () => {
    expect(records[0].participants).toEqual([{ role: 'with', isSender: true, name: 'Alice Example', phone: '+1 555 0100' }]);
    expect(records[1].participants[0].isSender).toBe(false);
    expect(records[3].participants[0]).toEqual({ role: 'with', isSender: true, phone: '+1 555 0199' });
    expect(records[4].participants[0].isSender).toBe(false);
  });

  it('keys calls by date, number and duration', () => {
    expect(records[0].sourceKey).toBe('call:2024-03-01T10:00:00Z|+1 555 0100|125');
    expect(records[0].occurredAt).toBe('2024-03-01T10:00:00Z');
  });

  it('accepts a mapping for odd column names and separate date and time columns', async () => {
    const csv = 'Who,Tel,Dir,Day,Time,Secs\nAnn,+44 20 7946 0000,incoming,2024-05-01,09:30,61\n';
    const { records: r } = await parseFile(dir.write('odd.csv', csv), { format: 'calls', map: { name: 'Who', phone: 'Tel', type: 'Dir', date: 'Day', duration: 'Secs' } });
    expect(r[0]).toMatchObject({ occurredAt: '2024-05-01T09:30:00Z', durationSec: 61, connected: true });
  });

  it('refuses a call log without a date column', async () => {
    const err = await parseFile(dir.write('nodate.csv', 'Name,Number,Type,Duration\nA,1,1,2\n'), { format: 'calls' }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/^nodate\.csv, line 1: no date column/);
  });
});

describe('SMS Backup & Restore calls XML', async () => {
  const { records, info } = await parseFile(dir.write('calls-20240126.xml', callsXml()));

  it('detects the format and reads each <call/>', () => {
    expect(info.format).toBe('calls-xml');
    expect(records).toHaveLength(4);
    expect(info.warnings).toEqual([]);
  });

  it('reads epoch-ms dates, Android type codes and decodes entities', () => {
    expect(records[0]).toMatchObject({ occurredAt: '2024-01-26T17:31:47Z', durationSec: 65, connected: true, line: 5 });
    expect(records[0].participants[0]).toEqual({ role: 'with', isSender: true, name: 'Alice & Co', phone: '+15550100' });
    expect(records[1].participants[0]).toMatchObject({ name: "O'Brien", isSender: false });
  });

  it('treats zero duration, missed, voicemail and refused as not connected', () => {
    expect(records.map((r) => r.connected)).toEqual([true, false, false, false]);
    expect(records.map((r) => r.note)).toEqual([undefined, undefined, 'missed', 'refused']);
  });

  it('drops (Unknown) and null placeholders; a call with neither number nor name is skipped', () => {
    expect(records[2].participants[0]).toEqual({ role: 'with', isSender: true, phone: '+15550102' });
    expect(info.skipped).toEqual([{ line: 8, reason: 'no number or name' }]);
  });

  it('warns when the declared count does not match', async () => {
    const text = callsXml().replace('count="5"', 'count="7"');
    const { info: i } = await parseFile(dir.write('calls-count.xml', text));
    expect(i.warnings[0]).toMatch(/says it holds 7 calls but 5/);
  });

  it('refuses a truncated file with the line', async () => {
    const text = callsXml();
    const err = await parseFile(dir.write('calls-cut.xml', text.slice(0, text.indexOf('type="3"')))).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/^calls-cut\.xml, line 7: the file ends inside a tag/);
    const err2 = await parseFile(dir.write('calls-cut2.xml', text.replace('</calls>', ''))).catch((e) => e);
    expect(err2.message).toMatch(/ends before <\/calls>/);
  });

  it('refuses XML that is not a call log', async () => {
    const err = await parseFile(dir.write('other.xml', '<?xml version="1.0"?><smses count="0"></smses>'), { format: 'calls-xml' }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/not a call log/);
  });
});

describe('call types and durations', () => {
  it.each([
    ['1', 'incoming'], ['2', 'outgoing'], ['3', 'missed'], ['4', 'voicemail'], ['5', 'rejected'], ['6', 'refused'],
    ['Incoming', 'incoming'], ['OUTGOING', 'outgoing'], ['Missed call', 'missed'], ['declined', 'rejected'], ['weird', 'unknown'],
  ])('%s → %s', (raw, type) => expect(parseCallType(raw)).toBe(type));

  it.each([
    ['95', 95], ['95 s', 95], ['01:35', 95], ['1:02:03', 3723], ['1h 2m 3s', 3723], ['2 min', 120], ['abc', null],
  ])('%s → %s', (raw, seconds) => expect(parseDuration(raw)).toBe(seconds));
});
