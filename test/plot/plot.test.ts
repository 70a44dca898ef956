/**
 * The SVG plotting module: well-formed, self-contained, deterministic SVG with the expected elements, nice ticks and
 * fixed-precision numbers; text fitted to a width; line charts (bands, markers, gaps, log y axes), small multiples
 * (shared legend and y range, and in pieces: one SVG per panel and the legend) and PNG.
 */
import { describe, expect, it } from 'vitest';
import { formatTick, niceDomain, niceTicks } from '../../src/plot/scale.ts';
import { lineChart } from '../../src/plot/line-chart.ts';
import { type LineChartSpec } from '../../src/plot/chart-spec.ts';
import { smallMultiples, smallMultiplesParts } from '../../src/plot/small-multiples.ts';
import { sequentialColor } from '../../src/plot/colors.ts';
import { escapeXml, fitLines, fmt, textWidth } from '../../src/plot/svg.ts';
import { svgToPng } from '../../src/plot/png.ts';
import { externalReferences, numberFormatProblems, parseXml } from './xml.ts';

const xs = Array.from({ length: 21 }, (_, i) => -1 + i / 10);
const spec: LineChartSpec = {
  title: 'Landscape <test> & "quotes"',
  subtitle: 'five directions',
  x: { label: 'α' },
  y: { label: 'loss', unit: 'nats' },
  series: [0, 0.5, 1].map((e, k) => ({
    label: `ε = ${e}`,
    x: xs,
    y: xs.map((a) => 0.1 + (1 + e) * a * a),
    band: { lo: xs.map((a) => 0.1 + (0.9 + e) * a * a), hi: xs.map((a) => 0.1 + (1.1 + e) * a * a) },
    color: sequentialColor(k / 2),
  })),
  legendTitle: 'ε',
  note: 'band: min–max over directions',
};

describe('scale', () => {
  it('nice ticks are 1, 2, 2.5 or 5 × 10^k inside the domain, and 0 is exactly 0', () => {
    expect(niceTicks(0, 1, 5).values).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-1, 1, 6).values).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(niceTicks(0, 76.5, 5).values).toEqual([0, 20, 40, 60]);
    expect(niceTicks(3e-9, 2.1e-8, 4).step).toBeCloseTo(5e-9, 20);
    expect(niceDomain(0.013, 0.87)).toEqual([0, 1]);
  });

  it('a degenerate domain is widened instead of dividing by zero', () => {
    expect(niceTicks(2, 2).values.length).toBeGreaterThan(1);
    expect(niceDomain(0, 0)).toEqual([-1, 1]);
  });

  it('tick labels carry the precision their step needs', () => {
    expect(formatTick(0.25, 0.25)).toBe('0.25');
    expect(formatTick(-1, 0.5)).toBe('-1.0');
    expect(formatTick(1200, 200)).toBe('1200');
    expect(formatTick(2.5e-9, 5e-10)).toBe('2.5e-9');
  });

  it('fmt prints fixed precision without trailing zeros or -0, and refuses non-finite numbers', () => {
    expect(fmt(12.5)).toBe('12.5');
    expect(fmt(-0.0001)).toBe('0');
    expect(fmt(3.14159, 3)).toBe('3.142');
    expect(() => fmt(Number.NaN)).toThrow(/finite/);
    expect(escapeXml('<a & "b">')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
  });
});

