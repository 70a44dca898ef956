/** Section 5.2 / Fig. 4: the ResNet18 weight loss landscape becomes sharper as ε grows (measured, not read off the figure). */
import { claim } from '../src/claims/schema.ts';

export const fig4SharperWithEps = claim({
  id: 'fig4-sharper-with-eps',
  title: 'ResNet18 landscape sharper as ε grows (Fig. 4, re-measured)',
  statement:
    'On CIFAR-10 and SVHN, the filter-normalised weight loss landscape of L∞-PGD-trained ResNet18 becomes sharper as ε grows.',
  location: { section: '5.2', table: 'Fig. 4' },
  kind: 'resnet-trend',
  category: 'result',
  quote:
    'We confirmed that the weight loss landscape becomes sharper as the noise magnitude of adversarial training becomes larger.',
  assumptions: [
    'sharpness measured as the landscape rise (g(−1) + g(1))/2 − g(0) along filter-normalised directions, attack re-run at each α',
  ],
  dependsOn: ['set-eps-cifar10-svhn'],
  measurements: ['resnet'],
  params: { statement: 'sharper-as-eps-grows' },
});
