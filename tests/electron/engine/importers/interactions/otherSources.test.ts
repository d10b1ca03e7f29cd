import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../../../electron/engine/importers/importError';
import { detectInteractionFormat } from '../../../../../electron/engine/importers/interactions';
import { repairFacebookText } from '../../../../../electron/engine/importers/interactions/facebookMessages';
import {
  CALLS_CSV, callsXml, daemonMbox, emptyCalendar, facebookThread, FixtureDir, gmailMbox, INTERACTIONS_CSV, INVITATIONS_2023,
  MESSAGES_2018, MESSAGES_2022, MESSAGES_2025, parseFile, thunderbirdMbox,
} from '../../../../fixtures/interactions/interactionFixtures';

const dir = new FixtureDir();
afterAll(() => dir.remove());

describe('any CSV of interactions', async () => {
  const { records, info } = await parseFile(dir.write('diary.csv', INTERACTIONS_CSV));

  it('recognises columns by name and kinds by word', () => {
    expect(info.format).toBe('csv');
    expect(records.map((r) => r.kind)).toEqual(['in_person', 'video', 'message']);
    expect(info.skipped).toEqual([
      { line: 5, reason: 'unknown kind "carrier pigeon"' },
      { line: 6, reason: 'unreadable date "not a date"' },
    ]);
  });

  it('pairs ;-separated names and emails into people', () => {
    expect(records[1].participants).toEqual([
      { role: 'with', isSender: false, name: 'Jane Doe', email: 'jane@example.com' },
      { role: 'with', isSender: false, name: 'Bob Builder', email: 'bob@example.com' },
    ]);
    expect(records[1]).toMatchObject({ connected: false, durationSec: 0, othersCount: 2 });
  });

  it('keeps subject and note, marks meetings connected, threads messages, reads direction', () => {
    expect(records[0]).toMatchObject({ subject: 'Catch-up', note: 'Talked about work, life', connected: true, othersCount: 1, occurredAt: '2024-02-01T00:00:00Z' });
    expect(records[2].threadKey).toMatch(/^csv:/);
    expect(records[2].participants[0].isSender).toBe(true);
  });

  it('requires a kind column or mapping', async () => {
    const path = dir.write('nokind.csv', 'Date,Name\n2024-01-01,Ann\n');
    const err = await parseFile(path, { format: 'csv' }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/^nokind\.csv, line 1: no column holds the kind of interaction: say which with --map kind=Column/);
    const { records: r } = await parseFile(path, { format: 'csv', map: { kind: 'call' } });
    expect(r[0]).toMatchObject({ kind: 'call', participants: [{ name: 'Ann' }] });
  });

  it('refuses a mapping to a column that does not exist', async () => {
    const err = await parseFile(dir.write('map.csv', 'Date,Name,Kind\n2024-01-01,Ann,call\n'), { format: 'csv', map: { email: 'Mail' } }).catch((e) => e);
    expect(err.message).toMatch(/the mapped column "Mail" \(for email\) is not in the header/);
  });
});

describe('Facebook Messenger thread', async () => {
  const { records, info } = await parseFile(dir.write('message_1.json', facebookThread()));

  it('repairs UTF-8-as-Latin-1 names and reads messages and calls', () => {
    expect(info.format).toBe('facebook-messages');
    expect(records.map((r) => r.kind)).toEqual(['message', 'message', 'call', 'call']);
    expect(records[1].participants[0]).toEqual({ role: 'from', name: 'Đinh Ngọc', isSender: true });
    expect(records[2]).toMatchObject({ connected: false, durationSec: 0 });
    expect(records[3]).toMatchObject({ connected: true, durationSec: 300 });
    expect(new Set(records.map((r) => r.threadKey))).toEqual(new Set(['fb:inbox/dinhngoc_abc123']));
  });

  it('takes the participant who is not the 1:1 thread title as the owner', () => {
    expect(info.ownerHints).toEqual([expect.objectContaining({ kind: 'name', value: 'Owner Person' })]);
  });

  it('leaves real Unicode alone', () => {
    expect(repairFacebookText('Đinh')).toBe('Đinh');
    expect(repairFacebookText('Ã¤')).toBe('ä');
    expect(repairFacebookText('café')).toBe('café');
  });

  it('refuses truncated JSON with a line', async () => {
    const err = await parseFile(dir.write('message_2.json', facebookThread().slice(0, 100)), { format: 'facebook-messages' }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/^message_2\.json, line \d+: not valid JSON/);
  });
});

describe('detectInteractionFormat', () => {
  const head = (s: string | Buffer) => (typeof s === 'string' ? Buffer.from(s) : s);
  it.each([
    ['All mail.mbox', gmailMbox(), 'mbox'],
    ['inbox', daemonMbox(), 'mbox'],
    ['Sent', thunderbirdMbox(), 'mbox'],
    ['cal.ics', `\uFEFF${emptyCalendar()}`, 'ics'],
    ['messages.csv', MESSAGES_2018, 'linkedin-messages'],
    ['messages.csv', MESSAGES_2022, 'linkedin-messages'],
    ['messages.csv', MESSAGES_2025, 'linkedin-messages'],
    ['Invitations.csv', INVITATIONS_2023, 'linkedin-invitations'],
    ['calls.csv', CALLS_CSV, 'calls'],
    ['calls-1.xml', callsXml(), 'calls-xml'],
    ['diary.csv', INTERACTIONS_CSV, 'csv'],
    ['message_1.json', facebookThread(), 'facebook-messages'],
    ['photo.png', '\x89PNG\r\n', null],
    ['notes.xml', '<?xml version="1.0"?><notes/>', null],
  ])('%s → %s', (name, content, format) => {
    expect(detectInteractionFormat(name, head(content))).toBe(format);
  });

  it('reads a UTF-16 messages.csv header', () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MESSAGES_2022, 'utf16le')]);
    expect(detectInteractionFormat('messages.csv', buf)).toBe('linkedin-messages');
  });

  it('refuses an unknown file through the entry point, naming it', async () => {
    const err = await parseFile(dir.write('random.bin', Buffer.from([1, 2, 3, 4]))).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/^random\.bin, line 1: not a known interaction file/);
  });

  it('passes errors from the caller’s batch handler through untouched', async () => {
    const path = dir.write('pass.mbox', daemonMbox());
    const { streamInteractionFile } = await import('../../../../../electron/engine/importers/interactions');
    const mine = new TypeError('database is locked');
    await expect(streamInteractionFile(path, {}, () => { throw mine; })).rejects.toBe(mine);
  });
});
