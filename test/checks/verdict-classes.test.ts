/**
 * Every checker kind declares at least `confirmed` and `refuted`, and has a test file that passes its verdicts through
 * `verdictClasses('<kind>')` (or `recorded('<kind>', …)`), which fails that file unless each declared class (but
 * `inconclusive`) is reached.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkers } from '../../checks/index.ts';

const dir = import.meta.dirname;
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .join('\n');

describe('verdict classes of every checker kind', () => {
  it.each(checkers.map((c) => [c.kind, c] as const))(
    '%s declares confirmed and refuted and has a coverage recorder',
    (kind, c) => {
      expect(c.verdicts).toContain('confirmed');
      expect(c.verdicts).toContain('refuted');
      expect(
        sources.includes(`verdictClasses('${kind}')`) || sources.includes(`recorded('${kind}',`),
        `a test file records the verdicts of ${kind}`,
      ).toBe(true);
    },
  );
});
