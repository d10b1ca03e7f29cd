// The thread scan's other part (threadScanBeside.ts): for each job, reads the records from one id up in a read-only
// connection of its own and answers once, always, through the job's port, then wakes the thread waiting for it. It
// stays for the next job, its code warm (a cold isolate ran the scan at half speed).
import { parentPort, type MessagePort } from 'node:worker_threads';
import { openDatabase } from '../db/openDatabase';
import { readStamp } from './recordsStamp';
import { ScanPart, scanIds, transferables } from './threadColumnsRead';
import type { ScanJob, ScanAnswer } from './threadScanBeside';

function run(job: ScanJob): { answer: ScanAnswer; transfer: ArrayBuffer[] } {
  let transfer: ArrayBuffer[] = [];
  try {
    const db = openDatabase(job.path, { readonly: true, check: 'off' });
    try {
      const answer = db.transaction((): ScanAnswer => {
        const stamp = readStamp(db);
        const part = new ScanPart();
        if (!scanIds(db, job.asOf, job.from, Number.MAX_SAFE_INTEGER, part)) return { kind: 'declined', stamp };
        const wire = part.wire();
        transfer = transferables(wire);
        return { kind: 'part', stamp, part: wire };
      })();
      return { answer, transfer };
    } finally {
      db.close();
    }
  } catch (err) {
    return { answer: { kind: 'failed', message: err instanceof Error ? err.message : String(err) }, transfer: [] };
  }
}

parentPort!.on('message', (job: ScanJob & { port: MessagePort; signal: SharedArrayBuffer }) => {
  const { answer, transfer } = run(job);
  job.port.postMessage(answer, transfer);
  job.port.close();
  const done = new Int32Array(job.signal);
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
});
