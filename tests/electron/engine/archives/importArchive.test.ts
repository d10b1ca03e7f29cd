// Archives as they come (LinkedIn zip, Takeout tgz and parts, Facebook zip, a folder): what is found, the order read, and the same result as file by file.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importArchives } from '../../../../electron/engine/archives/importArchive';
import { surveyArchives } from '../../../../electron/engine/archives/surveyArchive';
import { runAudit } from '../../../../electron/engine/audit/runAudit';
import type { Db } from '../../../../electron/engine/db/openDatabase';
import { importFile } from '../../../../electron/engine/imports/importFile';
import { undoBatch } from '../../../../electron/engine/store/batchUndo';
import { tempWorkspace, type TempWorkspace } from '../../../fixtures/tempDb';
import { facebookExport, linkedinExport, takeoutExport, writeTgz, writeZip, type ArchiveFile } from '../../../fixtures/archives/archiveFixtures';
import { CALLS_CSV, callsXml } from '../../../fixtures/interactions/interactionFixtures';

let ws: TempWorkspace;
let other: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
  other = tempWorkspace();
});
afterEach(() => {
  ws.close();
  other.close();
});

/** Everything an audit is made of: persons with tier and score, which contact links to whom, the records. */
function state(db: Db) {
  const audit = runAudit(db, { asOf: '2026-12-04' });
  return {
    persons: audit.persons.map((p) => ({ name: p.name, tier: p.tier, score: p.score, networks: p.networks })).sort((a, b) => a.name.localeCompare(b.name)),
    summary: audit.summary,
    links: db
      .prepare(`SELECT c.key, c.status, c.method, p.display_name AS person FROM contacts c LEFT JOIN persons p ON p.id = c.person_id ORDER BY c.key`)
      .all(),
    interactions: db.prepare(`SELECT kind, occurred_at FROM interactions ORDER BY kind, occurred_at`).all(),
    me: db.prepare(`SELECT kind, value FROM my_identities ORDER BY kind, value`).all(),
  };
}

function extract(dir: string, files: ArchiveFile[]): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const f of files) {
    const path = join(dir, f.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
    paths[f.name] = path;
  }
  return paths;
}

