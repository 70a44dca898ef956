/**
 * LaTeX fragments and sentences of the paper that more than one record quotes, verbatim from the paper text (a test
 * asserts each occurs there). The text extraction prints each inline formula three times (Unicode, math italic, LaTeX);
 * only the LaTeX copy is kept here.
 */

/** Section 5 (Experimental setup): the L2 ε set for MNIST2. */
export const EPS_SETUP_L2_MNIST2 = '\\varepsilon=\\left\\{0,0.2,0.4,0.6,0.8,1\\right\\}';

/** Section 5 (Experimental setup): the L∞ ε set for MNIST2. */
export const EPS_SETUP_LINF_MNIST2 =
  '\\varepsilon=\\left\\{\\frac{0}{255},\\frac{4}{255},\\frac{8}{255},\\frac{12}{255},\\frac{16}{255},\\frac{25.5}{255},\\frac{51}{255},\\frac{76.5}{255}\\right\\}';

/** Section 5 (Experimental setup) for CIFAR10 and SVHN, and Section 5.2 (Fig. 4): the L∞ ε set. */
export const EPS_SETUP_LINF_RESNET =
  '\\varepsilon=\\left\\{\\frac{0}{255},\\frac{4}{255},\\frac{8}{255},\\frac{12}{255},\\frac{16}{255}\\right\\}';

/** Section 5.1 (Comparison with Random Noise): the L2 magnitudes of the random noise. */
export const EPS_RANDOM_L2 = 'L_{{\\rm 2}}=\\left\\{0,0.2,0.4,0.8,1\\right\\}';

/** Section 5.1 (Comparison with Random Noise): the L∞ magnitudes of the random noise. */
export const EPS_RANDOM_LINF =
  'L_{\\infty}=\\left\\{0,\\frac{4}{255},\\frac{8}{255},\\frac{12}{255},\\frac{16}{255}\\right\\}';

/** Section 5.1: the large L∞ range excluded from Fig. 2 (the "large range" of Tab. 3). */
export const EPS_LARGE_EXCLUDED = '\\varepsilon=\\left\\{\\frac{25.5}{255},\\frac{51}{255},\\frac{76.5}{255}\\right\\}';

/** Section 5.1: the large L∞ range whose results are in the supplementary material. */
export const EPS_LARGE_SUPPLEMENT =
  '\\varepsilon=\\left\\{\\frac{0}{255},\\frac{25.5}{255},\\frac{51}{255},\\frac{76.5}{255}\\right\\}';

/** Appendix D.1 (Fig. 5): the large L∞ range. */
export const EPS_APPENDIX_D = '\\varepsilon=\\left\\{0,\\frac{25.5}{255},\\frac{51}{255},\\frac{76.5}{255}\\right\\}';

/** Section 5.1 (Comparison with Random Noise): the sentence that states the random-noise magnitudes. */
export const SENTENCE_RANDOM_NOISE =
  'random noise was generated with a uniform distribution constrained to the L2={0,0.2,0.4,0.8,1}subscript𝐿200.20.40.81L_{{\\rm 2}}=\\left\\{0,0.2,0.4,0.8,1\\right\\} and L={0,4255,8255,12255,16255}subscript𝐿0425582551225516255L_{\\infty}=\\left\\{0,\\frac{4}{255},\\frac{8}{255},\\frac{12}{255},\\frac{16}{255}\\right\\}';

/** The figure captions of the paper, verbatim. */
export const FIGURE_CAPTIONS = [
  'Figure 1: Weight Loss Landscape against L2subscript𝐿2L_{2}PGD and L2subscript𝐿2L_{2}RANDOM in MNIST2',
  'Figure 2: Weight Loss Landscape against Lsubscript𝐿L_{\\infty}PGD and Lsubscript𝐿L_{\\infty}RANDOM in MNIST2',
  'Figure 3: Eigenvalue of Hessian matrix against PGD in MNIST2',
  'Figure 4: Weight Loss Landscape against Lsubscript𝐿L_{\\infty}PGD in ResNet18',
  'Figure 5: Weight Loss Landscape against Lsubscript𝐿L_{\\infty}PGD in MNIST2',
];
