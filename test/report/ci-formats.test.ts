/**
 * Proves the CI formats against their published schemas: `--junit` output validates against the Ant/Jenkins JUnit XSD
 * (xmllint) with one test case per claim, refuted as a failure and holds-under as skipped with its condition as the
 * message; `--sarif` output validates against the SARIF 2.1.0 JSON schema (ajv) with one result per refuted (error)
 * or holds-under (warning) claim, located in the paper file on the line its formula stands on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';
import { renderJunit, renderSarif, type CiRun } from '../../src/report/ci-formats.ts';
import { paperProvenance } from '../../src/paper/paper.ts';
import { paperAt, runChecks } from '../../src/pipeline/run.ts';
import { makeClaim, results } from './fixtures.ts';

const schema = (name: string) => readFileSync(new URL(`./schemas/${name}`, import.meta.url), 'utf8');
const run: CiRun = {
  tool: { name: 'claimcheck', version: '0.1.0' },
  paper: paperProvenance(paperAt()),
  seed: 20210,
  finishedAt: new Date('2026-12-03T12:00:00Z'),
  hostname: 'ci & <host>',
};
// A claim with a formula read from a line of the paper, so SARIF has a real region.
const located = [
  ...results,
  {
    ...results.find((r) => r.verdict.status === 'refuted')!,
    claim: makeClaim({ id: 'located', latex: [{ role: 'rhs', parse: true, printed: 'x', line: 105 }] }),
  },
];

async function junitErrors(xml: string): Promise<string[]> {
  const out = await validateXML({
    xml: [{ fileName: 'claimcheck.xml', contents: xml }],
    schema: [schema('JUnit.xsd')],
  });
  return out.valid ? [] : out.errors.map((e) => e.rawMessage);
}

function sarifErrors(text: string): string[] {
  // Both packages are CommonJS: under ESM their default import is the module, whose `default` is the export.
  const ajv = new ajvDraft04.default({ allErrors: true, strict: false });
  ajvFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(schema('sarif-schema-2.1.0.json')));
  return validate(JSON.parse(text)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('JUnit XML', () => {
  it('validates against the JUnit schema: a test case per claim, refuted fails, holds-under and inconclusive skip', async () => {
    const xml = renderJunit(located, run);
    expect(await junitErrors(xml)).toEqual([]);
    expect(xml.match(/<testcase /g)).toHaveLength(located.length);
    const byStatus = (s: string) => located.filter((r) => r.verdict.status === s).length;
    expect(xml.match(/<failure /g)).toHaveLength(byStatus('refuted'));
    expect(xml.match(/<skipped /g)).toHaveLength(byStatus('holds-under') + byStatus('inconclusive'));
    const holds = located.find((r) => r.verdict.status === 'holds-under')!;
    expect(xml).toMatch(
      new RegExp(
        `<testcase name="${holds.claim.id}"[^>]*>\\s*<skipped message="holds only under (assumption|reading) `,
      ),
    );
    expect(xml).toContain('hostname="ci &amp; &lt;host&gt;"');
    expect(xml).toContain(`<property name="paper.sha256" value="${run.paper.sha256}"/>`);
  });

  it('is refused by the schema when a test case lacks its name (the validation can fail)', async () => {
    expect(
      (await junitErrors(renderJunit(located, run).replace(/<testcase name="[^"]*"/, '<testcase'))).length,
    ).toBeGreaterThan(0);
  });
});

describe('SARIF 2.1.0', () => {
  it('validates against the SARIF schema: one result per refuted or holds-under claim, located in the paper', () => {
    const text = renderSarif(located, run);
    expect(sarifErrors(text)).toEqual([]);
    const log = JSON.parse(text);
    const reported = located.filter((r) => r.verdict.status === 'refuted' || r.verdict.status === 'holds-under');
    expect(log.runs[0].results).toHaveLength(reported.length);
    expect(log.runs[0].results.map((r: { level: string }) => r.level)).toEqual(
      reported.map((r) => (r.verdict.status === 'refuted' ? 'error' : 'warning')),
    );
    const one = log.runs[0].results.find(
      (r: { partialFingerprints: { claimId: string } }) => r.partialFingerprints.claimId === 'located',
    );
    expect(one.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: run.paper.file, index: 0 },
      region: { startLine: 105 },
    });
    expect(log.runs[0].artifacts[0].hashes['sha-256']).toBe(run.paper.sha256);
  });

  it('is refused by the schema when a result has no message (the validation can fail)', () => {
    const log = JSON.parse(renderSarif(located, run));
    delete log.runs[0].results[0].message;
    expect(sarifErrors(JSON.stringify(log)).length).toBeGreaterThan(0);
  });

  it('locates real claims on the lines of the paper their formulas stand on', async () => {
    const real = await runChecks(['eq08-gradient', 'eq09-hessian-at-optimum']);
    const log = JSON.parse(renderSarif(real, run));
    expect(sarifErrors(JSON.stringify(log))).toEqual([]);
    const lines = Object.fromEntries(
      log.runs[0].results.map(
        (r: {
          partialFingerprints: { claimId: string };
          locations: { physicalLocation: { region: { startLine: number } } }[];
        }) => [r.partialFingerprints.claimId, r.locations[0]!.physicalLocation.region.startLine],
      ),
    );
    expect(lines).toEqual({ 'eq08-gradient': 105, 'eq09-hessian-at-optimum': 109 });
  });
});
