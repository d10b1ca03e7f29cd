// A bounded memo for the pure string functions of identity resolution, whose inputs repeat across an export.

/**
 * A copy of `text` that holds no reference to a larger string. Fields cut from a CSV piece are
 * slices that keep the whole piece (a MiB or more) alive: a remembered one must not.
 */
export function detachedCopy(text: string): string {
  // Joining makes a new string; cutting the space off slices that new string, not the piece.
  return (' ' + text).slice(1);
}

/** Lookups over which the share of hits is judged. */
const WINDOW = 4096;
/** Below this share of hits in a window, remembering costs more than it saves. */
const MIN_HIT_SHARE = 0.25;
/** Lookups computed directly after a poor window, before remembering is tried again. */
const PAUSE = 4 * WINDOW;

/**
 * Remembers the results of a pure function of one string: the same first names, surnames, hosts
 * and dates come back thousands of times in one export. Results must not be mutated by callers.
 *
 * Bounded (emptied when full); keys are detached copies and results are computed from them, so
 * nothing remembered pins a file's text. Every remembered result lives long enough to be promoted
 * to the old generation of the heap, so when inputs rarely repeat (full names of a million-row
 * list, timestamps) remembering pauses: the results die young, as they would without a memo.
 */
export function remembered<T>(compute: (text: string) => T, limit = 20_000): (text: string) => T {
  const known = new Map<string, T>();
  let asked = 0;
  let found = 0;
  let pausedFor = 0;
  return (text) => {
    if (pausedFor > 0) {
      pausedFor--;
      return compute(text);
    }
    let value = known.get(text);
    if (value !== undefined) found++;
    else {
      const key = detachedCopy(text);
      value = compute(key);
      if (known.size >= limit) known.clear();
      known.set(key, value);
    }
    if (++asked === WINDOW) {
      if (found < WINDOW * MIN_HIT_SHARE) {
        pausedFor = PAUSE;
        known.clear();
      }
      asked = 0;
      found = 0;
    }
    return value;
  };
}
