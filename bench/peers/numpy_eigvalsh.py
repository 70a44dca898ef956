"""numpy peer of the eigenvalue benchmark: numpy.linalg.eigvalsh (LAPACK syevd through OpenBLAS) on the exact matrix
our side exported (raw little-endian float64, n×n row-major), timed as the median of repeated calls after a warm-up.

Usage: numpy_eigvalsh.py MATRIX.f64 N [RUNS]

The caller sets the BLAS thread count (OPENBLAS_NUM_THREADS etc.) and unsets OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE for
this command only; the script prints what it saw. Last stdout line: one JSON object.
"""
import ctypes
import json
import os
import sys
import time

import numpy as np


def blas_threads():
    """The BLAS thread count in effect: asked of the OpenBLAS library numpy loaded (its get_num_threads entry point,
    found through /proc/self/maps), else threadpoolctl when installed, else the environment."""
    try:
        libs = sorted({line.split()[-1] for line in open("/proc/self/maps") if "openblas" in line.lower()})
        for path in libs:
            lib = ctypes.CDLL(path)
            for name in ("openblas_get_num_threads", "scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_"):
                fn = getattr(lib, name, None)
                if fn is not None:
                    return {"threads": fn(), "source": f"{os.path.basename(path)}:{name}"}
    except OSError:
        pass
    try:
        from threadpoolctl import threadpool_info

        info = [p for p in threadpool_info() if p.get("user_api") == "blas"]
        if info:
            return {"threads": info[0]["num_threads"], "source": "threadpoolctl"}
    except ImportError:
        pass
    env = os.environ.get("OPENBLAS_NUM_THREADS") or os.environ.get("OMP_NUM_THREADS")
    return {"threads": int(env) if env else None, "source": "OPENBLAS_NUM_THREADS" if env else "unknown"}


def main():
    path, n = sys.argv[1], int(sys.argv[2])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    A = np.fromfile(path, dtype="<f8").reshape(n, n)
    np.linalg.eigvalsh(A)
    times = []
    values = None
    for _ in range(runs):
        t = time.perf_counter()
        values = np.linalg.eigvalsh(A)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    top3 = sorted(values.tolist(), reverse=True)[:3]
    out = {
        "numpy": np.__version__,
        "python": sys.version.split()[0],
        "blas": blas_threads(),
        "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE"),
        "openblas_l2_size": os.environ.get("OPENBLAS_L2_SIZE"),
        "n": n,
        "runs": runs,
        "ms": times[len(times) // 2],
        "top3": top3,
    }
    print(f"numpy {np.__version__} eigvalsh {n}x{n}: median {out['ms']:.1f} ms of {runs}; BLAS threads {out['blas']}")
    print(json.dumps(out))


main()