describe('surveying an archive', () => {
  it('lists every file of a LinkedIn export, what it is, its rows, and which will be read', async () => {
    const zip = await writeZip(join(ws.dir, 'Basic_LinkedInDataExport_12-04-2026.zip'), linkedinExport());
    const { files, archives } = await surveyArchives([zip]);
    await Promise.all(archives.map((a) => a.close()));
    expect(files.map((f) => [f.path, f.use.read, f.use.what, f.rows, f.willRead])).toEqual([
      ['Ad_Targeting.csv', 'none', 'LinkedIn ad targeting', null, false],
      ['Connections.csv', 'connections', 'LinkedIn connections', 4, true],
      ['Invitations.csv', 'interactions', 'LinkedIn invitations', 2, true],
      ['Profile.csv', 'none', 'LinkedIn profile', null, false],
      ['messages.csv', 'interactions', 'LinkedIn messages', 4, true],
    ]);
  });

  it('finds the mailbox deep inside Takeout and the Messenger threads of a Facebook download', async () => {
    const tgz = await writeTgz(join(ws.dir, 'takeout-20261204T101010Z-001.tgz'), takeoutExport());
    const zip = await writeZip(join(ws.dir, 'facebook-owner-2026-12-04-abc.zip'), facebookExport());
    const { files, archives } = await surveyArchives([tgz, zip]);
    await Promise.all(archives.map((a) => a.close()));
    const read = files.filter((f) => f.willRead).map((f) => [f.archive, f.path, f.use.read === 'none' ? null : f.use.format]);
    expect(read).toEqual([
      ['takeout-20261204T101010Z-001.tgz', 'Takeout/Calendar/owner@example.com.ics', 'ics'],
      ['takeout-20261204T101010Z-001.tgz', 'Takeout/Contacts/My Contacts/My Contacts.csv', 'google'],
      ['takeout-20261204T101010Z-001.tgz', 'Takeout/Mail/All mail Including Spam and Trash.mbox', 'mbox'],
      ['facebook-owner-2026-12-04-abc.zip', 'connections/friends/received_friend_requests.json', 'facebook-requests'],
      ['facebook-owner-2026-12-04-abc.zip', 'connections/friends/your_friends.json', 'facebook'],
      ['facebook-owner-2026-12-04-abc.zip', 'your_facebook_activity/messages/inbox/dinhngoc_abc123/message_1.json', 'facebook-messages'],
    ]);
    expect(files.find((f) => f.path.endsWith('received_friend_requests.json'))?.use.what).toBe('Facebook friend requests');
    // A mailbox is not parsed twice to count it: its size stands for its rows.
    expect(files.find((f) => f.path.endsWith('.mbox'))).toMatchObject({ rows: null, size: Buffer.byteLength(takeoutExport()[3].content) });
  });

  it('lists an empty file as not used rather than refusing the archive for it', async () => {
    const zip = await writeZip(join(ws.dir, 'takeout.zip'), [...takeoutExport(), { name: 'Takeout/Mail/Spam.mbox', content: '' }, { name: 'Takeout/Calendar/Birthdays.ics', content: '' }]);
    const { summaries, files } = await importArchives(ws.ctx.db, [zip]);
    expect(files.filter((f) => f.use.what === 'empty file').map((f) => f.path)).toEqual(['Takeout/Mail/Spam.mbox', 'Takeout/Calendar/Birthdays.ics']);
    expect(summaries).toHaveLength(3);
  });

  it('recognises call logs (SMS Backup & Restore XML, a call-log CSV) by their content, not their names', async () => {
    const zip = await writeZip(join(ws.dir, 'phone-backup.zip'), [
      { name: 'backup/calls-20240126173147.xml', content: callsXml() },
      { name: 'backup/export (3).csv', content: CALLS_CSV },
      { name: 'backup/sms-20240126173147.xml', content: "<?xml version='1.0'?><smses count=\"0\"></smses>" },
    ]);
    const { files, archives } = await surveyArchives([zip]);
    await Promise.all(archives.map((a) => a.close()));
    expect(files.map((f) => [f.path, f.use.read === 'none' ? null : f.use.format, f.rows])).toEqual([
      ['backup/calls-20240126173147.xml', 'calls-xml', 5],
      ['backup/export (3).csv', 'calls', 6],
      ['backup/sms-20240126173147.xml', null, null],
    ]);
  });
});

