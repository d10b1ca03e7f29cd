// The invitation calls of the contract through the engine's one entry (validation included): the
// list, a sender's records, accept/decline tags that survive a re-import, and the CSV export.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoke } from '../../../../electron/engine/handlers';
import { importFile } from '../../../../electron/engine/imports/importFile';
import { tempWorkspace, type TempWorkspace } from '../../../fixtures/tempDb';
import { AS_OF, ME, writeScenario, type ScenarioFiles } from '../../../fixtures/invitationScenario';
import type { InvitationRow } from '../../../../shared/invitations/invitationRow';

let ws: TempWorkspace;
let files: ScenarioFiles;

beforeEach(async () => {
  ws = tempWorkspace();
  files = writeScenario((name, text) => ws.write(name, text));
  await importFile(ws.ctx.db, files.connections, { kind: 'connections' });
  await importFile(ws.ctx.db, files.mbox, { kind: 'interactions', me: [{ kind: 'email', value: ME.email }] });
  await importFile(ws.ctx.db, files.ics, { kind: 'interactions' });
  await importFile(ws.ctx.db, files.invitations, { kind: 'interactions' });
});
afterEach(() => ws.close());

async function call<T>(channel: string, request: unknown): Promise<T> {
  const envelope = await invoke(ws.ctx, channel, request);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

const list = () => call<{ invitations: InvitationRow[] }>('invites:list', { asOf: AS_OF }).then((r) => r.invitations);
const byName = async (name: string) => (await list()).find((r) => r.from === name)!;

describe('invitation calls', () => {
  it('lists senders with the sentence, and a sender\'s records with how each counted', async () => {
    const tom = await byName('Tom Okafor');
    expect(tom).toMatchObject({ verdict: 'talked', network: 'linkedin', sentence: 'You have had 2 conversations with Tom, though never in person. By your own rule, this one passes.' });
    const detail = await call<{ records: { subject: string; counted: string; how: string; evidence: string[] }[] }>('invites:detail', { key: tom.key, asOf: AS_OF });
    expect(detail.records.map((r) => r.subject)).toEqual(['Re: Follow-up', 'Follow-up', 'Re: Intro', 'Intro']);
    expect(new Set(detail.records.map((r) => r.counted))).toEqual(new Set(['part of a two-way thread: a conversation']));
    expect(detail.records[0]).toMatchObject({ how: 'name', evidence: ['name key "thomas okafor" is on the invitation', 'name key "thomas okafor" is unique'] });
    const philippa = await byName('Philippa Strand');
    expect(philippa.message).toBe('=HYPERLINK("http://evil.example")');
    // Her August thread is shown, as on a person's page, but it is after the audit date.
    const later = await call<{ records: { counted: string }[] }>('invites:detail', { key: philippa.key, asOf: AS_OF });
    expect(later.records.map((r) => r.counted)).toEqual(['after the audit date: ignored', 'after the audit date: ignored']);
    expect(philippa.verdict).toBe('never');
  });

  it('refuses unknown senders and malformed keys', async () => {
    await expect(invoke(ws.ctx, 'invites:detail', { key: 'url:linkedin.com/in/nobody' })).resolves.toMatchObject({ ok: false, error: { code: 'not_found' } });
    await expect(invoke(ws.ctx, 'invites:tag', { action: 'add', tag: 'accept', keys: ['robert'] })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    await expect(invoke(ws.ctx, 'invites:tag', { action: 'add', tag: 'two words', keys: ['name:x y'] })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('tags senders, keeps the tags when the file is imported again, and exports only the keys asked for', async () => {
    const greta = await byName('Greta Lind');
    const ivan = await byName('Ivan Petrov');
    expect(await call('invites:tag', { action: 'add', tag: 'accept', keys: [greta.key] })).toEqual({ changed: 1 });
    expect(await call('invites:tag', { action: 'add', tag: 'decline', keys: [ivan.key, ivan.key] })).toEqual({ changed: 1 });
    await importFile(ws.ctx.db, files.invitations, { kind: 'interactions' });
    expect((await byName('Greta Lind')).tags).toEqual(['accept']);
    expect((await byName('Ivan Petrov')).tags).toEqual(['decline']);
    // Tags on senders are not tags on persons.
    expect(await call<{ tags: unknown[] }>('tags:list', {})).toEqual({ tags: [] });
    const out = await call<{ csv: string; rows: number; fileName: string }>('invites:export', { keys: [greta.key, ivan.key], asOf: AS_OF });
    expect(out.rows).toBe(2);
    expect(out.fileName).toBe(`tiecheck-invitations-${AS_OF}.csv`);
    const lines = out.csv.trim().split('\r\n');
    expect(lines.slice(1).sort()).toEqual([
      'Greta Lind,https://www.linkedin.com/in/greta-lind,linkedin,2026-06-03,met,1,1,0,2025-11-20,accept,',
      'Ivan Petrov,https://www.linkedin.com/in/ivan-petrov,linkedin,2026-06-04,contact,0,0,1,,decline,',
    ]);
    expect(await call('invites:tag', { action: 'remove', tag: 'accept', keys: [greta.key] })).toEqual({ changed: 1 });
    expect((await byName('Greta Lind')).tags).toEqual([]);
  });
});

describe('invitation records on the demo network', () => {
  it('explain each meeting with the head count its verdict used: the in-person records equal inPerson', async () => {
    const demo = tempWorkspace();
    try {
      const loaded = await invoke(demo.ctx, 'demo:load', {});
      expect(loaded.ok).toBe(true);
      const listed = await invoke(demo.ctx, 'invites:list', {});
      if (!listed.ok) throw new Error(listed.error.message);
      const invitations = (listed.value as { invitations: InvitationRow[] }).invitations;
      expect(invitations.some((i) => i.inPerson > 0)).toBe(true);
      for (const inv of invitations) {
        const detail = await invoke(demo.ctx, 'invites:detail', { key: inv.key });
        if (!detail.ok) throw new Error(detail.error.message);
        const records = (detail.value as { records: { counted: string }[] }).records;
        expect(records.filter((r) => r.counted === 'met in person: a conversation').length, inv.from).toBe(inv.inPerson);
      }
    } finally {
      demo.close();
    }
  });
});
