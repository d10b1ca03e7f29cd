// Which header column feeds which connection field, per export layout, by name (any case, spacing, punctuation or language).
import { parseDay } from '../../../../shared/parse/dates';

export const CONNECTION_FIELDS = ['name', 'firstName', 'lastName', 'email', 'url', 'company', 'position', 'connectedOn', 'phone'] as const;
export type ConnectionField = (typeof CONNECTION_FIELDS)[number];

export type CsvLayout = 'linkedin' | 'google' | 'outlook' | 'csv';

/** Column indexes for each field; e-mails, URLs and phones may come from several columns. */
export interface ColumnPlan {
  name: number | null;
  firstName: number | null;
  middleName: number | null;
  lastName: number | null;
  emails: number[];
  urls: number[];
  phones: number[];
  company: number | null;
  position: number | null;
  connectedOn: number | null;
}

/** Lower-case ASCII letters and digits only: "E-mail 1 - Value" → "email1value", "Prénom" → "prenom". */
export function normaliseHeader(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

type Rule = [keyof ColumnPlan, RegExp];

const FIRST = /^(first|given|fore)name$|^first$|^prenom$|^vorname$|^fornavn$|^nombre$|^voornaam$/;
const MIDDLE = /^(middle|additional|second)names?$|^weiterevornamen$|^deuxiemeprenom$|^mellemnavn$/;
const LAST = /^(last|family|sur)names?$|^surname$|^last$|^nachname$|^efternavn$|^apellidos?$|^achternaam$/;
const FULL = /^(full|display|contact|friend|person|member|complete)?name$|^(friend|contact|person|member)$|^fn$|^nomcomplet$|^vollstandigername$|^navn$|^nombrecompleto$/;
const COMPANY = /^(company|companyname|currentcompany|organi[sz]ation|organi[sz]ationname|organi[sz]ation1name|employer|firm|firma|societe|entreprise|virksomhed|empresa|bedrijf)$/;
const POSITION = /^(position|title|jobtitle|role|occupation|headline|fonction|organi[sz]ation1?title|organi[sz]ationtitle|stilling|beruf|cargo|puesto|functie)$/;
const CONNECTED = /^(connectedon|connected|connectiondate|date|dateadded|added|addedon|friendssince|friendsince|since|datefriended|created|createdon|createdat|timestamp)$/;
const URL = /^(url|profile|profileurl|profilelink|link|website|webpage|personalwebpage|homepage|site|siteweb|pageweb|webseite|linkedin|linkedinurl|facebook|facebookurl|publicprofileurl)\d*$|^website\d+value$/;
const EMAIL = /^(e?mail|emailaddress|e?mailadresse|emailvalue|email\d+value|email\d*address|email\d*adresse|adressedemessagerie\d*|courriel|mailaddress)\d*$/;
const PHONE = /phone|telefon|mobil|^cell|^tel\d*$/;
const NOT_PHONE = /phonetic|fax|pager|type|label|assistant|callback|radio|tty|tdd|isdn|telex/;

const GENERIC: Rule[] = [
  ['firstName', FIRST],
  ['middleName', MIDDLE],
  ['lastName', LAST],
  ['name', FULL],
  ['company', COMPANY],
  ['position', POSITION],
  ['connectedOn', CONNECTED],
  ['emails', EMAIL],
  ['urls', URL],
  ['phones', PHONE],
];

/** Outlook: "Title"/"Titre"/"Anrede" is Mr. or Ms., the job is "Job Title"/"Fonction"/"Position"; French "Nom" is the last name. */
const OUTLOOK: Rule[] = [
  ['firstName', FIRST],
  ['middleName', MIDDLE],
  ['lastName', /^(last|family|sur)name$|^nom$|^nachname$|^efternavn$|^apellidos?$/],
  ['company', /^(company|societe|firma|organisation|organization|empresa|virksomhed)$/],
  ['position', /^(jobtitle|fonction|position|beruf|cargo|puesto|stilling)$/],
  ['emails', /^(e?mail\d*(address|adresse)|adressedemessagerie\d*|courriel\d*)$/],
  ['urls', /^(webpage|personalwebpage|pageweb|webseite|paginaweb|website)$/],
  ['phones', PHONE],
];

const GOOGLE: Rule[] = [
  ['name', /^name$/],
  ['firstName', /^(given|first)name$/],
  ['middleName', /^(additional|middle)name$/],
  ['lastName', /^(family|last)name$/],
  ['company', /^organi[sz]ation\d*name$/],
  ['position', /^organi[sz]ation\d*title$/],
  ['emails', /^email\d+value$/],
  ['urls', /^website\d+value$/],
  ['phones', /^phone\d+value$/],
];

export function emptyPlan(): ColumnPlan {
  return {
    name: null, firstName: null, middleName: null, lastName: null,
    emails: [], urls: [], phones: [], company: null, position: null, connectedOn: null,
  };
}

function applyRules(header: string[], rules: Rule[]): ColumnPlan {
  const plan = emptyPlan();
  header.forEach((raw, index) => {
    const key = normaliseHeader(raw);
    if (!key) return;
    for (const [field, pattern] of rules) {
      if (!pattern.test(key)) continue;
      if (field === 'phones' && NOT_PHONE.test(key)) continue;
      const slot = plan[field];
      if (Array.isArray(slot)) slot.push(index);
      else if (slot === null) (plan[field] as number | null) = index;
      else continue;
      return;
    }
  });
  return plan;
}

/** The column plan of a header under a layout, before any user mapping. */
export function planColumns(header: string[], layout: CsvLayout): ColumnPlan {
  if (layout === 'outlook') return applyRules(header, OUTLOOK);
  if (layout === 'google') {
    const plan = applyRules(header, GOOGLE);
    const generic = applyRules(header, GENERIC);
    plan.connectedOn = generic.connectedOn;
    return plan;
  }
  return applyRules(header, GENERIC);
}

/** True when the plan finds something that says who a row is. */
export function planNamesSomeone(plan: ColumnPlan): boolean {
  return plan.name !== null || plan.firstName !== null || plan.lastName !== null || plan.emails.length > 0 || plan.urls.length > 0;
}

/** The Outlook CSV layout (also LinkedIn's ≤2014 export): many columns, split names, "E-mail Address" in some language. */
export function looksLikeOutlook(header: string[]): boolean {
  if (header.length < 20) return false;
  const keys = new Set(header.map(normaliseHeader));
  const names = (keys.has('firstname') && keys.has('lastname')) || (keys.has('prenom') && keys.has('nom')) || (keys.has('vorname') && keys.has('nachname'));
  const outlookish = ['emailaddress', 'adressedemessagerie', 'emailadresse', 'jobtitle', 'businessphone', 'homephone', 'mobilephone', 'fonction', 'telefongeschaftlich'];
  return names && outlookish.some((k) => keys.has(k));
}

export function looksLikeGoogle(header: string[]): boolean {
  const keys = header.map(normaliseHeader);
  const has = (k: string) => keys.includes(k);
  if (has('givenname') && has('familyname')) return true;
  if (keys.some((k) => /^email\d+value$/.test(k)) && (has('name') || has('firstname'))) return true;
  return has('firstname') && has('lastname') && (has('fileas') || has('organizationname') || has('nameprefix'));
}

export function looksLikeLinkedIn(header: string[]): boolean {
  const keys = new Set(header.map(normaliseHeader));
  return keys.has('connectedon') && keys.has('firstname') && keys.has('lastname');
}

/**
 * LinkedIn's export saved without its header: six cells (2018–2023) or seven with URL (mid 2023 on),
 * the last a date.
 */
export function looksLikeHeaderlessLinkedIn(cells: string[]): boolean {
  if (cells.length < 6 || cells.length > 7) return false;
  return parseDay(cells[cells.length - 1]) !== null;
}

export function headerlessLinkedInPlan(width: number): ColumnPlan {
  const plan = emptyPlan();
  plan.firstName = 0;
  plan.lastName = 1;
  if (width >= 7) {
    plan.urls = [2];
    plan.emails = [3];
    plan.company = 4;
    plan.position = 5;
    plan.connectedOn = 6;
  } else {
    plan.emails = [2];
    plan.company = 3;
    plan.position = 4;
    plan.connectedOn = 5;
  }
  return plan;
}

const FIELD_SLOT: Record<ConnectionField, keyof ColumnPlan> = {
  name: 'name', firstName: 'firstName', lastName: 'lastName', email: 'emails', url: 'urls',
  company: 'company', position: 'position', connectedOn: 'connectedOn', phone: 'phones',
};

/** Finds a column the user named, exactly or by normalised name; -1 when there is none. */
export function findColumn(header: string[], wanted: string): number {
  const exact = header.indexOf(wanted);
  if (exact >= 0) return exact;
  const key = normaliseHeader(wanted);
  return key ? header.findIndex((h) => normaliseHeader(h) === key) : -1;
}

/** Applies `field → column` choices over the recognised plan; returns the problem as text when one is wrong. */
export function applyMapping(plan: ColumnPlan, header: string[], map: Record<string, string>): string | null {
  for (const [field, column] of Object.entries(map)) {
    if (!(CONNECTION_FIELDS as readonly string[]).includes(field)) {
      return `unknown field "${field}" in the mapping (fields: ${CONNECTION_FIELDS.join(', ')})`;
    }
    const slot = FIELD_SLOT[field as ConnectionField];
    if (column === '' || column === null) {
      if (Array.isArray(plan[slot])) (plan[slot] as number[]) = [];
      else (plan[slot] as number | null) = null;
      continue;
    }
    const index = findColumn(header, column);
    if (index < 0) return `no column "${column}" for ${field} (found: ${header.join(', ')})`;
    if (Array.isArray(plan[slot])) (plan[slot] as number[]) = [index];
    else (plan[slot] as number | null) = index;
    if (field === 'name') plan.middleName = null;
  }
  return null;
}

/** Which column each field came from, by header name, for a UI to show and correct. */
export function describePlan(plan: ColumnPlan, header: string[]): Record<string, string | null> {
  const nameOf = (i: number | null | undefined) => (i === null || i === undefined ? null : (header[i] ?? `column ${i + 1}`));
  return {
    name: nameOf(plan.name),
    firstName: nameOf(plan.firstName),
    lastName: nameOf(plan.lastName),
    email: nameOf(plan.emails[0]),
    url: nameOf(plan.urls[0]),
    company: nameOf(plan.company),
    position: nameOf(plan.position),
    connectedOn: nameOf(plan.connectedOn),
    phone: nameOf(plan.phones[0]),
  };
}
