import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../../../electron/engine/importers/importError';
import { classifyLocation } from '../../../../../electron/engine/importers/interactions/meetingPlace';
import { bigCalendar, emptyCalendar, FixtureDir, googleCalendar, parseFile } from '../../../../fixtures/interactions/interactionFixtures';

const dir = new FixtureDir();
afterAll(() => dir.remove());

describe('ics: a Google calendar export', async () => {
  const path = dir.write('owner@gmail.com.ics', googleCalendar());
  const { records, info } = await parseFile(path, { until: '2024-12-31' });
  const byUid = (uid: string) => records.filter((r) => r.sourceKey.startsWith(`ics:${uid}:`));

  it('detects the format through the BOM', () => {
    expect(info.format).toBe('ics');
  });

  it('reads a physical place as in person, with the folded address and quoted CN intact', () => {
    const [coffee] = byUid('coffee-1@google.com');
    expect(coffee.kind).toBe('in_person');
    expect(coffee.location).toBe('Café Central, Herrengasse 14, Wien');
    expect(coffee.occurredAt).toBe('2024-10-04T18:15:00Z');
    expect(coffee.durationSec).toBe(3600);
    expect(coffee.connected).toBe(true);
    expect(coffee.participants).toEqual([
      { role: 'organizer', isSender: true, name: 'Owner Person', email: 'owner@gmail.com' },
      { role: 'attendee', isSender: false, name: 'Reyes, Mónica', email: 'monica.reyes@example.com' },
      { role: 'attendee', isSender: false, name: 'Bob Builder', email: 'bob@example.com', declined: true },
    ]);
  });

  it('counts distinct non-declined people, organizer included, rooms left out', () => {
    expect(byUid('coffee-1@google.com')[0].othersCount).toBe(2);
  });

  it('reads a Zoom link as video and converts TZID times to UTC', () => {
    const [zoom] = byUid('zoom-1@google.com');
    expect(zoom.kind).toBe('video');
    expect(zoom.occurredAt).toBe('2024-07-04T08:00:00Z');
    expect(zoom.participants.map((p) => p.email)).toEqual(['carol@example.com', 'owner@gmail.com']);
  });

  it('reads an all-day event without a location as video at midnight UTC', () => {
    const [allDay] = byUid('allday-1@google.com');
    expect(allDay.kind).toBe('video');
    expect(allDay.occurredAt).toBe('2024-03-01T00:00:00Z');
  });

  it('expands RRULE, drops EXDATE and the cancelled override, applies the moved override', () => {
    const standup = byUid('standup-1@google.com');
    expect(standup.map((r) => r.occurredAt)).toEqual(['2024-01-08T08:00:00Z', '2024-01-22T09:00:00Z', '2024-02-05T08:00:00Z']);
    expect(standup[1].kind).toBe('in_person');
    expect(standup[1].subject).toBe('Standup (in the office)');
    expect(standup[0].kind).toBe('video');
    expect(new Set(standup.map((r) => r.sourceKey)).size).toBe(3);
    expect(info.skipped.some((s) => s.reason === 'cancelled occurrence')).toBe(true);
  });

  it('ignores a cancelled event', () => {
    expect(byUid('cancelled-1@google.com')).toEqual([]);
    expect(info.skipped.some((s) => s.reason === 'cancelled event')).toBe(true);
  });

  it('takes a conference link as the place of a meeting without location, and drops calendar-id organizers', () => {
    const [meet] = byUid('meet-1@google.com');
    expect(meet.kind).toBe('video');
    expect(meet.location).toBe('https://meet.google.com/abc-defg-hij');
    expect(meet.participants).toEqual([{ role: 'attendee', isSender: false, name: 'José Ñúñez', email: 'jose@example.es' }]);
  });

  it('gives each record the line where its VEVENT starts', () => {
    const lines = records.map((r) => r.line);
    expect(lines.every((l) => l > 20)).toBe(true);
  });
});

