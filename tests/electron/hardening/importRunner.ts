// Runs imports in a worker thread with a time bound and a heap limit, so that a hang or a memory blow-up fails one case instead of freezing the suite.
import { Worker } from 'node:worker_threads';
import type { RunOutcome, RunRequest } from './importRunnerWorker';

export type Outcome = RunOutcome | { id: number; ok: false; errorClass: 'Timeout' | 'WorkerCrash'; isImportError: false; message: string; line: null; heapMb: number };

const BOOT = new URL('../../../electron/engine/jobs/tsWorkerBoot.mjs', import.meta.url);
const ENTRY = new URL('./importRunnerWorker.ts', import.meta.url).href;

export class ImportRunner {
  private worker: Worker | null = null;
  private nextId = 1;
  /** Requests not answered yet, with the worker each was sent to: a worker that ends fails only its own. */
  private pending = new Map<number, { worker: Worker; settle: (o: Outcome) => void }>();

  /** `heapMb` caps the worker's old generation: a parser that reads a huge file whole runs out here, not in the test process. */
  constructor(private readonly heapMb = 768) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY }, resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    worker.on('message', (o: RunOutcome) => {
      this.pending.get(o.id)?.settle(o);
      this.pending.delete(o.id);
    });
    const fail = (message: string) => {
      // A worker terminated after a timeout exits late, when its replacement may already hold requests.
      for (const [id, p] of this.pending) {
        if (p.worker !== worker) continue;
        this.pending.delete(id);
        p.settle({ id, ok: false, errorClass: 'WorkerCrash', isImportError: false, message, line: null, heapMb: -1 });
      }
      if (this.worker === worker) this.worker = null;
    };
    worker.on('error', (err) => fail(`worker error: ${err.message}`));
    worker.on('exit', (code) => fail(`worker exited (${code})`));
    this.worker = worker;
    return worker;
  }

  run(request: Omit<RunRequest, 'id'>, timeoutMs: number): Promise<Outcome> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        // A parser stuck in a loop never yields: only terminating the thread stops it.
        void worker.terminate();
        if (this.worker === worker) this.worker = null;
        resolve({ id, ok: false, errorClass: 'Timeout', isImportError: false, message: `no answer within ${timeoutMs} ms`, line: null, heapMb: -1 });
      }, timeoutMs);
      this.pending.set(id, {
        worker,
        settle: (o) => {
          clearTimeout(timer);
          resolve(o);
        },
      });
      worker.postMessage({ ...request, id } satisfies RunRequest);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}
