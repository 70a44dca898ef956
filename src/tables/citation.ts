/**
 * Figure citations as printed in running text ("Figure 3", "Figures 2 and 2"), read into figure numbers.
 */

/** Figure numbers of a citation: "Figure 3" → [3], "Figures 2 and 2" → [2, 2], "Figs. 1, 2 and 3" → [1, 2, 3]. */
export function citedFigures(citation: string): number[] {
  const m = /^(?:Figures?|Figs?\.)\s+(.+)$/.exec(citation.trim());
  if (!m) throw new SyntaxError(`citedFigures: expected "Figure N" or "Figures N and M", got "${citation}"`);
  const parts = m[1]!.split(/\s*(?:,|\band\b)\s*/).filter((p) => p.length > 0);
  return parts.map((p) => {
    if (!/^\d+$/.test(p)) throw new SyntaxError(`citedFigures: "${p}" in "${citation}" is not a figure number`);
    return Number(p);
  });
}
