// A colour per tag, chosen by the user in the tag manager and kept in localStorage; suggested tags have defaults.

export const TAG_PALETTE = ['slate', 'red', 'orange', 'green', 'teal', 'blue', 'violet', 'pink'] as const;
export type TagColor = (typeof TAG_PALETTE)[number];

export const TAG_COLORS_KEY = 'tiecheck.tagColors';
const DEFAULTS: Record<string, TagColor> = { prune: 'red', keep: 'green', reconnect: 'blue' };

interface ColorStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function storage(): ColorStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readTagColors(from: ColorStorage | null = storage()): Record<string, TagColor> {
  try {
    const raw = from?.getItem(TAG_COLORS_KEY);
    const parsed = raw ? (JSON.parse(raw) as unknown) : {};
    const out: Record<string, TagColor> = {};
    if (parsed && typeof parsed === 'object') {
      for (const [tag, color] of Object.entries(parsed)) if ((TAG_PALETTE as readonly string[]).includes(color as string)) out[tag] = color as TagColor;
    }
    return out;
  } catch {
    return {};
  }
}

export function writeTagColor(tag: string, color: TagColor | null, to: ColorStorage | null = storage()): Record<string, TagColor> {
  const colors = readTagColors(to);
  if (color === null) delete colors[tag];
  else colors[tag] = color;
  try {
    to?.setItem(TAG_COLORS_KEY, JSON.stringify(colors));
  } catch {
    // Storage full or off: the colour lasts for this session's render only.
  }
  notify();
  return colors;
}

/** A tag's colour: the user's choice, else the suggested tag's default, else one picked from the tag's letters. */
export function tagColorOf(tag: string, colors: Record<string, TagColor>): TagColor {
  const chosen = colors[tag] ?? DEFAULTS[tag.toLowerCase()];
  if (chosen) return chosen;
  let h = 0;
  for (let i = 0; i < tag.length; i++) h = (h * 31 + tag.charCodeAt(i)) >>> 0;
  return TAG_PALETTE[h % TAG_PALETTE.length];
}

const listeners = new Set<() => void>();
let version = 0;
function notify(): void {
  version++;
  for (const l of listeners) l();
}

/** For useSyncExternalStore: re-render tag pills when a colour changes anywhere. */
export function subscribeTagColors(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export function tagColorsVersion(): number {
  return version;
}
