/**
 * Nearest known ids to an unknown one, for error messages: first the ids that start with it (`fig3` → `fig3-*`), then
 * the ids whose first `-` segment it starts with (`thm1-sharpr` → `thm1-*`), then the rest; within each, by Levenshtein
 * distance, ties in the order of `known`. Prefixes are compared without regard to case.
 */
export function nearestIds(id: string, known: readonly string[], count = 3): string[] {
  const dist = (a: string, b: string): number => {
    const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let diag = prev[0]!;
      prev[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const tmp = prev[j]!;
        prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
        diag = tmp;
      }
    }
    return prev[b.length]!;
  };
  const typed = id.toLowerCase();
  const tier = (k: string): number => {
    const lower = k.toLowerCase();
    if (lower.startsWith(typed)) return 0;
    const segment = lower.split('-')[0]!;
    return segment !== '' && typed.startsWith(segment) ? 1 : 2;
  };
  return [...known]
    .map((k, i) => ({ k, i, tier: tier(k), score: dist(typed, k.toLowerCase()) }))
    .sort((a, b) => a.tier - b.tier || a.score - b.score || a.i - b.i)
    .slice(0, count)
    .map((x) => x.k);
}
