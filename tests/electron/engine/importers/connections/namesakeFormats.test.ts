// Every connection format, written from one namesake-dense generated network (URL-less rows, name-less contacts):
// every person of the file is kept and shown by a name, an e-mail or a number, and a re-import changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../../../electron/engine/imports/importFile';
import { tempWorkspace, type TempWorkspace } from '../../../../fixtures/tempDb';
import { facebook, friendList, google, linkedIn, namesakeNetwork, outlook, sameDayNamesakes, vcard, type Export } from '../../../../fixtures/connections/namesakeExports';

const net = namesakeNetwork(800);

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.close());

const EXPORTS: Export[] = [
  linkedIn(net, 'url+email'),
  linkedIn(net, 'email'),
  linkedIn(net, 'none'),
  google(net),
  outlook(net),
  vcard(net),
  facebook(net),
  friendList(net),
];

describe('a namesake-dense network in every connection format', () => {
  it('is namesake-dense: a fifth to a third of its people share a full name', () => {
    const counts = new Map<string, number>();
    for (const p of net.persons) counts.set(`${p.firstName} ${p.lastName}`, (counts.get(`${p.firstName} ${p.lastName}`) ?? 0) + 1);
    const sharing = net.persons.filter((p) => counts.get(`${p.firstName} ${p.lastName}`)! > 1).length / net.persons.length;
    expect(sharing).toBeGreaterThan(0.15);
    expect(sharing).toBeLessThan(0.35);
    expect(sameDayNamesakes(net)).toBeGreaterThan(30);
  });

  for (const file of EXPORTS) {
    it(`${file.name}: no row lost, nobody blank, a re-import changes nothing`, async () => {
      const path = ws.write(file.name, file.text);
      const s = await importFile(ws.ctx.db, path, { kind: 'connections', format: file.format });
      expect({ added: s.added, skipped: s.skipped, joined: s.joined, skippedRows: s.skippedRows }).toEqual({ added: file.rows, skipped: 0, joined: 0, skippedRows: [] });
      const names = ws.ctx.db.prepare(`SELECT display_name FROM persons`).pluck().all() as string[];
      expect(names.sort()).toEqual([...file.shownNames].sort());
      expect(await importFile(ws.ctx.db, path, { kind: 'connections', format: file.format })).toMatchObject({ added: 0, updated: 0, missing: 0, batchId: null });
    });
  }
});
