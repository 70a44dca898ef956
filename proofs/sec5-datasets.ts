/** §5 "We used three datasets" against Appendix C "We use five image datasets". */
import { claim } from '../src/claims/schema.ts';

export const sec5Datasets = claim({
  id: 'sec5-datasets',
  title: 'The datasets: §5 and Appendix C agree',
  statement:
    'Section 5 and Appendix C describe the same experiments, so they list the same datasets, as many as they say.',
  location: { section: '5' },
  kind: 'text-consistency',
  category: 'presentation',
  quote: 'We used three datasets: MNIST2, CIFAR10\u00a0Krizhevsky et al. (2009), and SVHN\u00a0Netzer et al. (2011).',
  params: {
    form: 'lists',
    readings: {
      convention: 'sec5-datasets',
      question: 'do §5 and Appendix C list the datasets of the same experiments?',
      readings: [
        {
          id: 'same',
          statement: 'both list the datasets of the reported experiments, so the lists agree',
          literal: true,
          relation: 'same',
        },
        {
          id: 'superset-explained',
          statement:
            'Appendix C lists every dataset the work made or used, including those without reported results, each said elsewhere what it is',
          relation: 'superset-explained',
        },
      ],
    },
    explained: [
      { item: 'MNIST', quote: 'We made MNIST2 using only MNIST class 0 and class 1.' },
      { item: 'CIFAR2', quote: 'and CIFAR2 using only frog and ship classes in CIFAR10' },
    ],
    lists: [
      {
        where: '§5 (Experimental setup)',
        quote:
          'We used three datasets: MNIST2, CIFAR10\u00a0Krizhevsky et al. (2009), and SVHN\u00a0Netzer et al. (2011).',
      },
      {
        where: 'Appendix C',
        quote:
          'We use five image datasets: MNIST\u00a0LeCun et al. (1998), MNIST2, CIFAR10\u00a0Krizhevsky et al. (2009), CIFAR2, and SVHN\u00a0Netzer et al. (2011).',
      },
    ],
  },
});
