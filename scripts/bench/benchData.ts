// Data shared between bench sections: the generated 30,000-connection network, its Connections.csv, and a database with it imported.
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateNetwork, writeLinkedInConnectionsCsv, type GeneratedNetwork } from '../../shared/demo';
import { mb, progress, runChild, timed, writeChunks, type BenchSettings } from './benchEnv';

export class BenchData {
  private net: GeneratedNetwork | null = null;
  private csv: string | null = null;
  private db: string | null = null;

  constructor(
    readonly settings: BenchSettings,
    readonly dir: string,
  ) {}

  get connectionCount(): number {
    return Math.max(100, Math.round(30_000 * this.settings.scale));
  }

  /** The owner of the generated network, as identities for Settings. */
  me(): { kind: 'email' | 'url' | 'name'; value: string }[] {
    const me = this.network().me;
    return [
      { kind: 'email', value: me.email },
      { kind: 'url', value: me.profileUrl },
      { kind: 'name', value: me.name },
    ];
  }

  network(): GeneratedNetwork {
    if (!this.net) {
      const start = performance.now();
      this.net = generateNetwork({ seed: this.settings.seed, connections: this.connectionCount, asOf: this.settings.asOf });
      progress(`generated a network of ${this.connectionCount} connections in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
    return this.net;
  }

  /** Lets go of the generated network; network() generates the same one again if asked. */
  releaseNetwork(): void {
    this.net = null;
  }

  async connectionsCsv(): Promise<string> {
    if (!this.csv) {
      const path = join(this.dir, 'Connections.csv');
      const { ms, value: bytes } = await timed(() => writeChunks(path, writeLinkedInConnectionsCsv(this.network())));
      progress(`wrote Connections.csv (${mb(bytes).toFixed(1)} MB) in ${(ms / 1000).toFixed(1)} s`);
      this.csv = path;
    }
    return this.csv;
  }

  /** Remembers a database that holds exactly the network's Connections.csv import (made by section 1). */
  adoptConnectionsDb(path: string): void {
    this.db = path;
  }

  /** A new database file at `path` holding the network's connections (copied from the one imported before, or imported now). */
  async freshConnectionsDb(path: string): Promise<string> {
    removeDb(path);
    if (!this.db) {
      const base = join(this.dir, 'connections-base.db');
      removeDb(base);
      progress('importing Connections.csv for a base database');
      await runChild({ task: 'import', dbPath: base, file: await this.connectionsCsv(), kind: 'connections' });
      this.db = base;
    }
    copyFileSync(this.db, path);
    if (existsSync(`${this.db}-wal`)) copyFileSync(`${this.db}-wal`, `${path}-wal`);
    return path;
  }
}

export function removeDb(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}
