/** Section 4.1: "where w*_a and w*_a mean each optimal weights" — the two optima compared are w*_a and w*_b. */
import { claim } from '../src/claims/schema.ts';

const SENTENCE =
  'where 𝒘asubscriptsuperscript𝒘𝑎{\\bm{w}}^{\\ast}_{a} and 𝒘asubscriptsuperscript𝒘𝑎{\\bm{w}}^{\\ast}_{a} mean each optimal weights';

export const sec41OptimalWeightsTypo = claim({
  id: 'sec41-optimal-weights-typo',
  title: 'The two optimal weights of §4.1',
  statement: 'Section 4.1 names the two optimal weights it compares, w*_a and w*_b.',
  location: { section: '4.1' },
  kind: 'text-consistency',
  category: 'presentation',
  quote: SENTENCE,
  params: { form: 'pair', symbol: String.raw`\{\\bm\{w\}\}\^\{\\ast\}_\{[a-z]\}`, expected: '{\\bm{w}}^{\\ast}_{b}' },
});
