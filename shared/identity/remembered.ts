// A bounded memo for the pure string functions of identity resolution, whose inputs repeat across an export.

/**
 * Remembers the results of a pure function of one string: the same first names, surnames and
 * placeholders come back thousands of times in one export. Results must not be mutated by callers.
 * Bounded: emptied when full, so memory stays flat however many distinct names pass.
 */
export function remembered<T>(compute: (text: string) => T, limit = 20_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let value = known.get(text);
    if (value === undefined) {
      value = compute(text);
      if (known.size >= limit) known.clear();
      known.set(text, value);
    }
    return value;
  };
}
