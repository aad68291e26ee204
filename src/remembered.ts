// Answers remembered by key, at most `max` of them, then all forgotten at once: for the pure
// functions a batch asks again and again with the same few arguments (a profile's keywords,
// the date of the check), bounded because some arguments never come back (every candidate's
// birth date), and a worker of a long batch must not keep one of each.

/** `(key, compute)`: the answer remembered for `key`, else `compute()`'s, remembered. Never caches `undefined`. */
export function rememberedUpTo<V>(max: number): (key: string, compute: () => V) => V {
  const kept = new Map<string, V>();
  return (key, compute) => {
    const known = kept.get(key);
    if (known !== undefined) return known;
    if (kept.size >= max) kept.clear();
    const value = compute();
    kept.set(key, value);
    return value;
  };
}
