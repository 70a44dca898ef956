/**
 * The registry of claim records, in the order the paper makes them. Each record lives in its own file named after
 * its id; nothing here is discovered by globbing.
 */
import type { ClaimRecordInput } from '../src/claims/schema.ts';

// --- Sections 2–3, appendices A–B: formulas ---
import { thm2AdversarialVsRandom } from './thm2-adversarial-vs-random.ts';
import { sec3Convexity } from './sec3-convexity.ts';
import { thm1SharperWithEps } from './thm1-sharper-with-eps.ts';
import { sec3OptimalityCondition } from './sec3-optimality-condition.ts';
import { eq12NormInequality } from './eq12-norm-inequality.ts';
import { sec3FilterNormEqualWeights } from './sec3-filter-norm-equal-weights.ts';
import { sec3SharpnessScale } from './sec3-sharpness-scale.ts';
import { eq11Eigenvalues } from './eq11-eigenvalues.ts';
import { lem1Monotone } from './lem1-monotone.ts';
import { eq01LogisticLoss } from './eq01-logistic-loss.ts';
import { introEigenProportional } from './intro-eigen-proportional.ts';
import { eq07CosTheta } from './eq07-cos-theta.ts';
import { sec32EqRef } from './sec32-eq-ref.ts';
import { sec5Datasets } from './sec5-datasets.ts';
import { lem1A1Derivative } from './lem1-a1-derivative.ts';
import { lem1A2Derivative } from './lem1-a2-derivative.ts';
import { sec41RobustLoss } from './sec41-robust-loss.ts';
import { sec41OptimalWeightsTypo } from './sec41-optimal-weights-typo.ts';
import { sec32YCosTheta } from './sec32-y-cos-theta.ts';
import { eq08Gradient } from './eq08-gradient.ts';
import { eq09HessianAtOptimum } from './eq09-hessian-at-optimum.ts';
import { appbDisplayedLoss } from './appb-displayed-loss.ts';
import { appbL1 } from './appb-l1.ts';
import { appbL2 } from './appb-l2.ts';
import { appbL3 } from './appb-l3.ts';
import { appbL4 } from './appb-l4.ts';
import { appbL5 } from './appb-l5.ts';
import { appbL6 } from './appb-l6.ts';
import { appbL7 } from './appb-l7.ts';
import { appbL8 } from './appb-l8.ts';
import { appbL9 } from './appb-l9.ts';
import { eq10EigvecOrthogonal } from './eq10-eigvec-orthogonal.ts';
import { eq11EigvecW } from './eq11-eigvec-w.ts';
// eq02–eq06: meaning of statements (numeric checks)
import { eq02AdversarialExample } from './eq02-adversarial-example.ts';
import { eq03PgdStep } from './eq03-pgd-step.ts';
import { eq04AdversarialTraining } from './eq04-adversarial-training.ts';
import { eq05LandscapeMaxOutsideSum } from './eq05-landscape-max-outside-sum.ts';
import { eq06FilterNormalisation } from './eq06-filter-normalisation.ts';

// --- Theorem 2 and random noise ---
import { thm2RandomNoiseFlat } from './thm2-random-noise-flat.ts';
import { sec41LiuApproximation } from './sec41-liu-approximation.ts';
import { eq13GradientRandom } from './eq13-gradient-random.ts';
import { eq14HessianRandom } from './eq14-hessian-random.ts';
import { eq15Limit } from './eq15-limit.ts';
// Theorem 2 premises and the Gaussian remark: meaning of statements (numeric checks)
import { thm2KappaIndependent } from './thm2-kappa-independent.ts';
import { thm2UniformVariance } from './thm2-uniform-variance.ts';
import { thm2GaussianRemark } from './thm2-gaussian-remark.ts';

// --- Section 4.1 ---

// --- MNIST2 empirical claims ---
import { fig3EigenGrowWithEps } from './fig3-eigen-grow-with-eps.ts';
import { sec51LinfMechanism } from './sec51-linf-mechanism.ts';
import { fig3Eq9Spectrum } from './fig3-eq9-spectrum.ts';
import { thm1PremiseMnist2 } from './thm1-premise-mnist2.ts';
import { fig12NoisePremises } from './fig12-noise-premises.ts';
import { fig3NearlyLinear } from './fig3-nearly-linear.ts';
import { sec51WeightNormStable } from './sec51-weight-norm-stable.ts';
import { fig12SharperWithEps } from './fig12-sharper-with-eps.ts';
import { fig5SharperWithEps } from './fig5-sharper-with-eps.ts';
import { fig12RandomLessSharp } from './fig12-random-less-sharp.ts';
import { tab1RerunAbsGap } from './tab1-rerun-abs-gap.ts';
import { tab1to4RerunTestGtTrain } from './tab1to4-rerun-test-gt-train.ts';
import { tab3RerunLargeEpsGap } from './tab3-rerun-large-eps-gap.ts';
import { tab2to4RerunRandomGap } from './tab2to4-rerun-random-gap.ts';

