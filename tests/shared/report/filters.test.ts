// Every filter the report hands to onSelect, run through the real filter language: it opens exactly the people the chart counted.
import { describe, expect, it } from 'vitest';
import { compileFilter, parseFilter } from '../../../shared/filter';
import { TIERS, type AuditPerson } from '../../../shared/domain/audit';
import { buildReportModel } from '../../../shared/report/model';
import { cohortSegmentFilter } from '../../../shared/report/cohorts';
import { generateAudit, person } from './auditFixtures';

const audit = generateAudit(3_000, 11);
audit.persons.push(person('q', 'dilution', { company: 'Say "Hi" \\ Co', connectedOn: '1990-05-05' }), person('q2', 'dilution', { company: 'say "hi" \\ co' }));
const m = buildReportModel(audit, []);

function count(filter: string, persons: AuditPerson[] = audit.persons): number {
  const match = compileFilter(parseFilter(filter));
  return persons.filter(match).length;
}

describe('report filters in the filter language', () => {
  it('tier slices', () => {
    for (const t of m.tiers) expect(count(t.filter), t.filter).toBe(t.count);
  });

  it('cohort bars and their tier segments, folded and unknown years included', () => {
    for (const c of m.cohorts) {
      expect(count(c.filter), c.filter).toBe(c.total);
      for (const t of TIERS) expect(count(cohortSegmentFilter(c, t))).toBe(c.counts[t]);
    }
    expect(m.cohorts[0].label.startsWith('before')).toBe(true);
  });

  it('score bins, last-contact buckets and companies', () => {
    for (const b of m.scoreBins) expect(count(b.filter), b.filter).toBe(b.total);
    for (const b of m.lastContact) expect(count(b.filter), b.filter).toBe(b.count);
    for (const c of m.dilutionCompanies) expect(count(c.filter), c.filter).toBe(c.dilution);
  });

  it('a company name with quotes and backslashes survives quoting', () => {
    const small = buildReportModel({ ...audit, persons: audit.persons.filter((p) => p.id.startsWith('q')) }, []);
    expect(small.dilutionCompanies[0]).toMatchObject({ dilution: 2 });
    expect(count(small.dilutionCompanies[0].filter)).toBe(2);
  });

  it('Dunbar layers open at least the layer (ties at the weakest score come along)', () => {
    for (const l of m.dunbar.layers) expect(count(l.filter)).toBeGreaterThanOrEqual(l.filled);
  });
});
