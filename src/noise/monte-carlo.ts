/**
 * Monte Carlo means with a normal-approximation confidence interval (Welford's running mean and variance).
 */
import { ClaimcheckError } from '../errors.ts';

/** A Monte Carlo estimate: the sample mean, its standard error and the interval mean ± z·stdError. */
export interface McEstimate {
  readonly value: number;
  readonly stdError: number;
  readonly lo: number;
  readonly hi: number;
  readonly samples: number;
  /** Half-width multiplier of the interval (standard errors). */
  readonly z: number;
}

/** A running mean/variance accumulator (Welford). */
export class RunningMean {
  private n = 0;
  private mean = 0;
  private m2 = 0;

  /** Adds one sample. */
  push(v: number): void {
    this.n++;
    const delta = v - this.mean;
    this.mean += delta / this.n;
    this.m2 += delta * (v - this.mean);
  }

  /** The estimate with interval mean ± z·s/√n (throws with fewer than 2 samples). */
  estimate(z = 4): McEstimate {
    if (this.n < 2)
      throw new ClaimcheckError('BAD_INPUT', `RunningMean.estimate: need at least 2 samples, got ${this.n}`);
    const stdError = Math.sqrt(this.m2 / (this.n - 1) / this.n);
    return {
      value: this.mean,
      stdError,
      lo: this.mean - z * stdError,
      hi: this.mean + z * stdError,
      samples: this.n,
      z,
    };
  }
}

/** Whether `target` lies in the estimate's interval. */
export function covers(e: McEstimate, target: number): boolean {
  return e.lo <= target && target <= e.hi;
}
