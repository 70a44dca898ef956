/** The default engine set: mathjs primary, nerdamer second opinion, mathjs BigNumber evaluation and LaTeX. */
import type { Engines } from './types.ts';
import { mathjsEngine, mathjsEvaluator, mathjsPrinter } from './mathjs.ts';
import { nerdamerEngine } from './nerdamer.ts';

let engines: Engines | undefined;

/** The engines every check receives unless a test injects others. */
export function defaultEngines(): Engines {
  engines ??= { primary: mathjsEngine, second: nerdamerEngine, evaluator: mathjsEvaluator, printer: mathjsPrinter };
  return engines;
}
