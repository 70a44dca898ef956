/** Section 3: "the adversarial noise sharpens the weight loss landscape much more than ... random noise". */
import { claim } from '../src/claims/schema.ts';
import { SYNTHETIC_EPS_GRID } from './_data/formulas.ts';
import {  } from './variables.ts';

export const thm2AdversarialVsRandom = claim({
  id: "thm2-adversarial-vs-random",
  title: "Adversarial vs random noise",
  statement: "Adversarial noise sharpens the weight loss landscape much more than random (uniform) noise of the same ε.",
  location: {
    section: "3.2",
    equation: "after (15)",
  },
  kind: "synthetic-optimum",
  category: 'result',
  quote: "Considering Theorem\u00a01 and Theorem\u00a02, the adversarial noise sharpens the weight loss landscape much more than the weight landscape on training with random noise",
  dependsOn: [
    "thm1-sharper-with-eps",
    "eq15-limit",
  ],
  params: {
    mode: "adversarial-vs-random",
    epsGrid: SYNTHETIC_EPS_GRID,
    readings: {
      convention: "thm2-adversarial-vs-random",
      question: "how much more does adversarial noise sharpen than random noise?",
      readings: [
        { id: "much-more-sharpening", statement: "much more sharpening: the increase over the standard model λmax(ε) − λmax(0) is at least twice that of random noise at every ε (the factor 2 supplied by claimcheck, as for Figs. 1–2)", literal: true, measure: "increase", minRatio: 2 },
        { id: "sharper", statement: "sharper at every ε: λmax(adversarial) > λmax(random)", measure: "absolute", minRatio: 1.000001 },
      ],
    },
  },
  variables: [],
});
