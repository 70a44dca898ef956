#!/usr/bin/env python3
"""The PyTorch CPU peer of one MNIST2 training cell (bench/training.ts).

Trains the logistic model s(x) = w.x (no bias) on the data that bench/training.ts exported (X, y as raw
little-endian float64 files, a JSON with the shapes and the cell's configuration), in float64 on the CPU, with the
same objective, attack and optimiser as src/experiments/mnist2/train.ts:

- J(w) = mean softplus(-y w.(x + eta)) + (wd/2)|w|^2, its gradient by autograd with eta held fixed (detached), so
  for PGD it is the adversarial-training (Danskin) gradient, as ours;
- L2 PGD regenerated at every evaluation of J: `steps` steps from eta = 0 (or the exported starts), each
  eta <- clip(P_eps(eta + lambda g/|g|_2), -x, 1 - x), g the input gradient of the per-example loss by autograd (a row
  whose gradient underflows to 0 does not move, as ours);
- full-batch L-BFGS in the variant of src/numeric/lbfgs.ts that training uses: history `memory`, curvature pairs
  screened at each use (s.y > 1e-12 sqrt(s.s y.y)), initial scaling s.y/y.y of the newest pair used, steepest descent
  -g/max(|g|, 1) without pairs (and after a non-descent direction, with the history cleared), Armijo backtracking
  t = 1, 1/2, ... (20 halvings, 10 on the retry without history) accepting f <= f0 + 1e-4 g.(x_t - x) or a value
  unchanged to rounding (16 eps |f0|) with a smaller gradient norm, a stop after `stallSteps` steps in a row without a
  decrease beyond rounding, and the stops at gradient norm <= gradTol or the iteration cap. torch.optim.LBFGS cannot
  be configured to this (its line search is strong Wolfe with cubic interpolation or a fixed step, its first step is
  min(1, 1/|g|_1), it screens pairs when storing them with s.y > 1e-10 and stops on max|g| <= tolerance_grad), so
  the same loop is written here with torch tensors.
- `maxEvaluations` (ours' count) caps the evaluations, so both sides do at most the same work.

The PGD loop reuses one eta buffer and updates it in place (autograd still allocates the n x d input gradient at every
step); bench/training.ts runs it with glibc's malloc thresholds raised so those 30 MB blocks are reused rather than
faulted in afresh. `--torch-optim` trains with torch.optim.LBFGS (strong Wolfe, same history, tolerance and evaluation
cap) instead, for comparison. `--threads` sets torch's intra-op threads (the caller also sets OMP_NUM_THREADS).

Prints per-phase times and, as the last stdout line, one JSON object (seconds: median training time).

    /usr/bin/python3 bench/peers/torch_cell.py CELL.json --threads 1 [--repeat 3] [--trace] [--torch-optim]
"""

import argparse
import json
import math
import os
import statistics
import sys
import time

EPS = 2.220446049250313e-16


def rounding_level(f):
    """A change of f smaller than this is rounding (roundingLevel of src/numeric/lbfgs.ts)."""
    return 16 * EPS * max(abs(f), 1e-300)


