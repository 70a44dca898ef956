/**
 * What a condition forces: each declared consequence is zero-tested at points built to satisfy the condition, so a
 * `holds-under` verdict reports computed facts about its assumption, not prose.
 */
import type { Variable } from '../claims/schema.ts';
import type { Engines } from '../engines/types.ts';
import type { Evidence } from '../claims/verdict.ts';
import { compareForms } from './compare.ts';
import { expandConstruction, type Construction } from './sampler.ts';

export interface ConditionSpec {
  readonly constructions: readonly Construction[];
  readonly consequences: readonly { readonly statement: string; readonly lhs: string; readonly rhs: string }[];
}

function expandPattern(p: string, d: number, N: number): string {
  // A consequence pattern is summed over nothing: `{n}` means point 1 … N, each checked (joined by a product of squares).
  const per = expandConstruction({ target: '_', expr: p }, d, 1);
  void N;
  return per[0]!.expr;
}

/** Zero-tests every consequence of a condition; returns evidence listing which hold at every constructed point. */
export function conditionEvidence(
  spec: ConditionSpec,
  variables: readonly Variable[],
  engines: Engines,
  seed: number,
): Evidence {
  const details: string[] = [];
  const data: Record<string, string> = {};
  for (const c of spec.consequences) {
    const outcome = compareForms(
      {
        variables,
        dims: [2, 3],
        points: [2, 3],
        indices: [],
        build: (inst) => {
          const terms = Array.from({ length: inst.N }, (_, k) => k + 1);
          const lhs = terms
            .map(
              (n) =>
                `(${expandPattern(c.lhs.replaceAll('{n}', String(n)), inst.d, inst.N)} - (${expandPattern(c.rhs.replaceAll('{n}', String(n)), inst.d, inst.N)}))^2`,
            )
            .join(' + ');
          return [lhs, '0'];
        },
        constructions: spec.constructions,
        seed,
        label: `consequence:${c.statement}`,
      },
      engines,
    );
    data[c.statement] = outcome.status;
    details.push(
      `${outcome.status === 'equal' ? 'forced' : outcome.status === 'different' ? 'NOT forced' : 'undecided'}: ${c.statement}`,
    );
  }
  const forced = spec.consequences.filter((c) => data[c.statement] === 'equal').map((c) => c.statement);
  return {
    summary:
      forced.length > 0
        ? `the condition forces ${forced.join('; ')}`
        : 'no consequence of the condition was established',
    details,
    data,
  };
}
