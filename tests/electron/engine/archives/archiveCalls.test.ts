// The archive calls through the engine's one entry (validation, handlers, errors as one line), as both doors use them.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoke } from '../../../../electron/engine/handlers';
import { tempWorkspace, type TempWorkspace } from '../../../fixtures/tempDb';
import { linkedinExport, takeoutExport, writeTgz, writeZip } from '../../../fixtures/archives/archiveFixtures';

let ws: TempWorkspace;
beforeEach(() => (ws = tempWorkspace()));
afterEach(() => ws.close());

/** Stages a file as an upload would: a copy under a meaningless name, the person's name beside it. */
function stage(path: string, name: string): string {
  const ref = `ref-${ws.ctx.staged.size + 1}`;
  ws.ctx.staged.set(ref, { path, name, temporary: false });
  return ref;
}

async function call<T>(channel: string, body: unknown): Promise<T> {
  const envelope = await invoke(ws.ctx, channel, body);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

describe('archive calls', () => {
  it('surveys an upload by the name the person gave it, previews one file, and imports all with progress events', async () => {
    // Staged uploads have no extension: the archive is known by its bytes, named by its given name.
    const zip = await writeZip(join(ws.dir, 'upload-7f3a'), linkedinExport());
    const ref = stage(zip, 'Basic_LinkedInDataExport_12-04-2026.zip');
    const survey = await call<{ archives: string[]; files: { id: string; path: string; willRead: boolean }[] }>('archive:survey', { fileRefs: [ref] });
    expect(survey.archives).toEqual(['Basic_LinkedInDataExport_12-04-2026.zip']);
    const messages = survey.files.find((f) => f.path === 'messages.csv')!;
    const preview = await call<{ format: string; rows: Record<string, string>[] }>('archive:preview', { fileRefs: [ref], id: messages.id });
    expect(preview.format).toBe('linkedin-messages');
    expect(preview.rows.length).toBeGreaterThan(0);

    const events: { file: string; bytes: number; totalBytes: number; phase: string }[] = [];
    ws.ctx.emit = (event, payload) => {
      if (event === 'import:progress') events.push(payload as (typeof events)[number]);
    };
    const run = await call<{ summaries: { file: string }[]; notUsed: { file: string }[] }>('archive:run', { fileRefs: [ref], jobId: 'job-1' });
    expect(run.summaries.map((s) => s.file)).toEqual([
      'Basic_LinkedInDataExport_12-04-2026.zip › Connections.csv',
      'Basic_LinkedInDataExport_12-04-2026.zip › Invitations.csv',
      'Basic_LinkedInDataExport_12-04-2026.zip › messages.csv',
    ]);
    expect(run.notUsed.map((f) => f.file)).toEqual(['Basic_LinkedInDataExport_12-04-2026.zip › Ad_Targeting.csv', 'Basic_LinkedInDataExport_12-04-2026.zip › Profile.csv']);
    expect(events.at(-1)?.phase).toBe('done');
    expect(new Set(events.filter((e) => e.phase === 'reading').map((e) => e.totalBytes)).size).toBe(1);
  });

  it('previews a file inside a tgz', async () => {
    const tgz = await writeTgz(join(ws.dir, 'takeout.tgz'), [{ name: 'Takeout/Contacts/My Contacts/My Contacts.csv', content: takeoutExport()[2].content }, ...takeoutExport()]);
    const ref = stage(tgz, 'takeout.tgz');
    const preview = await call<{ format: string; rows: Record<string, string>[] }>('archive:preview', { fileRefs: [ref], id: '0:Takeout/Contacts/My Contacts/My Contacts.csv' });
    expect(preview.format).toBe('google');
    expect(preview.rows.map((r) => r.name)).toEqual(['Jane Doe', 'Łukasz Wójcik']);
  });

  it('refuses bad requests and bad archives in one line', async () => {
    await expect(call('archive:survey', { fileRefs: [] })).rejects.toThrow(/invalid_request/);
    await expect(call('archive:survey', { fileRefs: ['nope'] })).rejects.toThrow(/not_found: that archive is no longer staged/);
    const ref = stage(ws.write('x', 'not an archive at all'), 'notes.zip');
    await expect(call('archive:run', { fileRefs: [ref] })).rejects.toThrow(/^import_failed: notes\.zip: not a readable zip archive/);
    const zip = await writeZip(join(ws.dir, 'li.zip'), linkedinExport());
    const good = stage(zip, 'li.zip');
    await expect(call('archive:preview', { fileRefs: [good], id: '0:Profile.csv' })).rejects.toThrow(/li\.zip › Profile\.csv: not a file Tiecheck reads \(LinkedIn profile\)/);
    await expect(call('archive:preview', { fileRefs: [good], id: '3:Connections.csv' })).rejects.toThrow(/no such file in the archive/);
  });
});
