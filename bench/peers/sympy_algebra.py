"""The SymPy peer of claimcheck's algebraic checkers: the same derivations and the same zero tests, in SymPy + mpmath.

    python3 bench/peers/sympy_algebra.py WORK.json [--quiet]

WORK.json is written by bench/peers/export-algebra.ts: for every algebraic claim, the work our checkers did, in call
order, recorded from their engine calls (see that file). This script does that work the way a competent SymPy user
would, and times it per claim:

- derivations: `sympy.diff` of the same function (the paper's printed function, lowered to scalar coordinates exactly
  as our checkers lower it) with respect to the same variables, in the same order, each derivative computed once
  (ours caches them too). Where our checker substituted into a derivative (w -> w* after differentiating, a premise
  v -> u - (u.w*)w*/|w*|^2, a limit kappa -> 0), the export says which symbol became which expression, and the same
  substitution is applied to SymPy's derivative (`xreplace`). Symbols are declared real (the claims' domains are
  real), so |.| and sqrt(t**2) differentiate to sign(.) instead of unevaluated re/im parts;
- expressions are read with `parse_expr` and `rationalize`, so every decimal literal of the paper and of the sampled
  points is exact (a plain `parse_expr` would read 0.15 as a 53-bit float, and the 128-digit test would then test
  the float);
- zero tests: the same expression pair (paper's printed form against SymPy's derivation) at the same points (those
  our seeded sampler drew: exact decimals, and coordinates built to satisfy a condition, which are recomputed here at
  200 digits as ours computes them, event `eval`, and checked against the exported ones the tests read), each at 128
  and 64 digits, decided by the same rule and thresholds
  (`tolerances` of the export, from src/decide/tolerances.ts): equal when the relative residual |A - B| / max(|A|,
  |B|, 1) is <= 1e-100 at 128 digits and <= 1e-40 at 64 at every point; different when at some point it is > 1e-90
  at 128 digits and the 64- and 128-digit residuals agree to |d log10| <= 5e-6; otherwise inconclusive;
- numbers: `lambdify(..., modules='mpmath', cse=True)` evaluated under `mpmath.workdps(digits)`. Of SymPy's ways to
  evaluate an expression at many points in arbitrary precision this is the one SymPy's documentation recommends
  (`evalf(n, subs=...)` re-walks the expression tree at every point: measured on one zero test of an Appendix B
  Hessian line it took 5x as long as lambdify, the lambdify included; `cse=True` shares repeated
  subexpressions, as our evaluator's hash-consed DAG does; measured here it takes about a third less time than
  `cse=False` on this work list). Each distinct expression is lambdified once, and a point's coordinates are read
  once per precision for both sides of a zero test;
- the 128-digit central-difference oracle (h = 1e-40, function values at 168 digits) where ours runs it;
- the interval enclosure of printed - derived at the witness point (mpmath.iv, 60 digits, 120 if the enclosure holds
  0) for every zero test whose witness our verdict encloses;
- the other evaluations our checkers make (Lemma 1's counterexample search at 30 digits, Sec. 4.1's boundedness probe
  at 40 digits), with SymPy's derivatives where they are derivatives.

Not done here, and so work only ours does: nerdamer's second-opinion derivatives and their 64-digit comparison (a
SymPy user has no second CAS to consult); reading the paper's LaTeX and lowering it to scalars (the export did it);
the float arithmetic of the counterexample searches of Lemma 1 and Eq. (12) (under a millisecond); the Newton
optimisation of the synthetic problems behind the assumption checks (numeric, not algebra; about 50 ms). The control flow is ours: where our
zero test found `different` and stopped, the work list stops too. The script checks that its outcome agrees with
ours at each step (zero-test status, finite-difference agreement, values of the other evaluations to the digits
used, enclosure excludes 0) and reports any disagreement.

The last line of stdout is one JSON object: {"sympy", "mpmath", "mpmath_backend", "python", "claims": [{"id",
"seconds", "verdict", "zero_tests", "agrees", "disagreements", "second_opinion_calls_skipped"}], "total_seconds" (the
claims' wall time, after the imports and reading WORK.json), "cpu_seconds" (the same span in CPU time),
"phase_seconds" (that wall time by phase: parse, diff, lambdify, evaluate, enclose, other),
"process_seconds_including_imports"}. A claim's verdict is "different" when one of its zero tests separated the two
sides (a refutation, or the general case of a holds-under claim), else "inconclusive" when one was undecided, else
"equal".
"""

