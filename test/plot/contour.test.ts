/**
 * Marching squares and the contour plot: iso-lines lie on the level set (a cone's circles, within the grid's
 * interpolation error), saddles are resolved by the centre, and the SVG is well-formed and deterministic.
 */
import { describe, expect, it } from 'vitest';
import { contourLevels, contourPlot, marchingSquares } from '../../src/plot/contour.ts';
import { externalReferences, numberFormatProblems, parseXml } from './xml.ts';

const grid = Array.from({ length: 41 }, (_, i) => -1 + i / 20);
const cone = grid.map((y) => grid.map((x) => Math.hypot(x, y)));

describe('marchingSquares', () => {
  it('traces the circle r = 0.5 of the cone z = √(x² + y²): every end point at distance 0.5', () => {
    const segs = marchingSquares(grid, grid, cone, 0.5);
    expect(segs.length).toBeGreaterThan(40);
    for (const s of segs) {
      expect(Math.abs(Math.hypot(s.x1, s.y1) - 0.5)).toBeLessThan(2e-3);
      expect(Math.abs(Math.hypot(s.x2, s.y2) - 0.5)).toBeLessThan(2e-3);
    }
  });

  it('finds no segment for a level outside the range, and skips cells with a non-finite corner', () => {
    expect(marchingSquares(grid, grid, cone, 5)).toEqual([]);
    const hole = (ih: number, jh: number) =>
      cone.map((row, j) => row.map((v, i) => (i === ih && j === jh ? Number.NaN : v)));
    const full = marchingSquares(grid, grid, cone, 0.5).length;
    // A hole far from the circle changes nothing; a hole on it (x = 0, y = 0.5) drops the two cells beside it.
    expect(marchingSquares(grid, grid, hole(20, 38), 0.5).length).toBe(full);
    const onCircle = marchingSquares(grid, grid, hole(20, 30), 0.5);
    expect(onCircle.length).toBe(full - 2);
    expect(onCircle.every((s) => Number.isFinite(s.x1 + s.y1 + s.x2 + s.y2))).toBe(true);
  });

  it('resolves a saddle cell by the centre average: two segments that separate the low corners when the centre is high', () => {
    // Corners (0,0)=1, (1,0)=0, (1,1)=1, (0,1)=0: case 5, centre 0.5 ≥ 0.4 → the high corners connect.
    const segs = marchingSquares(
      [0, 1],
      [0, 1],
      [
        [1, 0],
        [0, 1],
      ],
      0.4,
    );
    expect(segs).toHaveLength(2);
    const cutsAroundLow = segs.every(
      (s) =>
        (s.x1 > 0.5 && s.y2 < 0.5) ||
        (s.x1 < 0.5 && s.y2 > 0.5) ||
        (s.y1 < 0.5 && s.x2 > 0.5) ||
        (s.y1 > 0.5 && s.x2 < 0.5),
    );
    expect(cutsAroundLow).toBe(true);
  });

  it('names the argument when the grid is malformed', () => {
    expect(() => marchingSquares([0, 1], [0, 1], [[1, 2]], 0.5)).toThrow(/z must have ys.length = 2 rows/);
    expect(() =>
      marchingSquares(
        [1, 0],
        [0, 1],
        [
          [1, 2],
          [3, 4],
        ],
        0.5,
      ),
    ).toThrow(/xs must increase strictly/);
  });
});

describe('contourPlot', () => {
  const spec = {
    title: 'cone',
    x: { label: 'α' },
    y: { label: 'β' },
    xs: grid,
    ys: grid,
    z: cone,
    zLabel: 'loss',
    marker: { x: 0, y: 0, label: 'w*' },
  };

  it('is well-formed, self-contained SVG with one path per level inside the data range', () => {
    const svg = contourPlot(spec);
    parseXml(svg);
    expect(externalReferences(svg)).toEqual([]);
    expect(numberFormatProblems(svg)).toEqual([]);
    const levels = contourLevels(spec);
    expect(levels.every((l) => l > 0 && l < Math.SQRT2)).toBe(true);
    expect(svg.match(/class="contour"/g)).toHaveLength(levels.length);
    expect(svg).toContain('class="marker"');
  });

  it('is deterministic and honours explicit levels', () => {
    expect(contourPlot(structuredClone(spec))).toBe(contourPlot(spec));
    const svg = contourPlot({ ...spec, levels: [0.25, 0.75] });
    expect(svg.match(/class="contour"/g)).toHaveLength(2);
  });
});
