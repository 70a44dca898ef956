/**
 * Holds a checker's tests to the classes it declares: `verdictClasses(kind)` returns a recorder to pass every verdict
 * of the file through, and after the file's tests it asserts that each declared class but `inconclusive` was reached
 * with constructed inputs. test/checks/verdict-classes.test.ts asserts that every registered kind has such a file.
 */
import { afterAll, expect } from 'vitest';
import { checkers } from '../../checks/index.ts';
import type { Verdict, VerdictStatus } from '../../src/claims/verdict.ts';

/** A recorder of the verdict classes reached in this test file for `kind`. */
export function verdictClasses(kind: string): <V extends Verdict>(v: V) => V {
  const checker = checkers.find((c) => c.kind === kind);
  if (!checker) throw new Error(`verdictClasses: no checker of kind ${kind}`);
  const seen = new Set<VerdictStatus>();
  afterAll(() => {
    const required: VerdictStatus[] = checker.verdicts.filter((s) => s !== 'inconclusive');
    expect(
      [...seen].filter((s) => required.includes(s)).sort(),
      `verdict classes of ${kind} reached by constructed inputs`,
    ).toEqual([...required].sort());
  });
  return (v) => {
    seen.add(v.status);
    return v;
  };
}

/** `run` with every verdict it returns passed through `verdictClasses(kind)`. */
export function recorded<A extends unknown[]>(
  kind: string,
  run: (...args: A) => Promise<Verdict>,
): (...args: A) => Promise<Verdict> {
  const reach = verdictClasses(kind);
  return async (...args: A) => reach(await run(...args));
}
