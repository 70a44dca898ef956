/**
 * Benchmark: the top-3 eigenvalues of the 785×785 MNIST2 Hessian (784 pixels + bias), ours against numpy's
 * `eigvalsh` (LAPACK through OpenBLAS) on the same matrix in the same run. Ours: Lanczos on the formed Hessian (what
 * a top-k needs), the dense values-only solver (Householder tridiagonalisation + implicit QL: every eigenvalue), and,
 * for information, matrix-free Lanczos on Hessian-vector products. numpy runs with one BLAS thread (ours is
 * single-threaded) and with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for that command only (this machine sets
 * them, which distorts OpenBLAS's kernel choice); the peer prints the thread count the library reports.
 *
 *   npx tsx bench/eigen.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { denseMatVec } from '../src/eigen/dense-matvec.ts';
import { lanczos } from '../src/eigen/lanczos.ts';
import { symmetricEigen } from '../src/eigen/symmetric-eigen.ts';
import { makeRng } from '../src/rng.ts';
import {
  type BenchModel,
  type BenchRow,
  benchModel,
  formatTable,
  machineLine,
  medianMs,
  runPythonPeer,
  writeF64,
} from './lib.ts';

interface NumpyEig {
  readonly numpy: string;
  readonly blas: { readonly threads: number | null; readonly source: string };
  readonly ms: number;
  readonly runs: number;
  readonly top3: number[];
}

/** The numpy peer on H with one BLAS thread and this machine's OpenBLAS tuning variables unset. */
function numpyEigvalsh(H: Float64Array, dim: number): { result: NumpyEig; python: string } | { missing: string } {
  const dir = mkdtempSync(join(tmpdir(), 'claimcheck-eigen-'));
  try {
    const file = join(dir, 'H.f64');
    writeF64(file, H);
    return runPythonPeer<NumpyEig>('numpy_eigvalsh.py', [file, String(dim), '7'], ['numpy'], {
      OPENBLAS_NUM_THREADS: '1',
      OMP_NUM_THREADS: '1',
      MKL_NUM_THREADS: '1',
      OPENBLAS_CORETYPE: undefined,
      OPENBLAS_L2_SIZE: undefined,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The two rows of the goals table (and the details, printed when `log`). */
export function eigenRows(model: BenchModel = benchModel(), log: (line: string) => void = () => {}): BenchRow[] {
  const { loss, w } = model;
  const dim = loss.dim;
  const H = loss.hessian(w);
  const lz = medianMs(5, () => lanczos(denseMatVec(H, dim), dim, { k: 3, rng: makeRng(2) }));
  const dense = medianMs(3, () => symmetricEigen(H, dim));
  const free = medianMs(3, () => lanczos((x) => loss.hvp(w, x), dim, { k: 3, rng: makeRng(3) }));
  const top = (v: ArrayLike<number>): string =>
    Array.from(v)
      .slice(0, 3)
      .map((x) => x.toExponential(8))
      .join(', ');
  log(`model: ${model.description}`);
  log(
    `Lanczos top-3 on the formed H: ${lz.ms.toFixed(1)} ms (${lz.result.matvecs} products, converged ${lz.result.converged}): ${top(lz.result.values)}`,
  );
  log(`dense, every eigenvalue:       ${dense.ms.toFixed(1)} ms: ${top(dense.result.values)}`);
  log(
    `Lanczos top-3 on HVPs:         ${free.ms.toFixed(1)} ms (${free.result.matvecs} products, converged ${free.result.converged})`,
  );
  const np = numpyEigvalsh(H, dim);
  let peer: BenchRow['peer'];
  let peerNote = '';
  if ('missing' in np) {
    peer = { name: 'numpy eigvalsh', missing: np.missing };
  } else {
    const r = np.result;
    const agree = Math.max(...r.top3.map((x, i) => Math.abs(x - lz.result.values[i]!) / Math.abs(r.top3[0]!)));
    peer = {
      name: `numpy ${r.numpy} eigvalsh, ${r.blas.threads ?? '?'} BLAS thread`,
      value: { value: r.ms, unit: 'ms' },
    };
    peerNote = `; numpy ${r.numpy} (${np.python}), BLAS threads ${r.blas.threads ?? '?'} (${r.blas.source}), median of ${r.runs}; top-3 agree to ${agree.toExponential(1)} of λ₁`;
    log(`numpy eigvalsh:                ${r.ms.toFixed(1)} ms: ${top(r.top3)}${peerNote}`);
  }
  const matrix = `the ${dim}×${dim} Hessian of ${model.ds.n} MNIST2 training images`;
  return [
    {
      task: 'top-3 eigenvalues, MNIST2 Hessian (Lanczos)',
      ours: { value: lz.ms, unit: 'ms' },
      peer,
      goal: { maxRatio: 1.5 },
      note: `Lanczos (k = 3, ${lz.result.matvecs} products with the formed H) on ${matrix}, median of 5${peerNote}`,
    },
    {
      task: 'every eigenvalue, MNIST2 Hessian (dense)',
      ours: { value: dense.ms, unit: 'ms' },
      peer,
      goal: { maxRatio: 3 },
      note: `Householder tridiagonalisation (WebAssembly SIMD sweep) + implicit QL, values only, on ${matrix}, median of 3`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`claimcheck eigen bench — ${machineLine()}`);
  const rows = eigenRows(benchModel(), console.log);
  console.log(`\n${formatTable(rows)}`);
}
