/**
 * Every tolerance of the symbolic side, in one table. A claim may override one in its own record (`params`), where
 * readers see it.
 */
export const TOLERANCES = {
  /** Randomized zero test thresholds (log10 of the relative residual), from engines.md. */
  zeroTest: {
    equal128: -100,
    equal64: -40,
    different128: -90,
    /** The 64- and 128-digit residuals of a real difference agree to ~6 significant digits: |Δlog10| ≤ 5e-6. */
    agreeLog10: 5e-6,
  },
  /** Central-difference oracle at 128 digits with step h = 1e-40 (truncation error ~1e-80). */
  fdOracle: { digits: 128, step: '1e-40', agreeLog10: -60 },
  /** nerdamer's outputs contain a rational approximation of e (~1e-16), so its agreement is judged in this band. */
  secondOpinion: { agreeLog10: -12 },
  /** Points per zero test (every sign pattern of y_1 … y_N is covered first). */
  pointsPerTest: 8,
} as const;
