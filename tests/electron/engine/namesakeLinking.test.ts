// Namesakes across files and records (SPEC §5.2): a name several people carry is never linked by a guess, in the
// matcher, when a second network's rows are merged into persons, and when records are linked after an import.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildMatcher, type PersonIdentity } from '../../../shared/identity/matcher';
import { nameKey } from '../../../shared/identity/nameKey';
import { importFile } from '../../../electron/engine/imports/importFile';
import { undoBatch } from '../../../electron/engine/store/batchUndo';
import { LINKEDIN_PREAMBLE } from '../../fixtures/connections/connectionFixtures';
import { tempWorkspace, type TempWorkspace } from '../../fixtures/tempDb';

const NO_ONE = { emails: [], profileUrls: [], phones: [], nameKeys: [] };
const person = (id: string, name: string, company: string, more: Partial<PersonIdentity> = {}): PersonIdentity => ({
  id, emails: [], profileUrls: [], phones: [], nameKeys: [nameKey(name)], company, ...more,
});

describe('the matcher among namesakes', () => {
  const persons = [
    person('amit-exl', 'Amit Kumar', 'EXL'),
    person('amit-ms', 'Amit Kumar', 'Morgan Stanley'),
    person('amit-r', 'Amit R. Kumar', 'Infosys'),
    person('rodrigo-gavb', 'Rodrigo Ribeiro da Silva (GAVB)', 'GAVB'),
    person('rodrigo-open', 'Rodrigo Santos da Silva (Open Co)', 'Open Co'),
    person('wei', 'Wei Zhang', 'Huawei'),
  ];
  const matcher = buildMatcher(persons, NO_ONE);

  it('sends a bare name that several persons carry to review with every candidate', () => {
    const r = matcher.match({ name: 'Amit Kumar' });
    expect(r.kind).toBe('review');
    if (r.kind === 'review') expect(r.candidates.map((c) => c.personId).sort()).toEqual(['amit-exl', 'amit-ms', 'amit-r']);
    // A webmail address is no evidence either.
    expect(matcher.match({ name: 'Amit Kumar', email: 'amit.kumar1987@gmail.com' }).kind).toBe('review');
  });

  it('a name exactly equal to one person’s is still a guess when another person has the same name key', () => {
    const r = matcher.match({ name: 'Rodrigo Santos da Silva (Open Co)' });
    expect(r.kind).toBe('review');
    if (r.kind === 'review') expect(r.candidates.map((c) => c.personId).sort()).toEqual(['rodrigo-gavb', 'rodrigo-open']);
  });

  it('more evidence decides: a company domain that fits exactly one namesake', () => {
    expect(matcher.match({ name: 'Amit Kumar', email: 'amit.kumar@morganstanley.com' })).toMatchObject({ kind: 'linked', personId: 'amit-ms', method: 'name+domain' });
  });

  it('a name key unique among all persons links', () => {
    expect(matcher.match({ name: 'Wei Zhang' })).toMatchObject({ kind: 'linked', personId: 'wei', method: 'name' });
  });
});

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.close());

const urlLess = (rows: string[]) => `${LINKEDIN_PREAMBLE}First Name,Last Name,Email Address,Company,Position,Connected On\n${rows.join('\n')}\n`;
const personsOf = () =>
  ws.ctx.db
    .prepare(`SELECT p.display_name AS name, group_concat(c.network, '+') AS networks FROM persons p JOIN connections c ON c.person_id = p.id GROUP BY p.id ORDER BY name, networks`)
    .all();

describe('a second network merged into persons', () => {
  it('a name unique on both sides merges; a name that a file lists twice merges with no one', async () => {
    await importFile(ws.ctx.db, ws.write('Connections.csv', urlLess(['Amit,Kumar,,EXL,Analyst,28 Mar 2022', 'Wei,Zhang,,Huawei,Engineer,01 Jan 2020'])), { kind: 'connections' });
    const google = ['Name,Organization 1 - Name', 'Amit Kumar,', 'Wei Zhang,Huawei', 'Amit Kumar,'].join('\n');
    const s = await importFile(ws.ctx.db, ws.write('contacts.csv', google), { kind: 'connections', format: 'google' });
    expect(s).toMatchObject({ added: 2, joined: 1 });
    // The two Google rows "Amit Kumar" are every field equal: one contact, and one Amit Kumar in Google, so it merges.
    expect(personsOf()).toEqual([
      { name: 'Amit Kumar', networks: 'linkedin+google' },
      { name: 'Wei Zhang', networks: 'linkedin+google' },
    ]);
  });

  it('two different Amit Kumars in the second file: neither is taken for the first file’s one by a guess', async () => {
    await importFile(ws.ctx.db, ws.write('Connections.csv', urlLess(['Amit,Kumar,,EXL,Analyst,28 Mar 2022', 'Wei,Zhang,,Huawei,Engineer,01 Jan 2020'])), { kind: 'connections' });
    const google = ['Name,Organization 1 - Name', 'Amit Kumar,EXL', 'Wei Zhang,Huawei', 'Amit Kumar,Morgan Stanley'].join('\n');
    const s = await importFile(ws.ctx.db, ws.write('contacts.csv', google), { kind: 'connections', format: 'google' });
    expect(s).toMatchObject({ added: 3, joined: 0 });
    expect(personsOf()).toEqual([
      { name: 'Amit Kumar', networks: 'google' },
      { name: 'Amit Kumar', networks: 'google' },
      { name: 'Amit Kumar', networks: 'linkedin' },
      { name: 'Wei Zhang', networks: 'linkedin+google' },
    ]);
    // Undo takes the second file away whole, the merged row included.
    expect(undoBatch(ws.ctx.db, s.batchId!)).toBe(true);
    expect(personsOf()).toEqual([
      { name: 'Amit Kumar', networks: 'linkedin' },
      { name: 'Wei Zhang', networks: 'linkedin' },
    ]);
    expect(ws.ctx.db.prepare(`SELECT count(*) FROM identities WHERE kind = 'name'`).pluck().get()).toBe(2);
  });

  it('records: a sender named like two connections waits in review with both, and links once an e-mail decides', async () => {
    await importFile(ws.ctx.db, ws.write('Connections.csv', urlLess(['Amit,Kumar,,EXL,Analyst,28 Mar 2022', 'Amit,Kumar,,Morgan Stanley,Director,28 Mar 2022'])), {
      kind: 'connections',
    });
    const calls = ['Name,Number,Type,Date,Duration', 'Amit Kumar,+91 98765 43210,incoming,2024-05-01 10:00,300'].join('\n');
    const s = await importFile(ws.ctx.db, ws.write('calls.csv', calls), { kind: 'interactions' });
    expect(s.found).toMatchObject({ calls: 1, unlinked: 1 });
    const review = ws.ctx.db.prepare(`SELECT count(*) FROM contacts WHERE person_id IS NULL`).pluck().get();
    expect(review).toBe(1);
  });
});
