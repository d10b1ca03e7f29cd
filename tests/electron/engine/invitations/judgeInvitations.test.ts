// Invitations judged at the gate (issue 15), on generated mail, calendar and invitation files in a
// real database: each verdict, the outgoing and future ones left out, namesakes kept apart, the
// sender who becomes a connection gone, and the audit exactly as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../../electron/engine/imports/importFile';
import { runAudit } from '../../../../electron/engine/audit/runAudit';
import { judgeInvitations } from '../../../../electron/engine/invitations/judgeInvitations';
import { loadDemoNetwork } from '../../../../electron/engine/imports/loadDemo';
import { tempWorkspace, type TempWorkspace } from '../../../fixtures/tempDb';
import { AS_OF, ME, writeScenario, type ScenarioFiles } from '../../../fixtures/invitationScenario';
import { writeLinkedInInvitationsText } from '../../../../shared/demo/invitations';
import { writeMboxText } from '../../../../shared/demo/mbox';
import type { GeneratedNetwork, MailThread, Party } from '../../../../shared/demo/model';

let ws: TempWorkspace;
let files: ScenarioFiles;
const me = [
  { kind: 'email' as const, value: ME.email },
  { kind: 'url' as const, value: ME.profileUrl },
  { kind: 'name' as const, value: ME.name },
];

beforeEach(async () => {
  ws = tempWorkspace();
  files = writeScenario((name, text) => ws.write(name, text));
  await importFile(ws.ctx.db, files.connections, { kind: 'connections' });
  await importFile(ws.ctx.db, files.mbox, { kind: 'interactions', me });
  await importFile(ws.ctx.db, files.ics, { kind: 'interactions' });
});
afterEach(() => ws.close());

function verdicts() {
  return Object.fromEntries(
    judgeInvitations(ws.ctx.db, { asOf: AS_OF }).invitations.map((i) => [i.sender.name, { verdict: i.verdict, ...pick(i.evidence) }]),
  );
}
const pick = (e: { inPerson: number; conversations: number; oneWay: number; lastContact: string | null }) => ({
  inPerson: e.inPerson,
  conversations: e.conversations,
  oneWay: e.oneWay,
  lastContact: e.lastContact,
});

