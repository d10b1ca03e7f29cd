// Section 5: the whole pipeline on the generator's labelled bundle, scored against its truth by difficulty, trap and tier.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoBundle, type DemoBundle, type TruthEntry } from '../../shared/demo';
import type { AuditPerson, AuditResult, Tier } from '../../shared/domain/audit';
import { benchNamesakeAccuracy } from './namesakeAccuracy';
import { normaliseProfileUrl } from '../../shared/identity/profileUrl';
import { createEngine } from '../../electron/engine/createEngine';
import { importFile } from '../../electron/engine/imports/importFile';
import { runAudit } from '../../electron/engine/audit/runAudit';
import { addMe } from '../../electron/engine/store/settingsStore';
import { progress } from './benchEnv';
import { removeDb, type BenchData } from './benchData';
import { fmt, renderTable, type BenchRow } from './resultTable';

interface Scored {
  url: string;
  truth: TruthEntry;
  ours: AuditPerson | null;
}

interface Group {
  persons: number;
  correct: number;
  /** ours real and truth real / ours real / truth real */
  tp: number;
  oursReal: number;
  truthReal: number;
  evidenceExact: number;
}

const newGroup = (): Group => ({ persons: 0, correct: 0, tp: 0, oursReal: 0, truthReal: 0, evidenceExact: 0 });
const tierOf = (s: Scored): Tier | 'missing' => s.ours?.tier ?? 'missing';

function tally(group: Group, s: Scored): void {
  const ours = tierOf(s);
  group.persons++;
  if (ours === s.truth.tier) group.correct++;
  if (ours === 'real') group.oursReal++;
  if (s.truth.tier === 'real') group.truthReal++;
  if (ours === 'real' && s.truth.tier === 'real') group.tp++;
  const o = s.ours;
  if (o && o.inPerson === s.truth.inPerson && o.conversations === s.truth.conversations && o.oneWay === s.truth.oneWay && o.lastContact === s.truth.lastContact) {
    group.evidenceExact++;
  }
}

const ratioOf = (num: number, den: number): number => (den === 0 ? 1 : num / den);

/** Imports a bundle's files into a new database (connections first) and audits it as of the bundle's date. */
export async function importAndAudit(data: BenchData, bundle: DemoBundle, label: string): Promise<{ audit: AuditResult; timings: Record<string, number> }> {
  const dbPath = join(data.dir, `${label}.db`);
  removeDb(dbPath);
  const ctx = createEngine({ dbPath, door: 'browser' });
  addMe(ctx.db, [
    { kind: 'email', value: bundle.me.email },
    { kind: 'url', value: bundle.me.profileUrl },
    { kind: 'name', value: bundle.me.name },
  ]);
  const order = ['linkedin-connections', 'linkedin-messages', 'mbox', 'ics', 'calls'];
  const files = [...bundle.files].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const timings: Record<string, number> = {};
  for (const file of files) {
    const path = join(data.dir, `${label}-${file.name}`);
    writeFileSync(path, file.text);
    const start = performance.now();
    const summary = await importFile(ctx.db, path, { kind: file.kind === 'linkedin-connections' ? 'connections' : 'interactions', displayName: file.name });
    timings[file.name] = performance.now() - start;
    progress(`  imported ${file.name}: added ${summary.added}, skipped ${summary.skipped} in ${fmt.sec(timings[file.name])}`);
  }
  const audit = runAudit(ctx.db, { asOf: bundle.asOf });
  ctx.db.close();
  removeDb(dbPath);
  return { audit, timings };
}

