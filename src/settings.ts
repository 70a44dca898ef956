/**
 * The run settings every floor shares: the experiment setting (`--setting`) and the default seed of every random draw
 * (`--seed`). Defined here once; the CLI, the pipeline and the experiments read them from here.
 */

/** The experiment settings: `ci` (small and fast, exercises every code path) and `full` (the paper's settings). */
export const SETTINGS = ['ci', 'full'] as const;

/** An experiment setting. */
export type Setting = (typeof SETTINGS)[number];

/** The setting a run uses when none is given: the paper's. */
export const DEFAULT_SETTING: Setting = 'full';

/** The largest seed `makeRng` accepts (2^32 − 1): seeds are 32-bit unsigned integers. */
export const MAX_SEED = 0xffffffff;

/** The default run seed: every random draw of a run (checks, training, directions) is derived from the run seed. */
export const DEFAULT_SEED = 20210;
