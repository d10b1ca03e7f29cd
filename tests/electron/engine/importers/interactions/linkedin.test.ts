import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../../../electron/engine/importers/importError';
import { splitNameList } from '../../../../../electron/engine/importers/interactions/linkedinMessages';
import { FixtureDir, INVITATIONS_2023, MESSAGES_2018, MESSAGES_2022, MESSAGES_2025, parseFile } from '../../../../fixtures/interactions/interactionFixtures';

const dir = new FixtureDir();
afterAll(() => dir.remove());

describe('LinkedIn messages.csv, 2018 era', async () => {
  const { records, info } = await parseFile(dir.write('messages.csv', MESSAGES_2018));

  it('reads by column name with US dates and no URLs', () => {
    expect(info.format).toBe('linkedin-messages');
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({ kind: 'message', occurredAt: '2018-10-16T08:36:00Z', subject: 'Hello', line: 2 });
    expect(records[0].participants).toEqual([
      { role: 'from', isSender: true, name: 'Owner Person' },
      { role: 'to', isSender: false, name: 'Jane Doe' },
    ]);
  });

  it('threads by subject (Re: stripped) and people', () => {
    expect(records[1].threadKey).toBe(records[0].threadKey);
    expect(records[0].threadKey).toMatch(/^li:subj:/);
  });

  it('marks LinkedIn Member automated', () => {
    expect(records[2].automated).toBe(true);
    expect(records[0].automated).toBeUndefined();
  });

  it('names the sender of OUTGOING rows as the owner', () => {
    expect(info.ownerHints).toContainEqual(expect.objectContaining({ kind: 'name', value: 'Owner Person' }));
  });
});

describe('LinkedIn messages.csv, 2021–2023 era', async () => {
  const { records, info } = await parseFile(dir.write('messages.csv', MESSAGES_2022));

  it('threads by CONVERSATION ID and keeps the sender URL', () => {
    expect(records[0].threadKey).toBe('li:2-abc==');
    expect(records[1].threadKey).toBe('li:2-abc==');
    expect(records[1].participants[0]).toEqual({ role: 'from', isSender: true, name: 'Jane Doe', profileUrl: 'https://www.linkedin.com/in/jane-doe-123' });
    expect(records[0].sourceKey).toMatch(/^li:2-abc==\|2021-06-15T16:37:00Z\|https:\/\/www\.linkedin\.com\/in\/owner-person\|[0-9a-f]{16}$/);
  });

  it('marks a sponsored Premium sender with an empty URL automated, and skips spam', () => {
    const sponsored = records.find((r) => r.threadKey === 'li:2-spon==');
    expect(sponsored?.automated).toBe(true);
    expect(records.some((r) => r.threadKey === 'li:2-spam==')).toBe(false);
    expect(info.skipped).toEqual([{ line: 5, reason: 'spam' }]);
  });
});

describe('LinkedIn messages.csv, Dec 2024 era (recipient URLs, drafts, group chats)', async () => {
  const { records, info } = await parseFile(dir.write('messages.csv', MESSAGES_2025));

  it('pairs comma-joined names with split URLs when the counts agree (names with commas kept)', () => {
    const group = records[0];
    expect(group.participants).toEqual([
      { role: 'from', isSender: true, name: 'Owner Person', profileUrl: 'https://www.linkedin.com/in/owner-person' },
      { role: 'to', isSender: false, name: 'Ade Oshewolo, CFA', profileUrl: 'https://www.linkedin.com/in/ade-oshewolo' },
      { role: 'to', isSender: false, name: 'Fábio Sato', profileUrl: 'https://www.linkedin.com/in/fábio-sato-42' },
    ]);
    expect(records[1].participants[0].profileUrl).toBe('https://www.linkedin.com/in/fábio-sato-42');
  });

  it('keeps a single recipient name with commas whole', () => {
    expect(records[2].participants[1]).toMatchObject({ name: 'Smith, Jr., Alex', profileUrl: 'https://www.linkedin.com/in/alex-smith' });
  });

  it('skips drafts and marks the hidden member automated', () => {
    expect(info.skipped).toEqual([{ line: 5, reason: 'draft' }]);
    expect(records).toHaveLength(4);
    expect(records[3].automated).toBe(true);
  });

  it('names the profile URL found in the most conversations as the owner', () => {
    expect(info.ownerHints[0]).toMatchObject({ kind: 'url', value: 'https://www.linkedin.com/in/owner-person' });
  });
});

describe('splitNameList', () => {
  it('re-attaches credentials to the name before them', () => {
    expect(splitNameList('Ade Oshewolo, CFA, Jane Doe, Mehic-Dzanic (IoT), MBA')).toEqual(['Ade Oshewolo, CFA', 'Jane Doe', 'Mehic-Dzanic (IoT), MBA']);
  });
});

describe('LinkedIn messages.csv: bad input', () => {
  it('refuses a CSV without FROM and DATE, naming the header line', async () => {
    const err = await parseFile(dir.write('m.csv', 'a,b\n1,2\n'), { format: 'linkedin-messages' }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toBe('m.csv, line 1: not a LinkedIn messages.csv: no FROM and DATE columns');
  });

  it('refuses an unterminated quote with its line', async () => {
    const err = await parseFile(dir.write('q.csv', `${MESSAGES_2022}\n2-x==,,"Broken,https://x,Me,2021-06-15 16:37:00 UTC,,x,INBOX\n`)).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/^q\.csv, line 6/);
  });
});

describe('LinkedIn Invitations.csv', async () => {
  const { records, info } = await parseFile(dir.write('Invitations.csv', INVITATIONS_2023));

  it('returns invitations, not interactions', () => {
    expect(info.format).toBe('linkedin-invitations');
    expect(records).toEqual([]);
    expect(info.records).toBe(0);
    expect(info.invitations).toEqual([
      { name: 'Jane Doe', direction: 'incoming', sentAt: '2023-08-18T09:08:00Z', profileUrl: 'https://www.linkedin.com/in/jane-doe-123' },
      { name: 'Kim Lee', direction: 'outgoing', sentAt: '2023-08-19T10:00:00Z', message: "Hi Kim, let's connect" },
    ]);
  });

  it('names your side of the invitations as the owner', () => {
    expect(info.ownerHints).toContainEqual(expect.objectContaining({ kind: 'url', value: 'https://www.linkedin.com/in/owner-person' }));
    expect(info.ownerHints).toContainEqual(expect.objectContaining({ kind: 'name', value: 'Owner Person' }));
  });
});