class Budget(Exception):
    """The evaluation cap was reached."""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('cell', help='the JSON bench/training.ts wrote')
    ap.add_argument('--threads', type=int, required=True, help='torch intra-op threads')
    ap.add_argument('--repeat', type=int, default=1, help='timed trainings (median), after one warm-up evaluation')
    ap.add_argument('--trace', action='store_true', help='print every iteration (step, J, gradient norm)')
    ap.add_argument(
        '--torch-optim',
        action='store_true',
        help='train with torch.optim.LBFGS (strong Wolfe) instead of ours\' loop, for comparison',
    )
    args = ap.parse_args()

    t_start = time.perf_counter()
    import numpy as np
    import torch
    import torch.nn.functional as F

    torch.set_num_threads(args.threads)
    threads = torch.get_num_threads()
    t_import = time.perf_counter() - t_start
    print(f'torch {torch.__version__}, numpy {np.__version__}, python {sys.version.split()[0]}, threads {threads}')

    with open(args.cell, encoding='utf8') as fh:
        cell = json.load(fh)
    base = os.path.dirname(os.path.abspath(args.cell))
    n, d = cell['n'], cell['d']
    if cell['bias']:
        raise SystemExit('torch_cell.py: a model with a bias is not implemented')
    training, norm = cell['training'], cell['norm']
    if training not in ('standard', 'pgd') or (training == 'pgd' and norm != 'l2'):
        raise SystemExit(f'torch_cell.py: only standard and L2 PGD cells are implemented, not {norm} {training}')

    t0 = time.perf_counter()

    def read(name, count):
        a = np.fromfile(os.path.join(base, cell['files'][name]), dtype='<f8')
        if a.size != count:
            raise SystemExit(f'torch_cell.py: {name} has {a.size} values, expected {count}')
        return torch.from_numpy(a.astype(np.float64, copy=False))

    X = read('X', n * d).reshape(n, d)
    y = read('y', n)
    starts = read('starts', n * d).reshape(n, d) if cell['files'].get('starts') else None
    t_load = time.perf_counter() - t0

    wd = cell['weightDecay']
    eps_ball, steps, lam = cell['eps'], cell['steps'], cell['stepSize']
    lo, hi = -X, 1 - X  # the pixel box of eta: x + eta in [0, 1]

    def softplus(u):
        # log(1 + e^u); torch's default threshold 20 returns u above it, dropping e^-20 ~ 2e-9: 40 keeps float64.
        return F.softplus(u, beta=1, threshold=40)

    eta = torch.zeros_like(X)  # the PGD iterate, one buffer reused by every evaluation (no fresh pages)

    def pgd(w, clean):
        """L2 PGD on every example against weights w (no grad; `clean` = X w): `steps` normalised steps from the start,
        projection onto the eps-ball, pixel clip; in place in `eta`, whose input gradient autograd gives."""
        nonlocal eta
        if starts is not None:
            eta.copy_(starts)
        else:
            eta.zero_()
        for _ in range(steps):
            eta.requires_grad_(True)
            loss = softplus(-y * (clean + eta @ w)).sum()
            (g,) = torch.autograd.grad(loss, eta)
            eta = eta.detach()
            with torch.no_grad():
                gn = g.norm(dim=1, keepdim=True)
                g.div_(torch.where(gn > 0, gn, torch.ones_like(gn)))  # a row whose gradient underflowed stays put
                eta.add_(g, alpha=lam)
                zn = eta.norm(dim=1, keepdim=True)
                eta.mul_(torch.clamp(eps_ball / zn, max=1.0))
                torch.maximum(eta, lo, out=eta)
                torch.minimum(eta, hi, out=eta)
            del g
        return eta

    state = {'evaluations': 0, 'cap': cell['maxEvaluations']}

    def evaluate(w_values):
        """J and its gradient at w (autograd; the PGD perturbation held fixed)."""
        if state['evaluations'] >= state['cap']:
            raise Budget()
        state['evaluations'] += 1
        w = w_values.detach().clone().requires_grad_(True)
        scores = X @ w
        if training == 'pgd':
            perturbation = pgd(w.detach(), scores.detach())
            scores = scores + perturbation @ w  # w.(x + eta), without an n x d temporary
        value = softplus(-y * scores).mean() + 0.5 * wd * (w @ w)
        (g,) = torch.autograd.grad(value, w)
        return value.item(), g

    def two_loop(g, gn, S, Y):
        """-H g from the pairs that pass the curvature screen (screen-on-use), or -g/max(|g|, 1) without one."""
        pairs = []
        for s, yv in zip(S, Y):
            sy = torch.dot(s, yv).item()
            if sy > 1e-12 * math.sqrt(torch.dot(s, s).item() * torch.dot(yv, yv).item()):
                pairs.append((s, yv, 1.0 / sy))
        q = g.clone()
        if not pairs:
            return q.mul_(-1.0 / max(gn, 1.0))
        alpha = [0.0] * len(pairs)
        for p in range(len(pairs) - 1, -1, -1):
            s, yv, rho = pairs[p]
            alpha[p] = rho * torch.dot(s, q).item()
            q.add_(yv, alpha=-alpha[p])
        s, yv, rho = pairs[-1]
        q.mul_(1.0 / (rho * torch.dot(yv, yv).item()))
        for p, (s, yv, rho) in enumerate(pairs):
            b = rho * torch.dot(yv, q).item()
            q.add_(s, alpha=alpha[p] - b)
        return q.neg_()

    def armijo(x, value, g, gn, direction, halvings):
        t = 1.0
        for _ in range(halvings):
            trial = x + t * direction
            slope = torch.dot(g, trial - x).item()
            v, gt = evaluate(trial)
            if math.isfinite(v):
                tgn = gt.norm().item()
                ok = v <= value + 1e-4 * slope or (abs(v - value) <= rounding_level(value) and tgn < gn)
                if slope < 0 and ok:
                    return trial, v, gt, tgn, t
            t *= 0.5
        return None

    def lbfgs():
        memory, grad_tol = cell['memory'], cell['gradTol']
        max_iter, stall_steps = cell['maxIterations'], cell['stallSteps']
        x = torch.zeros(d, dtype=torch.float64)
        S, Y = [], []
        iterations, flat = 0, 0
        value, g = evaluate(x)
        gn = g.norm().item()

        def done(stop):
            return {'x': x, 'value': value, 'gradNorm': gn, 'iterations': iterations, 'stop': stop}

        try:
            while True:
                if not (math.isfinite(value) and math.isfinite(gn)):
                    return done('non-finite')
                if gn <= grad_tol:
                    return done('converged')
                if iterations >= max_iter:
                    return done('iteration-cap')
                direction = two_loop(g, gn, S, Y)
                if not torch.dot(direction, g).item() < 0:
                    S, Y = [], []
                    direction = two_loop(g, gn, S, Y)
                step = armijo(x, value, g, gn, direction, 20)
                if step is None and S:
                    S, Y = [], []
                    step = armijo(x, value, g, gn, two_loop(g, gn, S, Y), 10)
                if step is None:
                    return done('line-search')
                x_new, v_new, g_new, gn_new, step_t = step
                flat = flat + 1 if value - v_new <= rounding_level(value) else 0
                S.append(x_new - x)
                Y.append(g_new - g)
                if len(S) > memory:
                    S.pop(0)
                    Y.pop(0)
                x, value, g, gn = x_new, v_new, g_new, gn_new
                iterations += 1
                if args.trace:
                    print(
                        f'  iteration {iterations}: t = {step_t:g}, J = {value:.17g}, |grad| = {gn:.6e}, '
                        f'evaluations {state["evaluations"]}'
                    )
                if flat >= stall_steps and gn > grad_tol:
                    return done('stalled')
        except Budget:
            return done('evaluation-cap')

    def torch_optim_lbfgs():
        """torch.optim.LBFGS (strong Wolfe) with ours' history, tolerance and evaluation cap, for comparison: what a
        PyTorch user would reach for. Its gradient tolerance is on max|g|, ours on |g|_2."""
        w = torch.zeros(d, dtype=torch.float64, requires_grad=True)
        opt = torch.optim.LBFGS(
            [w],
            lr=1,
            max_iter=cell['maxIterations'],
            max_eval=cell['maxEvaluations'],
            tolerance_grad=cell['gradTol'],
            tolerance_change=0,
            history_size=cell['memory'],
            line_search_fn='strong_wolfe',
        )
        def closure():
            value, g = evaluate(w.detach())
            w.grad = g
            return torch.tensor(value, dtype=torch.float64)

        try:
            opt.step(closure)
            stop = 'torch.optim.LBFGS returned'
        except Budget:
            stop = 'evaluation-cap'
        return {'x': w.detach(), 'iterations': opt.state[w].get('n_iter', 0), 'stop': stop}

    # Warm-up: one evaluation at a nonzero w (not counted, not timed).
    t0 = time.perf_counter()
    state['cap'] += 1
    evaluate(torch.full((d,), 1e-3, dtype=torch.float64))
    state['cap'] -= 1
    state['evaluations'] = 0
    t_warm = time.perf_counter() - t0
    print(f'load X ({n}x{d}), y: {t_load:.3f} s; import torch: {t_import:.2f} s; warm-up evaluation: {t_warm:.3f} s')

    runs = []
    result = None
    for r in range(max(1, args.repeat)):
        state['evaluations'] = 0
        t0 = time.perf_counter()
        result = torch_optim_lbfgs() if args.torch_optim else lbfgs()
        runs.append(time.perf_counter() - t0)
        evaluations = state['evaluations']
        if args.torch_optim:
            # J and |grad| where torch.optim.LBFGS left w, by one more evaluation (not timed, not counted).
            state['cap'] += 1
            result['value'], g = evaluate(result['x'])
            result['gradNorm'] = g.norm().item()
            state['cap'] -= 1
            state['evaluations'] = evaluations
        print(
            f'train run {r + 1}: {runs[-1]:.3f} s, {result["iterations"]} iterations, {state["evaluations"]} '
            f'evaluations, stop {result["stop"]}, J = {result["value"]:.17g}, |grad| = {result["gradNorm"]:.3e}'
        )
    seconds = statistics.median(runs)
    per_eval = seconds / max(evaluations, 1) * 1e3
    print(f'train (median of {len(runs)}): {seconds:.3f} s, {per_eval:.2f} ms per evaluation')
    print(
        json.dumps(
            {
                'seconds': seconds,
                'runs': runs,
                'iterations': result['iterations'],
                'evaluations': evaluations,
                'finalLoss': result['value'],
                'gradNorm': result['gradNorm'],
                'stop': result['stop'],
                'weightNorm': result['x'].norm().item(),
                'optimizer': 'torch.optim.LBFGS strong_wolfe' if args.torch_optim else 'claimcheck lbfgs loop',
                'threads': threads,
                'torch': torch.__version__,
                'numpy': np.__version__,
                'phases': {'import': t_import, 'load': t_load, 'warmup': t_warm, 'train': seconds},
            }
        )
    )


if __name__ == '__main__':
    main()
