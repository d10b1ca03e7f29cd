// A person page explains a meeting with the same head count as the evidence: you are not one of the
// "others", so a meeting of you and eight others is a conversation, one of nine others a gathering.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../../electron/engine/imports/importFile';
import { readPersonDetail } from '../../../../electron/engine/audit/personDetail';
import { linkedInConnections, tempWorkspace, type TempWorkspace } from '../../../fixtures/tempDb';

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.close());

function meeting(uid: string, day: string, guests: number, location: string, myStatus = 'ACCEPTED'): string[] {
  const attendees = [`ATTENDEE;PARTSTAT=${myStatus};CN=Me:mailto:me@example.org`, 'ATTENDEE;PARTSTAT=ACCEPTED;CN=Ada Byron:mailto:ada@example.org'];
  for (let i = 1; i < guests; i++) attendees.push(`ATTENDEE;PARTSTAT=ACCEPTED;CN=Guest ${i}:mailto:guest${i}@example.net`);
  return ['BEGIN:VEVENT', `UID:${uid}`, `DTSTART:${day}T100000Z`, `DTEND:${day}T110000Z`, `SUMMARY:Meeting ${uid}`, `LOCATION:${location}`, 'ORGANIZER;CN=Me:mailto:me@example.org', ...attendees, 'END:VEVENT'];
}

describe('person page: meetings explained as they are counted', () => {
  it('eight others is a conversation, nine a gathering, a declined one is not counted', async () => {
    await importFile(ws.ctx.db, ws.write('Connections.csv', linkedInConnections(['Ada,Byron,https://www.linkedin.com/in/ada-byron,ada@example.org,Analytical,Engineer,01 Jan 2020'])), {
      kind: 'connections',
    });
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', ...meeting('eight', '20250110', 8, 'Room 4, 1 Main St'), ...meeting('nine', '20250210', 9, 'Room 4, 1 Main St'), ...meeting('declined', '20250310', 2, 'Cafe Nero', 'DECLINED'), 'END:VCALENDAR'].join('\r\n');
    await importFile(ws.ctx.db, ws.write('cal.ics', ics), { kind: 'interactions', me: [{ kind: 'email', value: 'me@example.org' }] });
    const personId = ws.ctx.db.prepare(`SELECT id FROM persons`).pluck().get() as string;
    const detail = readPersonDetail(ws.ctx.db, personId, '2025-12-31');
    const counted = Object.fromEntries(detail.records.map((r) => [r.subject, r.counted]));
    expect(counted['Meeting eight']).toBe('met in person: a conversation');
    expect(counted['Meeting nine']).toMatch(/^a gathering \(9 people besides you\)/);
    expect(counted['Meeting declined']).toBe('you declined it: not counted');
    // The same verdict as the evidence behind the tier.
    expect(detail.person.inPerson).toBe(1);
  });
});
