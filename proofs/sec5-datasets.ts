/** §5 "We used three datasets" against Appendix C "We use five image datasets". */
import { claim } from '../src/claims/schema.ts';

export const sec5Datasets = claim({
  id: 'sec5-datasets',
  title: 'The datasets: §5 and Appendix C agree',
  statement: 'Section 5 and Appendix C describe the same experiments, so they list the same datasets, as many as they say.',
  location: { section: '5' },
  kind: 'text-consistency',
  category: 'presentation',
  quote: 'We used three datasets: MNIST2, CIFAR10\u00a0Krizhevsky et al. (2009), and SVHN\u00a0Netzer et al. (2011).',
  params: {
    form: 'lists',
    lists: [
      { where: '§5 (Experimental setup)', quote: 'We used three datasets: MNIST2, CIFAR10\u00a0Krizhevsky et al. (2009), and SVHN\u00a0Netzer et al. (2011).' },
      { where: 'Appendix C', quote: 'We use five image datasets: MNIST\u00a0LeCun et al. (1998), MNIST2, CIFAR10\u00a0Krizhevsky et al. (2009), CIFAR2, and SVHN\u00a0Netzer et al. (2011).' },
    ],
  },
});
