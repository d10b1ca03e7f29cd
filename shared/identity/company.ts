// Company keys and the test of whether an e-mail domain belongs to a company (SPEC §5.3 corroboration).
import { domainBaseLabel, isWebmailDomain } from './email';
import { foldText } from './fold';

// Legal forms and group words that say nothing about which company it is.
const LEGAL_WORDS = new Set([
  'ltd', 'limited', 'inc', 'incorporated', 'llc', 'llp', 'lp', 'lllp', 'pllc', 'pc', 'gmbh', 'mbh', 'ag', 'kg', 'kgaa',
  'ug', 'ev', 'sa', 'sas', 'sasu', 'sarl', 'srl', 'spa', 'sl', 'slu', 'bv', 'nv', 'vof', 'plc', 'corp', 'corporation',
  'company', 'co', 'group', 'groupe', 'gruppe', 'grupo', 'holding', 'holdings', 'pty', 'pvt', 'private', 'oy', 'oyj',
  'ab', 'as', 'asa', 'aps', 'kk', 'se', 'ulc', 'lda', 'ltda', 'sae', 'sab', 'cv', 'the',
]);

// Words too common to identify a company on their own ("General Electric" is not general.com).
const GENERIC_WORDS = new Set([
  'general', 'global', 'international', 'national', 'united', 'first', 'american', 'british', 'european', 'bank',
  'new', 'digital', 'data', 'smart', 'best', 'advanced', 'applied', 'universal', 'royal', 'city', 'state', 'great',
  'university', 'college', 'school', 'institute', 'health', 'media', 'tech', 'solutions', 'services', 'consulting',
  'green', 'black', 'white', 'north', 'south', 'bright', 'golden', 'silver', 'modern', 'central', 'pacific', 'atlantic',
  'capital', 'premier', 'prime', 'alpha', 'delta', 'omega', 'blue', 'open', 'true', 'next', 'future', 'creative',
]);

function companyWords(name: string): string[] {
  const folded = foldText(name)
    .replace(/&/g, ' and ')
    // "S.A." and "Co." are one word each; dots elsewhere ("contoso.com") separate words.
    .replace(/\b(\p{L})\.(?=\p{L}\.)/gu, '$1')
    .replace(/\b(\p{L}+)\.(?=\s|$)/gu, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded === '' ? [] : folded.split(' ');
}

function significantWords(name: string): string[] {
  const words = companyWords(name);
  const kept = words.filter((word, i) => !(LEGAL_WORDS.has(word) || (word === 'and' && LEGAL_WORDS.has(words[i + 1] ?? ''))));
  // A web-address company name ("Contoso.com") keeps its name, not its top-level domain.
  if (kept.length > 1 && /^(?:com|net|org|io|co|ai)$/.test(kept[kept.length - 1]) && /\.\w+\s*$/.test(name)) kept.pop();
  return kept.length > 0 ? kept : words;
}

/** A comparable company name: folded, punctuation and legal forms removed ("Contoso Ltd." → "contoso"). */
export function companyKey(name: string): string {
  return significantWords(name).join(' ');
}

/**
 * True when an e-mail domain plausibly belongs to the company: its base label (mail.contoso.co.uk →
 * contoso) spells the company's significant words together or hyphenated (Blue Yonder ↔ blueyonder.com,
 * blue-yonder.com), its first distinctive word of five letters or more (Contoso Research ↔ contoso.com;
 * not "Blue Yonder" ↔ blue.com) or, for names of three
 * words or more, their initials. Webmail domains never fit any company.
 */
export function domainFitsCompany(domain: string, company: string): boolean {
  if (domain.trim() === '' || isWebmailDomain(domain)) return false;
  const words = significantWords(company);
  if (words.length === 0) return false;
  const label = domainBaseLabel(domain.trim());
  const bare = label.replace(/-/g, '');
  if (bare === '') return false;
  const joined = words.join('');
  // "AT&T" ↔ att.com: the ampersand is spelled "and" in the key but dropped in domains.
  if (bare === joined || bare === words.filter((w) => w !== 'and').join('')) return true;
  // "contosogroup.com", "contoso-uk.com": the company name followed by a short qualifier.
  if (joined.length >= 5 && bare.startsWith(joined) && bare.length - joined.length <= 6) return true;
  const first = words[0];
  if (words.length > 1 && first.length >= 5 && !GENERIC_WORDS.has(first) && (bare === first || label.startsWith(`${first}-`))) {
    return true;
  }
  if (words.length >= 3 && bare === words.map((w) => w[0]).join('')) return true;
  return false;
}
