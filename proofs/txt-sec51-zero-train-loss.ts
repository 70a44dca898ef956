/**
 * Section 5.1 on Table 3: "the experiment was designed with a small noise to achieve training loss becomes zero".
 * A logistic loss is zero only if every training point is classified correctly (and with infinite margin), so the
 * printed train accuracies bound the training loss from below.
 */
import { claim } from '../src/claims/schema.ts';
import { quantifierReadings } from './_data/conventions.ts';
import { TABLE_3 } from './_data/tables.ts';

/** Train accuracy 100 % (the least a zero training loss needs) in the rows of Table 3. */
export const txtSec51ZeroTrainLoss = claim({
  id: 'txt-sec51-zero-train-loss',
  title: 'Table 3: training loss zero at small ε',
  statement: 'The Table 3 experiment achieves zero training loss with its small noise: every training image is classified correctly at the small ε.',
  location: { section: '5.1', table: 'Table 3' },
  kind: 'table-statement',
  category: 'presentation',
  quote: 'because the experiment was designed with a small noise to achieve training loss becomes zero',
  assumptions: ['the train accuracy of Table 3 is of the same models whose training loss is meant (robust accuracy under PGD)'],
  dependsOn: ['tab3-achievable'],
  params: { form: 'zero-train-loss', table: TABLE_3, readings: quantifierReadings('txt-sec51-zero-train-loss', 'most') },
});
