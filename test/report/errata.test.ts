import { describe, expect, it } from 'vitest';
import { buildErrata } from '../../src/report/errata.ts';
import { renderErrataJson } from '../../src/report/json.ts';
import { stableJson } from '../../src/fs/json.ts';
import { renderErrataMarkdown } from '../../src/report/markdown.ts';
import { provenance, results } from './fixtures.ts';

describe('buildErrata', () => {
  it('keeps the order of the results, counts verdicts and gives the reproducing command with the run seed', () => {
    const doc = buildErrata(results, provenance);
    expect(doc.claims.map((c) => c.id)).toEqual(['eq07-loss', 'eq08-gradient', 'thm2-sharper', 'tab3-gap']);
    expect(doc.counts).toEqual({ confirmed: 1, refuted: 1, 'holds-under': 1, inconclusive: 1, total: 4 });
    expect(doc.claims[1]!.reproduce).toBe('npx claimcheck check eq08-gradient --seed 20210');
    expect(doc.claims[2]!.transcribed).toBe(true);
    expect(doc.claims[2]!.transcription).toBe('lambda(eps) > lambda(0)');
    expect(doc.claims[0]!.transcription).toBeNull();
  });
});

describe('reproducing commands', () => {
  it('carry the experiment flags for the claims that read measurements, and only for them', () => {
    const doc = buildErrata(results, {
      ...provenance,
      experiments: { setting: 'full', backend: 'auto', claims: ['tab3-gap'], flags: '--setting full --data-dir DIR' },
    });
    expect(doc.claims[3]!.reproduce).toBe('npx claimcheck check tab3-gap --seed 20210 --setting full --data-dir DIR');
    expect(doc.claims[0]!.reproduce).toBe('npx claimcheck check eq07-loss --seed 20210');
    expect(renderErrataMarkdown(results, { ...provenance, experiments: { setting: 'ci', backend: 'wasm' } })).toContain(
      '| experiments | setting ci, backend wasm |',
    );
  });
});

describe('stableJson', () => {
  it('writes non-finite numbers and bigints as strings, with a final newline', () => {
    expect(stableJson({ a: Number.NaN, b: Number.POSITIVE_INFINITY, c: 10n, d: 1 })).toBe(
      '{\n  "a": "NaN",\n  "b": "Infinity",\n  "c": "10",\n  "d": 1\n}\n',
    );
  });
});

describe('renderErrataJson', () => {
  it('is the errata document as JSON, the same bytes every time, with no times or host details', () => {
    const a = renderErrataJson(results, provenance);
    expect(renderErrataJson(results, provenance)).toBe(a);
    const parsed = JSON.parse(a) as { claims: { verdict: { status: string; evidence: { data?: unknown } } }[] };
    expect(parsed.claims.map((c) => c.verdict.status)).toEqual(['confirmed', 'refuted', 'holds-under', 'inconclusive']);
    expect(parsed.claims[1]!.verdict.evidence.data).toEqual({ rel: 0.5, bad: 'NaN' });
    expect(a).not.toMatch(/millis|generatedAt|hostname/);
  });
});

