// The generated files are well-formed and carry the quirks of real exports (FORMATS.md).
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateNetwork } from '../../../shared/demo/network';
import { writeLinkedInConnectionsText, writeLinkedInMessagesText } from '../../../shared/demo/linkedinCsv';
import { writeMbox, writeMboxText } from '../../../shared/demo/mbox';
import { writeIcsText } from '../../../shared/demo/ics';
import { writeCallsText } from '../../../shared/demo/callsCsv';
import { writeGenericPeopleCsv } from '../../../shared/demo/genericCsv';
import { utf8Length } from '../../../shared/demo/encoding';

const net = generateNetwork({ seed: 11, connections: 800, asOf: '2025-06-30' });
const parse = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });

describe('Connections.csv', () => {
  const text = writeLinkedInConnectionsText(net);
  const lines = text.split('\n');

  it('has the preamble, the header on line 4, and no newline after the last row', () => {
    expect(lines[0]).toBe('Notes:');
    expect(lines[1]).toMatch(/^"When exporting your connection data.*"$/);
    expect(lines[2]).toBe('');
    expect(lines[3]).toBe('First Name,Last Name,URL,Email Address,Company,Position,Connected On');
    expect(text.endsWith('\n')).toBe(false);
    expect(text.includes('\r')).toBe(false);
  });

  it('parses to one row per person plus blank rows, newest first, with LinkedIn dates', () => {
    const rows = parse(lines.slice(3).join('\n'));
    expect(rows.errors).toEqual([]);
    expect(rows.data.length).toBe(net.persons.length + net.blankRows.length);
    const days = rows.data.map((r) => Date.parse(r['Connected On'] + ' UTC'));
    for (const r of rows.data) expect(r['Connected On']).toMatch(/^\d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$/);
    for (let i = 1; i < days.length; i++) expect(days[i]).toBeLessThanOrEqual(days[i - 1]);
    expect(lines.filter((l) => /^,,,,,,\d\d \w{3} \d{4}$/.test(l)).length).toBe(net.blankRows.length);
  });

  it('percent-encodes non-ASCII slugs, keeps emails mostly empty, and writes one urn:li:member', () => {
    const rows = parse(lines.slice(3).join('\n')).data;
    expect(rows.every((r) => /^[\x21-\x7e]*$/.test(r.URL))).toBe(true);
    expect(rows.some((r) => r.URL.includes('%C3%'))).toBe(true);
    const emails = rows.filter((r) => r['Email Address'] !== '');
    expect(emails.length).toBeGreaterThan(0);
    expect(emails.length).toBeLessThan(rows.length * 0.3);
    expect(rows.filter((r) => r['Email Address'].startsWith('urn:li:member:')).length).toBe(1);
    expect(rows.some((r) => r['Last Name'].endsWith(' ') || r['First Name'].endsWith(' '))).toBe(true);
    expect(rows.some((r) => /, (MBA|PhD|CFA|PMP|CPA)/.test(r['Last Name']))).toBe(true);
  });

  it('writes the older layouts', () => {
    const v2018 = writeLinkedInConnectionsText(net, { era: '2018' });
    expect(v2018.split('\n')[0]).toBe('First Name,Last Name,Email Address,Company,Position,Connected On');
    expect(v2018).toMatch(/"\d{1,2}\/\d{1,2}\/\d\d, \d{1,2}:\d\d (AM|PM)"/);
    const v2023 = writeLinkedInConnectionsText(net, { era: '2023' });
    const rows = parse(v2023.split('\n').slice(3).join('\n')).data;
    expect(rows.every((r) => r.URL === '')).toBe(true);
    expect(writeLinkedInConnectionsText(net, { era: '2021' }).split('\n')[3]).toBe('First Name,Last Name,Email Address,Company,Position,Connected On');
  });
});

describe('messages.csv', () => {
  it('has the current header, UTC dates, raw Unicode URLs and system senders without a URL', () => {
    const text = writeLinkedInMessagesText(net);
    const rows = parse(text);
    expect(rows.errors).toEqual([]);
    expect(rows.meta.fields).toEqual(['CONVERSATION ID', 'CONVERSATION TITLE', 'FROM', 'SENDER PROFILE URL', 'TO', 'RECIPIENT PROFILE URLS', 'DATE', 'SUBJECT', 'CONTENT', 'FOLDER', 'IS MESSAGE DRAFT']);
    expect(rows.data.length).toBe(net.linkedin.reduce((n, t) => n + t.messages.length, 0));
    for (const r of rows.data) expect(r.DATE).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    expect(rows.data.some((r) => r.FROM === 'LinkedIn Member' && r['SENDER PROFILE URL'] === '')).toBe(true);
    expect(rows.data.some((r) => /[^\x00-\x7f]/.test(r['SENDER PROFILE URL']))).toBe(true);
    expect(rows.data.some((r) => r['RECIPIENT PROFILE URLS'].includes(','))).toBe(true);
    expect(parse(writeLinkedInMessagesText(net, { era: '2021' })).meta.fields).not.toContain('RECIPIENT PROFILE URLS');
  });
});

