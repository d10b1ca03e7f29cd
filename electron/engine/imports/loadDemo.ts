// The demo network: the project's own generator writes realistic export files, which are imported
// through the same importers as a user's files, reporting progress file by file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../db/openDatabase';
import { generateDemoBundle } from '../../../shared/demo';
import { writeDemoInvitationsText } from '../../../shared/demo/demoInvitations';
import { todayUtc } from '../../../shared/audit/calendarDays';
import { importFile } from './importFile';
import { addMe } from '../store/settingsStore';

export interface DemoProgress {
  file: string;
  phase: 'generating' | 'reading' | 'done';
  bytes: number;
  totalBytes: number;
  rows: number;
}

export interface DemoOptions {
  seed?: number;
  connections?: number;
  asOf?: string;
  /** Every file is announced once as `generating` before any is read, so a listener knows how many there are. */
  onProgress?: (progress: DemoProgress) => void;
}

/** At most one `reading` report per file per this many ms: a progress bar needs no more, and each crosses a process. */
const READING_EVERY_MS = 100;

export async function loadDemoNetwork(db: Db, opts: DemoOptions = {}) {
  const report = opts.onProgress ?? (() => undefined);
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
    // The invitations waiting at the gate come last: judged against everything else.
    const files = [...bundle.files, { name: 'Invitations.csv', text: writeDemoInvitationsText(bundle.network) }];
    const ordered = files.sort((a, b) => Number(!/connections/i.test(a.name)) - Number(!/connections/i.test(b.name)));
    const written = ordered.map((file) => {
      const path = join(dir, file.name);
      writeFileSync(path, file.text);
      const totalBytes = Buffer.byteLength(file.text);
      report({ file: file.name, phase: 'generating', bytes: 0, totalBytes, rows: 0 });
      return { name: file.name, path, totalBytes };
    });
    for (const file of written) {
      const kind = /connections/i.test(file.name) ? 'connections' : 'interactions';
      let last = 0;
      const summary = await importFile(db, file.path, {
        kind,
        onProgress: (bytes, totalBytes, rows) => {
          const now = Date.now();
          if (now - last < READING_EVERY_MS && bytes < totalBytes) return;
          last = now;
          report({ file: file.name, phase: 'reading', bytes, totalBytes, rows });
        },
      });
      report({ file: file.name, phase: 'done', bytes: file.totalBytes, totalBytes: file.totalBytes, rows: summary.added + summary.updated });
      if (kind === 'connections') connections += summary.added;
      else interactions += summary.added;
    }
    return { connections, interactions };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
