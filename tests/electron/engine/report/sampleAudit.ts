// A realistic hand-built audit of about 200 people (names, companies, years, contact), for the sample report and the HTML tests.
import { DEFAULT_RULES, type AuditPerson, type AuditResult, type Tier } from '../../../../shared/domain/audit';

const FIRST = ['Ana', 'Ben', 'Chloé', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Lars', 'Mei', 'Nora', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tomás', 'Uma', 'Viktor', 'Wen', 'Yara', 'Zoe'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Patel', 'García', 'Haddad', 'Kim', 'Tanaka', 'Silva', 'Becker', 'Adeyemi', 'Nilsen', 'Chen', 'O’Brien', 'Khan', 'Iyer', 'Walsh', 'Rossi', 'Novak', 'Ferreira'];
const COMPANIES = ['Contoso Ltd', 'Fabrikam', 'Northwind Traders', 'Tailspin Toys', 'Wide World Importers', 'Adventure Works', 'Litware', 'Proseware', 'Woodgrove Bank', 'Coho Winery', 'Lucerne Publishing', 'Margie’s Travel', 'Alpine Ski House', 'Blue Yonder Airlines', 'Trey Research', ''];
const POSITIONS = ['Engineer', 'Product Manager', 'Recruiter', 'Head of Sales', 'Designer', 'CTO', 'Consultant', 'Founder', 'Analyst', 'Account Executive'];

/** Deterministic, so the sample and the tests look the same every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function day(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function buildSampleAudit(count = 204, asOf = '2025-06-30'): AuditResult {
  const rnd = random(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const persons: AuditPerson[] = [];
  for (let i = 0; i < count; i++) {
    // 2012–2015 were the conference-and-job-hunt years: more links, more of them empty.
    const year = rnd() < 0.45 ? 2012 + Math.floor(rnd() * 4) : 2006 + Math.floor(rnd() * 20);
    const r = rnd();
    const tier: Tier = r < 0.13 ? 'real' : r < 0.25 ? 'fading' : r < 0.43 ? 'acquaintance' : 'dilution';
    const lastContact =
      tier === 'real'
        ? day(rnd() < 0.5 ? 2025 : 2024, 1 + Math.floor(rnd() * 6), 1 + Math.floor(rnd() * 28))
        : tier === 'fading'
          ? day(2014 + Math.floor(rnd() * 9), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28))
          : null;
    const inPerson = tier === 'real' || tier === 'fading' ? Math.floor(rnd() * 6) : 0;
    const conversations = inPerson + (tier === 'real' || tier === 'fading' ? 2 + Math.floor(rnd() * 20) : tier === 'acquaintance' ? Math.floor(rnd() * 2) : 0);
    const score = tier === 'real' ? 45 + Math.floor(rnd() * 55) : tier === 'fading' ? 15 + Math.floor(rnd() * 35) : tier === 'acquaintance' ? 1 + Math.floor(rnd() * 12) : 0;
    persons.push({
      id: `p${i}`,
      name: `${pick(FIRST)} ${pick(LAST)}`,
      emails: [],
      profileUrls: [`https://www.linkedin.com/in/sample-${i}`],
      company: tier === 'dilution' && rnd() < 0.35 ? pick(['Contoso Ltd', 'Fabrikam', 'Northwind Traders']) : pick(COMPANIES),
      position: pick(POSITIONS),
      networks: ['linkedin'],
      connectedOn: rnd() < 0.04 ? null : day(year, 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)),
      tier,
      score,
      inPerson,
      conversations,
      oneWay: tier === 'acquaintance' ? 1 + Math.floor(rnd() * 3) : 0,
      lastContact,
      tags: [],
    });
  }
  // Someone whose name is markup must come out as text, never as an element.
  persons[3] = { ...persons[3], name: '<img src=x onerror=alert(1)>', company: 'Evil & Sons <script>', tier: 'dilution', score: 0, lastContact: null, connectedOn: '2009-02-03', inPerson: 0, conversations: 0 };
  const s = { persons: persons.length, real: 0, fading: 0, acquaintance: 0, dilution: 0, realShare: 0 };
  for (const p of persons) s[p.tier] += 1;
  s.realShare = Math.round((s.real / s.persons) * 10_000) / 10_000;
  return { asOf, rules: { ...DEFAULT_RULES }, summary: s, persons };
}

export const SAMPLE_HISTORY = [
  { asOf: '2023-01-15', createdAt: '2023-01-15T09:00:00Z', summary: { persons: 170, real: 14, fading: 20, acquaintance: 30, dilution: 106, realShare: 0.0824 } },
  { asOf: '2023-09-01', createdAt: '2023-09-01T09:00:00Z', summary: { persons: 185, real: 18, fading: 22, acquaintance: 33, dilution: 112, realShare: 0.0973 } },
  { asOf: '2024-06-30', createdAt: '2024-06-30T09:00:00Z', summary: { persons: 198, real: 22, fading: 24, acquaintance: 35, dilution: 117, realShare: 0.1111 } },
];
