// Profile URL normalisation: one comparable spelling per profile, LinkedIn as `linkedin.com/in/<slug>`.
import { remembered } from './remembered';

const HOST_RE = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,}$/u;

// Hosts that are the same network under another name; the value is the spelling we keep.
const HOST_ALIASES: Record<string, string> = {
  'twitter.com': 'x.com',
  'mobile.twitter.com': 'x.com',
  'm.facebook.com': 'facebook.com',
  'mbasic.facebook.com': 'facebook.com',
  'fb.com': 'facebook.com',
  'web.facebook.com': 'facebook.com',
  'm.instagram.com': 'instagram.com',
};

// Networks whose account names ignore letter case, so `/JohnDoe` and `/johndoe` are one account.
const CASELESS_HOSTS = new Set(['facebook.com', 'x.com', 'instagram.com', 'github.com', 'xing.com', 'tiktok.com']);

/** Decode the %XX sequences that form valid UTF-8; leave any broken escape as written. */
function decodePercent(text: string): string {
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

// After decoding, the characters that would change how the text parses are escaped again, so the
// result normalises to itself (`%25` stays `%25`, an encoded `/` does not become a path separator).
function escapeSyntax(text: string): string {
  return text.replace(/[%/?#\s]/gu, (ch) => encodeURIComponent(ch).toLowerCase());
}

/** `http(s)://[www.]linkedin.com/in/<plain slug>[/]`, any letter case. */
const PLAIN_LINKEDIN = /^https?:\/\/(?:www\.)?linkedin\.com\/in\/([\w.~-]+)\/?$/i;
/** What this function makes of those: stored identities and contacts, normalised again when persons are indexed. */
const NORMALISED_LINKEDIN = /^linkedin\.com\/in\/[a-z0-9_.~-]+$/;

// A segment of only these has no escape to decode, nothing NFC changes and nothing to escape again.
const PLAIN_SEGMENT = /^[\w.~-]*$/;

function cleanSegment(segment: string, lower: boolean): string {
  if (PLAIN_SEGMENT.test(segment)) return lower ? segment.toLowerCase() : segment;
  const decoded = decodePercent(segment).normalize('NFC');
  return escapeSyntax(lower ? decoded.toLowerCase() : decoded);
}

/**
 * Normalise a profile URL for comparison, or null when the text is not a URL.
 * LinkedIn profiles become `linkedin.com/in/<slug>` (slug percent-decoded, NFC, lower-cased);
 * other URLs become host (no `www.`, lower-cased) + path (no trailing slash), without scheme,
 * query or fragment. A LinkedIn URL without a profile slug (truncated exports) is null.
 */
export function normaliseProfileUrl(raw: string): string | null {
  // The shape of nearly every URL in a LinkedIn export: what the steps below make of it, directly.
  const plain = PLAIN_LINKEDIN.exec(raw);
  if (plain) return `linkedin.com/in/${plain[1].toLowerCase()}`;
  if (NORMALISED_LINKEDIN.test(raw)) return raw;
  let s = raw.trim().replace(/^<|>$/g, '').trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(s);
  if (scheme) {
    if (!/^https?$/i.test(scheme[1])) return null;
    s = s.slice(scheme[0].length);
  }
  const hostEnd = s.search(/[/?#]/);
  const host = normaliseHost(hostEnd < 0 ? s : s.slice(0, hostEnd));
  if (host === null) return null;
  const rest = hostEnd < 0 ? '' : s.slice(hostEnd);

  const pathEnd = rest.search(/[?#]/);
  const path = pathEnd < 0 ? rest : rest.slice(0, pathEnd);
  const query = pathEnd < 0 ? '' : rest.slice(pathEnd);
  const segments = path.split('/').filter((seg) => seg !== '');

  if (host === 'linkedin.com' || host.endsWith('.linkedin.com')) return linkedInProfile(segments);

  if (host === 'facebook.com' && segments.length === 1 && segments[0].toLowerCase() === 'profile.php') {
    // Numeric Facebook profiles live in the query string; without the id every one would look alike.
    const id = /[?&]id=(\d+)/.exec(query);
    return id ? `facebook.com/profile.php?id=${id[1]}` : null;
  }
  const lower = CASELESS_HOSTS.has(host);
  const cleaned = segments.map((seg) => cleanSegment(seg, lower));
  return cleaned.length === 0 ? host : `${host}/${cleaned.join('/')}`;
}

/** The host as compared (lower-cased, no port, no `www.`, aliases resolved), or null when it is not a host name. Few hosts, many URLs: remembered. */
const normaliseHost = remembered((raw: string): string | null => {
  const host = raw.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '').normalize('NFC');
  if (!HOST_RE.test(host)) return null;
  const bare = host.replace(/^www\./, '');
  return HOST_ALIASES[bare] ?? bare;
}, 1_000);

function linkedInProfile(segments: string[]): string | null {
  // Public profiles are /in/<slug>, optionally followed by /details/…, /recent-activity/… or a locale.
  // Only the first two segments: a locale or app prefix (/mwlite/in/…) may come before `in`.
  const at = segments.slice(0, 2).findIndex((seg) => seg.toLowerCase() === 'in');
  if (at >= 0) {
    const slug = segments[at + 1] === undefined ? '' : cleanSegment(segments[at + 1], true);
    return slug === '' ? null : `linkedin.com/in/${slug}`;
  }
  // Pre-2013 public profile URLs (/pub/<name>/<a>/<b>/<c>) are still unique per member.
  if (segments.length >= 2 && segments[0].toLowerCase() === 'pub') {
    return `linkedin.com/${segments.map((seg) => cleanSegment(seg, true)).join('/')}`;
  }
  // Feeds, company pages and bare hosts do not name a person.
  return null;
}
