/** The registry of checkers, one per claim kind. */
import type { Checker } from '../src/claims/checker.ts';

// --- symbolic ---
import { derivative } from './derivative.ts';
import { identity } from './identity.ts';
import { monotonicity } from './monotonicity.ts';
import { projectorSpectrum } from './projector-spectrum.ts';
import { projectorTerm } from './projector-term.ts';
import { normInequality } from './norm-inequality.ts';
import { syntheticOptimum } from './synthetic-optimum.ts';
import { liuApproximation } from './liu-approximation.ts';

// --- meaning of statements (numeric) ---
import { ballArgmax } from './ball-argmax.ts';
import { argmaxAngle } from './argmax-angle.ts';
import { pgdStep } from './pgd-step.ts';
import { robustInnerMax } from './robust-inner-max.ts';
import { separableMax } from './separable-max.ts';
import { filterNormalisation } from './filter-normalisation.ts';
import { noiseMoment } from './noise-moment.ts';
import { kappaIndependence } from './kappa-independence.ts';
import { gaussianRemark } from './gaussian-remark.ts';

// --- tables and numeric text ---
import { tableAchievable } from './table-achievable.ts';
import { tableGap } from './table-gap.ts';
import { tableEps0 } from './table-eps0.ts';
import { tableStatement } from './table-statement.ts';
import { epsSets } from './eps-sets.ts';
import { pgdBudget } from './pgd-budget.ts';
import { figureRef } from './figure-ref.ts';
import { textConsistency } from './text-consistency.ts';

// --- MNIST2 empirical claims ---
import { mnist2Sharpness } from './mnist2-sharpness.ts';
import { mnist2TableRerun } from './mnist2-table-rerun.ts';

// --- ResNet18 empirical claims ---
import { resnetTrend } from './resnet-trend.ts';

/** Every checker; `kind` values are unique. */
export const checkers: readonly Checker<unknown>[] = [
  // symbolic
  derivative,
  identity,
  monotonicity,
  projectorSpectrum,
  projectorTerm,
  normInequality,
  syntheticOptimum,
  liuApproximation,
  // meaning of statements (numeric)
  ballArgmax,
  argmaxAngle,
  pgdStep,
  robustInnerMax,
  separableMax,
  filterNormalisation,
  noiseMoment,
  kappaIndependence,
  gaussianRemark,
  // tables
  tableAchievable,
  tableGap,
  tableEps0,
  tableStatement,
  epsSets,
  pgdBudget,
  figureRef,
  textConsistency,
  // MNIST2 empirical claims
  mnist2Sharpness,
  mnist2TableRerun,
  // ResNet18 empirical claims
  resnetTrend,
];
