// Which fields the mapping editor offers for each format, and what a mapping still lacks before rows can be read.
import { MAPPING_FIELDS } from './detectKind';
import type { SourceKind } from './sourceGuides';

export interface MappingField {
  field: string;
  label: string;
}

export interface MappingFields {
  fields: MappingField[];
  /** The format reads its columns by fixed names: the mapping is shown, not edited. */
  readOnly: boolean;
}

const INTERACTION_FIELDS: MappingField[] = [
  { field: 'date', label: 'Date' },
  { field: 'kind', label: 'Kind (call, meeting…)' },
  { field: 'name', label: 'Name' },
  { field: 'email', label: 'Email' },
  { field: 'phone', label: 'Phone' },
  { field: 'url', label: 'Profile URL' },
  { field: 'direction', label: 'Direction (in or out)' },
  { field: 'duration', label: 'Duration (seconds)' },
  { field: 'minutes', label: 'Duration (minutes)' },
  { field: 'subject', label: 'Subject' },
  { field: 'note', label: 'Note' },
];

const CALL_FIELDS: MappingField[] = [
  { field: 'date', label: 'Date' },
  { field: 'time', label: 'Time (if apart from the date)' },
  { field: 'name', label: 'Name' },
  { field: 'number', label: 'Number' },
  { field: 'type', label: 'Type (incoming, missed…)' },
  { field: 'duration', label: 'Duration' },
];

const LINKEDIN_MESSAGE_FIELDS: MappingField[] = [
  { field: 'conversation', label: 'Conversation' },
  { field: 'date', label: 'Date' },
  { field: 'from', label: 'From' },
  { field: 'senderUrl', label: 'Sender profile URL' },
  { field: 'to', label: 'To' },
  { field: 'recipientUrls', label: 'Recipient profile URLs' },
  { field: 'subject', label: 'Subject' },
  { field: 'content', label: 'Content' },
];

/** "Every row is …": a kind for a file without a kind column (the engine reads any of these words as a kind). */
export const FIXED_KINDS: { value: string; label: string }[] = [
  { value: 'call', label: 'a call' },
  { value: 'in person', label: 'a meeting in person' },
  { value: 'video', label: 'a video call' },
  { value: 'message', label: 'a message' },
  { value: 'email', label: 'an email' },
  { value: 'event', label: 'an event' },
];

/** The editor's fields for what the preview detected, or null when the format has no columns to map (mbox, .ics, JSON…). */
export function mappingFieldsFor(kind: SourceKind, format: string): MappingFields | null {
  if (kind === 'connections') return { fields: MAPPING_FIELDS, readOnly: false };
  if (format === 'csv') return { fields: INTERACTION_FIELDS, readOnly: false };
  if (format === 'calls') return { fields: CALL_FIELDS, readOnly: false };
  if (format === 'linkedin-messages') return { fields: LINKEDIN_MESSAGE_FIELDS, readOnly: true };
  return null;
}

export interface MissingField {
  /** The field whose select is marked as needing a choice. */
  field: string;
  /** What is missing, in words that fit "where to find …". */
  words: string;
}

/** What the person must still say before an interaction file's rows can be read (empty: nothing). */
export function missingMapping(format: string, mapping: Record<string, string | null>): MissingField[] {
  const missing: MissingField[] = [];
  if (format === 'csv') {
    if (!mapping.kind) missing.push({ field: 'kind', words: 'the kind of interaction (or what every row is)' });
    if (!mapping.date) missing.push({ field: 'date', words: 'the date' });
    if (!mapping.name && !mapping.email && !mapping.phone && !mapping.url) missing.push({ field: 'name', words: 'who each row is with (a name, email, phone or profile URL)' });
  } else if (format === 'calls') {
    if (!mapping.date) missing.push({ field: 'date', words: 'the date of each call' });
    if (!mapping.number && !mapping.name) missing.push({ field: 'number', words: 'the number or the name of the other party' });
  }
  return missing;
}
