// E-mail address normalisation and the domain facts the matcher reasons with (webmail or company domain).

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

// A deliberately plain shape check: exports hold `urn:li:member:…`, `NA`, names and phone numbers
// in e-mail columns, and we only need to tell those apart from addresses, not validate RFC 5322.
const LOCAL_RE = /^[^\s@<>()[\]\\,;:"]+$/u;
const DOMAIN_RE = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,}$/u;

/**
 * Normalise an e-mail address for comparison, or null when the text is not an address.
 * Accepts `Name <addr>`, `<addr>`, `mailto:addr` (any case); lower-cases; for Gmail drops dots
 * and `+tag` from the local part and maps googlemail.com to gmail.com.
 */
export function normaliseEmail(raw: string): string | null {
  let s = raw.trim();
  const angled = /<([^<>]*)>/.exec(s);
  if (angled) s = angled[1].trim();
  s = s.replace(/^mailto:/i, '').trim();
  // Quoted addresses survive some CSV round trips ("'bill@contoso.com'").
  s = s.replace(/^['"]+|['"]+$/g, '').trim();
  s = s.normalize('NFC').toLowerCase();
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1) return null;
  let local = s.slice(0, at);
  let domain = s.slice(at + 1).replace(/\.$/, '');
  if (!LOCAL_RE.test(local) || !DOMAIN_RE.test(domain)) return null;
  if (GMAIL_DOMAINS.has(domain)) {
    // Gmail ignores dots and everything after '+', so all these spellings reach one mailbox.
    local = local.split('+')[0].replace(/\./g, '');
    domain = 'gmail.com';
    if (local === '') return null;
  }
  return `${local}@${domain}`;
}

/** The domain of an address (normalised or not), lower-cased; null when there is none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 0 || at === email.length - 1) return null;
  const domain = email.slice(at + 1).trim().replace(/[>.]+$/, '').toLowerCase();
  return domain === '' ? null : domain;
}

// Second-level labels under which country registries sell names (contoso.co.uk, contoso.com.au).
const SECOND_LEVEL = new Set([
  'co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or', 'ltd', 'plc', 'go', 'gob', 'gouv', 'mil', 'nom', 'sch', 'nic', 'biz', 'info',
]);

/**
 * The label that names the organisation behind a domain: `contoso` for contoso.com,
 * mail.contoso.co.uk and contoso.com.au. A small public-suffix rule, enough for company names.
 */
export function domainBaseLabel(domain: string): string {
  const labels = domain.toLowerCase().replace(/\.$/, '').split('.').filter((l) => l !== '');
  if (labels.length === 0) return '';
  if (labels.length === 1) return labels[0];
  const last = labels[labels.length - 1];
  const second = labels[labels.length - 2];
  if (labels.length >= 3 && last.length === 2 && SECOND_LEVEL.has(second)) return labels[labels.length - 3];
  return second;
}

// Providers whose brand is the base label under many country domains (yahoo.co.jp, hotmail.fr, gmx.at).
const WEBMAIL_BRANDS = new Set([
  'gmail', 'googlemail', 'yahoo', 'ymail', 'rocketmail', 'hotmail', 'outlook', 'live', 'msn', 'windowslive',
  'aol', 'icloud', 'proton', 'protonmail', 'gmx', 'yandex', 'zoho', 'zohomail', 'fastmail', 'tutanota',
  'tuta', 'mailfence', 'posteo', 'hushmail', 'rediffmail', 'lycos', 'mail', 'email', 'inbox',
]);

// Webmail and consumer ISP domains whose base label is too generic to list as a brand.
const WEBMAIL_DOMAINS = new Set([
  'me.com', 'mac.com', 'pm.me', 'hey.com', 'web.de', 't-online.de', 'freenet.de', 'arcor.de', 'mail.ru', 'bk.ru',
  'list.ru', 'inbox.ru', 'rambler.ru', 'ya.ru', 'ukr.net', 'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net',
  'sina.com', 'sina.cn', 'sohu.com', 'aliyun.com', 'naver.com', 'daum.net', 'hanmail.net', 'libero.it', 'virgilio.it',
  'tiscali.it', 'alice.it', 'orange.fr', 'wanadoo.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'seznam.cz', 'wp.pl',
  'o2.pl', 'interia.pl', 'onet.pl', 'abv.bg', 'telenet.be', 'skynet.be', 'ziggo.nl', 'kpnmail.nl', 'planet.nl',
  'home.nl', 'bluewin.ch', 'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'cox.net',
  'earthlink.net', 'charter.net', 'optonline.net', 'juno.com', 'btinternet.com', 'sky.com', 'virginmedia.com',
  'ntlworld.com', 'talktalk.net', 'shaw.ca', 'rogers.com', 'sympatico.ca', 'videotron.ca', 'bigpond.com',
  'bigpond.net.au', 'optusnet.com.au', 'xtra.co.nz', 'aim.com', 'usa.net', 'rediff.com', 'uol.com.br',
  'bol.com.br', 'terra.com.br', 'ig.com.br', 'yandex.ru', 'gmx.net', 'gmx.de', 'mail.com', 'email.com',
]);

/** True for webmail and consumer providers: an address there says nothing about an employer. */
export function isWebmailDomain(domain: string): boolean {
  const d = domain.trim().toLowerCase().replace(/\.$/, '');
  if (d === '') return false;
  // Walk the domain's suffixes so that subdomains of a provider (mail.yahoo.com) count too.
  for (let rest = d; rest !== ''; rest = rest.includes('.') ? rest.slice(rest.indexOf('.') + 1) : '') {
    if (WEBMAIL_DOMAINS.has(rest)) return true;
  }
  return WEBMAIL_BRANDS.has(domainBaseLabel(d));
}
