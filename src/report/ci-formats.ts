/**
 * The verdicts in the formats CI systems read. JUnit XML: one test case per claim; refuted is a failure, holds-under
 * is skipped with the assumption or reading as its message, inconclusive is skipped with its reason, confirmed passes.
 * SARIF 2.1.0: one result per refuted (level error) or holds-under (level warning) claim, located in the paper text by
 * the line its formula or quote stands on, so code-scanning views show it against the paper file.
 */
import type { CheckResult } from '../claims/loaded.ts';
import type { PaperProvenance } from '../paper/paper.ts';
import { conditionTitle, verdictLine } from './conditions.ts';
import { formatLocation } from './location.ts';

/** What both formats say about the run. */
export interface CiRun {
  readonly tool: { readonly name: string; readonly version: string };
  readonly paper: PaperProvenance;
  readonly seed: number;
  /** When the run ended (JUnit's timestamp). */
  readonly finishedAt: Date;
  readonly hostname: string;
}

function xml(text: string): string {
  // XML 1.0 allows tab, newline, carriage return and U+0020 upward (no other control characters).
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The sentence a CI view shows for a verdict: the condition for holds-under, the reason for inconclusive. */
function verdictMessage(r: CheckResult): string {
  const v = r.verdict;
  if (v.status === 'holds-under') return `holds only under ${v.condition.kind} ${conditionTitle(v.condition)}`;
  if (v.status === 'inconclusive') return `inconclusive: ${v.reason}`;
  return verdictLine(v);
}

/** JUnit XML (the Ant/Jenkins schema): a `testsuites` with one `testsuite` of one `testcase` per claim. */
export function renderJunit(results: readonly CheckResult[], run: CiRun): string {
  const failures = results.filter((r) => r.verdict.status === 'refuted').length;
  const skipped = results.filter(
    (r) => r.verdict.status === 'holds-under' || r.verdict.status === 'inconclusive',
  ).length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = results.reduce((s, r) => s + r.millis, 0);
  const cases = results.map((r) => {
    const v = r.verdict;
    const head = `    <testcase name="${xml(r.claim.id)}" classname="claimcheck.${xml(r.claim.kind)}" time="${seconds(r.millis)}"`;
    const where = `${formatLocation(r.claim.location)}: ${r.claim.title}`;
    if (v.status === 'refuted') {
      return `${head}>\n      <failure message="${xml(verdictLine(v))}" type="refuted">${xml(`${where}\n${[verdictLine(v), ...(v.evidence.details ?? [])].join('\n')}`)}</failure>\n    </testcase>`;
    }
    if (v.status === 'holds-under' || v.status === 'inconclusive')
      return `${head}>\n      <skipped message="${xml(verdictMessage(r))}"/>\n    </testcase>`;
    return `${head}/>`;
  });
  const props: [string, string][] = [
    ['paper', run.paper.file],
    ['paper.sha256', run.paper.sha256],
    ['paper.title', run.paper.title],
    ['seed', String(run.seed)],
    ['tool.version', run.tool.version],
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<testsuites>',
    `  <testsuite name="${xml(`${run.tool.name}: ${run.paper.title}`)}" package="${xml(run.tool.name)}" id="0" tests="${results.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(total)}" timestamp="${run.finishedAt.toISOString().slice(0, 19)}" hostname="${xml(run.hostname)}">`,
    '    <properties>',
    ...props.map(([k, v]) => `      <property name="${xml(k)}" value="${xml(v)}"/>`),
    '    </properties>',
    ...cases,
    '    <system-out/>',
    '    <system-err/>',
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/**
 * The paper line a claim is located on: the line of its own equation (the fragment under the equation number of its
 * location), else of its last formula (the printed side; the first ones are often the base it derives from), else of
 * its quote, else the first line.
 */
function lineOf(r: CheckResult): number {
  const located = r.claim.latex.filter((f) => f.line !== undefined);
  const own = located.find(
    (f) => f.at?.equation !== undefined && (f.renumbered ?? f.at.equation) === r.claim.location.equation,
  );
  return own?.line ?? located.at(-1)?.line ?? r.claim.quoteLine ?? 1;
}

/** SARIF 2.1.0: one run of claimcheck; one result per refuted or holds-under claim, located in the paper text. */
export function renderSarif(results: readonly CheckResult[], run: CiRun): string {
  const reported = results.filter((r) => r.verdict.status === 'refuted' || r.verdict.status === 'holds-under');
  const kinds = [...new Set(results.map((r) => r.claim.kind))].sort();
  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: run.tool.name,
            version: run.tool.version,
            rules: kinds.map((kind) => ({
              id: kind,
              shortDescription: { text: `claims checked by the ${kind} checker` },
            })),
          },
        },
        artifacts: [
          { location: { uri: run.paper.file }, length: run.paper.bytes, hashes: { 'sha-256': run.paper.sha256 } },
        ],
        properties: { seed: run.seed, paperTitle: run.paper.title },
        results: reported.map((r) => ({
          ruleId: r.claim.kind,
          ruleIndex: kinds.indexOf(r.claim.kind),
          level: r.verdict.status === 'refuted' ? 'error' : 'warning',
          message: {
            text: `${r.claim.id} (${formatLocation(r.claim.location)}): ${r.verdict.status === 'refuted' ? 'refuted' : verdictMessage(r)}. ${verdictLine(r.verdict)}`,
          },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: run.paper.file, index: 0 },
                region: { startLine: lineOf(r) },
              },
              logicalLocations: [
                {
                  name: r.claim.id,
                  fullyQualifiedName: `${formatLocation(r.claim.location)}/${r.claim.id}`,
                  kind: 'member',
                },
              ],
            },
          ],
          partialFingerprints: { claimId: r.claim.id },
          properties: { verdict: r.verdict.status, category: r.claim.category },
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
