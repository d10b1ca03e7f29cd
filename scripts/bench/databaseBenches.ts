// Sections 6–8 on one heavy database (30,000 persons, ~1,000,000 participants): relinking vs importing, audit vs a full read, tagging by filter.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../electron/engine/createEngine';
import type { Db } from '../../electron/engine/db/openDatabase';
import { relinkContacts } from '../../electron/engine/linking/relinkContacts';
import { runAudit } from '../../electron/engine/audit/runAudit';
import { selectPersons } from '../../electron/engine/audit/selectPersons';
import { applyTag } from '../../electron/engine/store/tagsStore';
import { ThreadSummary } from '../../electron/engine/audit/threadSummary';
import { mb, progress, runChild, type ChildResult } from './benchEnv';
import { removeDb, type BenchData } from './benchData';
import { writeHeavyRecordFiles } from './heavyDatabase';
import { benchAuditAfterImport } from './auditAfterImport';
import { fmt, type BenchRow } from './resultTable';

const FILTER = 'tier in (dilution,acquaintance)';

/** Runs `work` `times` times; the fastest run's wall and CPU time (the run least disturbed by other load). */
function bestMs<T>(times: number, label: string, work: () => T): { ms: number; cpuMs: number; value: T; all: number[] } {
  const all: number[] = [];
  let value: T | undefined;
  let cpuMs = 0;
  for (let i = 0; i < times; i++) {
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    value = work();
    all.push(performance.now() - start);
    const cpu = process.cpuUsage(cpu0);
    if (all[i] === Math.min(...all)) cpuMs = (cpu.user + cpu.system) / 1000;
    progress(`  ${label} run ${i + 1}/${times}: ${fmt.sec(all[i])}`);
  }
  return { ms: Math.min(...all), cpuMs, value: value as T, all };
}

const count = (db: Db, sql: string): number => (db.prepare(sql).get() as { n: number }).n;

/** One read of every row of the three tables the audit draws on, each row materialised as an object. */
function fullRead(db: Db): number {
  let rows = 0;
  for (const table of ['interactions', 'participants', 'contacts']) {
    for (const row of db.prepare(`SELECT * FROM ${table}`).iterate()) if (row) rows++;
  }
  return rows;
}

