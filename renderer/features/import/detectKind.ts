// Guesses whether a file holds connections or interactions from its name; the user can always switch.
import type { SourceKind } from './sourceGuides';

export const ACCEPTED_EXTENSIONS = ['.csv', '.json', '.vcf', '.mbox', '.ics', '.xml', '.txt'];
/** Whole exports as they are downloaded: LinkedIn and Facebook zips, Takeout zips or tgz (and their parts). */
export const ARCHIVE_EXTENSIONS = ['.zip', '.tgz', '.tar.gz', '.tar'];

export function isArchive(fileName: string): boolean {
  const name = fileName.toLowerCase();
  return ARCHIVE_EXTENSIONS.some((ext) => name.endsWith(ext));
}

const INTERACTION_NAME = /messages?|invitations?|inbox|sent|mail|calendar|calls?|call[-_ ]?log|sms|meetings?|diary|interactions?/i;
const CONNECTION_NAME = /connections?|friends?|contacts?|people|followers?|address[-_ ]?book/i;

export function guessKind(fileName: string): SourceKind {
  const name = fileName.toLowerCase();
  const ext = name.slice(name.lastIndexOf('.'));
  if (ext === '.vcf') return 'connections';
  if (ext === '.mbox' || ext === '.ics' || ext === '.xml' || !name.includes('.')) return 'interactions';
  // Friend requests are invitations waiting at the gate, judged against your records, not friends.
  if (/friend[-_ ]?requests?/.test(name)) return 'interactions';
  if (CONNECTION_NAME.test(name)) return 'connections';
  if (INTERACTION_NAME.test(name)) return 'interactions';
  return 'connections';
}

export function isAccepted(fileName: string): boolean {
  const name = fileName.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => name.endsWith(ext)) || !name.includes('.');
}

export const CONNECTION_FORMATS = [
  { value: 'auto', label: 'Detect automatically' },
  { value: 'linkedin', label: 'LinkedIn Connections.csv' },
  { value: 'facebook', label: 'Facebook friends (JSON)' },
  { value: 'google', label: 'Google Contacts CSV' },
  { value: 'outlook', label: 'Outlook contacts CSV' },
  { value: 'vcard', label: 'vCard (.vcf)' },
  { value: 'csv', label: 'Any CSV of people' },
];

export const INTERACTION_FORMATS = [
  { value: 'auto', label: 'Detect automatically' },
  { value: 'linkedin-messages', label: 'LinkedIn messages.csv' },
  { value: 'linkedin-invitations', label: 'LinkedIn Invitations.csv' },
  { value: 'mbox', label: 'Mail archive (mbox)' },
  { value: 'ics', label: 'Calendar (.ics)' },
  { value: 'calls', label: 'Call log (CSV)' },
  { value: 'calls-xml', label: 'Android call log (XML)' },
  { value: 'facebook-messages', label: 'Facebook messages (JSON)' },
  { value: 'facebook-requests', label: 'Facebook friend requests (JSON)' },
  { value: 'csv', label: 'Any CSV of interactions' },
];

/** Connection fields the mapping editor offers, in the order a person thinks of them. */
export const MAPPING_FIELDS: { field: string; label: string }[] = [
  { field: 'name', label: 'Full name' },
  { field: 'firstName', label: 'First name' },
  { field: 'lastName', label: 'Last name' },
  { field: 'email', label: 'Email' },
  { field: 'url', label: 'Profile URL' },
  { field: 'company', label: 'Company' },
  { field: 'position', label: 'Position' },
  { field: 'connectedOn', label: 'Connected on' },
  { field: 'phone', label: 'Phone' },
];