// --- Tables, numeric text, experimental settings ---
import { setEpsMnist2L2 } from './set-eps-mnist2-l2.ts';
import { setEpsMnist2Linf } from './set-eps-mnist2-linf.ts';
import { setEpsCifar10Svhn } from './set-eps-cifar10-svhn.ts';
import { pgdBudgetMnist2 } from './pgd-budget-mnist2.ts';
import { pgdBudgetCifar10 } from './pgd-budget-cifar10.ts';
import { pgdBudgetSvhn } from './pgd-budget-svhn.ts';
import { tab1Achievable } from './tab1-achievable.ts';
import { tab1Gap } from './tab1-gap.ts';
import { tab2Achievable } from './tab2-achievable.ts';
import { tab2Gap } from './tab2-gap.ts';
import { tab3Achievable } from './tab3-achievable.ts';
import { tab3Gap } from './tab3-gap.ts';
import { tab4Achievable } from './tab4-achievable.ts';
import { tab4Gap } from './tab4-gap.ts';
import { tab1to4Eps0 } from './tab1to4-eps0.ts';
import { txtSec511FigRef } from './txt-sec51-1-fig-ref.ts';
import { txtSec512Tab1AbsGap } from './txt-sec51-2-tab1-abs-gap.ts';
import { txtSec513TestGtTrain } from './txt-sec51-3-test-gt-train.ts';
import { txtSec514Tab3LargeEps } from './txt-sec51-4-tab3-large-eps.ts';
import { txtSec515RandomFigRef } from './txt-sec51-5-random-fig-ref.ts';
import { txtSec516RandomGap } from './txt-sec51-6-random-gap.ts';
import { tab5Achievable } from './tab5-achievable.ts';
import { tab5Gap } from './tab5-gap.ts';
import { tab6Achievable } from './tab6-achievable.ts';
import { tab6Gap } from './tab6-gap.ts';
import { txtSec42GapLarger } from './txt-sec42-gap-larger.ts';
import { txtContrib3GapGrows } from './txt-contrib3-gap-grows.ts';
import { txtSec52GapGrows } from './txt-sec52-gap-grows.ts';

// --- ResNet18 empirical claims ---
import { fig4SharperWithEps } from './fig4-sharper-with-eps.ts';
import { tab56GapGrowsRemeasured } from './tab56-gap-grows-remeasured.ts';

/** Every claim record, sorted as the paper is. */
export const claimRecords: readonly ClaimRecordInput[] = [
  // introduction
  introEigenProportional,
  // formulas
  eq01LogisticLoss,
  // eq02–eq06 (meaning of statements)
  eq02AdversarialExample,
  eq03PgdStep,
  eq04AdversarialTraining,
  eq05LandscapeMaxOutsideSum,
  eq06FilterNormalisation,
  // formulas from Eq. (7) on
  sec32EqRef,
  eq07CosTheta,
  lem1Monotone,
  lem1A1Derivative,
  lem1A2Derivative,
  sec32YCosTheta,
  sec41RobustLoss,
  eq08Gradient,
  sec3OptimalityCondition,
  eq09HessianAtOptimum,
  appbDisplayedLoss,
  appbL1,
  appbL2,
  appbL3,
  appbL4,
  appbL5,
  appbL6,
  appbL7,
  appbL8,
  appbL9,
  eq10EigvecOrthogonal,
  eq11EigvecW,
  eq11Eigenvalues,
  sec3SharpnessScale,
  eq12NormInequality,
  sec3FilterNormEqualWeights,
  thm1SharperWithEps,
  sec3Convexity,
  // theorem 2
  thm2RandomNoiseFlat,
  eq13GradientRandom,
  eq14HessianRandom,
  thm2KappaIndependent,
  thm2UniformVariance,
  eq15Limit,
  thm2AdversarialVsRandom,
  thm2GaussianRemark,
  // section 4.1
  sec41OptimalWeightsTypo,
  sec41LiuApproximation,
  // --- MNIST2 empirical claims ---
  fig3EigenGrowWithEps,
  fig3NearlyLinear,
  sec51LinfMechanism,
  fig3Eq9Spectrum,
  thm1PremiseMnist2,
  sec51WeightNormStable,
  fig12SharperWithEps,
  fig5SharperWithEps,
  fig12RandomLessSharp,
  fig12NoisePremises,
  tab1RerunAbsGap,
  tab1to4RerunTestGtTrain,
  tab3RerunLargeEpsGap,
  tab2to4RerunRandomGap,
  // tables
  sec5Datasets,
  setEpsMnist2L2,
  setEpsMnist2Linf,
  setEpsCifar10Svhn,
  pgdBudgetMnist2,
  pgdBudgetCifar10,
  pgdBudgetSvhn,
  tab1Achievable,
  tab1Gap,
  tab2Achievable,
  tab2Gap,
  tab3Achievable,
  tab3Gap,
  tab4Achievable,
  tab4Gap,
  tab1to4Eps0,
  txtSec511FigRef,
  txtSec512Tab1AbsGap,
  txtSec513TestGtTrain,
  txtSec514Tab3LargeEps,
  txtSec515RandomFigRef,
  txtSec516RandomGap,
  tab5Achievable,
  tab5Gap,
  tab6Achievable,
  tab6Gap,
  txtSec52GapGrows,
  txtSec42GapLarger,
  txtContrib3GapGrows,
  // ResNet18 empirical claims
  fig4SharperWithEps,
  tab56GapGrowsRemeasured,
];
