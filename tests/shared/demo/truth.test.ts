// The truth computation on small hand-made networks: SPEC §2–§4 case by case.
import { describe, expect, it } from 'vitest';
import type { GeneratedNetwork, GeneratedPerson, Meeting, Message, Party } from '../../../shared/demo/model';
import { computeTruth, occurrenceDays } from '../../../shared/demo/truth';

const asOf = '2025-06-30';
const me: Party = { who: 'me', name: 'Robin Keller', email: 'robin@example.org' };

function person(index: number, first = 'Ann', last = `Person${index}`): GeneratedPerson {
  return {
    index, firstName: first, lastName: last, rowFirstName: first, rowLastName: last, culture: 'english', company: 'Contoso Ltd',
    domain: 'contoso.com', position: 'Engineer', workEmail: `p${index}@contoso.com`, personalEmail: `p${index}@gmail.com`,
    listedEmail: '', slug: `p-${index}`, profileUrl: `https://www.linkedin.com/in/p-${index}`, phone: '+1 555 0100',
    connectedOn: '2015-01-01', nameKey: `${first} ${last}`.toLowerCase(), planned: 'dilution', difficulty: 'name', traps: [],
  };
}

function network(count: number, build: (n: GeneratedNetwork) => void): GeneratedNetwork {
  const net: GeneratedNetwork = {
    seed: 1, asOf, me: { name: me.name, email: me.email as string, profileUrl: 'https://www.linkedin.com/in/me' },
    persons: Array.from({ length: count }, (_, i) => person(i)), blankRows: [], meetings: [], calls: [], mail: [], linkedin: [],
  };
  build(net);
  return net;
}

const them = (i: number): Party => ({ who: i, name: `Ann Person${i}`, email: `p${i}@contoso.com` });
const stranger = (k: number): Party => ({ who: 'stranger', name: `Stranger ${k}`, email: `s${k}@example.com` });

function meeting(day: string, others: Party[], opts: Partial<Meeting> = {}): Meeting {
  return {
    type: 'meeting', uid: `${day}-${others.length}`, summary: 'Coffee', start: `${day}T10:00:00Z`, durationMin: 60, allDay: false,
    tzid: null, location: 'Café Einstein, Berlin', physical: true, description: '', organizer: me,
    attendees: [{ party: me, status: 'ACCEPTED' }, ...others.map((party) => ({ party, status: 'ACCEPTED' as const }))],
    cancelled: false, weeklyCount: 1, ...opts,
  };
}

function thread(messages: [string, Party, Party][]) {
  const list: Message[] = messages.map(([day, from, to], k) => ({ id: String(k), at: `${day}T12:00:00Z`, from, to: [to], cc: [], body: ['hi'] }));
  return { type: 'mail' as const, threadId: `${messages[0][0]}-${list.length}`, subject: 'Hello', messages: list, automated: false };
}