export async function benchAccuracy(data: BenchData): Promise<{ rows: BenchRow[]; detail: string }> {
  const connections = Number(process.env.BENCH_ACCURACY_CONNECTIONS ?? 5000);
  const { seed, asOf } = data.settings;
  progress(`[5] accuracy: labelled bundle of ${connections} connections, seed ${seed}, asOf ${asOf}`);
  const bundle = generateDemoBundle({ seed, connections, asOf });
  const { audit, timings } = await importAndAudit(data, bundle, 'accuracy');

  const byUrl = new Map<string, AuditPerson>();
  for (const p of audit.persons) for (const u of p.profileUrls) {
    const key = normaliseProfileUrl(u);
    if (key) byUrl.set(key, p);
  }
  const scored: Scored[] = Object.entries(bundle.truth).map(([url, truth]) => ({ url, truth, ours: byUrl.get(normaliseProfileUrl(url) ?? url) ?? null }));
  const matchedIds = new Set(scored.map((s) => s.ours?.id).filter(Boolean));
  const extra = audit.persons.filter((p) => !matchedIds.has(p.id)).length;

  const all = newGroup();
  const groups = new Map<string, Group>();
  const pairs = new Map<string, number>();
  const trapErrors = new Map<string, number>();
  const examples: string[] = [];
  let namesakeErrors = 0;
  for (const s of scored) {
    tally(all, s);
    const g = groups.get(s.truth.difficulty) ?? newGroup();
    groups.set(s.truth.difficulty, g);
    tally(g, s);
    const ours = tierOf(s);
    if (ours === s.truth.tier) continue;
    pairs.set(`${s.truth.tier} → ${ours}`, (pairs.get(`${s.truth.tier} → ${ours}`) ?? 0) + 1);
    for (const trap of s.truth.traps.length ? s.truth.traps : ['(none)']) trapErrors.set(trap, (trapErrors.get(trap) ?? 0) + 1);
    if (ours === 'real' && s.truth.traps.includes('namesake')) namesakeErrors++;
    if (examples.length < 10) {
      const o = s.ours;
      examples.push(
        `  ${s.url} [${s.truth.difficulty}; ${s.truth.traps.join(',') || 'no traps'}] truth ${s.truth.tier} (inPerson ${s.truth.inPerson}, conv ${s.truth.conversations}, oneWay ${s.truth.oneWay}, last ${s.truth.lastContact}) ` +
          `vs ours ${ours}${o ? ` (inPerson ${o.inPerson}, conv ${o.conversations}, oneWay ${o.oneWay}, last ${o.lastContact})` : ''}`,
      );
    }
  }

  const groupRow = (label: string, g: Group): string[] => [
    label, fmt.int(g.persons), fmt.pct(ratioOf(g.correct, g.persons)), g.oursReal ? fmt.pct(ratioOf(g.tp, g.oursReal)) : '—',
    g.truthReal ? fmt.pct(ratioOf(g.tp, g.truthReal)) : '—', fmt.pct(ratioOf(g.evidenceExact, g.persons)), fmt.int(g.persons - g.correct),
  ];
  const difficulties = ['none', 'exact', 'name', 'ambiguous'].filter((d) => groups.has(d));
  const byDifficulty = renderTable(
    ['difficulty', 'persons', 'tier accuracy', 'precision(real)', 'recall(real)', 'evidence exact', 'tier errors'],
    [...difficulties.map((d) => groupRow(d, groups.get(d)!)), groupRow('all', all)],
  );
  const pairList = [...pairs].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${k}: ${n}`);
  const trapList = [...trapErrors].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
  const detail = [
    `Accuracy (section 5): ${fmt.int(connections)} connections, seed ${seed}, asOf ${asOf}; ${fmt.int(audit.persons.length)} audited persons, ${extra} not in the truth, ${scored.filter((s) => !s.ours).length} truth persons missing from the audit`,
    byDifficulty,
    `Confusion pairs (truth → ours):${pairList.length ? '\n' + pairList.join('\n') : ' none'}`,
    `Tier errors by trap: ${trapList.join(', ') || 'none'}`,
    ...(examples.length ? ['Examples:', ...examples] : []),
  ].join('\n');

  const accuracy = ratioOf(all.correct, all.persons);
  const precision = ratioOf(all.tp, all.oursReal);
  const recall = ratioOf(all.tp, all.truthReal);
  const raw = { connections, seed, asOf, importMs: timings, all, groups: Object.fromEntries(groups), pairs: Object.fromEntries(pairs), trapErrors: Object.fromEntries(trapErrors), namesakeErrors, extra, examples };
  const base = { section: 5, baseline: 'generator truth', ratio: null };
  const namesakes = await benchNamesakeAccuracy(data, connections);
  return {
    detail: `${detail}\n\n${namesakes.detail}`,
    rows: [
      { ...base, name: 'tier accuracy (all difficulties)', measured: `${fmt.pct(accuracy)} (${all.correct}/${all.persons})`, goal: '≥ 99%', pass: accuracy >= 0.99, raw },
      { ...base, name: 'precision of real', measured: `${fmt.pct(precision)} (${all.tp}/${all.oursReal})`, goal: '≥ 99%', pass: precision >= 0.99, raw: {} },
      { ...base, name: 'recall of real', measured: `${fmt.pct(recall)} (${all.tp}/${all.truthReal})`, goal: '≥ 98%', pass: recall >= 0.98, raw: {} },
      { ...base, name: 'namesakes who made a connection real', measured: String(namesakeErrors), goal: '= 0', pass: namesakeErrors === 0, raw: {} },
      ...namesakes.rows,
    ],
  };
}
