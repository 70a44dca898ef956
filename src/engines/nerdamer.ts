/**
 * nerdamer as a second symbolic opinion. Kept inside this one adapter because it mutates the global object on load
 * and because it is known to be wrong: its chain rule through exp(sqrt(…)) gives a fourth root (engines.md), and its
 * JS API replaces `e` by a rational approximation (325368125/119696244), so its outputs are good to ~1e-16 only.
 * Symbols are renamed to letters-only names on the way in (nerdamer misreads `x_1_2`) and back on the way out.
 */
import { createRequire } from 'node:module';
import { parseMathjs } from './mathjs.ts';
import type { SymbolicEngine } from './types.ts';

interface NerdamerExpression {
  toString(): string;
}
interface NerdamerModule {
  (expr: string): NerdamerExpression;
  diff(expr: string, variable: string): NerdamerExpression;
  version(): string;
}

const require = createRequire(import.meta.url);
let loaded: NerdamerModule | undefined;

function nerdamer(): NerdamerModule {
  if (!loaded) {
    loaded = require('nerdamer') as NerdamerModule;
    require('nerdamer/Calculus');
  }
  return loaded;
}

function letters(i: number): string {
  let s = '';
  let k = i;
  do {
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return `z${s}`;
}

const FUNCTIONS = new Set(['exp', 'log', 'sqrt', 'abs', 'sin', 'cos', 'tan']);

/** Renames every free symbol of a mathjs expression to a letters-only name; returns the rewritten string and map. */
function rename(expr: string): { text: string; back: Map<string, string>; forward: Map<string, string> } {
  const node = parseMathjs(expr);
  const forward = new Map<string, string>();
  const back = new Map<string, string>();
  const renamed = node.transform((n) => {
    if ('name' in n && n.type === 'SymbolNode' && !FUNCTIONS.has(String(n.name))) {
      const name = String(n.name);
      let alias = forward.get(name);
      if (!alias) {
        alias = letters(forward.size);
        forward.set(name, alias);
        back.set(alias, name);
      }
      return parseMathjs(alias);
    }
    return n;
  });
  return { text: renamed.toString(), back, forward };
}

// nerdamer's diff is a pure function of its input (30–300 ms each); the Hessian checks ask for the same one many times.
const derivativeCache = new Map<string, string>();

/** nerdamer's derivative, renamed back to the caller's symbols, in a syntax mathjs parses. */
export const nerdamerEngine: SymbolicEngine = {
  name: 'nerdamer',
  get version() {
    return nerdamer().version();
  },
  derivative(expr: string, variable: string): string {
    const key = `${variable}\u0000${expr}`;
    const hit = derivativeCache.get(key);
    if (hit !== undefined) return hit;
    const { text, back, forward } = rename(expr);
    const alias = forward.get(variable);
    if (!alias) return '0';
    const out = nerdamer()
      .diff(text, alias)
      .toString()
      .replace(/\bz[a-z]+\b/g, (m) => back.get(m) ?? m);
    if (derivativeCache.size > 2000) derivativeCache.clear();
    derivativeCache.set(key, out);
    return out;
  },
};
