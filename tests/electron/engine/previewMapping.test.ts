// import:preview for CSVs of interactions: the file's own header, the mapping the parser recognised, the encoding, a re-run with `map`; staged files kept after an import.
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempWorkspace, type TempWorkspace } from '../../fixtures/tempDb';
import { invoke } from '../../../electron/engine/handlers';
import { MAX_STAGED_FILES } from '../../../electron/engine/handlers/importHandlers';
import { recogniseInteractionColumns } from '../../../electron/engine/importers/interactions/interactionsCsv';
import { recogniseCallColumns } from '../../../electron/engine/importers/interactions/callsCsv';

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.close());

interface Preview {
  format: string;
  encoding: string;
  columns: string[];
  mapping: Record<string, string | null>;
  rows: Record<string, string>[];
  totalRows: number;
  warnings: string[];
}

/** Stages a file as `serve` does: under a name without its extension, with the person's name beside it. */
function stage(ref: string, name: string, content: string | Buffer): string {
  const path = ws.write(`upload-${ref}`, content);
  ws.ctx.staged.set(ref, { path, name, temporary: true });
  return ref;
}

async function call<T>(channel: string, request: unknown): Promise<T> {
  const env = await invoke(ws.ctx, channel, request);
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as T;
}

const CALLS = ['Who,Tel,Direction,When,Secs', 'Ann Bee,+44 20 7946 0001,incoming,2025-03-01 10:00,120', 'Carl Dee,+44 20 7946 0002,outgoing,2025-03-02 11:30,0'].join('\n');

describe('recognising columns', () => {
  it('names the header cell each field of a CSV of interactions comes from, a map winning, a kind word standing for every row', () => {
    const header = ['When', 'Who', 'E-mail', 'Type', 'Notes', 'Other'];
    expect(recogniseInteractionColumns(header)).toMatchObject({ date: 'When', name: 'Who', email: 'E-mail', kind: 'Type', note: 'Notes', subject: null, phone: null });
    expect(recogniseInteractionColumns(header, { subject: 'other', kind: 'call' })).toMatchObject({ subject: 'Other', kind: 'call' });
    expect(recogniseInteractionColumns(['When', 'Who'], { kind: 'in person' })).toMatchObject({ kind: 'in person' });
  });

  it('leaves out a column recognised by its name when the map gives it no column', () => {
    const header = ['When', 'Who', 'E-mail', 'Type', 'Notes'];
    expect(recogniseInteractionColumns(header, { note: '', email: '' })).toMatchObject({ date: 'When', name: 'Who', email: null, note: null });
    expect(recogniseCallColumns(['Name', 'Number', 'Date', 'Duration'], { duration: '' }, 'f', 1)).toMatchObject({ name: 'Name', number: 'Number', duration: null });
  });

  it('calls the phone field of a call log `number`, and keeps a separate time column apart from the date', () => {
    expect(recogniseCallColumns(['Name', 'Number', 'Date', 'Time', 'Duration'], undefined, 'f', 1)).toEqual({ name: 'Name', number: 'Number', type: null, date: 'Date', time: 'Time', duration: 'Duration' });
    expect(recogniseCallColumns(CALLS.split('\n')[0].split(','), { name: 'Who', number: 'Tel', type: 'Direction', date: 'When', duration: 'Secs' }, 'f', 1)).toEqual({
      name: 'Who',
      number: 'Tel',
      type: 'Direction',
      date: 'When',
      time: null,
      duration: 'Secs',
    });
  });
});

