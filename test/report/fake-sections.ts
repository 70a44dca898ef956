/**
 * Hand-built experiment sections for the report tests: one measured (an SVG figure with internal ids, a table with
 * the paper's values beside ours, provenance) and one not measured here.
 */
import type { ReportSection } from '../../src/experiments/section.ts';

/** A small line plot as self-contained SVG, with a clip path and a gradient whose ids must survive inlining. */
export const FAKE_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<!-- drawn by hand for the tests -->
<svg xmlns="http://www.w3.org/2000/svg" width="480" height="300">
  <defs>
    <clipPath id="plot-area"><rect x="50" y="20" width="410" height="240"/></clipPath>
    <linearGradient id="fill"><stop offset="0" stop-color="#cfe2ff"/><stop offset="1" stop-color="#ffffff"/></linearGradient>
  </defs>
  <rect x="50" y="20" width="410" height="240" fill="url(#fill)" stroke="#888"/>
  <g clip-path="url(#plot-area)">
    <polyline fill="none" stroke="#b42318" stroke-width="2.5" points="50,240 130,200 210,150 290,110 370,70 450,40"/>
    <polyline fill="none" stroke="#1a7f37" stroke-width="2.5" stroke-dasharray="6 4" points="50,240 130,230 210,222 290,215 370,210 450,206"/>
  </g>
  <text x="255" y="292" font-family="sans-serif" font-size="13" text-anchor="middle">ε (L2)</text>
  <text x="16" y="140" font-family="sans-serif" font-size="13" transform="rotate(-90 16 140)" text-anchor="middle">λ_max</text>
  <text x="60" y="40" font-family="sans-serif" font-size="12" fill="#b42318">adversarial</text>
  <text x="60" y="56" font-family="sans-serif" font-size="12" fill="#1a7f37">random noise</text>
</svg>`;

/** A measured section bearing on `claim` (its figure and table name it), and a not-measured one. */
export function fakeSections(claim: string): ReportSection[] {
  return [
    {
      id: 'fake-landscape',
      title: 'Largest Hessian eigenvalue against ε (fake)',
      summary:
        'A hand-made section that exercises every part of an experiment section: a figure, a table and provenance.',
      figures: [
        {
          id: 'fake-eigenvalues',
          title: 'Largest eigenvalue of the Hessian',
          caption: 'Adversarial training (solid) sharpens the landscape as ε grows; random noise (dashed) barely does.',
          svg: FAKE_SVG,
          claims: [claim],
        },
      ],
      tables: [
        {
          id: 'fake-table',
          title: 'Robust accuracy, paper and ours',
          caption: 'The paper’s values beside ours.',
          columns: ['ε', 'paper train (%)', 'ours train (%)', 'paper test (%)', 'ours test (%)'],
          rows: [
            ['0', '99.86', '99.85', '99.95', '99.91'],
            ['0.2', '99.43', '99.47', '99.67', '99.62'],
          ],
          claims: [claim],
        },
      ],
      provenance: {
        'train images': 'train-images-idx3-ubyte (sha256 0123abcd…), 12,665 images of digits 0 and 1',
        seed: '20210',
        backend: 'cpu',
      },
    },
    {
      id: 'fake-cifar10',
      title: 'ResNet18 on CIFAR-10 (fake)',
      summary: 'The companion experiment on CIFAR-10.',
      figures: [],
      tables: [],
      provenance: {},
      notMeasured: {
        reason: 'CIFAR-10 is not on this machine.',
        command: 'npx claimcheck report --cifar-dir DIR --setting full',
      },
    },
  ];
}