describe('lineChart', () => {
  const svg = lineChart(spec);

  it('is well-formed, self-contained SVG with numbers at fixed precision', () => {
    const { elements } = parseXml(svg);
    expect(elements[0]).toBe('svg');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(externalReferences(svg)).toEqual([]);
    expect(numberFormatProblems(svg)).toEqual([]);
    expect(svg).toContain('<title>Landscape &lt;test&gt; &amp; &quot;quotes&quot;</title>');
  });

  it('draws one group per series with its line, band and markers, a legend, axis titles with units and the note', () => {
    expect(svg.match(/class="series"/g)).toHaveLength(3);
    expect(svg).toContain('data-series="ε = 0.5"');
    expect(svg.match(/class="band"/g)).toHaveLength(3);
    expect(svg.match(/class="line"/g)).toHaveLength(3);
    expect(svg.match(/class="legend-item"/g)).toHaveLength(3);
    expect(svg).toContain('loss [nats]');
    expect(svg).toContain('band: min–max over directions');
    // ⌈21/12⌉ = 2: markers at 0, 2, …, 20 → 11 per series (default circle, square, triangle by index).
    const first = svg.slice(svg.indexOf('data-series="ε = 0"'), svg.indexOf('data-series="ε = 0.5"'));
    expect(first.match(/<circle/g)).toHaveLength(11);
  });

  it('is deterministic: the same spec gives the same bytes, and a changed value changes them', () => {
    expect(lineChart(structuredClone(spec))).toBe(svg);
    const changed = {
      ...spec,
      series: [{ ...spec.series[0]!, y: spec.series[0]!.y.map((v, i) => (i === 3 ? v + 0.5 : v)) }],
    };
    expect(lineChart(changed)).not.toBe(svg);
  });

  it('breaks the line at non-finite points instead of printing NaN', () => {
    const y = xs.map((a, i) => (i === 10 ? Number.NaN : a * a));
    const out = lineChart({
      title: 'gap',
      x: { label: 'x' },
      y: { label: 'y' },
      series: [{ label: 's', x: xs, y, marker: 'none' }],
    });
    parseXml(out);
    expect(numberFormatProblems(out)).toEqual([]);
    const d = /class="series"[^>]*><path d="([^"]*)"/.exec(out)![1]!;
    expect(d.match(/M/g)).toHaveLength(2);
  });

  it('names the series and the problem when lengths disagree', () => {
    expect(() =>
      lineChart({ title: 't', x: { label: 'x' }, y: { label: 'y' }, series: [{ label: 'bad', x: [1, 2], y: [1] }] }),
    ).toThrow(/series "bad" has 2 x values but 1 y values/);
  });
});

