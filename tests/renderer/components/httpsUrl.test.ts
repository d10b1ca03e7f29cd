// Only https: profile addresses become links; javascript:, data:, http: and credentials never do.
import { describe, expect, it } from 'vitest';
import { httpsUrl } from '../../../renderer/components/httpsUrl';
import { tagColorOf, readTagColors, writeTagColor } from '../../../renderer/components/tagColors';

describe('httpsUrl', () => {
  it('keeps https addresses', () => {
    expect(httpsUrl('https://www.linkedin.com/in/ada')).toBe('https://www.linkedin.com/in/ada');
    expect(httpsUrl(' linkedin.com/in/ada ')).toBe('https://linkedin.com/in/ada');
  });
  it('refuses everything else', () => {
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,<b>', 'http://example.com/x', 'file:///etc/passwd', 'https://user:pw@evil.com/', '/relative', '', 'not a url', 'vbscript:x']) {
      expect(httpsUrl(bad), bad).toBeNull();
    }
    expect(httpsUrl(null)).toBeNull();
  });
});

describe('tag colours', () => {
  it('defaults for suggested tags, a stable pick for others, and the user choice wins', () => {
    const data = new Map<string, string>();
    const s = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    expect(tagColorOf('prune', {})).toBe('red');
    expect(tagColorOf('whatever', {})).toBe(tagColorOf('whatever', {}));
    writeTagColor('prune', 'violet', s);
    expect(tagColorOf('prune', readTagColors(s))).toBe('violet');
    data.set('tiecheck.tagColors', '{"x":"chartreuse"}');
    expect(readTagColors(s)).toEqual({});
  });
});
