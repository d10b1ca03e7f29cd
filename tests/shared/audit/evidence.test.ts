// SPEC §2–§3 on hand-made rows: two-way threads, one-way contact, meetings, gatherings, calls, manual records.
import { describe, expect, it } from 'vitest';
import { collectEvidence, type EvidenceRow } from '../../../shared/audit/evidence';
import { DEFAULT_RULES } from '../../../shared/domain/audit';

let nextId = 1;
function msg(thread: string, day: string, sender: 'me' | string, others: string[], extra: Partial<EvidenceRow> = {}): EvidenceRow[] {
  const id = nextId++;
  const base = { interactionId: id, kind: 'email' as const, day, threadKey: thread, connected: true, othersCount: null, automated: false, manual: false, declined: false, ...extra };
  const rows: EvidenceRow[] = [{ ...base, personId: sender === 'me' ? null : sender, isMe: sender === 'me', isSender: true }];
  if (sender !== 'me') rows.push({ ...base, personId: null, isMe: true, isSender: false });
  for (const o of others) rows.push({ ...base, personId: o, isMe: false, isSender: false });
  return rows;
}
function meeting(kind: EvidenceRow['kind'], day: string, people: string[], extra: Partial<EvidenceRow> = {}): EvidenceRow[] {
  const id = nextId++;
  const base = { interactionId: id, kind, day, threadKey: null, connected: true, othersCount: null, automated: false, manual: false, declined: false, isSender: false, ...extra };
  return [{ ...base, personId: null, isMe: true }, ...people.map((p) => ({ ...base, personId: p, isMe: false }))];
}

describe('collectEvidence', () => {
  it('counts a thread as a conversation only when both you and they wrote', () => {
    const rows = [...msg('t1', '2024-01-01', 'me', ['bill']), ...msg('t1', '2024-01-03', 'bill', []), ...msg('t2', '2024-02-01', 'ann', [])];
    const e = collectEvidence(rows, DEFAULT_RULES);
    expect(e.get('bill')).toMatchObject({ twoWayThreads: 1, conversations: 1, oneWay: 0, lastContact: '2024-01-03' });
    expect(e.get('ann')).toMatchObject({ twoWayThreads: 0, conversations: 0, oneWay: 1, lastContact: null, lastInteraction: '2024-02-01' });
  });

  it('dates a two-way thread by its latest message, even one only you wrote', () => {
    const rows = [...msg('t', '2024-01-01', 'bill', []), ...msg('t', '2024-01-02', 'me', ['bill']), ...msg('t', '2024-03-09', 'me', ['bill'])];
    expect(collectEvidence(rows, DEFAULT_RULES).get('bill')?.lastContact).toBe('2024-03-09');
  });

  it('never counts an automated thread as a conversation', () => {
    const rows = [...msg('n', '2024-01-01', 'news', [], { automated: true }), ...msg('n', '2024-01-02', 'me', ['news'])];
    expect(collectEvidence(rows, DEFAULT_RULES).get('news')).toMatchObject({ conversations: 0, oneWay: 1 });
  });

  it('counts in-person meetings, and a gathering above smallGroupMax only as one-way', () => {
    const crowd = Array.from({ length: 12 }, (_, i) => `p${i}`);
    const rows = [...meeting('in_person', '2024-05-01', ['bill']), ...meeting('in_person', '2024-06-01', ['bill', ...crowd], { othersCount: 14 })];
    const e = collectEvidence(rows, DEFAULT_RULES);
    expect(e.get('bill')).toMatchObject({ inPerson: 1, conversations: 1, oneWay: 1, lastContact: '2024-05-01', lastInteraction: '2024-06-01' });
    expect(e.get('p0')).toMatchObject({ inPerson: 0, conversations: 0, oneWay: 1 });
    expect(collectEvidence(rows, { ...DEFAULT_RULES, smallGroupMax: 20 }).get('p0')).toMatchObject({ inPerson: 1 });
  });

  it('treats a meeting you declined as no meeting, and a declined attendee as absent', () => {
    const declinedByMe = meeting('in_person', '2024-05-01', ['bill']).map((r) => (r.isMe ? { ...r, declined: true } : r));
    const declinedByThem = meeting('in_person', '2024-05-02', ['ann']).map((r) => (r.personId === 'ann' ? { ...r, declined: true } : r));
    const e = collectEvidence([...declinedByMe, ...declinedByThem], DEFAULT_RULES);
    expect(e.get('bill')).toBeUndefined();
    expect(e.get('ann')).toBeUndefined();
  });

  it('counts connected calls and video as conversations, missed calls as contact only', () => {
    const rows = [...meeting('call', '2024-01-01', ['bill']), ...meeting('call', '2024-02-01', ['bill'], { connected: false }), ...meeting('video', '2024-03-01', ['bill'])];
    expect(collectEvidence(rows, DEFAULT_RULES).get('bill')).toMatchObject({ calls: 2, conversations: 2, oneWay: 1, lastContact: '2024-03-01' });
  });

  it('takes a hand-logged email as a two-way conversation', () => {
    const rows = meeting('email', '2024-01-01', ['bill'], { manual: true, threadKey: 'manual:1' });
    expect(collectEvidence(rows, DEFAULT_RULES).get('bill')).toMatchObject({ twoWayThreads: 1, conversations: 1 });
  });
});
