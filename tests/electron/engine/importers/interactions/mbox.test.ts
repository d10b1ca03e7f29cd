import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../../../electron/engine/importers/importError';
import { BATCH_SIZE } from '../../../../../electron/engine/importers/interactions/interactionFile';
import { daemonMbox, FixtureDir, gmailMbox, parseFile, thunderbirdMbox } from '../../../../fixtures/interactions/interactionFixtures';

const dir = new FixtureDir();
afterAll(() => dir.remove());

describe('mbox: Gmail Takeout (CRLF, X-GM-THRID, encoded words)', async () => {
  const path = dir.write('All mail Including Spam and Trash.mbox', gmailMbox());
  const { records, info } = await parseFile(path);

  it('reads every message but spam, one email record each', () => {
    expect(info.format).toBe('mbox');
    expect(records).toHaveLength(3);
    expect(info.skipped).toEqual([{ line: expect.any(Number), reason: 'spam or trash' }]);
    expect(records.every((r) => r.kind === 'email')).toBe(true);
  });

  it('keeps an encoded display name with a comma as one address', () => {
    const first = records[0];
    expect(first.participants[0]).toEqual({ role: 'from', isSender: true, name: 'Reyes, Mónica', email: 'monica.reyes@example.com' });
    expect(first.participants.filter((p) => p.role === 'to').map((p) => p.name)).toEqual(['Owner Person', 'Doe, John']);
    expect(first.participants.find((p) => p.role === 'cc')).toMatchObject({ name: 'André Müller', email: 'andre@example.de' });
    expect(records[1].participants[1]).toMatchObject({ role: 'to', name: 'Reyes, Mónica' });
  });

  it('decodes folded, adjacent encoded words without the space between them', () => {
    expect(records[0].subject).toBe('Café meeting plans');
  });

  it('does not split on >From or on From without a blank line before it', () => {
    expect(records[0].line).toBe(1);
    expect(records[1].line).toBeGreaterThan(18);
  });

  it('threads by X-GM-THRID and keys by Message-ID', () => {
    expect(records[0].threadKey).toBe('mbox:gm:1789175065060252787');
    expect(records[1].threadKey).toBe(records[0].threadKey);
    expect(records[0].sourceKey).toBe('mbox:CAB1@mail.example.com');
    expect(records[1].occurredAt).toBe('2024-01-27T08:00:00Z');
  });

  it('marks the mailing-list message automated and nothing else', () => {
    expect(records.map((r) => r.automated ?? false)).toEqual([false, false, true]);
  });

  it('names the most common Delivered-To as the owner', () => {
    expect(info.ownerHints[0]).toMatchObject({ kind: 'email', value: 'owner@gmail.com' });
    expect(info.ownerHints[0].evidence).toContain('Delivered-To');
  });
});

describe('mbox: LF daemon mailbox with a reply chain and no thread ids', async () => {
  const path = dir.write('inbox', daemonMbox());
  const { records, info } = await parseFile(path, { format: 'mbox' });

  it('reads all five messages', () => {
    expect(info.skipped).toEqual([]);
    expect(records).toHaveLength(5);
  });

  it('follows In-Reply-To and References to one thread', () => {
    const [root, reply1, reply2] = records;
    expect(reply1.threadKey).toBe(root.threadKey);
    expect(reply2.threadKey).toBe(root.threadKey);
  });

  it('reads a (comment) display name and the obsolete zone in Date', () => {
    expect(records[1].participants[0]).toMatchObject({ name: 'Bob Builder', email: 'bob@example.com' });
    expect(records[0].occurredAt).toBe('2002-03-06T21:49:40Z');
  });

  it('marks the bounce automated (mailer-daemon, Auto-Submitted)', () => {
    expect(records[3].automated).toBe(true);
  });

  it('hashes a key for the message without Message-ID and threads it by subject and people', () => {
    expect(records[4].sourceKey).toMatch(/^mbox:h:[0-9a-f]{24}$/);
    expect(records[4].threadKey).toMatch(/^mbox:subj:/);
    expect(records[4].threadKey).not.toBe(records[0].threadKey);
  });
});

