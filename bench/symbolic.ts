/**
 * Benchmark: wall time of checking every algebraic claim (the symbolic checkers), per claim and in total.
 * Goal: under 10 s on 2 cores for the whole set. Run: npx tsx bench/symbolic.ts [--seed N] [--jobs N] (default 1: on 2
 * cores a second worker process costs as much start-up as it saves)
 */
import os from 'node:os';
import { allClaims, runChecksParallel } from '../src/pipeline/run.ts';
import { DEFAULT_SEED } from '../src/settings.ts';

const SYMBOLIC = new Set([
  'derivative',
  'identity',
  'monotonicity',
  'projector-spectrum',
  'liu-approximation',
  'norm-inequality',
]);
const seedArg = process.argv.indexOf('--seed');
const seed = seedArg > 0 ? Number(process.argv[seedArg + 1]) : DEFAULT_SEED;
const ids = allClaims()
  .filter((c) => SYMBOLIC.has(c.kind))
  .map((c) => c.id);
const t0 = performance.now();
const jobsArg = process.argv.indexOf('--jobs');
const jobs = jobsArg > 0 ? Number(process.argv[jobsArg + 1]) : 1;
const results = await runChecksParallel(ids, { seed, jobs });
const total = (performance.now() - t0) / 1000;
for (const r of results)
  console.log(
    `${r.claim.id.padEnd(28)} ${r.claim.kind.padEnd(20)} ${r.verdict.status.padEnd(12)} ${(r.millis / 1000).toFixed(2)} s`,
  );
console.log(
  `\n${results.length} algebraic claims checked in ${total.toFixed(1)} s wall (seed ${seed}; ${jobs} worker processes; ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'cpu'}; node ${process.version})`,
);
console.log(`goal: < 10 s on 2 cores — ${total < 10 ? 'met' : 'NOT met'}`);
