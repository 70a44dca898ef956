/** Nearest known ids to an unknown one (Levenshtein distance, ties by order), for error messages. */
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
  const prefix = (k: string) => (k.startsWith(id) || id.startsWith(k.split('-')[0]!) ? -2 : 0);
  return [...known]
    .map((k, i) => ({ k, i, score: dist(id, k) + prefix(k) }))
    .sort((a, b) => a.score - b.score || a.i - b.i)
    .slice(0, count)
    .map((x) => x.k);
}