describe('renderErrataMarkdown', () => {
  const md = renderErrataMarkdown(results, provenance);

  it('is the same bytes every time and ends with one newline', () => {
    expect(renderErrataMarkdown(results, provenance)).toBe(md);
    expect(md.endsWith('\n')).toBe(true);
    expect(md.endsWith('\n\n')).toBe(false);
  });

  it('has the title, provenance and counts by verdict', () => {
    expect(
      md.startsWith('# Errata: Adversarial Training Makes Weight Loss Landscape Sharper in Logistic Regression\n'),
    ).toBe(true);
    expect(md).toContain('| tool | claimcheck 0.1.0 |');
    expect(md).toContain('| git commit | 0123456789abcdef0123456789abcdef01234567 |');
    expect(md).toContain('| seed | 20210 |');
    expect(md).toContain('| claims | every claim of the registry |');
    expect(md).toContain('| node | v20.20.2 |');
    expect(md).toContain(
      'primary CAS: mathjs 15.2.0; second opinion: nerdamer 1.1.13; high-precision evaluator: mathjs BigNumber',
    );
    expect(md).toContain('@cortex-js/compute-engine (not installed)');
    for (const line of [
      '| confirmed | 1 |',
      '| refuted | 1 |',
      '| holds-under | 1 |',
      '| inconclusive | 1 |',
      '| total | 4 |',
    ]) {
      expect(md).toContain(line);
    }
    expect(md).not.toMatch(/millis|generatedAt|hostname/);
  });

  it('has a summary row per claim, escaping pipes, with transcribed records marked', () => {
    expect(md).toContain(
      '| [eq07-loss](#claim-eq07-loss) | §3.2, Eq. (8) | confirmed | equal at 12 points: residual ≤ 1e-120 |',
    );
    expect(md).toContain(
      '| [eq08-gradient](#claim-eq08-gradient) | §3.2, Eq. (8) | refuted | differs \\| by a factor of 2 |',
    );
    expect(md).toContain('| [thm2-sharper](#claim-thm2-sharper) [transcribed] | Appendix B, line 3 | holds-under |');
    expect(md).toContain('| [tab3-gap](#claim-tab3-gap) | §5.1, Table 3 | inconclusive | residuals did not separate |');
  });

  it('has a section per claim with printed LaTeX, derived and corrected forms, witness, seed and command', () => {
    for (const id of ['eq07-loss', 'eq08-gradient', 'thm2-sharper', 'tab3-gap']) {
      expect(md).toContain(`### ${id}: title of ${id}`);
      expect(md).toContain(`**Reproduce:** \`npx claimcheck check ${id} --seed 20210\``);
    }
    expect(md).toContain('**Statement.** statement of eq08-gradient');
    expect(md).toContain('$$\n\\frac{\\partial L}{\\partial w_i}\n$$');
    expect(md).toContain('**Derived form:**\n\n$$\n-y x_i \\sigma(z)\n$$');
    expect(md).toContain(
      '**Corrected form** (the same check on the correction: confirmed; equal at 12 points):\n\n$$\n-y x_i \\sigma(-z)\n$$',
    );
    // Witness variables named as symbols render as math ($\\varepsilon$), words stay words.
    expect(md).toContain('| at | w1 = `0.5`, $y$ = `-1`, $\\varepsilon$ = `0.25` |');
    expect(md).toContain('| claimed (as checked) | 0.731 |');
    expect(md).toContain('| found | -0.731 |');
    expect(md).toContain('Seed 222 (derived from run seed 20210 and the claim id).');
    expect(md).toContain('> we use the logistic loss');
    expect(md).toContain('**Builds on:** [`eq07-loss`](#claim-eq07-loss)');
  });

  it('gives the assumption with its source, the three computed results for holds-under, the reason for inconclusive', () => {
    expect(md).toContain(
      '**Holds under the assumption:** the data are linearly separable (stated in the paper: “the data are separable”)',
    );
    expect(md).toContain('**Without the assumption** (where the claim fails):');
    expect(md).toContain('**Under the assumption:** the eigenvalue grows with eps at every constructed point');
    expect(md).toContain('| does it hold where it matters? | no | MNIST2 is separable with margin 0.1 |');
    expect(md).toContain('| what it forces | forced | the optimum has ‖w‖ = ∞ |');
    expect(md).toContain(
      'the assumption fails everywhere it was measured. the eigenvalue grows with eps when w is aligned',
    );
    expect(md).toContain('**Why inconclusive:** the 64- and 128-digit residuals disagree');
  });

  it('marks transcribed records in their section', () => {
    expect(md).toContain('> **[transcribed] Transcribed by hand.**');
    expect(md).toContain('`lambda(eps) > lambda(0)`');
    expect(md.match(/Transcribed by hand/g)).toHaveLength(1);
  });

  it('reports engine agreement from verdict.engines, and its absence', () => {
    expect(md).toContain('| mathjs | yes | derivative matches |');
    expect(md).toContain('| nerdamer | no | wrong chain rule through exp(sqrt) |');
    expect(md).toContain('| finite differences | could not run | not run |');
    expect(md).toContain('No engine comparison was made for this check');
    // Engine details sit in a fold that says what a disagreement means, never in the main text.
    expect(md).toContain('<details><summary>How it was checked: checker, engines, seed</summary>');
    expect(md).toContain('run after the verdict; they do not change it');
    expect(md).toContain('No finite-difference cross-check was run for this claim.');
  });

  it('says when no claim was checked, and when the commit is unknown', () => {
    const empty = renderErrataMarkdown([], { ...provenance, commit: null, dirty: null, selection: ['eq07-loss'] });
    expect(empty).toContain('| claims | only eq07-loss |');
    expect(empty).toContain('No claims were checked.');
    expect(empty).toContain('| git commit | not available |');
    expect(empty).toContain('| total | 0 |');
  });
});
