// "Did you mean …?" for names people type: a fact in candidate.yaml, a key in a profile. The
// closest known name by edits (insert, delete, replace, swap two neighbours), ignoring case,
// accents and separators first: `birthdate`, `birth_date` and `date-naissance` are not the
// same mistakes, but the first two are one name away from `birthDate`.

/** Lower case, no accents, no separators: how two spellings of one name are compared first. */
const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');

/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring), capped. */
function distance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > cap) return cap + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** " (did you mean 'x'?)" after an unknown name, or nothing when none is close. */
export const meant = (typed: string, known: readonly string[]): string => {
  const near = closestName(typed, known);
  return near === undefined ? '' : ` (did you mean '${near}'?)`;
};

/**
 * The known name `typed` most likely stands for, or undefined when none is close: the same
 * name written otherwise (case, accents, separators), else one within a third of its length
 * in edits (at most 2). Ties go to the first known name.
 */
export function closestName(typed: string, known: readonly string[]): string | undefined {
  const t = fold(typed);
  if (t.length === 0) return undefined;
  const same = known.find((k) => fold(k) === t);
  if (same !== undefined) return same === typed ? undefined : same;
  const cap = Math.min(2, Math.floor(t.length / 3));
  let best: string | undefined;
  let bestDistance = cap + 1;
  for (const k of known) {
    const d = distance(t, fold(k), cap);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}
