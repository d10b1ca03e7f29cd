// Hand-made and generated audits for the report tests: small enough to check by eye, or big enough to time.
import { DEFAULT_RULES, type AuditPerson, type AuditResult, type Tier } from '../../../shared/domain/audit';

export function person(id: string, tier: Tier, over: Partial<AuditPerson> = {}): AuditPerson {
  return {
    id,
    name: `Person ${id}`,
    emails: [],
    profileUrls: [],
    company: '',
    position: '',
    networks: ['linkedin'],
    connectedOn: null,
    tier,
    score: tier === 'dilution' ? 0 : tier === 'acquaintance' ? 5 : tier === 'fading' ? 30 : 60,
    inPerson: 0,
    conversations: 0,
    oneWay: 0,
    lastContact: null,
    tags: [],
    ...over,
  };
}

export function auditOf(persons: AuditPerson[], asOf = '2025-06-30'): AuditResult {
  const s = { persons: persons.length, real: 0, fading: 0, acquaintance: 0, dilution: 0, realShare: 0 };
  for (const p of persons) s[p.tier] += 1;
  s.realShare = s.persons ? Math.round((s.real / s.persons) * 10_000) / 10_000 : 0;
  return { asOf, rules: { ...DEFAULT_RULES }, summary: s, persons };
}

/** A deterministic pseudo-random generator (mulberry32), so generated audits are the same every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPANIES = ['Contoso Ltd', 'Fabrikam', 'Northwind Traders', 'Tailspin Toys', 'Wide World Importers', 'Adventure Works', 'Litware', 'Proseware', 'Woodgrove Bank', 'Coho Winery', 'Lucerne Publishing', 'Margie Travel'];

/** `n` persons spread over tiers, years 1995–2025 and many companies, as a big network would be. */
export function generateAudit(n: number, seed = 7, asOf = '2025-06-30'): AuditResult {
  const rnd = seededRandom(seed);
  const persons: AuditPerson[] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    const tier: Tier = r < 0.08 ? 'real' : r < 0.18 ? 'fading' : r < 0.4 ? 'acquaintance' : 'dilution';
    const year = 1995 + Math.floor(rnd() * 31);
    const day = `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const contactYear = 2010 + Math.floor(rnd() * 15);
    const hasContact = tier === 'real' || tier === 'fading';
    persons.push(
      person(`g${i}`, tier, {
        name: `Generated ${i}`,
        company: rnd() < 0.1 ? '' : `${COMPANIES[i % COMPANIES.length]} ${i % 500}`,
        connectedOn: rnd() < 0.05 ? null : day,
        score: tier === 'dilution' ? 0 : Math.floor(rnd() * 100) + 1,
        lastContact: hasContact ? `${tier === 'real' ? 2024 : contactYear}-03-15` : null,
      }),
    );
  }
  return auditOf(persons, asOf);
}
