// Splitting of mail address headers (From, To, Cc) into names and addresses, before names are decoded.
import { decodeEncodedWords } from './rfc2047';

export interface MailAddress {
  name?: string;
  email?: string;
}

const BACKSLASH = 0x5c, QUOTE = 0x22, OPEN_PAREN = 0x28, CLOSE_PAREN = 0x29, LT = 0x3c, GT = 0x3e, COMMA = 0x2c, SEMICOLON = 0x3b, COLON = 0x3a;

/** Splits on top-level commas (and group `;`), outside quotes, angle brackets and comments. */
function splitAddressList(raw: string): string[] {
  const parts: string[] = [];
  // Every character but a separator or a group's colon belongs to the current part: a part is a slice.
  let start = 0;
  let quoted = false;
  let angle = 0;
  let paren = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (quoted) {
      if (c === BACKSLASH && i + 1 < raw.length) i++;
      else if (c === QUOTE) quoted = false;
      continue;
    }
    if (c === QUOTE) quoted = true;
    else if (c === OPEN_PAREN) paren++;
    else if (c === CLOSE_PAREN && paren > 0) paren--;
    else if (paren === 0) {
      if (c === LT) angle++;
      else if (c === GT && angle > 0) angle--;
      else if (angle === 0 && (c === COMMA || c === SEMICOLON)) {
        parts.push(raw.slice(start, i));
        start = i + 1;
      } else if (angle === 0 && c === COLON) {
        const current = raw.slice(start, i);
        // `Group name: a@b, c@d;` — the group's name is not a person.
        if (!current.includes('@') && !current.includes('<')) start = i + 1;
      }
    }
  }
  parts.push(raw.slice(start));
  return parts;
}

/** Whitespace other than a single space: the only text `replace(/\s+/g, ' ')` would change. */
const UNTIDY_SPACE = /\s\s|[^\S ]/;

function cleanName(raw: string): string | undefined {
  let name = raw.trim();
  if (name.startsWith('"') && name.endsWith('"') && name.length >= 2) name = name.slice(1, -1);
  if (name.includes('\\')) name = name.replace(/\\(.)/g, '$1');
  if (name.includes('"')) name = name.replace(/"/g, '');
  name = decodeEncodedWords(name);
  name = (UNTIDY_SPACE.test(name) ? name.replace(/\s+/g, ' ') : name).trim();
  if (name.length >= 2 && name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).trim();
  return name || undefined;
}

function cleanEmail(raw: string): string | undefined {
  let email = raw.trim();
  // Source routes `<@relay:user@host>` are obsolete but still written by some gateways.
  if (email.startsWith('@')) email = email.replace(/^@[^:]*:/, '');
  if (/^mailto:/i.test(email)) email = email.slice(7);
  email = email.trim();
  return email.includes('@') && !/\s/.test(email) ? email : undefined;
}

function parseOne(token: string): MailAddress | null {
  const open = token.lastIndexOf('<');
  const close = token.indexOf('>', open);
  let name: string | undefined;
  let email: string | undefined;
  if (open >= 0 && close > open) {
    email = cleanEmail(token.slice(open + 1, close));
    const after = token.slice(close + 1);
    name = cleanName(token.slice(0, open) + (after.includes('(') ? after.replace(/\([^)]*\)/g, '') : after));
  } else {
    const comment = /\(([^)]*)\)/.exec(token);
    const bare = comment ? token.replace(/\([^)]*\)/g, '').trim() : token.trim();
    email = cleanEmail(bare);
    name = comment ? cleanName(comment[1]) : email ? undefined : cleanName(bare);
  }
  if (name && email && name.toLowerCase() === email.toLowerCase()) name = undefined;
  if (!name && !email) return null;
  return { name, email };
}

/** Parses an address header. Display names are decoded only after splitting, so an encoded comma stays inside its name. */
export function parseAddressList(raw: string | undefined): MailAddress[] {
  if (!raw) return [];
  const out: MailAddress[] = [];
  for (const token of splitAddressList(raw)) {
    if (!token.trim()) continue;
    const parsed = parseOne(token);
    if (parsed) out.push(parsed);
  }
  return out;
}

/** A parsed address header with what the mail records ask of each address, worked out once. */
export interface ParsedAddresses {
  readonly list: readonly MailAddress[];
  /** Per address, what tells two participants apart: the e-mail in lower case, else `name:` and the name. */
  readonly keys: readonly string[];
  /** Whether an address looks like a robot's (no-reply, notifications, mailer-daemon, …). */
  readonly robot: boolean;
}

/** Local parts of automated senders. */
const ROBOT_LOCAL =
  /(?:^|[._+-])(?:no-?reply|do-?not-?reply|donotreply|notifications?|notify|mailer-daemon|bounces?|postmaster)(?:[._+-]|$)|^bounce/i;

export function isRobotAddress(email: string | undefined): boolean {
  if (!email) return false;
  const local = email.slice(0, email.lastIndexOf('@'));
  return ROBOT_LOCAL.test(local);
}

const NO_ADDRESSES: ParsedAddresses = { list: [], keys: [], robot: false };
/** Longer header values are parsed each time: they are rare, and holding them would cost more than it saves. */
const CACHED_UP_TO_CHARS = 1000;

/**
 * parseAddressList by the header's raw text, remembered: a mailbox names its owner and its frequent
 * correspondents thousands of times, and a remembered answer is parsed, decoded and allocated once.
 * The answers are shared: callers only read them.
 */
export class AddressListCache {
  private readonly parsed = new Map<string, ParsedAddresses>();

  constructor(private readonly limit = 4096) {}

  get(raw: string | undefined): ParsedAddresses {
    if (!raw) return NO_ADDRESSES;
    let hit = this.parsed.get(raw);
    if (hit !== undefined) return hit;
    const list = parseAddressList(raw);
    hit = { list, keys: list.map((a) => (a.email ? a.email.toLowerCase() : `name:${a.name}`)), robot: list.some((a) => isRobotAddress(a.email)) };
    if (raw.length <= CACHED_UP_TO_CHARS) {
      // Starting afresh when full keeps memory bounded and the frequent addresses come straight back.
      if (this.parsed.size >= this.limit) this.parsed.clear();
      this.parsed.set(raw, hit);
    }
    return hit;
  }
}
