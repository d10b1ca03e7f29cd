// No import's result changes while its speed does: every fixture and a set of bench-like files, imported
// in sequence (first imports, later exports, other networks, duplicates, refusals, an undo), parsed
// in-thread and in the worker, must leave exactly the database and summaries frozen in
// importGolden.json. The file was written by the code before the write paths were batched (efe75aa);
// rewrite it (GOLDEN_UPDATE=1) only for a change that means to alter what an import stores, and say so.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDemoBundle, generateNetwork, writeCallsText, writeGenericPeopleCsv, writeIcsText, writeLinkedInConnectionsText, writeLinkedInMessagesText, writeMboxText, type GeneratedNetwork } from '../../../../shared/demo';
import { undoBatch } from '../../../../electron/engine/store/batchUndo';
import { relinkContacts } from '../../../../electron/engine/linking/relinkContacts';
import type { Db } from '../../../../electron/engine/db/openDatabase';
import { FIXTURE_IMPORTS, contentsDigest, importSequence, sha256, type ScenarioStep } from '../../../fixtures/importScenarios';
import { facebook, friendList, google, linkedIn, namesakeNetwork, outlook, vcard } from '../../../fixtures/connections/namesakeExports';

const GOLDEN = new URL('./importGolden.json', import.meta.url);
const AS_OF = '2025-06-30';

/** Undoes the last batch that imported `file`, and relinks, as the app's undo does. */
function undoLast(file: string): ScenarioStep {
  return {
    name: `undo ${file}`,
    run: (db: Db) => {
      const id = db.prepare(`SELECT max(id) FROM import_batches WHERE file = ?`).pluck().get(file) as number;
      const undone = undoBatch(db, id);
      db.transaction(() => relinkContacts(db))();
      return undone;
    },
  };
}

/** The same network a while later: some people gone, some with a new company or position. */
function laterExport(net: GeneratedNetwork): GeneratedNetwork {
  const persons = net.persons
    .filter((_, i) => i % 41 !== 7)
    .map((p, i) => (i % 29 === 3 ? { ...p, company: `${p.company} Group` } : i % 31 === 5 ? { ...p, position: `Senior ${p.position}` } : p));
  return { ...net, persons };
}

const SCENARIOS: Record<string, () => ScenarioStep[]> = {
  'every importer fixture': () => FIXTURE_IMPORTS,
  'a demo bundle and a mailbox of 3 MB': () => {
    const bundle = generateDemoBundle({ seed: 11, connections: 400, asOf: AS_OF });
    const big = writeMboxText(generateNetwork({ seed: 12, connections: 400, asOf: AS_OF, me: bundle.me }), { targetBytes: 3 * 1024 * 1024 });
    const me = [{ kind: 'email' as const, value: bundle.me.email }];
    return [
      ...bundle.files.map((f) => ({ name: f.name, content: f.text, options: { kind: f.kind === 'linkedin-connections' ? ('connections' as const) : ('interactions' as const), me } })),
      { name: 'big.mbox', content: big, options: { kind: 'interactions' } },
    ];
  },
  'the bench generator: 3,000 connections, their records, a later export with removals, other networks, undos': () => {
    const net = generateNetwork({ seed: 2006, connections: 3000, asOf: AS_OF });
    const me = [{ kind: 'email' as const, value: net.me.email }, { kind: 'url' as const, value: net.me.profileUrl }];
    const later = laterExport(net);
    return [
      { name: 'Connections.csv', content: writeLinkedInConnectionsText(net), options: { kind: 'connections' } },
      { name: 'mail.mbox', content: writeMboxText(net, { targetBytes: 4 * 1024 * 1024 }), options: { kind: 'interactions', me } },
      { name: 'messages.csv', content: writeLinkedInMessagesText(net), options: { kind: 'interactions' } },
      { name: 'calendar.ics', content: writeIcsText(net), options: { kind: 'interactions' } },
      { name: 'calls.csv', content: writeCallsText(net), options: { kind: 'interactions' } },
      { name: 'Connections.csv', content: writeLinkedInConnectionsText(net), options: { kind: 'connections' } },
      { name: 'Connections-later.csv', content: writeLinkedInConnectionsText(later), options: { kind: 'connections', removals: true } },
      { name: 'contacts.csv', content: google(net).text, options: { kind: 'connections', format: 'google' } },
      { name: 'people.csv', content: [...writeGenericPeopleCsv({ rows: 3000, seed: 7 })].join(''), options: { kind: 'connections', network: 'Friendster' } },
      { name: 'mail.mbox', content: writeMboxText(net, { targetBytes: 4 * 1024 * 1024 }), options: { kind: 'interactions' } },
      undoLast('calendar.ics'),
      undoLast('Connections-later.csv'),
    ];
  },
  'a namesake-dense network in every connection format, then its mail': () => {
    const net = namesakeNetwork(1500);
    const exports = [linkedIn(net, 'none'), google(net), outlook(net), vcard(net), facebook(net), friendList(net), linkedIn(net, 'url+email')];
    return [
      ...exports.map((e) => ({ name: e.name, content: e.text, options: { kind: 'connections' as const, format: e.format as never } })),
      { name: 'mail.mbox', content: writeMboxText(net, { targetBytes: 2 * 1024 * 1024 }), options: { kind: 'interactions', me: [{ kind: 'email', value: net.me.email }] } },
    ];
  },
};

/** What a scenario left: its summaries' digest and one digest line per table. */
async function outcome(mode: 'thread' | 'worker', steps: ScenarioStep[]): Promise<Record<string, string>> {
  const { results, db } = await importSequence(mode, steps);
  return { summaries: sha256(JSON.stringify(results)), ...contentsDigest(db) };
}

describe('import results are frozen', () => {
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, Record<string, string>>;
  const updating = process.env.GOLDEN_UPDATE === '1';
  const written: Record<string, Record<string, string>> = {};
  for (const [name, steps] of Object.entries(SCENARIOS)) {
    it(`${name}: the same database and summaries as before, parsed in-thread and in the worker`, async () => {
      const thread = await outcome('thread', steps());
      const worker = await outcome('worker', steps());
      expect(worker).toEqual(thread);
      if (updating) {
        written[name] = thread;
        writeFileSync(GOLDEN, JSON.stringify({ ...golden, ...written }, null, 2) + '\n');
      }
      expect(thread).toEqual(golden[name]);
    }, 300_000);
  }
});