describe('importing archives', () => {
  it('gives the same persons, links and tiers as importing the files one by one (connections first)', async () => {
    const linkedin = await writeZip(join(ws.dir, 'Basic_LinkedInDataExport_12-04-2026.zip'), linkedinExport());
    const takeout = await writeTgz(join(ws.dir, 'takeout-20261204T101010Z-001.tgz'), takeoutExport());
    const facebook = await writeZip(join(ws.dir, 'facebook-owner-2026-12-04-abc.zip'), facebookExport());
    const result = await importArchives(ws.ctx.db, [linkedin, takeout, facebook]);
    expect(result.summaries.map((s) => s.file)).toEqual([
      'Basic_LinkedInDataExport_12-04-2026.zip › Connections.csv',
      'takeout-20261204T101010Z-001.tgz › Takeout/Contacts/My Contacts/My Contacts.csv',
      'facebook-owner-2026-12-04-abc.zip › connections/friends/your_friends.json',
      'Basic_LinkedInDataExport_12-04-2026.zip › Invitations.csv',
      'Basic_LinkedInDataExport_12-04-2026.zip › messages.csv',
      'takeout-20261204T101010Z-001.tgz › Takeout/Calendar/owner@example.com.ics',
      'takeout-20261204T101010Z-001.tgz › Takeout/Mail/All mail Including Spam and Trash.mbox',
      'facebook-owner-2026-12-04-abc.zip › connections/friends/received_friend_requests.json',
      'facebook-owner-2026-12-04-abc.zip › your_facebook_activity/messages/inbox/dinhngoc_abc123/message_1.json',
    ]);

    const li = extract(join(other.dir, 'li'), linkedinExport());
    const to = extract(join(other.dir, 'to'), takeoutExport());
    const fb = extract(join(other.dir, 'fb'), facebookExport());
    const oneByOne: [string, 'connections' | 'interactions'][] = [
      [li['Connections.csv'], 'connections'],
      [to['Takeout/Contacts/My Contacts/My Contacts.csv'], 'connections'],
      [fb['connections/friends/your_friends.json'], 'connections'],
      [li['Invitations.csv'], 'interactions'],
      [li['messages.csv'], 'interactions'],
      [to['Takeout/Calendar/owner@example.com.ics'], 'interactions'],
      [to['Takeout/Mail/All mail Including Spam and Trash.mbox'], 'interactions'],
      [fb['connections/friends/received_friend_requests.json'], 'interactions'],
      [fb['your_facebook_activity/messages/inbox/dinhngoc_abc123/message_1.json'], 'interactions'],
    ];
    const single = [];
    for (const [path, kind] of oneByOne) single.push(await importFile(other.ctx.db, path, { kind }));

    const mine = state(ws.ctx.db);
    expect(mine.persons.length).toBeGreaterThan(5);
    expect(mine.interactions.length).toBeGreaterThan(10);
    expect(mine.persons.some((p) => p.tier !== 'dilution')).toBe(true);
    expect(mine).toEqual(state(other.ctx.db));
    // Each file its own summary with the same counts as alone.
    expect(result.summaries.map(({ added, updated, skipped, format }) => ({ added, updated, skipped, format }))).toEqual(
      single.map(({ added, updated, skipped, format }) => ({ added, updated, skipped, format })),
    );
  });

  it('keeps each file its own batch, so one can be undone alone', async () => {
    const zip = await writeZip(join(ws.dir, 'Basic_LinkedInDataExport_12-04-2026.zip'), linkedinExport());
    const { summaries } = await importArchives(ws.ctx.db, [zip]);
    const batches = summaries.map((s) => s.batchId);
    expect(new Set(batches).size).toBe(3);
    expect(ws.ctx.db.prepare(`SELECT file FROM import_batches ORDER BY id`).pluck().all()).toEqual(['Connections.csv', 'Invitations.csv', 'messages.csv']);
    const before = ws.ctx.db.prepare(`SELECT count(*) FROM interactions`).pluck().get() as number;
    expect(undoBatch(ws.ctx.db, batches[2]!)).toBe(true);
    const after = ws.ctx.db.prepare(`SELECT count(*) FROM interactions`).pluck().get() as number;
    expect(after).toBe(before - summaries[2].added);
    expect(ws.ctx.db.prepare(`SELECT count(*) FROM connections`).pluck().get()).toBe(4);
  });

  it('reads a folder, a plain tar, a tgz and a zip64 zip of the same export alike', async () => {
    const files = linkedinExport();
    const folder = join(ws.dir, 'Basic_LinkedInDataExport');
    extract(folder, files);
    const inputs = [
      folder,
      await writeTgz(join(ws.dir, 'export.tar.gz'), files),
      await writeTgz(join(ws.dir, 'export.tar'), files, false),
      await writeZip(join(ws.dir, 'export64.zip'), files.map((f) => ({ ...f, zip64: true }))),
      await writeZip(join(ws.dir, 'stored.zip'), files.map((f) => ({ ...f, store: true }))),
    ];
    let first: ReturnType<typeof state> | null = null;
    for (const input of inputs) {
      const run = tempWorkspace();
      try {
        const { summaries } = await importArchives(run.ctx.db, [input]);
        expect(summaries.map((s) => s.file.split(' › ')[1])).toEqual(['Connections.csv', 'Invitations.csv', 'messages.csv']);
        const now = state(run.ctx.db);
        if (first) expect(now).toEqual(first);
        else first = now;
      } finally {
        run.close();
      }
    }
  });

  it('does not follow symbolic links out of a dropped folder', async () => {
    const outside = join(other.dir, 'secret');
    extract(outside, [{ name: 'Connections.csv', content: linkedinExport()[1].content }]);
    const folder = join(ws.dir, 'export');
    extract(folder, [linkedinExport()[4]]);
    symlinkSync(join(outside, 'Connections.csv'), join(folder, 'Connections.csv'));
    symlinkSync(outside, join(folder, 'linked-folder'));
    const { summaries, files } = await importArchives(ws.ctx.db, [folder]);
    expect(files.map((f) => f.path)).toEqual(['messages.csv']);
    expect(summaries.map((s) => s.file)).toEqual(['export › messages.csv']);
  });

  it('imports several Takeout parts given together as one archive: contacts of part 2 before the mail of part 1', async () => {
    const [browser, calendar, contacts, mail] = takeoutExport();
    const part1 = await writeZip(join(ws.dir, 'takeout-20261204T101010Z-001.zip'), [browser, mail]);
    const part2 = await writeZip(join(ws.dir, 'takeout-20261204T101010Z-002.zip'), [calendar, contacts]);
    const { summaries } = await importArchives(ws.ctx.db, [part1, part2]);
    expect(summaries.map((s) => s.file)).toEqual([
      'takeout-20261204T101010Z-002.zip › Takeout/Contacts/My Contacts/My Contacts.csv',
      'takeout-20261204T101010Z-001.zip › Takeout/Mail/All mail Including Spam and Trash.mbox',
      'takeout-20261204T101010Z-002.zip › Takeout/Calendar/owner@example.com.ics',
    ]);
    const whole = await writeZip(join(other.dir, 'takeout.zip'), [browser, contacts, mail, calendar]);
    await importArchives(other.ctx.db, [whole]);
    expect(state(ws.ctx.db)).toEqual(state(other.ctx.db));
  });

  it('reads only records for `log`, listing the connection files as not read', async () => {
    const zip = await writeZip(join(ws.dir, 'Basic_LinkedInDataExport_12-04-2026.zip'), linkedinExport());
    const { summaries, files } = await importArchives(ws.ctx.db, [zip], { only: 'records' });
    expect(summaries.map((s) => s.file.split(' › ')[1])).toEqual(['Invitations.csv', 'messages.csv']);
    expect(files.find((f) => f.path === 'Connections.csv')).toMatchObject({ willRead: false });
    expect(ws.ctx.db.prepare(`SELECT count(*) FROM connections`).pluck().get()).toBe(0);
  });

  it('names files by archive and path in one printable line, whatever bytes the entry names hold', async () => {
    const mbox = takeoutExport()[3].content;
    const zip = await writeZip(join(ws.dir, 'odd.zip'), [{ name: 'Mail/\u001b[2Jred\nalert\u0007.mbox', content: mbox }]);
    const { summaries } = await importArchives(ws.ctx.db, [zip]);
    expect(summaries.map((s) => s.file)).toEqual(['odd.zip › Mail/ [2Jred alert .mbox']);
  });

  it('reports progress across the whole archive, ending at the total', async () => {
    const zip = await writeZip(join(ws.dir, 'Basic_LinkedInDataExport_12-04-2026.zip'), linkedinExport());
    const seen: [number, number][] = [];
    await importArchives(ws.ctx.db, [zip], { onProgress: (bytes, total) => seen.push([bytes, total]) });
    const total = seen[0][1];
    expect(seen.every(([, t]) => t === total)).toBe(true);
    expect(seen.at(-1)![0]).toBe(total);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
  });

  it('leaves nothing written when cancelled after the first file', async () => {
    const zip = await writeZip(join(ws.dir, 'Basic_LinkedInDataExport_12-04-2026.zip'), linkedinExport());
    const controller = new AbortController();
    await expect(
      importArchives(ws.ctx.db, [zip], {
        signal: controller.signal,
        onProgress: (_b, _t, file) => {
          if (file.endsWith('Invitations.csv')) controller.abort();
        },
      }),
    ).rejects.toThrow(/cancelled; nothing was written/);
    expect(ws.ctx.db.prepare(`SELECT (SELECT count(*) FROM persons) + (SELECT count(*) FROM import_batches) + (SELECT count(*) FROM interactions)`).pluck().get()).toBe(0);
  });
});
