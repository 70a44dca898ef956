import { describe, expect, it } from 'vitest';
import { binaryDatasetFromImages, makeDataset, parameterCount, perturbDataset } from '../../src/numeric/dataset.ts';
import { BadArgumentError, DimensionMismatchError } from '../../src/numeric/errors.ts';

describe('makeDataset', () => {
  it('copies row-major features and ±1 labels into Float64Arrays', () => {
    const X = [1, 2, 3, 4, 5, 6];
    const ds = makeDataset(X, [1, -1], 2, 3);
    X[0] = 99;
    expect(ds.X).toEqual(Float64Array.from([1, 2, 3, 4, 5, 6]));
    expect(ds.y).toEqual(Float64Array.from([1, -1]));
    expect([ds.n, ds.d]).toEqual([2, 3]);
    expect(parameterCount(ds)).toBe(3);
    expect(parameterCount(ds, { bias: true })).toBe(4);
  });

  it('rejects wrong lengths, non-finite entries and labels other than ±1, naming function, argument and value', () => {
    expect(() => makeDataset([1, 2, 3], [1], 1, 2)).toThrow(DimensionMismatchError);
    expect(() => makeDataset([1, 2, 3], [1], 1, 2)).toThrow(/makeDataset: X must have length n·d = 2, got length 3/);
    expect(() => makeDataset([1, NaN], [1], 1, 2)).toThrow(/makeDataset: X\[1\] must be finite, got NaN/);
    expect(() => makeDataset([1, 2], [0], 1, 2)).toThrow(BadArgumentError);
    expect(() => makeDataset([1, 2], [0], 1, 2)).toThrow(/y\[0\] must be exactly −1 or \+1, got 0/);
  });
});

describe('perturbDataset', () => {
  it('returns z = x + η with the same labels and checks η’s length', () => {
    const ds = makeDataset([0, 1, 2, 3], [1, -1], 2, 2);
    const z = perturbDataset(ds, Float64Array.from([0.5, 0.5, -1, 0]));
    expect(z.X).toEqual(Float64Array.from([0.5, 1.5, 1, 3]));
    expect(z.y).toBe(ds.y);
    expect(() => perturbDataset(ds, new Float64Array(3))).toThrow(/perturbDataset: eta must have length n·d = 4/);
  });
});

describe('binaryDatasetFromImages', () => {
  it('keeps the two classes in file order, labels positive +1 / negative −1 and scales pixels by 1/255', () => {
    const images = Uint8Array.from([0, 255, 10, 20, 255, 0, 51, 102]);
    const labels = Uint8Array.from([1, 7, 0, 1]);
    const ds = binaryDatasetFromImages(images, labels, 2, { negative: 0, positive: 1 });
    expect(ds.n).toBe(3);
    expect(Array.from(ds.y)).toEqual([1, -1, 1]);
    expect(Array.from(ds.X)).toEqual([0, 1, 1, 0, 0.2, 0.4]);
    const limited = binaryDatasetFromImages(images, labels, 2, { negative: 0, positive: 1, limit: 2 });
    expect(limited.n).toBe(2);
  });

  it('rejects mismatched lengths and equal classes', () => {
    expect(() =>
      binaryDatasetFromImages(new Uint8Array(3), new Uint8Array(2), 2, { negative: 0, positive: 1 }),
    ).toThrow(DimensionMismatchError);
    expect(() =>
      binaryDatasetFromImages(new Uint8Array(4), new Uint8Array(2), 2, { negative: 1, positive: 1 }),
    ).toThrow(/options.positive/);
  });
});