describe('mbox', () => {
  const text = writeMboxText(net);
  const messages = net.mail.reduce((n, t) => n + t.messages.length, 0);

  it('has one Gmail separator per message and CRLF throughout', () => {
    const separators = text.match(/^From \d+@xxx (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \w{3} \d\d \d\d:\d\d:\d\d \+0000 \d{4}\r$/gm) ?? [];
    expect(separators.length).toBe(messages);
    expect((text.match(/^From /gm) ?? []).length).toBe(messages);
    expect(/[^\r]\n/.test(text)).toBe(false);
    expect((text.match(/^X-GM-THRID: \d+\r$/gm) ?? []).length).toBe(messages);
    expect((text.match(/^Delivered-To: robin\.keller@gmail\.com\r$/gm) ?? []).length).toBeGreaterThan(0);
  });

  it('encodes non-ASCII names, threads replies, escapes From lines and marks newsletters', () => {
    expect(text).toMatch(/^From: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= </m);
    expect(text).toMatch(/^From: =\?UTF-8\?Q\?[^?]+\?= </m);
    expect(text).toMatch(/^In-Reply-To: <[^>]+>\r$/m);
    expect(text).toMatch(/^>From /m);
    expect(text).toMatch(/^List-Id: <[^>]+>\r$/m);
    expect(text).toMatch(/^List-Unsubscribe: /m);
  });

  it('streams filler up to a target size', () => {
    let bytes = 0;
    let chunks = 0;
    for (const chunk of writeMbox(net, { targetBytes: 3_000_000 })) {
      bytes += utf8Length(chunk);
      chunks++;
    }
    expect(bytes).toBeGreaterThanOrEqual(3_000_000);
    expect(bytes).toBeLessThan(3_100_000);
    expect(chunks).toBeGreaterThan(10);
    const padded = writeMboxText(net, { fillerMessages: 50 });
    expect((padded.match(/^From \d+@xxx /gm) ?? []).length).toBe(messages + 50);
  });
});

describe('ics', () => {
  const text = writeIcsText(net, { fillerEvents: 20 });
  const physical = text.split('\r\n');

  it('balances BEGIN/END, uses CRLF and folds at 75 octets', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(/[^\r]\n/.test(text)).toBe(false);
    for (const line of physical) expect(utf8Length(line)).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, '').split('\r\n');
    const stack: string[] = [];
    for (const line of unfolded) {
      if (line.startsWith('BEGIN:')) stack.push(line.slice(6));
      if (line.startsWith('END:')) expect(stack.pop()).toBe(line.slice(4));
    }
    expect(stack).toEqual([]);
    expect(unfolded.filter((l) => l === 'BEGIN:VEVENT').length).toBe(net.meetings.length + 20);
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
  });

  it('writes every time form, attendees, video and physical locations, cancellations and weekly rules', () => {
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toMatch(/^DTSTART:\d{8}T\d{6}Z\r$/m);
    expect(unfolded).toMatch(/^DTSTART;TZID=Europe\/Berlin:\d{8}T\d{6}\r$/m);
    expect(unfolded).toMatch(/^DTSTART;VALUE=DATE:\d{8}\r$/m);
    expect(unfolded).toMatch(/^RRULE:FREQ=WEEKLY;WKST=MO;COUNT=\d+;BYDAY=(MO|TU|WE|TH|FR|SA|SU)\r$/m);
    expect(unfolded).toMatch(/^ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=DECLINED;/m);
    expect(unfolded).toMatch(/^ORGANIZER;CN=[^:]+:mailto:/m);
    expect(unfolded).toMatch(/^LOCATION:https:\/\/(us02web\.)?zoom\.us\/j\//m);
    expect(unfolded).toMatch(/^LOCATION:.+\\, .+/m);
    expect(unfolded).toMatch(/^STATUS:CANCELLED\r$/m);
    expect(unfolded).toMatch(/^BEGIN:VTIMEZONE\r$/m);
  });
});

describe('calls CSV', () => {
  it('has every call type, zero-second calls and dates without a zone', () => {
    const rows = parse(writeCallsText(net));
    expect(rows.errors).toEqual([]);
    expect(rows.meta.fields).toEqual(['Name', 'Number', 'Type', 'Date', 'Duration']);
    const types = new Set(rows.data.map((r) => r.Type));
    for (const t of ['Incoming', 'Outgoing', 'Missed', 'Rejected']) expect(types).toContain(t);
    expect(rows.data.some((r) => r.Duration === '0' && r.Type === 'Outgoing')).toBe(true);
    for (const r of rows.data) expect(r.Date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });
});

describe('generic people CSV', () => {
  it('streams the requested number of rows in chunks', () => {
    const chunks = [...writeGenericPeopleCsv({ rows: 10_000, seed: 3 })];
    expect(chunks.length).toBe(5);
    const rows = parse(chunks.join(''));
    expect(rows.errors).toEqual([]);
    expect(rows.meta.fields).toEqual(['Display Name', 'E-mail', 'Employer', 'Job Title', 'Friends Since']);
    expect(rows.data.length).toBe(10_000);
    expect(new Set(rows.data.map((r) => r['E-mail']).filter(Boolean)).size).toBe(rows.data.filter((r) => r['E-mail']).length);
  });
});
