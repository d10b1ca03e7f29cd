// SPEC §4: tiers at their boundaries, and the strength score's promised properties (fast-check).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyPerson, strengthScore } from '../../../shared/audit/classify';
import { emptyEvidence } from '../../../shared/audit/evidence';
import { subtractMonths } from '../../../shared/audit/calendarDays';
import { DEFAULT_RULES, type Evidence } from '../../../shared/domain/audit';

function ev(p: Partial<Evidence>): Evidence {
  const e = { ...emptyEvidence(), ...p };
  e.conversations = e.inPerson + e.calls + e.twoWayThreads;
  if (!p.interactions) e.interactions = e.conversations + e.oneWay;
  return e;
}

describe('classifyPerson', () => {
  const asOf = '2026-06-01';
  it('is dilution without any interaction', () => expect(classifyPerson(ev({}), asOf, DEFAULT_RULES)).toBe('dilution'));
  it('is acquaintance with only one-way contact', () => expect(classifyPerson(ev({ oneWay: 3 }), asOf, DEFAULT_RULES)).toBe('acquaintance'));
  it('is acquaintance with a single conversation that was not in person', () =>
    expect(classifyPerson(ev({ twoWayThreads: 1, lastContact: '2026-05-01' }), asOf, DEFAULT_RULES)).toBe('acquaintance'));
  it('is real after one in-person meeting within 24 months', () =>
    expect(classifyPerson(ev({ inPerson: 1, lastContact: '2024-06-01' }), asOf, DEFAULT_RULES)).toBe('real'));
  it('is fading one day past recentMonths', () =>
    expect(classifyPerson(ev({ inPerson: 1, lastContact: '2024-05-31' }), asOf, DEFAULT_RULES)).toBe('fading'));
  it('is real after two conversations, and honours a changed recentMonths', () => {
    const e = ev({ twoWayThreads: 1, calls: 1, lastContact: '2025-01-01' });
    expect(classifyPerson(e, asOf, DEFAULT_RULES)).toBe('real');
    expect(classifyPerson(e, asOf, { ...DEFAULT_RULES, recentMonths: 12 })).toBe('fading');
  });
  it('subtracts calendar months, clamping to month ends', () => {
    expect(subtractMonths('2026-03-31', 1)).toBe('2026-02-28');
    expect(subtractMonths('2024-03-31', 1)).toBe('2024-02-29');
    expect(subtractMonths('2026-01-15', 24)).toBe('2024-01-15');
  });
});

describe('strengthScore', () => {
  const asOf = '2026-06-01';
  const day = fc.integer({ min: 0, max: 4000 }).map((n) => new Date(Date.parse('2015-01-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10)).filter((d) => d <= asOf);
  const evidence = fc.record({ inPerson: fc.nat(20), calls: fc.nat(20), twoWayThreads: fc.nat(20), oneWay: fc.nat(20), lastContact: fc.option(day, { nil: null }) }).map((p) => ev(p.inPerson + p.calls + p.twoWayThreads === 0 ? { ...p, lastContact: null } : p));

  it('is 0 for dilution and within 0..100', () => {
    expect(strengthScore(ev({}), asOf, DEFAULT_RULES)).toBe(0);
    fc.assert(fc.property(evidence, (e) => { const s = strengthScore(e, asOf, DEFAULT_RULES); return s >= 0 && s <= 100; }));
  });

  it('never drops when a conversation is added', () => {
    fc.assert(
      fc.property(evidence, fc.constantFrom('inPerson', 'calls', 'twoWayThreads'), day, (e, kind, when) => {
        const lastContact = e.lastContact === null || when > e.lastContact ? when : e.lastContact;
        const more = ev({ ...e, [kind]: e[kind] + 1, lastContact });
        return strengthScore(more, asOf, DEFAULT_RULES) >= strengthScore(e, asOf, DEFAULT_RULES);
      }),
    );
  });

  it('never rises when the last contact is older, all else equal', () => {
    fc.assert(
      fc.property(evidence, day, day, (e, a, b) => {
        if (e.conversations === 0) return true;
        const [older, newer] = a < b ? [a, b] : [b, a];
        return strengthScore(ev({ ...e, lastContact: older }), asOf, DEFAULT_RULES) <= strengthScore(ev({ ...e, lastContact: newer }), asOf, DEFAULT_RULES);
      }),
    );
  });

  it('weighs in person above a call above a two-way thread', () => {
    const when = '2026-05-01';
    const inPerson = strengthScore(ev({ inPerson: 1, lastContact: when }), asOf, DEFAULT_RULES);
    const call = strengthScore(ev({ calls: 1, lastContact: when }), asOf, DEFAULT_RULES);
    const thread = strengthScore(ev({ twoWayThreads: 1, lastContact: when }), asOf, DEFAULT_RULES);
    expect(inPerson).toBeGreaterThan(call);
    expect(call).toBeGreaterThan(thread);
  });
});