import json
import math
import platform
import re
import sys
import time

T_PROCESS = time.perf_counter()

import mpmath  # noqa: E402
import sympy  # noqa: E402
from mpmath import iv, mp, mpf  # noqa: E402
from sympy.parsing.sympy_parser import parse_expr, rationalize, standard_transformations  # noqa: E402

TRANSFORMATIONS = standard_transformations + (rationalize,)
IDENT = re.compile(r"\b[A-Za-z_][A-Za-z0-9_]*\b(?!\s*\()")
FUNCTIONS = {"exp", "log", "sqrt", "abs", "cos", "sin"}
CONSTANTS = {"e": sympy.E, "pi": sympy.pi}


class Phases:
    """Exclusive time per phase (a nested phase pauses the one it interrupts): parse, diff, lambdify, evaluate."""

    def __init__(self):
        self.seconds = {}
        self.stack = []
        self.mark = 0.0

    def enter(self, name):
        now = time.perf_counter()
        if self.stack:
            top = self.stack[-1]
            self.seconds[top] = self.seconds.get(top, 0.0) + now - self.mark
        self.stack.append(name)
        self.mark = now

    def leave(self):
        now = time.perf_counter()
        top = self.stack.pop()
        self.seconds[top] = self.seconds.get(top, 0.0) + now - self.mark
        self.mark = now


