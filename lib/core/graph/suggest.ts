/**
 * Close names for "did you mean" suggestions.
 */

/**
 * Up to three names within a small edit distance of `name`, closest first.
 *
 * @example
 * closeNames('spendPerSignp', ['spendPerSignup', 'spend']); // ['spendPerSignup']
 */
export function closeNames(name: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.max(2, Math.floor(name.length / 3));
  const lower = name.toLowerCase();
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    if (Math.abs(c.length - name.length) > limit) continue;
    const d = distance(lower, c.toLowerCase(), limit);
    if (d <= limit) scored.push({ c, d });
  }
  return scored.sort((a, b) => a.d - b.d || a.c.localeCompare(b.c)).slice(0, max).map((s) => s.c);
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. */
function distance(a: string, b: string, limit: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}
