/**
 * The import rules of claimcheck, checked in CI (`npm run deps`). Code lives on floors; a module imports only from its
 * own floor or the floors below it, and no import graph has a cycle.
 *
 *   cli          src/cli                 the commands
 *   pipeline     src/pipeline            running checks (workers), the report run, its caches and provenance
 *   report       src/report              rendering only: errata.html/.md/.json, JUnit, SARIF, comparisons
 *   claims       checks/, proofs/        the checkers and the claim records
 *   experiments  src/experiments        one contract and registry; mnist2/ and resnet18/ side by side
 *   machinery    src/{claims,paper,latex,engines,decide,numeric,eigen,attack,autodiff,noise,data,tables,plot,stats}
 *   foundations  src/{fs,exact,format,workers}, src/rng.ts, src/errors.ts, src/settings.ts
 *
 * bench/ and scripts/ sit above the CLI (they may import anything); test/ is not cruised.
 */
const FLOORS = [
  ['cli', '^src/cli/'],
  ['pipeline', '^src/pipeline/'],
  ['report', '^src/report/'],
  ['claims', '^(checks|proofs)/'],
  ['experiments', '^src/experiments/'],
  ['machinery', '^src/(claims|paper|latex|engines|decide|numeric|eigen|attack|autodiff|noise|data|tables|plot|stats)/'],
  ['foundations', '^src/(fs|exact|format|workers)/|^src/(rng|errors|settings)\\.ts$'],
];

const above = (i) =>
  FLOORS.slice(0, i)
    .map(([, path]) => `(${path})`)
    .join('|');

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'An import cycle: the modules cannot be read, tested or loaded one without the other.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...FLOORS.slice(1).map(([name, path], i) => ({
      name: `no-upward-from-${name}`,
      comment: `${name} imports from a floor above it (${FLOORS.slice(0, i + 1)
        .map(([n]) => n)
        .join(', ')}).`,
      severity: 'error',
      from: { path },
      to: { path: above(i + 1) },
    })),
    {
      name: 'checks-read-measurements',
      comment:
        'Checkers decide on the data an experiment measured once (ctx.measurements): from src/experiments they import only the shapes of that data and pure functions of it, never code that loads data, trains or measures.',
      severity: 'error',
      from: { path: '^checks/' },
      to: {
        path: '^src/experiments/',
        pathNot: '^src/experiments/[^/]+/(measurement-schemas|results|series|degenerate|trends|section)\\.ts$',
      },
    },
    {
      name: 'on-a-floor',
      comment: 'Every source module lives on one of the floors above (add a new folder to FLOORS).',
      severity: 'error',
      from: { path: '^(src|checks|proofs)/', pathNot: FLOORS.map(([, path]) => `(${path})`).join('|') },
      to: {},
    },
    {
      name: 'imports-a-floor',
      comment: 'Every source module imported lives on one of the floors above (add a new folder to FLOORS).',
      severity: 'error',
      from: {},
      to: { path: '^(src|checks|proofs)/', pathNot: FLOORS.map(([, path]) => `(${path})`).join('|') },
    },
    {
      name: 'no-private-from-outside',
      comment: 'A folder named _internals or _data is private to its parent folder.',
      severity: 'error',
      from: { path: '^(.+)/' },
      to: { path: '/_(internals|data)/', pathNot: '^$1/' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
  },
};
