// Section 5, namesake-dense rows: the same pipeline and goals on a network where about a quarter of the people share a full name, with and without the URL column.
import { generateDemoBundle, type DemoBundle, type GeneratedPerson, type TruthEntry } from '../../shared/demo';
import type { AuditPerson, AuditResult } from '../../shared/domain/audit';
import { normaliseProfileUrl } from '../../shared/identity/profileUrl';
import { progress } from './benchEnv';
import type { BenchData } from './benchData';
import { importAndAudit } from './accuracyBench';
import { fmt, type BenchRow } from './resultTable';

interface Variant {
  label: string;
  /** Connections.csv era: `current` has the URL column, `2021` has none. */
  era: 'current' | '2021';
}

const VARIANTS: Variant[] = [
  { label: 'with URLs', era: 'current' },
  { label: 'without URLs', era: '2021' },
];

/** A connection row's own fields as the audit reports them: how a person is found again when the file gave no URL. */
function rowKey(name: string, company: string, position: string, connectedOn: string | null): string {
  return `${name.trim()}|${company.trim()}|${position.trim()}|${connectedOn ?? ''}`;
}

// Control characters of a Position (a 0x10 some exports carry) are dropped on import, as they are here.
const CONTROL = /[\u0000-\u001f\u007f]/g;

function truthRowKey(p: GeneratedPerson): string {
  const name = [p.rowFirstName.trim(), p.rowLastName.trim()].filter(Boolean).join(' ');
  return rowKey(name, p.company, p.position.replace(CONTROL, ''), p.connectedOn);
}

interface Score {
  persons: number;
  correct: number;
  tp: number;
  oursReal: number;
  truthReal: number;
  /** Truth persons the audit does not have (a row lost, or merged into someone else). */
  lost: number;
  /** Persons sharing their full name with another connection, not real by the truth, real by ours. */
  namesakesMadeReal: number;
  sharing: number;
  extra: number;
  /** Tier errors as `truth → ours`, split by whether the person's name key is shared (records by name alone wait in review). */
  pairs: Map<string, number>;
}

function score(bundle: DemoBundle, audit: AuditResult, byUrl: boolean): Score {
  const index = new Map<string, AuditPerson>();
  for (const p of audit.persons) {
    if (byUrl) for (const u of p.profileUrls) index.set(normaliseProfileUrl(u) ?? u, p);
    else index.set(rowKey(p.name, p.company, p.position, p.connectedOn), p);
  }
  const fullNames = new Map<string, number>();
  for (const p of bundle.network.persons) fullNames.set(`${p.firstName} ${p.lastName}`, (fullNames.get(`${p.firstName} ${p.lastName}`) ?? 0) + 1);
  const s: Score = { persons: 0, correct: 0, tp: 0, oursReal: 0, truthReal: 0, lost: 0, namesakesMadeReal: 0, sharing: 0, extra: 0, pairs: new Map() };
  const keyGroups = new Map<string, number>();
  for (const p of bundle.network.persons) keyGroups.set(p.nameKey, (keyGroups.get(p.nameKey) ?? 0) + 1);
  const matched = new Set<string>();
  for (const p of bundle.network.persons) {
    const truth: TruthEntry = bundle.truth[p.profileUrl];
    const ours = byUrl ? index.get(normaliseProfileUrl(p.profileUrl) ?? p.profileUrl) : index.get(truthRowKey(p));
    const tier = ours?.tier ?? 'missing';
    const shares = (fullNames.get(`${p.firstName} ${p.lastName}`) ?? 1) > 1;
    s.persons++;
    if (shares) s.sharing++;
    if (!ours) s.lost++;
    else matched.add(ours.id);
    if (tier === truth.tier) s.correct++;
    if (tier === 'real') s.oursReal++;
    if (truth.tier === 'real') s.truthReal++;
    if (tier === 'real' && truth.tier === 'real') s.tp++;
    if (shares && tier === 'real' && truth.tier !== 'real') s.namesakesMadeReal++;
    if (tier !== truth.tier) {
      const pair = `${truth.tier} → ${tier}${(keyGroups.get(p.nameKey) ?? 1) > 1 ? ' (name shared)' : ''}`;
      s.pairs.set(pair, (s.pairs.get(pair) ?? 0) + 1);
    }
  }
  s.extra = audit.persons.filter((p) => !matched.has(p.id)).length;
  return s;
}

const ratio = (num: number, den: number): number => (den === 0 ? 1 : num / den);

export async function benchNamesakeAccuracy(data: BenchData, connections: number): Promise<{ rows: BenchRow[]; detail: string }> {
  const { seed, asOf } = data.settings;
  const rows: BenchRow[] = [];
  const lines: string[] = [];
  for (const v of VARIANTS) {
    progress(`[5] accuracy, namesake-dense network ${v.label}: ${connections} connections, seed ${seed}`);
    const bundle = generateDemoBundle({ seed, connections, asOf, population: 'namesakeDense', connectionsEra: v.era });
    const { audit } = await importAndAudit(data, bundle, `namesakes-${v.era}`);
    const s = score(bundle, audit, v.era === 'current');
    const accuracy = ratio(s.correct, s.persons);
    const precision = ratio(s.tp, s.oursReal);
    const recall = ratio(s.tp, s.truthReal);
    const base = { section: 5, baseline: 'generator truth', ratio: null };
    const name = (what: string) => `namesake-dense ${v.label}: ${what}`;
    rows.push(
      { ...base, name: name('tier accuracy'), measured: `${fmt.pct(accuracy)} (${s.correct}/${s.persons})`, goal: '≥ 99%', pass: accuracy >= 0.99, raw: { ...s, pairs: Object.fromEntries(s.pairs) } },
      { ...base, name: name('precision of real'), measured: `${fmt.pct(precision)} (${s.tp}/${s.oursReal})`, goal: '≥ 99%', pass: precision >= 0.99, raw: {} },
      { ...base, name: name('recall of real'), measured: `${fmt.pct(recall)} (${s.tp}/${s.truthReal})`, goal: '≥ 98%', pass: recall >= 0.98, raw: {} },
      { ...base, name: name('namesakes made real by another’s records'), measured: String(s.namesakesMadeReal), goal: '= 0', pass: s.namesakesMadeReal === 0, raw: {} },
      { ...base, name: name('people lost (rows joined or missing)'), measured: String(s.lost), goal: '= 0', pass: s.lost === 0, raw: {} },
    );
    lines.push(
      `Namesake-dense ${v.label}: ${fmt.int(s.persons)} persons, ${fmt.int(s.sharing)} (${fmt.pct(ratio(s.sharing, s.persons))}) share a full name; ` +
        `${fmt.int(audit.persons.length)} audited, ${s.extra} not in the truth, ${s.lost} lost; tier accuracy ${fmt.pct(accuracy)}, precision ${fmt.pct(precision)}, recall ${fmt.pct(recall)}; ` +
        `errors: ${[...s.pairs].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
    );
    // Without the URL column, a LinkedIn message or a call that names only a name several
    // connections share cannot be told apart from the others': it waits in Review links, as SPEC
    // §5.2 asks, and the person's tier stays below the truth until the user decides.
    if (v.era === '2021') lines.push('  (errors marked "name shared": records naming only a shared name wait in Review links; never linked by a guess)');
  }
  return { rows, detail: lines.join('\n') };
}