describe('judging invitations', () => {
  it('judges each incoming invitation from a non-connection by the audit rules', async () => {
    const summary = await importFile(ws.ctx.db, files.invitations, { kind: 'interactions' });
    expect(summary.format).toBe('linkedin-invitations');
    expect(summary.added).toBe(9);
    expect(verdicts()).toEqual({
      'Philippa Strand': { verdict: 'never', inPerson: 0, conversations: 0, oneWay: 0, lastContact: null },
      'Tom Okafor': { verdict: 'talked', inPerson: 0, conversations: 2, oneWay: 0, lastContact: '2025-09-12' },
      'Greta Lind': { verdict: 'met', inPerson: 1, conversations: 1, oneWay: 0, lastContact: '2025-11-20' },
      'Ivan Petrov': { verdict: 'contact', inPerson: 0, conversations: 0, oneWay: 1, lastContact: null },
      'Dana Wu': { verdict: 'talked', inPerson: 0, conversations: 2, oneWay: 0, lastContact: '2025-06-02' },
      // A namesake of a connection: the mail is the connection's, not borrowed by the stranger.
      'Sam Rivera': { verdict: 'never', inPerson: 0, conversations: 0, oneWay: 0, lastContact: null },
    });
  });

  it('reads Facebook friend requests the same way', async () => {
    const summary = await importFile(ws.ctx.db, files.facebookRequests, { kind: 'interactions' });
    expect(summary.format).toBe('facebook-requests');
    expect(verdicts()).toEqual({ 'Zoë Hart': { verdict: 'contact', inPerson: 0, conversations: 1, oneWay: 0, lastContact: '2025-07-03' } });
  });

  it('lets an invitation dated after the audit date wait until then', async () => {
    await importFile(ws.ctx.db, files.invitations, { kind: 'interactions' });
    const later = judgeInvitations(ws.ctx.db, { asOf: '2026-08-15' }).invitations;
    expect(later.map((i) => i.sender.name)).toContain('Quinn Ames');
    // Philippa's thread of August counts once the audit date has passed it: one conversation.
    const philippa = later.find((i) => i.sender.name === 'Philippa Strand');
    expect([philippa?.verdict, philippa?.evidence.conversations]).toEqual(['contact', 1]);
  });

  it('drops a sender once a later export makes them a connection', async () => {
    await importFile(ws.ctx.db, files.invitations, { kind: 'interactions' });
    await importFile(ws.ctx.db, files.connectionsLater, { kind: 'connections' });
    expect(Object.keys(verdicts()).sort()).toEqual(['Greta Lind', 'Ivan Petrov', 'Philippa Strand', 'Sam Rivera', 'Tom Okafor']);
  });

  it('leaves the audit of the network exactly as it was', async () => {
    const before = JSON.stringify(runAudit(ws.ctx.db, { asOf: AS_OF }));
    await importFile(ws.ctx.db, files.invitations, { kind: 'interactions' });
    await importFile(ws.ctx.db, files.facebookRequests, { kind: 'interactions' });
    judgeInvitations(ws.ctx.db, { asOf: AS_OF });
    expect(JSON.stringify(runAudit(ws.ctx.db, { asOf: AS_OF }))).toBe(before);
    const persons = ws.ctx.db.prepare(`SELECT count(*) FROM persons`).pluck().get();
    expect(persons).toBe(2);
  });

  it('imports the same invitations file twice without adding anything', async () => {
    await importFile(ws.ctx.db, files.invitations, { kind: 'interactions' });
    const again = await importFile(ws.ctx.db, files.invitations, { kind: 'interactions' });
    expect(again.added).toBe(0);
    expect(again.batchId).toBeNull();
    expect(judgeInvitations(ws.ctx.db, { asOf: AS_OF }).invitations).toHaveLength(6);
  });

  it('gives the demo network invitations of every kind but talked, none from a connection or sent by you', async () => {
    const demo = tempWorkspace();
    try {
      await loadDemoNetwork(demo.ctx.db, { asOf: '2026-06-30' });
      const before = JSON.stringify(runAudit(demo.ctx.db, { asOf: '2026-06-30' }).summary);
      const judged = judgeInvitations(demo.ctx.db, { asOf: '2026-06-30' }).invitations;
      expect(new Set(judged.map((j) => j.verdict))).toEqual(new Set(['met', 'contact', 'never']));
      expect(judged.map((j) => j.sender.name)).not.toContain('Marisol Quennell');
      expect(judged).toHaveLength(9);
      expect(demo.ctx.db.prepare(`SELECT count(*) FROM invitations`).pluck().get()).toBe(11);
      expect(JSON.stringify(runAudit(demo.ctx.db, { asOf: '2026-06-30' }).summary)).toBe(before);
    } finally {
      demo.close();
    }
  });

  it('does not let two senders of one name share a bare name\'s records', async () => {
    const jo: Party = { who: 'stranger', name: 'Jo Bloggs', email: 'jo.bloggs@gmail.com' };
    const owner: Party = { who: 'me', name: ME.name, email: ME.email };
    const thread = (id: string, day: string): MailThread => ({
      type: 'mail', threadId: id, subject: `Hello ${id}`, automated: false,
      messages: [
        { id: `${id}a`, at: `${day}T10:00:00Z`, from: jo, to: [owner], cc: [], body: ['Hi'] },
        { id: `${id}b`, at: `${day}T12:00:00Z`, from: owner, to: [jo], cc: [], body: ['Hello'] },
      ],
    });
    const net: GeneratedNetwork = { seed: 1, asOf: AS_OF, me: ME, persons: [], blankRows: [], calls: [], linkedin: [], meetings: [], mail: [thread('1800000000000000001', '2025-01-10'), thread('1800000000000000002', '2025-02-10')] };
    await importFile(ws.ctx.db, ws.write('jo.mbox', writeMboxText(net)), { kind: 'interactions' });
    const one = { name: 'Jo Bloggs', profileUrl: 'https://www.linkedin.com/in/jo-bloggs-1', sentAt: '2026-06-10T10:00:00Z', direction: 'incoming' as const };
    await importFile(ws.ctx.db, ws.write('one.csv', writeLinkedInInvitationsText(ME, [one], '2023')), { kind: 'interactions', format: 'linkedin-invitations' });
    expect(verdicts()['Jo Bloggs']).toMatchObject({ verdict: 'talked', conversations: 2 });
    // A second Jo Bloggs invites: the mail could be either's, so neither is judged by it.
    const other = { ...one, profileUrl: 'https://www.linkedin.com/in/jo-bloggs-2', sentAt: '2026-06-11T10:00:00Z' };
    await importFile(ws.ctx.db, ws.write('two.csv', writeLinkedInInvitationsText(ME, [other], '2023')), { kind: 'interactions', format: 'linkedin-invitations' });
    const jos = judgeInvitations(ws.ctx.db, { asOf: AS_OF }).invitations.filter((i) => i.sender.name === 'Jo Bloggs');
    expect(jos.map((j) => [j.sender.profileUrl, j.verdict])).toEqual([
      ['https://www.linkedin.com/in/jo-bloggs-1', 'never'],
      ['https://www.linkedin.com/in/jo-bloggs-2', 'never'],
    ]);
  });
});