export async function benchDatabase(data: BenchData): Promise<BenchRow[]> {
  const written = await writeHeavyRecordFiles(data);
  const [messagesCsv, mbox] = written.files;
  progress(`[6-8] heavy database: ${data.connectionCount} connections, threads ×${written.copies} = ${fmt.int(written.messages)} messages naming ${fmt.int(written.participants)} participants`);
  progress(`  wrote messages.csv + mbox (${mb(written.bytes).toFixed(0)} MB) in ${fmt.sec(written.ms)}`);
  const dbPath = await data.freshConnectionsDb(join(data.dir, 'heavy.db'));
  const imports: ChildResult[] = [];
  for (const file of [messagesCsv, mbox]) {
    const r = await runChild({ task: 'import', dbPath, file, kind: 'interactions', me: data.me() });
    progress(`  imported ${file.split('/').pop()}: ${fmt.sec(r.ms)} (added ${fmt.int(r.added ?? 0)}, rss ${fmt.mb(r.maxRssKb)})`);
    imports.push(r);
  }
  const importMs = imports.reduce((s, r) => s + r.ms, 0);
  const importCpuMs = imports.reduce((s, r) => s + r.cpuMs, 0);
  if (!data.settings.keep) for (const file of [messagesCsv, mbox]) rmSync(file, { force: true });

  // What sections 6–8 time is the engine's work: with the bench's generated network held (generated again if a later
  // section asks), the process kept ~170 MB after a forced GC and the first audit:get after a change took 1.05–1.10 s
  // instead of 0.91–1.00 s (its major collections pause longer with a larger heap).
  data.releaseNetwork();
  const ctx = createEngine({ dbPath, door: 'browser' });
  const db = ctx.db;
  try {
    const size = {
      persons: count(db, 'SELECT count(*) AS n FROM persons'),
      interactions: count(db, 'SELECT count(*) AS n FROM interactions'),
      participants: count(db, 'SELECT count(*) AS n FROM participants'),
      contacts: count(db, 'SELECT count(*) AS n FROM contacts'),
      linkedParticipants: count(db, 'SELECT count(*) AS n FROM participants p JOIN contacts c ON c.id = p.contact_id WHERE c.person_id IS NOT NULL'),
    };
    progress(`  database: ${JSON.stringify(size)}`);
    const label = `${fmt.int(size.persons)} persons, ${fmt.int(size.participants)} participants`;

    progress('[6] relinkContacts');
    const relink = bestMs(2, 'relinkContacts', () => db.transaction(() => relinkContacts(db))());
    const linkRow: BenchRow = {
      section: 6,
      name: `relink ${label}`,
      measured: `${fmt.sec(relink.ms)} (${fmt.int(relink.value.contacts)} contacts)`,
      baseline: `import of those records ${fmt.sec(importMs)}`,
      ratio: relink.ms / importMs,
      cpuRatio: relink.cpuMs / importCpuMs,
      goal: '≤ 1×',
      pass: relink.ms <= importMs,
      note: `import = messages.csv ${fmt.sec(imports[0].ms)} + mbox ${fmt.sec(imports[1].ms)} (${mb(written.bytes).toFixed(0)} MB, child processes; each import ends with its own relink); relink counts ${JSON.stringify(relink.value)}`,
      raw: { size, importMs: imports.map((r) => r.ms), imports, relinkMs: relink.all, counts: relink.value },
    };

    progress('[7] runAudit vs a full read');
    const read = bestMs(3, 'full read', () => fullRead(db));
    const audit = bestMs(3, 'runAudit', () => runAudit(db, { asOf: data.settings.asOf }));
    const tiers = audit.value.summary;
    const auditRow: BenchRow = {
      section: 7,
      name: `runAudit ${fmt.int(audit.value.persons.length)} persons, ${fmt.int(size.interactions)} interactions`,
      measured: fmt.sec(audit.ms),
      baseline: `full read ${fmt.sec(read.ms)} (${fmt.int(read.value)} rows)`,
      ratio: audit.ms / read.ms,
      cpuRatio: audit.cpuMs / read.cpuMs,
      goal: '≤ 3×',
      pass: audit.ms / read.ms <= 3,
      note: `best of 3 each; full read = SELECT * FROM interactions, participants, contacts iterated as objects`,
      raw: { auditMs: audit.all, readMs: read.all, readRows: read.value, summary: tiers },
    };

    // What audit:get does once anything changed: the engine's audit cache is dropped and rebuilt.
    progress('[7] first audit:get after a change to records');
    const changed = () => {
      ctx.audits.invalidate();
      return ctx.audits.get(db, data.settings.asOf);
    };
    // The app audits once at launch (the dashboard asks at once), so by another program's change its scan worker is
    // up and the audit's code warm: that launch's audit is timed apart, as it is not what the goal is about.
    const launch = bestMs(1, 'audit:get at launch (the scan worker boots)', changed);
    const firstGet = bestMs(3, 'audit:get after a change', changed);
    // The summary read alone, as audit:get reads it (a scan grouped in JS) and by pairsSql()'s GROUP BY: an A/B in one run.
    const scanRead = bestMs(3, 'thread summary read by scan', () => ThreadSummary.read(db, data.settings.asOf, 'scan'));
    const sortRead = bestMs(3, 'thread summary read by sort', () => ThreadSummary.read(db, data.settings.asOf, 'sort'));
    const firstGetRow: BenchRow = {
      section: 7,
      name: `first audit:get after another program's change to records (summary read again), ${fmt.int(firstGet.value.persons.length)} persons`,
      measured: fmt.sec(firstGet.ms),
      baseline: `full read ${fmt.sec(read.ms)}`,
      ratio: firstGet.ms / read.ms,
      cpuRatio: firstGet.cpuMs / read.cpuMs,
      goal: '< 1 s',
      pass: firstGet.ms < 1000,
      note:
        `best of 3 (${firstGet.all.map(fmt.sec).join(', ')}), CPU ${fmt.sec(firstGet.cpuMs)}, after one audit:get as at the app's launch (${fmt.sec(launch.ms)}: the scan worker boots from the sources through tsx, the code is cold): AuditCache.get right after invalidate(), as after data:restore or a change to records that is not whole batches imported or undone: the thread summary (threadSummary.ts) is read again; the upper 55 % of its ids on the other core (threadScanBeside.ts: a worker kept warm for the engine's life) while this thread reads persons, URLs, e-mails, tags and the lower ids; ` +
        `the summary read alone ${fmt.sec(scanRead.ms)} (CPU ${fmt.sec(scanRead.cpuMs)}) by a scan grouped in JS (threadColumnsRead.ts), ${fmt.sec(sortRead.ms)} (CPU ${fmt.sec(sortRead.cpuMs)}) by pairsSql()'s GROUP BY, best of 3 each`,
      raw: { ms: firstGet.all, cpuMs: firstGet.cpuMs, launchMs: launch.ms, summaryReadMs: { scan: scanRead.all, sort: sortRead.all, scanCpuMs: scanRead.cpuMs, sortCpuMs: sortRead.cpuMs } },
    };

    // After a change that writes no record (a link decision, merge/split, your identities, rules, tags):
    // the handler drops the audits but keeps the thread summary of the audit date.
    progress('[7] first audit:get after a change to links, persons, settings or tags');
    const linkGet = bestMs(3, 'audit:get after a link change', () => {
      ctx.audits.invalidateKeepingRecords();
      return ctx.audits.get(db, data.settings.asOf);
    });
    const linkGetRow: BenchRow = {
      section: 7,
      name: `first audit:get after a link, merge/split, settings or tag change, ${fmt.int(linkGet.value.persons.length)} persons`,
      measured: fmt.sec(linkGet.ms),
      baseline: `runAudit all in SQL ${fmt.sec(audit.ms)}`,
      ratio: linkGet.ms / audit.ms,
      cpuRatio: linkGet.cpuMs / audit.cpuMs,
      goal: '< 1 s',
      pass: linkGet.ms < 1000,
      note: `best of 3 (${linkGet.all.map(fmt.sec).join(', ')}), CPU ${fmt.sec(linkGet.cpuMs)} vs ${fmt.sec(audit.cpuMs)}: AuditCache.get right after invalidateKeepingRecords(), as the handler runs it after review:decide, person:merge/split/undo, settings:setMe/setRules, tags:*`,
      raw: { ms: linkGet.all, cpuMs: linkGet.cpuMs },
    };

    progress('[7] first audit:get after a records import and after its undo');
    const batchRows = await benchAuditAfterImport(ctx, data.settings.asOf, data.dir, firstGet);

    progress('[8] tagging by filter');
    const selected = bestMs(1, `selectPersons '${FILTER}'`, () => selectPersons(db, FILTER, data.settings.asOf));
    const ids = selected.value.map((p) => p.id);
    // Each run adds a tag nobody has yet, so every run really writes every row.
    let run = 0;
    const tagSelected = bestMs(3, `applyTag ${ids.length}`, () => applyTag(db, 'add', `bench-filtered-${++run}`, ids));
    const everyone = audit.value.persons.map((p) => p.id);
    const tagAll = bestMs(3, `applyTag ${everyone.length}`, () => applyTag(db, 'add', `bench-everyone-${++run}`, everyone));
    const tagRows: BenchRow[] = [
      {
        section: 8,
        name: `applyTag to the filter's ${fmt.int(ids.length)} persons`,
        measured: `${fmt.sec(tagSelected.ms)} (${fmt.int(tagSelected.value.changed)} changed)`,
        baseline: '—',
        ratio: null,
        goal: '< 300 ms',
        pass: tagSelected.ms < 300,
        note: `best of 3 (new tag each run): ${tagSelected.all.map(fmt.sec).join(', ')}, CPU ${fmt.sec(tagSelected.cpuMs)}; filter "${FILTER}" by selectPersons (a full audit + filter) took ${fmt.sec(selected.ms)} beforehand, not counted`,
        raw: { filter: FILTER, selectMs: selected.ms, tagMs: tagSelected.ms, selected: ids.length, changed: tagSelected.value.changed },
      },
      {
        section: 8,
        name: `applyTag to all ${fmt.int(everyone.length)} persons`,
        measured: `${fmt.sec(tagAll.ms)} (${fmt.int(tagAll.value.changed)} changed)`,
        baseline: '—',
        ratio: null,
        goal: '< 300 ms',
        pass: tagAll.ms < 300,
        note: `best of 3 (new tag each run): ${tagAll.all.map(fmt.sec).join(', ')}, CPU ${fmt.sec(tagAll.cpuMs)}`,
        raw: { tagMs: tagAll.ms, persons: everyone.length, changed: tagAll.value.changed },
      },
    ];
    return [linkRow, auditRow, firstGetRow, ...batchRows, linkGetRow, ...tagRows];
  } finally {
    db.close();
    if (!data.settings.keep) removeDb(dbPath);
  }
}