describe('import:preview of interaction CSVs', () => {
  it('returns a generic CSV’s own header, the recognised mapping and its encoding; rows as before', async () => {
    stage('r1', 'diary.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Date,Person,Type,Topic\n2025-01-05,Zoë Ångström,lunch,Plans\n2025-02-01,Bill Turner,call,\n')]));
    const p = await call<Preview>('import:preview', { fileRef: 'r1', kind: 'interactions' });
    expect(p.format).toBe('csv');
    expect(p.encoding).toBe('utf-8 (with BOM)');
    expect(p.columns).toEqual(['Date', 'Person', 'Type', 'Topic']);
    expect(p.mapping).toMatchObject({ date: 'Date', name: 'Person', kind: 'Type', subject: 'Topic', email: null });
    expect(p.rows.map((r) => [r.kind, r.people])).toEqual([
      ['in_person', 'Zoë Ångström'],
      ['call', 'Bill Turner'],
    ]);
    expect(Object.keys(p.rows[0])).toEqual(['line', 'kind', 'date', 'people', 'subject']);
  });

  it('hands back the header with a plain note, not an error, when no column holds the kind; a map then reads the rows', async () => {
    stage('r2', 'log.csv', 'Day,With,How it went\n2025-01-05,Ann Bee,fine\n');
    const bare = await call<Preview>('import:preview', { fileRef: 'r2', kind: 'interactions' });
    expect(bare.columns).toEqual(['Day', 'With', 'How it went']);
    expect(bare.mapping).toMatchObject({ kind: null, date: null, name: 'With' });
    expect(bare.rows).toEqual([]);
    expect(bare.warnings.join(' ')).toMatch(/kind of interaction.*date/);
    expect(bare.encoding).toBe('utf-8');

    const mapped = await call<Preview>('import:preview', { fileRef: 'r2', kind: 'interactions', map: { kind: 'in person', date: 'Day' } });
    expect(mapped.warnings).toEqual([]);
    expect(mapped.mapping).toMatchObject({ kind: 'in person', date: 'Day', name: 'With' });
    expect(mapped.rows).toMatchObject([{ kind: 'in_person', people: 'Ann Bee', date: expect.stringMatching(/^2025-01-05/) }]);
  });

  it('maps a call log with unusual column names, and import:run with the same map counts its calls', async () => {
    stage('r3', 'phone-calls.csv', Buffer.from(CALLS, 'latin1'));
    const bare = await call<Preview>('import:preview', { fileRef: 'r3', kind: 'interactions', format: 'calls' });
    expect(bare.columns).toEqual(['Who', 'Tel', 'Direction', 'When', 'Secs']);
    expect(bare.mapping).toMatchObject({ date: 'When', name: null, type: 'Direction', number: null, duration: null });
    expect(bare.rows).toEqual([]);
    expect(bare.warnings.join(' ')).toMatch(/number or the name/);

    const map = { name: 'Who', number: 'Tel', duration: 'Secs' };
    const mapped = await call<Preview>('import:preview', { fileRef: 'r3', kind: 'interactions', format: 'calls', map });
    expect(mapped.format).toBe('calls');
    expect(mapped.mapping).toMatchObject({ name: 'Who', number: 'Tel', duration: 'Secs', date: 'When' });
    expect(mapped.rows).toHaveLength(2);
    const summary = await call<{ found?: Record<string, number> | null; added: number }>('import:run', { fileRef: 'r3', kind: 'interactions', format: 'calls', map });
    expect(summary.added).toBe(2);
  });

  it('imports a diary without the columns the person left out: a wrong "Notes" and "Minutes" are not stored', async () => {
    stage('r6', 'diary.csv', 'Date,Person,Type,Minutes,Notes\n2025-01-05,Ann Bee,call,see file 7,=HYPERLINK("x")\n');
    const bare = await call<Preview>('import:preview', { fileRef: 'r6', kind: 'interactions' });
    expect(bare.mapping).toMatchObject({ minutes: 'Minutes', note: 'Notes' });
    const map = { minutes: '', note: '' };
    const mapped = await call<Preview>('import:preview', { fileRef: 'r6', kind: 'interactions', map });
    expect(mapped.mapping).toMatchObject({ date: 'Date', name: 'Person', kind: 'Type', minutes: null, note: null });
    const summary = await call<{ added: number }>('import:run', { fileRef: 'r6', kind: 'interactions', format: mapped.format, map });
    expect(summary.added).toBe(1);
    expect(ws.ctx.db.prepare(`SELECT note, duration_sec AS durationSec, kind FROM interactions`).all()).toEqual([{ note: '', durationSec: null, kind: 'call' }]);
  });

  it('still refuses a map that leaves out every column naming people', async () => {
    stage('r7', 'diary.csv', 'Date,Person,Type\n2025-01-05,Ann Bee,call\n');
    const env = await invoke(ws.ctx, 'import:run', { fileRef: 'r7', kind: 'interactions', format: 'csv', map: { name: '' } });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.message).toMatch(/diary\.csv.*line 1.*no column names the people/);
  });

  it('shows LinkedIn messages.csv’s own columns as read, and keeps the fixed columns for non-CSV formats', async () => {
    stage('r4', 'messages.csv', 'CONVERSATION ID,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT\nc1,Ann Bee,https://www.linkedin.com/in/ann,Me,2025-01-01 10:00:00 UTC,,hi\n');
    const li = await call<Preview>('import:preview', { fileRef: 'r4', kind: 'interactions' });
    expect(li.format).toBe('linkedin-messages');
    expect(li.columns[0]).toBe('CONVERSATION ID');
    expect(li.mapping).toMatchObject({ conversation: 'CONVERSATION ID', from: 'FROM', date: 'DATE', recipientUrls: null });

    stage('r5', 'cal.ics', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n');
    const ics = await call<Preview>('import:preview', { fileRef: 'r5', kind: 'interactions' });
    expect(ics.columns).toEqual(['line', 'kind', 'date', 'people', 'subject']);
    expect(ics.mapping).toEqual({});
  });
});

