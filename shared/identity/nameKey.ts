// Name keys (SPEC §5.2): one comparable "<given> <surname>" spelling per human name, whatever the source wrote.
import { foldText } from './fold';
import { canonicalGivenName } from './nicknames';
import { remembered } from './remembered';

// All sets hold folded tokens with dots removed ("Ph.D." → "phd").
const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'rev', 'revd', 'reverend', 'fr', 'hon',
  'capt', 'col', 'gen', 'lt', 'maj', 'sgt', 'herr', 'frau', 'mme', 'mlle', 'sra', 'srta', 'dott', 'dottssa', 'ing',
  'dipl', 'mag', 'drs', 'mevr', 'dhr', 'ir', 'sheikh', 'shaikh', 'dato', 'datuk', 'pastor', 'rabbi', 'imam',
]);

// Credentials that are never a name, removed wherever they stand (except as the first word).
const STRONG_CREDENTIALS = new Set([
  'phd', 'dphil', 'mphil', 'mba', 'emba', 'cfa', 'pmp', 'cpa', 'fcipd', 'mcipd', 'cipd', 'chrp', 'shrm-cp',
  'shrm-scp', 'sphr', 'phr', 'cissp', 'cism', 'cisa', 'crisc', 'cgeit', 'acca', 'fcca', 'cima', 'cgma', 'cfp', 'chfc',
  'frm', 'caia', 'csm', 'cspo', 'psm', 'safe', 'itil', 'prince2', 'peng', 'msc', 'bsc', 'meng', 'beng', 'mres', 'llm',
  'llb', 'edd', 'psyd', 'dba', 'mpa', 'mph', 'mfa', 'bfa', 'cpsm', 'cscp', 'pmi-acp', 'leed', 'frsa', 'mcips', 'mrics',
  'frics', 'fcmi', 'mcmi', 'faia', 'riba', 'esq', 'jr', 'jnr', 'sr', 'snr', 'ii', 'iii', 'iv', 'mcp', 'mcse', 'ccna',
  'ccnp', 'ccie', 'rhce', 'aws', 'pmi', 'pgce', 'frcs', 'mrcp', 'frcp', 'facs', 'dds', 'dmd', 'lcsw', 'mcsa', 'cmgr',
  'fca', 'aca', 'acma', 'fcma', 'cpfa', 'cfe', 'cma', 'cia', 'cae', 'ceh', 'oscp', 'gicsp',
]);

// Credentials that are also names (Ma, Do, Ba, Pe, Mbe): removed only when written in capitals or
// with dots, never as the first word, and only while two name words remain.
const WEAK_CREDENTIALS = new Set([
  'ma', 'ba', 'bs', 'ms', 'md', 'do', 'rn', 'np', 'pa', 'pe', 'jd', 'ap', 'ceng', 'mbe', 'obe', 'cbe', 'kbe', 'dbe',
  'mft', 'lpc', 'aia', 'ea', 'cpo', 'sc', 'pc', 'qc', 'kc', 'mscs', 'mcs', 'ab', 'mcr', 'ra', 'ie', 'cs',
]);

// Surname particles kept with the surname ("Jan van der Berg" → surname "vanderberg").
const PARTICLES = new Set([
  'van', 'von', 'de', 'der', 'den', 'del', 'della', 'delle', 'dei', 'degli', 'di', 'da', 'das', 'dos', 'do', 'du',
  'des', 'la', 'le', 'lo', 'ten', 'ter', 'te', 'op', 'zu', 'zum', 'zur', 'af', 'av', 'bin', 'binti', 'bint', 'ibn',
  'al', 'el', 'ul', 'abu', 'abd', 'st', 'saint', 'y', 'e', 'mac', 'vander', 'vanden', 'vande',
]);

// Whole names that stand for nobody: LinkedIn system senders, call-log placeholders, blank fillers.
const PLACEHOLDERS = new Set([
  'unknown', 'null', 'none', 'nil', 'anonymous', 'private', 'private number', 'no name', 'noname',
  'facebook user', 'instagram user', 'deleted user', 'unknown caller', 'withheld', 'restricted', 'undefined',
]);