describe('smallMultiples', () => {
  const panels: LineChartSpec[] = [
    { ...spec, title: '(a) left' },
    { ...spec, title: '(b) right', series: spec.series.map((s) => ({ ...s, y: s.y.map((v) => 3 * v) })) },
  ];
  const svg = smallMultiples({ title: 'Two panels', panels, columns: 2, shareY: true, legendTitle: 'ε' });

  it('is well-formed and holds one panel per spec, with one shared legend entry per distinct label', () => {
    parseXml(svg);
    expect(externalReferences(svg)).toEqual([]);
    expect(svg.match(/class="panel"/g)).toHaveLength(2);
    expect(svg.match(/class="legend-item"/g)).toHaveLength(3);
    expect(svg.match(/<clipPath id="/g)).toHaveLength(2);
    const ids = [...svg.matchAll(/<clipPath id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(2);
  });

  it('shares the y range: both panels print the same y tick labels', () => {
    const tickSets = svg
      .split('class="panel"')
      .slice(1)
      .map((p) => [...p.matchAll(/text-anchor="end" font-size="11">([^<]+)</g)].map((m) => m[1]).join(','));
    expect(tickSets[0]).toBe(tickSets[1]);
    expect(smallMultiples({ title: 'Two panels', panels, columns: 2, shareY: true, legendTitle: 'ε' })).toBe(svg);
  });
});

describe('fitLines', () => {
  const text = 'Fig. 5 (re-measured): weight loss landscape, L∞ PGD with large ε, MNIST2';

  it('returns text that fits as one line, unchanged', () => {
    expect(fitLines(text, 15, 1000, { weight: 'bold' })).toEqual([text]);
  });

  it('breaks at spaces into lines that each fit, keeping every word when two lines hold them', () => {
    const lines = fitLines(text, 15, 440, { weight: 'bold' });
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(textWidth(l, 15, 'bold')).toBeLessThanOrEqual(440);
    expect(lines.join(' ')).toBe(text);
  });

  it('cuts what does not fit on the last line with "…", a single long word too', () => {
    const lines = fitLines(text, 15, 200, { weight: 'bold' });
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const l of lines) expect(textWidth(l, 15, 'bold')).toBeLessThanOrEqual(200);
    expect(fitLines('x'.repeat(100), 10, 60, { maxLines: 1 })).toEqual([`${'x'.repeat(9)}…`]);
  });
});

describe('log y axis', () => {
  const decay = xs.map((a) => 10 ** (-3 * (a + 1)));
  const out = lineChart({
    title: 'density',
    x: { label: 'λ' },
    y: { label: 'density', scale: 'log' },
    series: [{ label: 'ρ', x: xs, y: decay.map((v, i) => (i === 5 ? 0 : v)), marker: 'none' }],
  });

  it('puts the ticks at powers of ten, labelled 10ᵏ (every other one past 5 decades), over whole decades of the data', () => {
    parseXml(out);
    expect(numberFormatProblems(out)).toEqual([]);
    const ticks = [...out.matchAll(/text-anchor="end" font-size="11">([^<]+)</g)].map((m) => m[1]);
    expect(ticks).toEqual(['10⁻⁶', '10⁻⁴', '10⁻²', '1']);
  });

  it('breaks the line at values ≤ 0 (no logarithm) instead of printing NaN', () => {
    const d = /class="series"[^>]*><path d="([^"]*)"/.exec(out)![1]!;
    expect(d.match(/M/g)).toHaveLength(2);
  });

  it('takes a domain in data units', () => {
    const clipped = lineChart({
      title: 'density',
      x: { label: 'λ' },
      y: { label: 'density', scale: 'log', domain: [1e-2, 1] },
      series: [{ label: 'ρ', x: xs, y: decay, marker: 'none' }],
    });
    const ticks = [...clipped.matchAll(/text-anchor="end" font-size="11">([^<]+)</g)].map((m) => m[1]);
    expect(ticks).toEqual(['10⁻²', '10⁻¹', '1']);
  });
});

describe('smallMultiplesParts', () => {
  const panels: LineChartSpec[] = [
    { ...spec, title: '(a) left' },
    { ...spec, title: '(b) right', series: spec.series.map((s) => ({ ...s, y: s.y.map((v) => 3 * v) })) },
    { ...spec, title: '(c) third' },
  ];
  const multi = { title: 'Three panels', note: 'n', panels, columns: 3, shareY: true, legendTitle: 'ε' };
  const parts = smallMultiplesParts(multi);
  const whole = smallMultiples(multi);

  it('gives one self-contained SVG per panel and the shared legend, with the title and note as text', () => {
    expect(parts.title).toBe('Three panels');
    expect(parts.note).toBe('n');
    expect(parts.panels).toHaveLength(3);
    for (const svg of [...parts.panels, parts.legend!]) {
      parseXml(svg);
      expect(externalReferences(svg)).toEqual([]);
    }
    expect(parts.panels[1]).toContain('<title>(b) right</title>');
    expect(parts.legend!.match(/class="legend-item"/g)).toHaveLength(3);
    expect(parts.panels[0]!.match(/class="legend-item"/g)).toBeNull();
  });

  it('draws each panel as in the whole figure: same size and the shared y range', () => {
    const ticksOf = (svg: string): string =>
      [...svg.matchAll(/text-anchor="end" font-size="11">([^<]+)</g)].map((m) => m[1]).join(',');
    const wholeTicks = whole
      .split('class="panel"')
      .slice(1)
      .map((p) => ticksOf(p));
    expect(parts.panels.map(ticksOf)).toEqual(wholeTicks);
    for (const p of parts.panels) expect(p).toMatch(/^<svg[^>]* width="420" height="320"/);
    expect(smallMultiplesParts(structuredClone(multi))).toEqual(parts);
  });
});

describe('svgToPng', () => {
  it('rasterises to PNG bytes, the same bytes twice, or says why it cannot', async () => {
    const svg = lineChart({ ...spec, width: 320, height: 200 });
    const a = await svgToPng(svg);
    if (!a.ok) {
      expect(a.reason).toMatch(/resvg/);
      return;
    }
    expect(Array.from(a.png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const b = await svgToPng(svg);
    expect(b.ok && Buffer.from(b.png).equals(Buffer.from(a.png))).toBe(true);
  });
});