describe('computeTruth', () => {
  it('counts one in-person meeting three months before asOf as real', () => {
    const net = network(1, (n) => n.meetings.push(meeting('2025-03-30', [them(0)])));
    expect(computeTruth(net)[0]).toMatchObject({ tier: 'real', inPerson: 1, conversations: 1, lastContact: '2025-03-30' });
  });

  it('counts two two-way threads thirty months ago as fading', () => {
    const net = network(1, (n) => {
      n.mail.push(thread([['2022-12-01', them(0), me], ['2022-12-02', me, them(0)]]));
      n.mail.push(thread([['2022-12-20', me, them(0)], ['2022-12-28', them(0), me]]));
    });
    expect(computeTruth(net)[0]).toMatchObject({ tier: 'fading', twoWayThreads: 2, conversations: 2, lastContact: '2022-12-28' });
  });

  it('calls one-way threads only an acquaintance, whoever wrote', () => {
    const net = network(2, (n) => {
      n.mail.push(thread([['2025-05-01', them(0), me], ['2025-05-03', them(0), me]]));
      n.mail.push(thread([['2025-05-01', me, them(1)]]));
    });
    const [a, b] = computeTruth(net);
    expect(a).toMatchObject({ tier: 'acquaintance', oneWay: 1, conversations: 0, lastContact: null });
    expect(b).toMatchObject({ tier: 'acquaintance', oneWay: 1, conversations: 0 });
  });

  it('ignores records after asOf, message by message', () => {
    const net = network(2, (n) => {
      n.meetings.push(meeting('2025-07-01', [them(0)]));
      n.mail.push(thread([['2025-06-20', them(1), me], ['2025-07-02', me, them(1)]]));
    });
    const [a, b] = computeTruth(net);
    expect(a).toMatchObject({ tier: 'dilution', interactions: 0 });
    expect(b).toMatchObject({ tier: 'acquaintance', oneWay: 1, twoWayThreads: 0 });
  });

  it('counts a record dated on asOf itself', () => {
    const net = network(1, (n) => n.meetings.push(meeting(asOf, [them(0)])));
    expect(computeTruth(net)[0].tier).toBe('real');
  });

  it('makes a gathering of 12 an event, not a conversation; exactly 8 others is still a meeting', () => {
    const crowd = Array.from({ length: 11 }, (_, k) => stranger(k));
    const net = network(2, (n) => {
      n.meetings.push(meeting('2025-03-01', [them(0), ...crowd]));
      n.meetings.push(meeting('2025-03-02', [them(1), ...crowd.slice(0, 7)]));
    });
    const [a, b] = computeTruth(net);
    expect(a).toMatchObject({ tier: 'acquaintance', inPerson: 0, oneWay: 1 });
    expect(b).toMatchObject({ tier: 'real', inPerson: 1 });
  });

  it('never lets a namesake who is not a connection make a connection real', () => {
    const namesake: Party = { who: 'stranger', name: 'Ann Person0', email: 'ann.person0@fabrikam.com' };
    const net = network(1, (n) => {
      n.mail.push(thread([['2025-05-01', namesake, me], ['2025-05-02', me, namesake]]));
      n.mail.push(thread([['2025-05-10', me, namesake], ['2025-05-11', namesake, me]]));
    });
    expect(computeTruth(net)[0]).toMatchObject({ tier: 'dilution', interactions: 0 });
  });

  it('ignores declined invitations and cancelled meetings', () => {
    const net = network(2, (n) => {
      const m = meeting('2025-04-01', [stranger(1)]);
      m.attendees.push({ party: them(0), status: 'DECLINED' });
      n.meetings.push(m, meeting('2025-04-02', [them(1)], { cancelled: true }));
    });
    expect(computeTruth(net).map((t) => t.tier)).toEqual(['dilution', 'dilution']);
  });

  it('counts connected calls and video calls, not missed or zero-length calls', () => {
    const net = network(3, (n) => {
      n.calls.push({ type: 'call', at: '2025-01-01T10:00:00Z', party: { ...them(0), phone: '1' }, direction: 'incoming', durationSec: 300 });
      n.calls.push({ type: 'call', at: '2025-02-01T10:00:00Z', party: { ...them(0), phone: '1' }, direction: 'outgoing', durationSec: 60 });
      n.calls.push({ type: 'call', at: '2025-01-01T10:00:00Z', party: { ...them(1), phone: '2' }, direction: 'missed', durationSec: 0 });
      n.calls.push({ type: 'call', at: '2025-01-02T10:00:00Z', party: { ...them(1), phone: '2' }, direction: 'outgoing', durationSec: 0 });
      n.meetings.push(meeting('2025-02-01', [them(2)], { physical: false, location: 'https://zoom.us/j/1' }));
    });
    const [a, b, c] = computeTruth(net);
    expect(a).toMatchObject({ tier: 'real', calls: 2, conversations: 2 });
    expect(b).toMatchObject({ tier: 'acquaintance', calls: 0, oneWay: 2 });
    expect(c).toMatchObject({ tier: 'acquaintance', calls: 1, inPerson: 0 });
  });

  it('uses calendar months for the 24-month window', () => {
    const net = network(2, (n) => {
      n.meetings.push(meeting('2023-06-30', [them(0)]));
      n.meetings.push(meeting('2023-06-29', [them(1)]));
    });
    expect(computeTruth(net).map((t) => t.tier)).toEqual(['real', 'fading']);
  });

  it('does not let recent one-way contact refresh an old relationship', () => {
    const net = network(1, (n) => {
      n.meetings.push(meeting('2020-01-10', [them(0)]));
      n.mail.push(thread([['2025-06-01', them(0), me]]));
    });
    expect(computeTruth(net)[0]).toMatchObject({ tier: 'fading', lastContact: '2020-01-10', lastInteraction: '2025-06-01' });
  });

  it('counts weekly occurrences up to asOf only', () => {
    expect(occurrenceDays('2025-06-10T09:00:00Z', 4)).toEqual(['2025-06-10', '2025-06-17', '2025-06-24', '2025-07-01']);
    const net = network(1, (n) => n.meetings.push(meeting('2025-06-10', [them(0)], { weeklyCount: 4, physical: false, location: null })));
    expect(computeTruth(net)[0]).toMatchObject({ tier: 'real', calls: 3, lastContact: '2025-06-24' });
  });

  it('ignores newsletters', () => {
    const net = network(1, (n) => n.mail.push({ ...thread([['2025-05-01', them(0), me]]), automated: true }));
    expect(computeTruth(net)[0].tier).toBe('dilution');
  });
});
