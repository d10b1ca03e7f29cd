// The demo network: the project's own generator writes realistic export files, which are imported
// through the same importers as a user's files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../db/openDatabase';
import { generateDemoBundle } from '../../../shared/demo';
import { todayUtc } from '../../../shared/audit/calendarDays';
import { importFile } from './importFile';
import { addMe } from '../store/settingsStore';

export async function loadDemoNetwork(db: Db, opts: { seed?: number; connections?: number; asOf?: string } = {}) {
  const bundle = generateDemoBundle({ seed: opts.seed ?? 2006, connections: opts.connections ?? 1500, asOf: opts.asOf ?? todayUtc() });
  const dir = mkdtempSync(join(tmpdir(), 'tiecheck-demo-'));
  try {
    addMe(db, [
      { kind: 'email', value: bundle.me.email },
      { kind: 'url', value: bundle.me.profileUrl },
      { kind: 'name', value: bundle.me.name },
    ]);
    let connections = 0;
    let interactions = 0;
    // Connections first, so that every record finds its person.
    const ordered = [...bundle.files].sort((a, b) => Number(!/connections/i.test(a.name)) - Number(!/connections/i.test(b.name)));
    for (const file of ordered) {
      const path = join(dir, file.name);
      writeFileSync(path, file.text);
      const kind = /connections/i.test(file.name) ? 'connections' : 'interactions';
      const summary = await importFile(db, path, { kind });
      if (kind === 'connections') connections += summary.added;
      else interactions += summary.added;
    }
    return { connections, interactions };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
