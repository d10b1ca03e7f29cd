// Reads the written files back (not the in-memory model) and checks the truth against them for persons whose records are simple to link.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../../../shared/demo/network';
import { writeLinkedInMessagesText } from '../../../shared/demo/linkedinCsv';
import { writeCallsText } from '../../../shared/demo/callsCsv';
import { computeTruth } from '../../../shared/demo/truth';

const asOf = '2025-06-30';
const net = generateNetwork({ seed: 21, connections: 2000, asOf });
const truth = computeTruth(net);

function channelsOf(index: number): Set<string> {
  const out = new Set<string>();
  for (const t of net.mail) for (const m of t.messages) if ([m.from, ...m.to, ...m.cc].some((p) => p.who === index)) out.add('mail');
  for (const m of net.meetings) if ([m.organizer, ...m.attendees.map((a) => a.party)].some((p) => p.who === index)) out.add('meeting');
  for (const c of net.calls) if (c.party.who === index) out.add('call');
  for (const t of net.linkedin) for (const m of t.messages) if ([m.from, ...m.to].some((p) => p.who === index)) out.add('linkedin');
  return out;
}

describe('truth against the written files', () => {
  it('agrees with messages.csv for persons reached only on LinkedIn', () => {
    const rows = Papa.parse<Record<string, string>>(writeLinkedInMessagesText(net), { header: true, skipEmptyLines: true }).data;
    const byConversation = new Map<string, Record<string, string>[]>();
    for (const r of rows) if (r.DATE.slice(0, 10) <= asOf) byConversation.set(r['CONVERSATION ID'], [...(byConversation.get(r['CONVERSATION ID']) ?? []), r]);
    const twoWay = new Map<string, number>();
    const oneWay = new Map<string, number>();
    for (const messages of byConversation.values()) {
      const senders = new Set(messages.map((m) => m['SENDER PROFILE URL']));
      const people = new Set(messages.flatMap((m) => [m['SENDER PROFILE URL'], ...m['RECIPIENT PROFILE URLS'].split(',')]).filter((u) => u && u !== net.me.profileUrl));
      for (const url of people) {
        const target = senders.has(net.me.profileUrl) && senders.has(url) ? twoWay : oneWay;
        target.set(url, (target.get(url) ?? 0) + 1);
      }
    }
    let checked = 0;
    net.persons.forEach((p, i) => {
      const channels = channelsOf(i);
      if (channels.size !== 1 || !channels.has('linkedin')) return;
      checked++;
      expect(truth[i].twoWayThreads).toBe(twoWay.get(p.profileUrl) ?? 0);
      expect(truth[i].oneWay).toBe(oneWay.get(p.profileUrl) ?? 0);
    });
    expect(checked).toBeGreaterThan(50);
  });

  it('agrees with the calls CSV for persons reached only by phone', () => {
    const rows = Papa.parse<Record<string, string>>(writeCallsText(net), { header: true, skipEmptyLines: true }).data;
    let checked = 0;
    net.persons.forEach((p, i) => {
      const channels = channelsOf(i);
      if (channels.size !== 1 || !channels.has('call')) return;
      const mine = rows.filter((r) => r.Number === p.phone && r.Date.slice(0, 10) <= asOf);
      const connected = mine.filter((r) => (r.Type === 'Incoming' || r.Type === 'Outgoing') && Number(r.Duration) > 0);
      checked++;
      expect(truth[i].calls).toBe(connected.length);
      expect(truth[i].oneWay).toBe(mine.length - connected.length);
    });
    expect(checked).toBeGreaterThan(10);
  });
});
