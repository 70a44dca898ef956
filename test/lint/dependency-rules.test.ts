/**
 * What this proves about .dependency-cruiser.cjs (run in CI by `npm run deps`): on a small tree laid out like src/, it
 * reports an upward import from each kind of floor it guards, an import cycle, an import of another folder's
 * `_internals`, a checker that computes a measurement instead of reading it, and a module outside every floor (importing or imported); on the same tree without them it reports nothing. So the rule that
 * keeps the real tree one-way can fail, and does when the tree breaks it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/fs/repo.ts';

const root = mkdtempSync(join(tmpdir(), 'claimcheck-deps-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  const all: Record<string, string> = {
    'tsconfig.json':
      '{"compilerOptions":{"module":"NodeNext","moduleResolution":"NodeNext","allowImportingTsExtensions":true,"noEmit":true}}',
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

/** The rule names depcruise reports on the tree in `dir` (empty when it passes). */
function violations(dir: string): string[] {
  const bin = join(REPO_ROOT, 'node_modules', '.bin', 'depcruise');
  const config = join(REPO_ROOT, '.dependency-cruiser.cjs');
  let stdout: string;
  try {
    stdout = execFileSync(bin, ['--config', config, '--output-type', 'json', 'src', 'checks'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    stdout = (e as { stdout: string }).stdout;
  }
  const out = JSON.parse(stdout) as { summary: { violations: { rule: { name: string } }[] } };
  return [...new Set(out.summary.violations.map((v) => v.rule.name))].sort();
}

const GOOD = {
  'src/cli/main.ts': "import '../pipeline/run.ts';\n",
  'src/pipeline/run.ts': "import '../report/html.ts';\nimport '../experiments/registry.ts';\n",
  'src/report/html.ts': "import '../experiments/section.ts';\n",
  'src/experiments/registry.ts': "import './section.ts';\nimport '../numeric/vector.ts';\n",
  'src/experiments/section.ts': 'export const s = 1;\n',
  'src/numeric/vector.ts': "import '../errors.ts';\nimport './_internals/linear.ts';\n",
  'src/numeric/_internals/linear.ts': 'export const l = 1;\n',
  'src/errors.ts': "import './settings.ts';\n",
  'src/settings.ts': 'export const s = 1;\n',
  'src/experiments/mnist2/hessian.ts': "import '../../numeric/vector.ts';\n",
  'src/experiments/mnist2/measurement-schemas.ts': 'export const m = 1;\n',
  'checks/sharpness.ts': "import '../src/experiments/mnist2/measurement-schemas.ts';\n",
};

describe('the dependency rules', () => {
  it('pass a one-way tree', () => {
    expect(violations(tree('good', GOOD))).toEqual([]);
  });

  it('report upward imports, cycles, private folders used from outside and modules on no floor', () => {
    const bad = tree('bad', {
      ...GOOD,
      'src/errors.ts': "import './pipeline/run.ts';\n",
      'src/experiments/section.ts': "import '../report/html.ts';\n",
      'src/cli/a.ts': "import './b.ts';\n",
      'src/cli/b.ts': "import './a.ts';\n",
      'src/experiments/plot.ts': "import '../numeric/_internals/linear.ts';\n",
      'src/elsewhere/x.ts': "import '../errors.ts';\n",
      'checks/measures.ts': "import '../src/experiments/mnist2/hessian.ts';\n",
      'src/pipeline/leaf-user.ts': "import '../elsewhere/leaf.ts';\n",
      'src/elsewhere/leaf.ts': 'export const leaf = 1;\n',
    });
    expect(violations(bad)).toEqual([
      'checks-read-measurements',
      'imports-a-floor',
      'no-cycle',
      'no-private-from-outside',
      'no-upward-from-experiments',
      'no-upward-from-foundations',
      'on-a-floor',
    ]);
  });
});
