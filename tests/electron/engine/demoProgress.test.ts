// demo:load reports its progress as import:progress events (job 'demo'): every file announced while generating, then read and done, in order.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace, type TempWorkspace } from '../../fixtures/tempDb';
import { invoke } from '../../../electron/engine/handlers';
import { loadDemoNetwork, type DemoProgress } from '../../../electron/engine/imports/loadDemo';
import type { EventPayload } from '../../../shared/api/contract';
import { events as eventSchemas } from '../../../shared/api/contract';

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.close());

describe('demo progress', () => {
  it('announces every file as generating before any is read, then reading and done per file, through demo:load', async () => {
    const seen: EventPayload<'import:progress'>[] = [];
    ws.ctx.emit = (event, payload) => {
      if (event === 'import:progress') seen.push(eventSchemas['import:progress'].parse(payload));
    };
    const env = await invoke(ws.ctx, 'demo:load', {});
    expect(env.ok).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((e) => e.jobId === 'demo')).toBe(true);

    const generating = seen.filter((e) => e.phase === 'generating').map((e) => e.file);
    const done = seen.filter((e) => e.phase === 'done').map((e) => e.file);
    expect(generating.length).toBeGreaterThanOrEqual(3);
    expect(generating[0]).toBe('Connections.csv');
    expect(generating).toContain('messages.csv');
    expect(done).toEqual(generating);
    // All generating events come first: a listener knows the number of files before the first is read.
    const firstOther = seen.findIndex((e) => e.phase !== 'generating');
    expect(seen.slice(0, firstOther).map((e) => e.file)).toEqual(generating);
    // Within a file: reading (if any) before its done, and the done event carries its size and rows.
    for (const file of generating) {
      const own = seen.filter((e) => e.file === file);
      expect(own.at(-1)!.phase).toBe('done');
      expect(own.at(-1)!.bytes).toBe(own.at(-1)!.totalBytes);
      expect(own.at(-1)!.totalBytes).toBeGreaterThan(0);
    }
    expect(seen.find((e) => e.file === 'Connections.csv' && e.phase === 'done')!.rows).toBeGreaterThan(0);
  });

  it('loads the same network without a listener (the CLI and benchmarks call it so)', async () => {
    const calls: DemoProgress[] = [];
    const withListener = await loadDemoNetwork(ws.ctx.db, { connections: 60, seed: 3, onProgress: (p) => calls.push(p) });
    expect(withListener.connections).toBe(60);
    expect(calls.filter((c) => c.phase === 'done').length).toBe(calls.filter((c) => c.phase === 'generating').length);
    const other = tempWorkspace();
    try {
      expect(await loadDemoNetwork(other.ctx.db, { connections: 60, seed: 3 })).toEqual(withListener);
    } finally {
      other.close();
    }
  });
});