// Words that only a headline would put in a last-name field ("CEO at Contoso", "Helping founders grow").
const HEADLINE_WORDS = new Set([
  'ceo', 'cto', 'cfo', 'coo', 'cio', 'cmo', 'vp', 'svp', 'evp', 'founder', 'cofounder', 'co-founder', 'manager', 'director',
  'engineer', 'developer', 'consultant', 'specialist', 'recruiter', 'head', 'lead', 'president', 'owner', 'partner',
  'advisor', 'adviser', 'analyst', 'architect', 'designer', 'officer', 'executive', 'coach', 'student', 'author',
  'speaker', 'investor', 'entrepreneur', 'expert', 'strategist', 'at', 'and', 'of', 'for', 'with', 'helping', 'hiring',
  'marketing', 'sales', 'software', 'product', 'freelance', 'freelancer', 'trainer', 'leader', 'board', 'member',
  'professional', 'intern', 'recruiting', 'talent', 'growth', 'digital', 'data', 'senior', 'junior', 'global',
]);

/**
 * Words of Latin-1 letters, joined by single hyphens and separated by single spaces: most names.
 * Nothing in them for cleanName to drop, split or replace (these letters are NFKC already), so
 * their tokens are read directly (the tests check this against the full path).
 */
const PLAIN_NAME = /^[A-Za-zÀ-ÖØ-öø-ÿ]+(?:-[A-Za-zÀ-ÖØ-öø-ÿ]+)*(?: [A-Za-zÀ-ÖØ-öø-ÿ]+(?:-[A-Za-zÀ-ÖØ-öø-ÿ]+)*)*$/;

interface Token {
  /** As written (dots removed): capitals tell a credential ("MA") from a surname ("Ma"). */
  readonly raw: string;
  /** Folded, dots removed. */
  readonly key: string;
  readonly dotted: boolean;
}

