/** Section 3: "the adversarial noise sharpens the weight loss landscape much more than ... random noise". */
import { claim } from '../src/claims/schema.ts';
import { SYNTHETIC_EPS_GRID } from './_data/formulas.ts';
import { SHARPNESS } from './_data/conventions.ts';

/** The words of §3.1 that define sharpness as the filter-normalised eigenvalue (the stated reading of SHARPNESS). */
const NORMALISED_QUOTE = SHARPNESS.readings.find((r) => r.measure === 'normalised')!.statedQuote!;

export const thm2AdversarialVsRandom = claim({
  id: 'thm2-adversarial-vs-random',
  title: 'Adversarial vs random noise',
  statement:
    'Adversarial noise sharpens the weight loss landscape much more than random (uniform) noise, compared at the same ε or at the same training loss.',
  location: {
    section: '3.2',
    equation: 'after (15)',
  },
  kind: 'synthetic-optimum',
  category: 'result',
  quote:
    'Considering Theorem\u00a01 and Theorem\u00a02, the adversarial noise sharpens the weight loss landscape much more than the weight landscape on training with random noise',
  dependsOn: ['thm1-sharper-with-eps', 'eq15-limit'],
  params: {
    mode: 'adversarial-vs-random',
    epsGrid: SYNTHETIC_EPS_GRID,
    readings: {
      convention: 'thm2-adversarial-vs-random',
      question: 'how much more does adversarial noise sharpen than random noise?',
      readings: [
        {
          id: 'more-sharpening-normalised',
          statement:
            "much more sharpening in §3.1's filter-normalised sharpness: the increase ‖w*‖²λmax(ε) − ‖w*‖²λmax(0) is at least twice that of random noise at every ε (the factor 2 supplied by claimcheck, as for Figs. 1–2)",
          literal: true,
          statedQuote: NORMALISED_QUOTE,
          measure: 'increase',
          sharpness: 'normalised',
          minRatio: 2,
        },
        {
          id: 'more-sharpening-eigenvalue',
          statement:
            'much more sharpening in λmax: the increase λmax(ε) − λmax(0) is at least twice that of random noise at every ε (factor 2 supplied by claimcheck)',
          measure: 'increase',
          sharpness: 'eigenvalue',
          minRatio: 2,
        },
        {
          id: 'sharper-normalised',
          statement:
            "sharper at every ε in §3.1's filter-normalised sharpness: ‖w*‖²λmax(adversarial) > ‖w*‖²λmax(random)",
          statedQuote: NORMALISED_QUOTE,
          measure: 'absolute',
          sharpness: 'normalised',
          minRatio: 1.000001,
        },
        {
          id: 'sharper-eigenvalue',
          statement: 'sharper at every ε: λmax(adversarial) > λmax(random)',
          measure: 'absolute',
          sharpness: 'eigenvalue',
          minRatio: 1.000001,
        },
        // The same four at matched training loss: the uniform-noise model is the one whose noise level ε' gives the
        // same training loss as the adversarial model at ε (claimcheck's reading; see MATCHED_LOSS in
        // checks/synthetic-optimum.ts), so "much more" is not only "adversarial noise is the stronger noise".
        {
          id: 'more-sharpening-normalised-matched-loss',
          statement:
            "much more sharpening in §3.1's filter-normalised sharpness at matched training loss: the increase ‖w*‖²λmax − ‖w*‖²λmax(0) of the adversarial model at ε is at least twice that of the uniform-noise model whose noise level ε' gives the same training loss",
          statedQuote: NORMALISED_QUOTE,
          measure: 'increase',
          sharpness: 'normalised',
          minRatio: 2,
          match: 'loss',
        },
        {
          id: 'more-sharpening-eigenvalue-matched-loss',
          statement:
            "much more sharpening in λmax at matched training loss: the increase λmax − λmax(0) of the adversarial model at ε is at least twice that of the uniform-noise model whose noise level ε' gives the same training loss",
          measure: 'increase',
          sharpness: 'eigenvalue',
          minRatio: 2,
          match: 'loss',
        },
        {
          id: 'sharper-normalised-matched-loss',
          statement:
            "sharper in §3.1's filter-normalised sharpness at matched training loss: ‖w*‖²λmax(adversarial at ε) > ‖w*‖²λmax(uniform noise at the ε' of the same training loss)",
          statedQuote: NORMALISED_QUOTE,
          measure: 'absolute',
          sharpness: 'normalised',
          minRatio: 1.000001,
          match: 'loss',
        },
        {
          id: 'sharper-eigenvalue-matched-loss',
          statement:
            "sharper in λmax at matched training loss: λmax(adversarial at ε) > λmax(uniform noise at the ε' of the same training loss)",
          measure: 'absolute',
          sharpness: 'eigenvalue',
          minRatio: 1.000001,
          match: 'loss',
        },
      ],
    },
  },
  variables: [],
});