describe('staged files after an import', () => {
  it('keeps an imported file staged (removals reuse it) until another file is imported, and never more than the cap', async () => {
    stage('a', 'calls-a.csv', CALLS.replace(/Who/, 'Name').replace('Tel', 'Number').replace('Secs', 'Duration'));
    await call('import:run', { fileRef: 'a', kind: 'interactions', format: 'calls' });
    expect(ws.ctx.staged.has('a')).toBe(true);
    await call('import:preview', { fileRef: 'a', kind: 'interactions', format: 'calls' });

    stage('b', 'calls-b.csv', 'Name,Number,When,Duration\nEve,+1 555 0100,2025-04-01 09:00,30\n');
    await call('import:run', { fileRef: 'b', kind: 'interactions', format: 'calls' });
    expect(ws.ctx.staged.has('a')).toBe(false);
    expect(ws.ctx.staged.has('b')).toBe(true);

    for (let i = 0; i < MAX_STAGED_FILES + 3; i++) stage(`x${i}`, `x${i}.csv`, 'Name,Number,When\nEve,+1 555 0100,2025-04-01 09:00\n');
    await call('import:preview', { fileRef: 'x0', kind: 'interactions', format: 'calls' });
    expect(ws.ctx.staged.size).toBe(MAX_STAGED_FILES);
    expect(ws.ctx.staged.has('x0')).toBe(true);
    expect(ws.ctx.staged.has(`x${MAX_STAGED_FILES + 2}`)).toBe(true);
  });

  it('lets a released upload go at once, deleting its copy; one being imported goes when its import ends', async () => {
    stage('c', 'calls-c.csv', CALLS.replace(/Who/, 'Name').replace('Tel', 'Number').replace('Secs', 'Duration'));
    const copy = ws.ctx.staged.get('c')!.path;
    await call('import:release', { fileRef: 'c' });
    expect(ws.ctx.staged.has('c')).toBe(false);
    expect(existsSync(copy)).toBe(false);
    await call('import:release', { fileRef: 'c' });

    stage('d', 'calls-d.csv', CALLS.replace(/Who/, 'Name').replace('Tel', 'Number').replace('Secs', 'Duration'));
    const copyD = ws.ctx.staged.get('d')!.path;
    const running = call<{ added: number }>('import:run', { fileRef: 'd', kind: 'interactions', format: 'calls' });
    await call('import:release', { fileRef: 'd' });
    expect(ws.ctx.staged.has('d')).toBe(true);
    expect(existsSync(copyD)).toBe(true);
    expect((await running).added).toBe(2);
    expect(ws.ctx.staged.has('d')).toBe(false);
    expect(existsSync(copyD)).toBe(false);
  });
});