/** Remove pronouns ("she/her") and bracketed asides ("(IoT)", "[ex-Contoso]"), closed or truncated. */
function stripAsides(text: string): string {
  let s = text.replace(/\b(?:she|he|they|ze|xe|zie|ey|her|him|them|hers|his|theirs)\s*\/\s*\p{L}+(?:\s*\/\s*\p{L}+)?/giu, ' ');
  for (let before = ''; before !== s; ) {
    before = s;
    s = s.replace(/\([^()]*\)|\[[^[\]]*\]|\{[^{}]*\}|（[^（）]*）/gu, ' ');
  }
  // An unclosed bracket is a truncated aside ("Jane Doe (she/h"): drop the rest.
  return s.replace(/[([{（].*$/u, ' ');
}

/** Strip what is never part of a name: headlines after a separator, pronouns, brackets, quotes, emoji. */
function cleanName(text: string): string {
  let s = text.normalize('NFKC').replace(/[\p{Cc}\p{Cf}]/gu, ' ');
  // A headline after a separator ("Jane Doe | CEO", "Jane Doe - Helping founders") is not the name.
  // A bare middle dot stays: Catalan spells names with it (Pal·la).
  const pieces = s.split(/\s*[|•]\s*|\s+[-–—:@·]\s+/u).filter((piece) => /\p{L}/u.test(piece));
  s = stripAsides(pieces[0] ?? '');
  // Quoted nicknames ("William 'Bill' Turner") duplicate the given name; drop them when a name remains.
  const unquoted = s.replace(/"[^"]*"|“[^”]*”|„[^“”]*[“”]|«[^»]*»|(^|\s)'[^'\s][^']*'(?=\s|$)/gu, ' ');
  s = /\p{L}/u.test(unquoted) ? unquoted : s;
  s = s.replace(/['’‘`´ʼʻ"“”„«»]/gu, '');
  s = s.replace(/(?<=\p{L})[‐‑‒–—](?=\p{L})/gu, '-');
  // Everything else that is not a letter, a combining mark or name punctuation (emoji, digits, ®) separates words.
  return s.replace(/[^\p{L}\p{M}\s,.-]/gu, ' ');
}

function tokenize(part: string): Token[] {
  const tokens: Token[] = [];
  for (const word of part.split(/\s+/)) {
    const raw = word.replace(/\./g, '').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
    if (raw === '' || !/\p{L}/u.test(raw)) continue;
    tokens.push({ raw, key: foldText(raw), dotted: word.includes('.') && raw.length > 1 });
  }
  return tokens;
}

function isAllCaps(raw: string): boolean {
  return raw === raw.toUpperCase() && raw !== raw.toLowerCase();
}

function isStrongCredential(token: Token): boolean {
  return STRONG_CREDENTIALS.has(token.key);
}

function isWeakCredential(token: Token): boolean {
  return WEAK_CREDENTIALS.has(token.key) && (isAllCaps(token.raw) || token.dotted);
}

function isCredential(token: Token): boolean {
  return isStrongCredential(token) || isWeakCredential(token) || HONORIFICS.has(token.key);
}

/**
 * Split on commas and tokenize, dropping comma parts that hold only credentials (", MBA", ", Jr.").
 * Remembered: callers copy (`slice`, `flat`) before changing the lists, and never change a token.
 */
const nameParts = remembered((text: string): readonly (readonly Token[])[] => {
  if (PLAIN_NAME.test(text)) {
    const tokens = text.split(' ').map((word): Token => ({ raw: word, key: foldText(word), dotted: false }));
    return tokens.every(isCredential) ? [] : [tokens];
  }
  return cleanName(text)
    .split(',')
    .map(tokenize)
    .filter((tokens) => tokens.length > 0 && !tokens.every(isCredential));
});

/** Remove honorifics in front and credentials anywhere but the first word, keeping at least one word. */
function stripTitles(tokens: readonly Token[], isWholeNameStart: boolean): Token[] {
  let start = 0;
  while (tokens.length - start > 1 && HONORIFICS.has(tokens[start].key)) start++;
  const keepFirst = isWholeNameStart ? 1 : 0;
  const out: Token[] = [];
  for (let i = start; i < tokens.length; i++) if (i - start < keepFirst || !isStrongCredential(tokens[i])) out.push(tokens[i]);
  // Weak credentials come off the end only ("Jane Doe MD"), and never below two words.
  while (out.length > 2 && isWeakCredential(out[out.length - 1])) out.pop();
  return out;
}

/** One code point (a lone letter, or an initial outside the BMP). */
function isInitial(token: Token): boolean {
  const key = token.key;
  if (key.length !== 2) return key.length === 1;
  const high = key.charCodeAt(0);
  const low = key.charCodeAt(1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** Join a surname and its particles into one word; a particle glued by a hyphen (al-Rashid) loses the hyphen. */
function surnameKey(tokens: readonly Token[]): string {
  let out = '';
  for (const token of tokens) {
    if (!token.key.includes('-')) {
      out += token.key;
      continue;
    }
    const pieces = token.key.split('-');
    while (pieces.length > 1 && PARTICLES.has(pieces[0])) pieces.splice(0, 2, pieces[0] + pieces[1]);
    out += pieces.join('-');
  }
  return out;
}

/** The last surname word with the particles in front of it, from `start` at the earliest. */
function surnameTail(tokens: readonly Token[], start: number): readonly Token[] {
  let from = tokens.length - 1;
  while (from - 1 >= start && PARTICLES.has(tokens[from - 1].key)) from -= 1;
  return tokens.slice(from);
}

function givenKey(candidates: readonly Token[]): string {
  let given = candidates[0];
  for (const token of candidates) {
    if (!isInitial(token)) {
      given = token;
      break;
    }
  }
  return canonicalGivenName(given.key);
}

function keyFromGivenAndSurname(given: readonly Token[], surname: readonly Token[]): string {
  if (given.length === 0 && surname.length === 0) return '';
  if (given.length === 0) return keyFromTokens(surname);
  if (surname.length === 0) return keyFromTokens(given);
  return `${givenKey(given)} ${surnameKey(surnameTail(surname, 0))}`;
}

function keyFromTokens(tokens: readonly Token[]): string {
  if (tokens.length === 0) return '';
  // A lone word may be a given name or a surname, so it is not run through the nickname table.
  if (tokens.length === 1) return tokens[0].key;
  const surname = surnameTail(tokens, 1);
  return `${givenKey(tokens.slice(0, tokens.length - surname.length))} ${surnameKey(surname)}`;
}

const isPlaceholder = remembered(isPlaceholderText);

function isPlaceholderText(text: string): boolean {
  if (PLAIN_NAME.test(text)) {
    // What the checks below come to for plain words: only NA, the placeholder list and "linkedin".
    const folded = foldText(text).replaceAll('-', ' ');
    return text === 'NA' || PLACEHOLDERS.has(folded) || /\blinkedin\b/.test(folded);
  }
  // Sponsored LinkedIn messages address %FIRSTNAME%; a spreadsheet round trip fills blanks with NA
  // (only in capitals: Na is also a surname).
  if (/%[A-Z_]+%/.test(text) || /^\s*(?:NA|N\/A|n\/a|#N\/A)\s*$/.test(text)) return true;
  // An e-mail address in a name field is an address, not a name.
  if (/[^\s@]@[^\s@]+\.[^\s@]/.test(text)) return true;
  const folded = foldText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  // LinkedIn's system senders ("LinkedIn Member", "… from LinkedIn Premium") are never people.
  return folded === '' || PLACEHOLDERS.has(folded) || /\blinkedin\b/.test(folded);
}

/**
 * The name key of a whole name: `"<given> <surname>"` folded, e.g. "Dr. Bill Turner (he/him)" and
 * "Turner, William J., PMP" both give "william turner". One word gives that word; nothing usable
 * (emoji only, "LinkedIn Member", "(Unknown)") gives ''.
 */
export function nameKey(full: string): string {
  if (isPlaceholder(full)) return '';
  const parts = nameParts(full);
  if (parts.length === 0) return '';
  if (parts.length >= 2) {
    // "Last, First Middle": the first comma part is the surname.
    return keyFromGivenAndSurname(stripTitles(parts[1], false), stripTitles(parts[0], true));
  }
  return keyFromTokens(stripTitles(parts[0], true));
}

const looksLikeHeadline = remembered(looksLikeHeadlineText);

/** True when a last-name field holds a headline rather than a surname. */
function looksLikeHeadlineText(rawLast: string): boolean {
  const last = stripAsides(rawLast);
  if (/[|@•:/&+\d]|\s[-–—·]\s/u.test(last)) return true;
  const words = foldText(last).split(/\s+/).filter((w) => w !== '');
  if (words.some((w) => HEADLINE_WORDS.has(w.replace(/[^\p{L}-]/gu, '')))) return true;
  return words.filter((w) => !PARTICLES.has(w)).length >= 3;
}

/**
 * The name key from split first/last fields (LinkedIn, Google, Outlook). Equals `nameKey(first + ' ' + last)`
 * for ordinary names. When the first field already holds a whole name (two words or more) and the last
 * field reads like a headline ("Helping founders scale", "CEO at Contoso", anything with | @ : or digits,
 * three or more words), the last field is ignored. Particles left at the end of the first field
 * ("Ludwig van" + "Beethoven") join the surname.
 */
export function nameKeyFromParts(first: string, last: string): string {
  const firstEmpty = isPlaceholder(first);
  const lastEmpty = isPlaceholder(last);
  if (firstEmpty && lastEmpty) return '';
  if (lastEmpty) return nameKey(first);
  if (firstEmpty) return nameKey(last);
  const given = stripTitles(nameParts(first).flat(), true);
  if (given.length >= 2 && looksLikeHeadline(last)) return nameKey(first);
  const surnameParts = nameParts(last);
  if (surnameParts.length === 0) return keyFromTokens(given);
  const surname = stripTitles(surnameParts[0], false);
  while (given.length > 1 && PARTICLES.has(given[given.length - 1].key)) surname.unshift(given.pop() as Token);
  return keyFromGivenAndSurname(given, surname);
}