class Peer:
    def __init__(self, work):
        self.phases = Phases()
        self.work = work
        self.tol = work["tolerances"]
        self.exprs = work["exprs"]
        self.derivs = work["derivs"]
        self.points = work["points"]
        self.symbols = {}
        self.parsed = {}
        self.derived = {}
        self.functions = {}

    # --- symbols, parsing, derivatives ---------------------------------------------------------------------------

    def symbol(self, name):
        s = self.symbols.get(name)
        if s is None:
            s = sympy.Symbol(name, real=True)
            self.symbols[name] = s
        return s

    def derivative(self, k):
        """SymPy's derivative k: sympy.diff of the same function with respect to the same variable."""
        d = self.derived.get(k)
        if d is None:
            spec = self.derivs[k]
            f = self.expr(spec["input"])
            self.phases.enter("diff")
            try:
                d = sympy.diff(f, self.symbol(spec["variable"]))
            finally:
                self.phases.leave()
            self.derived[k] = d
        return d

    def call(self, k):
        """DERIV_k(a_1, ..., a_m): derivative k with its symbols s_i replaced by a_i where our checker substituted."""
        names = self.derivs[k]["args"]

        def at(*args):
            d = self.derivative(k)
            subs = {self.symbol(n): a for n, a in zip(names, args) if a != self.symbol(n)}
            extra = d.free_symbols - {self.symbol(n) for n in names}
            if subs and extra:
                raise ValueError(f"derivative {k}: SymPy's form has symbols {extra} beyond ours {names}")
            return d.xreplace(subs) if subs else d

        return at

    def expr(self, i):
        e = self.parsed.get(i)
        if e is None:
            text = self.exprs[i]
            local = {}
            for m in IDENT.finditer(text):
                name = m.group(0)
                if name in CONSTANTS:
                    local[name] = CONSTANTS[name]
                elif name not in FUNCTIONS:
                    local[name] = self.symbol(name)
            for k in re.findall(r"DERIV_(\d+)\(", text):
                local[f"DERIV_{k}"] = self.call(int(k))
            self.phases.enter("parse")
            try:
                e = parse_expr(text, local_dict=local, transformations=TRANSFORMATIONS)
            finally:
                self.phases.leave()
            self.parsed[i] = e
        return e

    def function(self, i):
        """The expression lambdified for mpmath (once per distinct expression), with its symbols' names in order."""
        f = self.functions.get(i)
        if f is None:
            e = self.expr(i)
            syms = sorted(e.free_symbols, key=lambda s: s.name)
            self.phases.enter("lambdify")
            try:
                fn = sympy.lambdify(syms, e, modules="mpmath", cse=True)
            finally:
                self.phases.leave()
            f = (fn, [s.name for s in syms])
            self.functions[i] = f
        return f

    # --- evaluation ------------------------------------------------------------------------------------------------

    def value(self, i, point, digits, converted=None):
        """Expression i at a point (exact decimal strings) with `digits` significant digits; None if not finite/real.
        `converted`: the point's coordinates already read at this precision, by name (filled as they are read)."""
        fn, names = self.function(i)
        self.phases.enter("evaluate")
        try:
            return self._value(fn, names, point, digits, converted)
        finally:
            self.phases.leave()

    @staticmethod
    def _value(fn, names, point, digits, converted):
        with mp.workdps(digits):
            if converted is None:
                converted = {}
            args = []
            for n in names:
                x = converted.get(n)
                if x is None:
                    x = converted[n] = mpf(point[n])
                args.append(x)
            try:
                v = fn(*args)
            except (ZeroDivisionError, ValueError, OverflowError):
                return None
            if isinstance(v, mpmath.mpc):
                if v.imag != 0:
                    return None
                v = v.real
            v = mpf(v)
            return v if mpmath.isfinite(v) else None

    @staticmethod
    def residual(va, vb, digits):
        """log10 of |A - B| / max(|A|, |B|, 1) at `digits` (-inf when exactly 0; None when not evaluable)."""
        if va is None or vb is None:
            return None
        with mp.workdps(digits):
            rel = abs(va - vb) / max(abs(va), abs(vb), mpf(1))
            return -math.inf if rel == 0 else float(mpmath.log10(rel))

    def zero_test(self, ev):
        """The randomized zero test of src/decide/zero-test.ts on SymPy's expressions: returns (status, witness point)."""
        t = self.tol["zeroTest"]
        results = []
        witness = None
        all_equal = True
        skipped = 0
        for pid in ev["points"]:
            p = self.points[pid]
            c128, c64 = {}, {}
            r128 = self.residual(self.value(ev["a"], p, 128, c128), self.value(ev["b"], p, 128, c128), 128)
            r64 = self.residual(self.value(ev["a"], p, 64, c64), self.value(ev["b"], p, 64, c64), 64)
            if r128 is None or r64 is None or r128 == math.inf:
                skipped += 1
                continue
            results.append((pid, r64, r128))
            if not (r128 <= t["equal128"] and r64 <= t["equal64"]):
                all_equal = False
            stable = abs(r64 - r128) <= t["agreeLog10"]
            if witness is None and r128 > t["different128"] and stable:
                witness = pid
        if not results:
            return "inconclusive", None
        if witness is not None:
            return "different", witness
        if all_equal and skipped <= len(ev["points"]) / 4:
            return "equal", None
        return "inconclusive", None

    def enclosure(self, a, b, point):
        """A rigorous enclosure of A - B at the point by mpmath.iv (60 digits, 120 if it holds 0): excludes 0?"""
        self.expr(a), self.expr(b)
        self.phases.enter("enclose")
        try:
            return self._enclosure(a, b, point)
        finally:
            self.phases.leave()

    def _enclosure(self, a, b, point):
        for dps in (60, 120):
            iv.dps = dps
            memo = {}
            x = self.interval(self.expr(a), point, memo) - self.interval(self.expr(b), point, memo)
            if not (x.a <= 0 <= x.b):
                return True
        return False

    def interval(self, e, point, memo):
        hit = memo.get(e)
        if hit is not None:
            return hit
        if e.is_Symbol:
            v = iv.mpf(point[e.name])
        elif e.is_Integer:
            v = iv.mpf(int(e))
        elif e.is_Rational:
            v = iv.mpf(int(e.p)) / iv.mpf(int(e.q))
        elif e is sympy.E:
            v = iv.exp(1)
        elif e.is_Add:
            v = iv.mpf(0)
            for a in e.args:
                v = v + self.interval(a, point, memo)
        elif e.is_Mul:
            v = iv.mpf(1)
            for a in e.args:
                v = v * self.interval(a, point, memo)
        elif e.is_Pow:
            base = self.interval(e.base, point, memo)
            n = e.exp
            if n.is_Integer:
                v = base ** int(n) if n >= 0 else iv.mpf(1) / base ** int(-n)
            elif n.is_Rational and n.q == 2:
                r = iv.sqrt(base)
                v = r ** int(n.p) if n.p >= 0 else iv.mpf(1) / r ** int(-n.p)
            else:
                v = iv.exp(self.interval(n, point, memo) * iv.log(base))
        else:
            f = {sympy.exp: iv.exp, sympy.log: iv.log, sympy.cos: iv.cos, sympy.sin: iv.sin, sympy.Abs: abs}.get(e.func)
            if f is None:
                raise ValueError(f"no interval rule for {e.func}")
            v = f(self.interval(e.args[0], point, memo))
        memo[e] = v
        return v

    def finite_difference(self, ev):
        """The central-difference oracle: log10 of its relative difference to SymPy's derivative at the point."""
        # As src/decide/fd-oracle.ts: f at v +- h to 168 digits, the quotient at 160, rounded to 128.
        with mp.workdps(ev["digits"] + 32):
            h = mpf(ev["step"])
            fp = self.value(ev["f"], self.points[ev["plus"]], ev["evalDigits"])
            fm = self.value(ev["f"], self.points[ev["minus"]], ev["evalDigits"])
            if fp is None or fm is None:
                return None
            fd = (fp - fm) / (2 * h)
        with mp.workdps(ev["digits"]):
            fd = +fd
            d = self.value(ev["ref"], self.points[ev["point"]], ev["digits"])
        return self.residual(fd, d, ev["digits"])

    # --- one claim -------------------------------------------------------------------------------------------------

    def claim(self, c):
        counts = {"equal": 0, "different": 0, "inconclusive": 0}
        disagreements = []
        skipped = 0
        for ev in c["events"]:
            t = ev["t"]
            if t == "diff":
                self.derivative(ev["k"])
            elif t == "second":
                skipped += 1
            elif t == "zt":
                status, witness = self.zero_test(ev)
                counts[status] += 1
                if status != ev["ours"]["status"]:
                    disagreements.append(f"zero test: SymPy {status}, ours {ev['ours']['status']}")
                if ev["enclose"]:
                    w = witness if witness is not None else ev["ours"]["witness"]
                    if not self.enclosure(ev["a"], ev["b"], self.points[w]):
                        disagreements.append("enclosure at the witness contains 0 (ours excludes it)")
            elif t == "fd":
                r = self.finite_difference(ev)
                agrees = r is not None and r <= self.tol["fdOracle"]["agreeLog10"]
                if agrees != ev["ours"]["agrees"]:
                    disagreements.append(f"finite differences: SymPy 10^{r}, ours 10^{ev['ours']['log10Rel']}")
            elif t == "eval":
                v = self.value(ev["e"], self.points[ev["p"]], ev["digits"])
                with mp.workdps(ev["digits"]):
                    ours = mpf(ev["ours"]) if ev["ours"] != "NaN" else None
                r = self.residual(v, ours, ev["digits"]) if (v is not None and ours is not None) else None
                same = (v is None and ours is None) or (r is not None and r <= 10 - ev["digits"])
                if not same:
                    disagreements.append(f"{ev['origin']} evaluation at {ev['digits']} digits: SymPy {v}, ours {ev['ours']}")
            else:
                raise ValueError(f"unknown event {t}")
        verdict = "different" if counts["different"] else "inconclusive" if counts["inconclusive"] else "equal"
        return verdict, counts, disagreements, skipped


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    quiet = "--quiet" in sys.argv
    if len(args) != 1:
        print("usage: python3 bench/peers/sympy_algebra.py WORK.json [--quiet]", file=sys.stderr)
        sys.exit(2)
    with open(args[0], encoding="utf8") as fh:
        work = json.load(fh)
    peer = Peer(work)
    out = []
    total = 0.0
    cpu0 = time.process_time()
    for c in work["claims"]:
        t0 = time.perf_counter()
        peer.phases.enter("other")
        verdict, counts, disagreements, skipped = peer.claim(c)
        peer.phases.leave()
        seconds = time.perf_counter() - t0
        total += seconds
        out.append(
            {
                "id": c["id"],
                "seconds": seconds,
                "verdict": verdict,
                "zero_tests": counts,
                "agrees": not disagreements,
                "disagreements": disagreements[:5],
                "second_opinion_calls_skipped": skipped,
            }
        )
        if not quiet:
            flag = "" if not disagreements else f"  DISAGREES WITH OURS: {'; '.join(disagreements[:3])}"
            print(f"{c['id']:28} {seconds:8.2f} s  {verdict:12} {counts}{flag}", flush=True)
    print(
        json.dumps(
            {
                "sympy": sympy.__version__,
                "mpmath": mpmath.__version__,
                "mpmath_backend": mpmath.libmp.BACKEND,
                "python": platform.python_version(),
                "claims": out,
                "total_seconds": total,
                "cpu_seconds": time.process_time() - cpu0,
                "phase_seconds": peer.phases.seconds,
                "process_seconds_including_imports": time.perf_counter() - T_PROCESS,
            }
        )
    )


if __name__ == "__main__":
    main()