describe('ics: recurrence limits', () => {
  const daily = (until?: string): string =>
    [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:daily@x',
      'DTSTART:20200101T090000Z',
      `RRULE:FREQ=DAILY${until ? `;UNTIL=${until}` : ''}`,
      'ATTENDEE;CN=A:mailto:a@example.com',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');

  it('stops at `until`', async () => {
    const { records } = await parseFile(dir.write('d1.ics', daily()), { until: '2020-01-10' });
    expect(records).toHaveLength(10);
    expect(records.at(-1)!.occurredAt).toBe('2020-01-10T09:00:00Z');
  });

  it('keeps the latest 500 occurrences and says so', async () => {
    const { records, info } = await parseFile(dir.write('d2.ics', daily()), { until: '2022-12-31' });
    expect(records).toHaveLength(500);
    expect(records.at(-1)!.occurredAt).toBe('2022-12-31T09:00:00Z');
    expect(info.warnings.join('\n')).toMatch(/more than 500 occurrences/);
  });

  it('converts a TZID the file does not define when it is an IANA zone', async () => {
    const text = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:tz@x', 'DTSTART;TZID=America/New_York:20240115T090000', 'END:VEVENT', 'END:VCALENDAR'].join('\n');
    const { records } = await parseFile(dir.write('tz.ics', text));
    expect(records[0].occurredAt).toBe('2024-01-15T14:00:00Z');
  });
});

describe('ics: empty and bad files', () => {
  it('reads a calendar with no VEVENT as 0 records and a warning', async () => {
    const { records, info } = await parseFile(dir.write('empty-cal.ics', emptyCalendar()));
    expect(records).toEqual([]);
    expect(info.warnings[0]).toMatch(/no events/);
  });

  it('refuses a truncated file, naming the unfinished event', async () => {
    const text = googleCalendar();
    const err = await parseFile(dir.write('cut.ics', text.slice(0, text.indexOf('UID:zoom-1')))).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/^cut\.ics, line \d+: the VEVENT that starts here never ends/);
  });

  it('refuses text that is not a calendar', async () => {
    const err = await parseFile(dir.write('x.ics', 'hello\nworld\n')).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/^x\.ics, line 1: not an iCalendar file/);
  });

  it('refuses an empty file and a binary file', async () => {
    await expect(parseFile(dir.write('e.ics', ''))).rejects.toBeInstanceOf(ImportError);
    await expect(parseFile(dir.write('b.ics', Buffer.from([0, 1, 2, 3, 0, 0, 0xff])), { format: 'ics' })).rejects.toBeInstanceOf(ImportError);
  });

  it('skips an event whose dates cannot be read and keeps the rest', async () => {
    const text = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:bad@x', 'DTSTART:garbage', 'END:VEVENT', 'BEGIN:VEVENT', 'UID:ok@x', 'DTSTART:20240101T100000Z', 'END:VEVENT', 'END:VCALENDAR'].join('\n');
    const { records, info } = await parseFile(dir.write('mixed.ics', text));
    expect(records.map((r) => r.sourceKey)).toEqual(['ics:ok@x:2024-01-01T10:00:00Z']);
    expect(info.skipped[0].line).toBe(2);
  });
});

describe('ics: a 10,000-event calendar', () => {
  it('reads every event', async () => {
    const { records } = await parseFile(dir.write('big.ics', bigCalendar(10_000)));
    expect(records).toHaveLength(10_000);
    expect(records.filter((r) => r.kind === 'video')).toHaveLength(3334);
  });
});

describe('classifyLocation', () => {
  it.each([
    ['', 'video'],
    ['Zoom', 'video'],
    ['https://teams.microsoft.com/l/meetup-join/19%3a', 'video'],
    ['Google Meet', 'video'],
    ['Webex Personal Room', 'video'],
    ['https://whereby.com/owner', 'video'],
    ['meet.jit.si/abc (Jitsi)', 'video'],
    ['Skype', 'video'],
    ['Phone', 'video'],
    ['Starbucks, 5th Ave', 'in_person'],
    ['Conference room B', 'in_person'],
    ['https://maps.google.com/?q=Berlin', 'in_person'],
    ['Café Central (https://cafecentral.wien)', 'in_person'],
  ])('%s → %s', (location, kind) => {
    expect(classifyLocation(location)).toBe(kind);
  });
});
