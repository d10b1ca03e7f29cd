// relinkContacts answers 'none' without the matcher for contacts that cannot match; a full relink must find nothing to change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../electron/engine/imports/importFile';
import { relinkContacts } from '../../../electron/engine/linking/relinkContacts';
import { addMe } from '../../../electron/engine/store/settingsStore';
import { generateNetwork, writeLinkedInConnectionsText, writeMboxText } from '../../../shared/demo';
import { tempWorkspace, type TempWorkspace } from '../../fixtures/tempDb';

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.close());

function message(i: number, from: string, to: string): string {
  return `From x Wed Mar  6 16:00:00 2002\nFrom: ${from}\nTo: ${to}\nSubject: s${i}\nDate: Wed, 6 Mar 2002 16:00:00 +0000\nMessage-ID: <edge${i}@x>\n\nbody\n`;
}

describe('the shortcut agrees with the matcher', () => {
  it('on a generated network and archive, and on names, addresses, own identities and decisions at the edges', async () => {
    const net = generateNetwork({ seed: 7, connections: 400, asOf: '2025-06-30' });
    await importFile(ws.ctx.db, ws.write('Connections.csv', writeLinkedInConnectionsText(net)), { kind: 'connections' });
    const db = ws.ctx.db;
    const someone = db.prepare(`SELECT id, display_name AS name FROM persons ORDER BY id LIMIT 1 OFFSET 3`).get() as { id: string; name: string };
    // A decision filed under a contact that the archive is about to create.
    db.prepare(`INSERT INTO link_decisions (contact_key, person_id, verdict, decided_at) VALUES ('email:decided@elsewhere.org', ?, 'confirm', 'x')`).run(someone.id);
    // Known before the imports, so that each relinks only the contacts it creates (with the shortcut).
    addMe(db, [{ kind: 'email', value: net.me.email }, { kind: 'email', value: 'second-me@example.net' }, { kind: 'name', value: net.me.name }]);
    const summary = await importFile(db, ws.write('All mail.mbox', writeMboxText(net, { fillerMessages: 300 })), { kind: 'interactions' });
    expect(summary.added).toBeGreaterThan(200);
    const [knownEmail, bareEmail] = db
      .prepare(`SELECT value FROM identities WHERE kind = 'email' AND 'email:' || value NOT IN (SELECT key FROM contacts) ORDER BY value LIMIT 2`)
      .pluck()
      .all() as string[];
    const edges = [
      message(1, `"${someone.name}" <${someone.name.split(' ')[0].toLowerCase()}@unknown-company.example>`, net.me.email),
      message(2, 'decided@elsewhere.org', net.me.email),
      message(3, `"${net.me.name}" <new-address-of-mine@example.net>`, 'stranger@example.com'),
      message(4, `"${knownEmail}" <>`, net.me.email),
      message(5, 'Completely Unknown Person <cup@example.org>', net.me.email),
      message(6, `<${bareEmail}>`, net.me.email),
      message(7, 'An Alias <second-me@example.net>', 'cup@example.org'),
    ].join('\n');
    expect((await importFile(db, ws.write('edges.mbox', edges), { kind: 'interactions' })).added).toBe(7);
    const statuses = db.prepare(`SELECT status, count(*) AS n FROM contacts GROUP BY status`).all() as { status: string; n: number }[];
    expect(statuses.map((s) => s.status).sort()).toEqual(['linked', 'none', 'own', 'review']);
    expect(db.prepare(`SELECT person_id FROM contacts WHERE key = 'email:decided@elsewhere.org'`).pluck().get()).toBe(someone.id);
    expect(db.prepare(`SELECT status FROM contacts WHERE name = ?`).pluck().get(knownEmail)).toBe('linked');
    expect(db.prepare(`SELECT status FROM contacts WHERE key = ?`).pluck().get(`email:${bareEmail}`)).toBe('linked');
    expect(db.prepare(`SELECT status FROM contacts WHERE key = 'email:second-me@example.net'`).pluck().get()).toBe('own');
    // A relink of every contact runs the matcher on each: it must agree with what the import stored.
    const full = relinkContacts(db);
    expect(full.changed).toBe(0);
    expect(full.contacts).toBeGreaterThan(100);
  });

  it('on contacts known only by a profile URL or a phone number: those a person holds are linked, the rest none', async () => {
    const db = ws.ctx.db;
    const linkedin = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Jürgen,Müller,https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller,,Contoso,Engineer,12 Jan 2023',
      'Ada,Obi,https://www.linkedin.com/in/ada-obi,,Fabrikam,Designer,03 Feb 2022',
    ].join('\n');
    await importFile(db, ws.write('Connections.csv', linkedin), { kind: 'connections' });
    const google = ['First Name,Last Name,Phone 1 - Label,Phone 1 - Value', 'Carla,Reyes,Mobile,+44 20 7946 0001'].join('\n');
    await importFile(db, ws.write('contacts.csv', google), { kind: 'connections', format: 'google' });
    addMe(db, [{ kind: 'name', value: 'Robin Keller' }, { kind: 'url', value: 'https://www.linkedin.com/in/robin-keller' }]);

    const messages = [
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER',
      // A name no person has, with the raw-Unicode form of a stored (percent-encoded) profile URL.
      'c1,,J. M.,https://www.linkedin.com/in/jürgen-müller,Robin Keller,2025-01-10 10:00:00 UTC,,hi,INBOX',
      'c1,,Robin Keller,https://www.linkedin.com/in/robin-keller,J. M.,2025-01-11 10:00:00 UTC,,hello,INBOX',
      'c2,,Somebody Else,https://www.linkedin.com/in/somebody-else-42,Robin Keller,2025-01-12 10:00:00 UTC,,hey,INBOX',
    ].join('\n');
    expect((await importFile(db, ws.write('messages.csv', messages), { kind: 'interactions' })).added).toBe(3);
    const calls = ['Name,Number,Type,Date,Duration', 'Mum,+442079460001,incoming,2025-02-01 09:00,120', 'Plumber,+1 202 555 0143,outgoing,2025-02-02 09:00,60'].join('\n');
    expect((await importFile(db, ws.write('calls.csv', calls), { kind: 'interactions', format: 'calls' })).added).toBe(2);

    const personOf = (name: string) => db.prepare(`SELECT id FROM persons WHERE display_name = ?`).pluck().get(name);
    const contact = (where: string) => db.prepare(`SELECT status, person_id AS personId FROM contacts WHERE ${where}`).get() as { status: string; personId: string | null };
    expect(contact(`profile_url LIKE '%j%rgen%' AND name = 'J. M.'`)).toEqual({ status: 'linked', personId: personOf('Jürgen Müller') });
    expect(contact(`name = 'Mum'`)).toEqual({ status: 'linked', personId: personOf('Carla Reyes') });
    expect(contact(`name = 'Somebody Else'`).status).toBe('none');
    expect(contact(`name = 'Plumber'`)).toEqual({ status: 'none', personId: null });
    expect(relinkContacts(db).changed).toBe(0);
  });
});
