// What a file inside an export archive is (LinkedIn, Google Takeout, Facebook, call logs) and which importer reads it.
import { detectConnectionFormat, type ConnectionFormat } from '../importers/connections';
import { detectInteractionFormat, type InteractionFormat } from '../importers/interactions';
import { decodeText } from '../importers/text';

export type EntryUse =
  | { read: 'connections'; format: ConnectionFormat; what: string }
  | { read: 'interactions'; format: InteractionFormat; what: string }
  | { read: 'none'; what: string };

/** Entries whose kind shows only in their first bytes (the rest are known by name or never read). */
export function needsHead(path: string): boolean {
  return /\.(csv|tsv|json|xml|vcf)$/i.test(path) && !isSystemFile(path);
}

function isSystemFile(path: string): boolean {
  return /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$|\._)/.test(path);
}

const CONNECTION_WHAT: Partial<Record<ConnectionFormat, string>> = {
  linkedin: 'LinkedIn connections',
  google: 'Google contacts',
  outlook: 'Outlook contacts',
  facebook: 'Facebook friends',
  vcard: 'contacts (vCard)',
};

const INTERACTION_WHAT: Partial<Record<InteractionFormat, string>> = {
  'linkedin-messages': 'LinkedIn messages',
  'linkedin-invitations': 'LinkedIn invitations',
  calls: 'call log',
  'calls-xml': 'call log (SMS Backup & Restore)',
  'facebook-messages': 'Messenger conversation',
  'facebook-requests': 'Facebook friend requests',
};

/** Known files the archives hold that Tiecheck does not read, named so the list reads as a person expects. */
const KNOWN_UNUSED: [RegExp, string][] = [
  [/(^|\/)profile(_summary)?\.csv$/i, 'LinkedIn profile'],
  [/(^|\/)ad_targeting\.csv$/i, 'LinkedIn ad targeting'],
  [/(^|\/)archive_browser\.html$/i, 'Takeout index page'],
  [/\.(jpe?g|png|gif|heic|webp|mp4|mov|m4a|mp3|wav|pdf)$/i, 'photo or media'],
  [/\.html?$/i, 'web page'],
];

function unused(path: string): EntryUse {
  if (isSystemFile(path)) return { read: 'none', what: 'system file' };
  for (const [pattern, what] of KNOWN_UNUSED) if (pattern.test(path)) return { read: 'none', what };
  return { read: 'none', what: 'not an export Tiecheck reads' };
}

/**
 * Decides from the entry's path and (for tables and JSON) its first bytes. A generic CSV is not
 * guessed at: only files whose columns name a known export are read, so `Profile.csv` stays unread.
 */
export function classifyEntry(path: string, head: Buffer | null): EntryUse {
  if (isSystemFile(path)) return unused(path);
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (/\.(mbox|mbx)$/.test(base)) return { read: 'interactions', format: 'mbox', what: 'mailbox' };
  if (/\.(ics|ical)$/.test(base)) return { read: 'interactions', format: 'ics', what: 'calendar' };
  if (/\.vcf$/.test(base)) return { read: 'connections', format: 'vcard', what: CONNECTION_WHAT.vcard! };
  if (!head || head.length === 0) return unused(path);
  if (/\.json$/.test(base)) {
    if (/(^|\/)(your_)?friends\.json$/i.test(path) && /^\s*[[{]/.test(head.toString('utf8').replace(/^\uFEFF/, ''))) {
      return { read: 'connections', format: 'facebook', what: CONNECTION_WHAT.facebook! };
    }
    if (/(^|\/)received_friend_requests\.json$/i.test(path) && detectInteractionFormat(base, head) === 'facebook-requests') {
      return { read: 'interactions', format: 'facebook-requests', what: INTERACTION_WHAT['facebook-requests']! };
    }
    if (/(^|\/)messages\/.*message_\d+\.json$/i.test(path) && detectInteractionFormat(base, head) === 'facebook-messages') {
      return { read: 'interactions', format: 'facebook-messages', what: INTERACTION_WHAT['facebook-messages']! };
    }
    return unused(path);
  }
  const interaction = detectInteractionFormat(base, head);
  if (interaction && interaction !== 'csv' && INTERACTION_WHAT[interaction]) return { read: 'interactions', format: interaction, what: INTERACTION_WHAT[interaction] };
  if (/\.(csv|tsv)$/.test(base)) {
    let text: string;
    try {
      text = decodeText(head, base, { cutShort: true }).text;
    } catch {
      return unused(path);
    }
    const format = detectConnectionFormat(base, text);
    if (format === 'linkedin' || format === 'google' || format === 'outlook') return { read: 'connections', format, what: CONNECTION_WHAT[format]! };
  }
  return unused(path);
}