describe('mbox: Thunderbird separators', async () => {
  const path = dir.write('Inbox', thunderbirdMbox());
  const { records, info } = await parseFile(path);

  it('splits on "From - " lines and threads Re: by subject and people', () => {
    expect(info.format).toBe('mbox');
    expect(records).toHaveLength(2);
    expect(records[1].threadKey).toBe(records[0].threadKey);
    expect(records[0].occurredAt).toBe('2022-07-05T16:44:15Z');
  });

  it('offers the dominant sender as owner only when no Delivered-To exists', () => {
    expect(info.ownerHints.every((h) => h.kind === 'email')).toBe(true);
  });
});

describe('mbox: duplicates, out-of-order replies, batches', () => {
  it('skips a second copy of one Message-ID', async () => {
    const one = daemonMbox().split('\n\nFrom daemon@host Wed Mar  6 18:00:00 2002')[0];
    const { records, info } = await parseFile(dir.write('dup.mbox', `${one}\n\n${one}\n`));
    expect(records).toHaveLength(1);
    expect(info.skipped[0].reason).toBe('duplicate Message-ID');
  });

  it('gives a reply seen before its root the root’s thread', async () => {
    const text = [
      'From x Wed Mar  6 18:00:00 2002',
      'From: b@example.com',
      'To: a@example.com',
      'Subject: Re: Q',
      'Date: Wed, 6 Mar 2002 18:00:00 +0000',
      'Message-ID: <child@x>',
      'References: <root@x>',
      '',
      'body',
      '',
      'From x Wed Mar  6 16:00:00 2002',
      'From: a@example.com',
      'To: b@example.com',
      'Subject: Q',
      'Date: Wed, 6 Mar 2002 16:00:00 +0000',
      'Message-ID: <root@x>',
      '',
      'body',
      '',
    ].join('\n');
    const { records } = await parseFile(dir.write('order.mbox', text));
    expect(records[0].threadKey).toBe(records[1].threadKey);
  });

  it('hands records on in batches of BATCH_SIZE', async () => {
    const msg = (i: number): string =>
      `From x Wed Mar  6 16:00:00 2002\nFrom: p${i}@example.com\nTo: me@example.com\nSubject: s${i}\nDate: Wed, 6 Mar 2002 16:00:00 +0000\nMessage-ID: <m${i}@x>\n\nbody\n`;
    const text = Array.from({ length: 2500 }, (_, i) => msg(i)).join('\n');
    const { records, batches } = await parseFile(dir.write('many.mbox', text));
    expect(records).toHaveLength(2500);
    const full = Math.floor(2500 / BATCH_SIZE);
    expect(batches).toEqual([...Array(full).fill(BATCH_SIZE), ...(2500 % BATCH_SIZE ? [2500 % BATCH_SIZE] : [])]);
  });
});

describe('mbox: bad input', () => {
  it('refuses an empty file', async () => {
    await expect(parseFile(dir.write('empty.mbox', ''), { format: 'mbox' })).rejects.toThrow(/empty\.mbox: the file is empty/);
  });

  it('refuses a file that does not start with a From line, naming line 1', async () => {
    const err = await parseFile(dir.write('bin.mbox', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2])), { format: 'mbox' }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/^bin\.mbox, line 1: not an mbox file/);
  });

  it('refuses a file cut off inside a header, naming the line', async () => {
    const cut = gmailMbox().slice(0, gmailMbox().indexOf('Subject: Re: Café') + 12);
    const err = await parseFile(dir.write('cut.mbox', cut)).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/^cut\.mbox, line \d+: the file ends in the middle of a message header/);
  });

  it('stops with the signal’s reason when cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by test'));
    await expect(parseFile(dir.write('c.mbox', daemonMbox()), { signal: controller.signal })).rejects.toThrow('cancelled by test');
  });
});
