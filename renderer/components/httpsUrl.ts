// Which profile addresses may become links: only absolute https: URLs; anything else stays plain text.

/** The URL to link to, or null when the text must not be a link (javascript:, data:, http:, relative, garbage). */
export function httpsUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.trim();
  // Bare LinkedIn-style addresses ("linkedin.com/in/x", "www.…") are read as https.
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(text) ? `https://${text}` : null;
  if (candidate === null) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname === '' || url.username || url.password) return null;
  return url.href;
}
