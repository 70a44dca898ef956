/** Section 5.2: "the generalization gap becomes larger in most cases as the magnitude of noise becomes larger", re-measured. */
import { claim } from '../src/claims/schema.ts';

export const tab56GapGrowsRemeasured = claim({
  id: 'tab56-gap-grows-remeasured',
  title: 'ResNet18 robust generalization gap grows with ε (Tables 5–6, re-measured)',
  statement:
    'On CIFAR-10 and SVHN, the robust generalization gap (train − test robust accuracy) grows with ε in most ε steps.',
  location: { section: '5.2', table: 'Tables 5–6' },
  kind: 'resnet-trend',
  category: 'result',
  quote: 'also shows that the generalization gap becomes larger in most cases as the magnitude of noise becomes larger',
  assumptions: ['final checkpoint; robust accuracy by PGD-20 in eval mode on the same subsets for train and test'],
  dependsOn: ['txt-sec52-gap-grows'],
  measurements: ['resnet'],
  params: { statement: 'gap-grows-in-most-cases', checkpoint: 'final' },
});
