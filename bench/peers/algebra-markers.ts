/**
 * How the work list of bench/peers/export-algebra.ts names a derivative inside an expression, and how it writes an
 * expression for SymPy.
 *
 * A derivative that our mathjs engine returns to a checker is wrapped in a marker that carries its free symbols:
 *
 *     __DV7__(<mathjs derivative>)__ARGS__~~w_1()~~~~x_1_1()~~__END7__
 *
 * The checkers treat expressions as text: they embed a derivative in larger expressions and substitute symbols by
 * whole-word replacement (`substitute`, src/decide/formula.ts; the limit κ → 0 of src/latex/lower.ts). Such a
 * replacement reaches the `~~s()~~` items exactly as it reaches the derivative, so after it the items say what each
 * of the derivative's symbols became (`~~(ws_1)()~~`). The `()` keeps the items out of `scalarSymbols`, which decides
 * the coordinates that are sampled, and since the items are the derivative's own symbols, a substitution adds no
 * symbol the derivative does not show: the checker samples the same coordinates with markers as without. Before any
 * engine sees a string, `stripMarkers` puts back the derivative the marker wraps, so what is computed is unchanged.
 * For the peer, `markersAsCalls` writes a marker as the call `DERIV_7(w_1, x_1_1)`: the peer's own derivative 7 with
 * its symbols replaced by the call's arguments.
 */
import { all, create, type MathNode } from 'mathjs';
import { scalarSymbols } from '../../src/decide/formula.ts';

const MARKER = /__DV(\d+)__\(([\s\S]*?)\)__ARGS__([\s\S]*?)__END\1__/g;
const MARKER_ARG = /~~([\s\S]*?)\(\)~~/g;

/** Derivative `k`'s mathjs form wrapped in a marker that carries its free symbols. */
export function markDerivative(k: number, derivative: string): string {
  const args = scalarSymbols(derivative)
    .map((s) => `~~${s}()~~`)
    .join('');
  return `__DV${k}__(${derivative})__ARGS__${args}__END${k}__`;
}

/** The string with every marker replaced by the (possibly substituted) derivative it wraps: what mathjs evaluates. */
export function stripMarkers(expr: string): string {
  return expr.includes('__DV') ? expr.replace(MARKER, (_m, _k, body: string) => body) : expr;
}

/** The string with every marker replaced by the call `DERIV_k(a_1, …, a_m)` of its (possibly substituted) symbols. */
export function markersAsCalls(expr: string): string {
  return expr.replace(MARKER, (_m, k: string, _body, args: string) => {
    const items = [...args.matchAll(MARKER_ARG)].map((a) => a[1]!);
    return `DERIV_${k}(${items.join(', ')})`;
  });
}

// Parsing with BigNumbers keeps every decimal literal exact when the expression is printed again.
const printer = create(all, { number: 'BigNumber', precision: 400 });

/**
 * A mathjs-syntax expression (markers allowed) in Python syntax for SymPy's `parse_expr`: markers as calls, printed
 * again by mathjs with only the parentheses precedence needs (as one would write it for SymPy; the checkers' strings
 * wrap every operand), `^` as `**`. mathjs and Python agree on the precedence and associativity of + − * / and unary
 * minus, and on `**`/`^` binding tighter than unary minus and to the right; the literals are printed exactly.
 */
export function toSympySyntax(expr: string): string {
  const node: MathNode = printer.parse(markersAsCalls(expr));
  return node.toString({ parenthesis: 'auto', implicit: 'show' }).replaceAll('^', '**');
}
