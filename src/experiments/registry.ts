/**
 * The registry of experiments the report runs, in report order. Listed explicitly: wiring an experiment is one import
 * and one entry here.
 */
import type { Experiment } from './contract.ts';
import { mnist2Experiment } from './mnist2/experiment.ts';
import { resnetExperiment } from './resnet18/experiment.ts';

export const experiments: readonly Experiment[] = [mnist2Experiment as Experiment, resnetExperiment as Experiment];
