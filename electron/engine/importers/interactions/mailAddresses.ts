// Splitting of mail address headers (From, To, Cc) into names and addresses, before names are decoded.
import { decodeEncodedWords } from './rfc2047';

export interface MailAddress {
  name?: string;
  email?: string;
}

/** Splits on top-level commas (and group `;`), outside quotes, angle brackets and comments. */
function splitAddressList(raw: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = 0;
  let paren = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quoted) {
      current += c;
      if (c === '\\' && i + 1 < raw.length) current += raw[++i];
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === '(') paren++;
    else if (c === ')' && paren > 0) paren--;
    else if (paren === 0) {
      if (c === '<') angle++;
      else if (c === '>' && angle > 0) angle--;
      else if (angle === 0 && (c === ',' || c === ';')) {
        parts.push(current);
        current = '';
        continue;
      } else if (angle === 0 && c === ':' && !current.includes('@') && !current.includes('<')) {
        // `Group name: a@b, c@d;` — the group's name is not a person.
        current = '';
        continue;
      }
    }
    current += c;
  }
  parts.push(current);
  return parts;
}

function cleanName(raw: string): string | undefined {
  let name = raw.trim();
  if (name.startsWith('"') && name.endsWith('"') && name.length >= 2) name = name.slice(1, -1);
  name = name.replace(/\\(.)/g, '$1').replace(/"/g, '');
  name = decodeEncodedWords(name).replace(/\s+/g, ' ').trim();
  if (name.length >= 2 && name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).trim();
  return name || undefined;
}

function cleanEmail(raw: string): string | undefined {
  // Source routes `<@relay:user@host>` are obsolete but still written by some gateways.
  const email = raw.trim().replace(/^@[^:]*:/, '').replace(/^mailto:/i, '').trim();
  return email.includes('@') && !/\s/.test(email) ? email : undefined;
}

function parseOne(token: string): MailAddress | null {
  const open = token.lastIndexOf('<');
  const close = token.indexOf('>', open);
  let name: string | undefined;
  let email: string | undefined;
  if (open >= 0 && close > open) {
    email = cleanEmail(token.slice(open + 1, close));
    name = cleanName(token.slice(0, open) + token.slice(close + 1).replace(/\([^)]*\)/g, ''));
  } else {
    const comment = /\(([^)]*)\)/.exec(token);
    const bare = token.replace(/\([^)]*\)/g, '').trim();
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
