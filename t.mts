import { runChecks } from './src/run.ts';
const ids = process.argv.slice(2);
const t0 = performance.now();
const res = await runChecks(ids, { onProgress: (e) => { if (e.done) process.stderr.write(`${e.id} `); } });
for (const r of res) {
  const v = r.verdict;
  console.log(`${r.claim.id.padEnd(26)} ${v.status.padEnd(12)} ${(r.millis/1000).toFixed(2)}s ${v.evidence.summary.slice(0, 150)}`);
  if (v.status === 'refuted' && v.correction) console.log('   correction:', v.correction.check, v.correction.evidence.slice(0,100));
  if (v.status === 'holds-under') console.log('   under:', v.assumption.slice(0,80), '|', v.assumptionEvidence.summary.slice(0, 160));
  if (v.status === 'inconclusive') console.log('   reason:', v.reason.slice(0, 200));
  for (const e of v.engines ?? []) if (e.agrees === false) console.log('   engine:', e.engine, e.note.slice(0, 120));
}
console.log('total', ((performance.now()-t0)/1000).toFixed(1), 's');
