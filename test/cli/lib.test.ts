import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { CHECK_FAULT_SUGGESTION, ClaimcheckError, ERROR_KINDS, type ErrorCode } from '../../src/errors.ts';
import {
  BadArgumentError,
  DimensionMismatchError,
  NonDifferentiableError,
  NumericError,
} from '../../src/numeric/errors.ts';
import { asCheckFailure, exitCodeFor, formatError, EXIT } from '../../src/cli/exit.ts';
import { CheckOptionsSchema, ReportOptionsSchema, parseOptions } from '../../src/cli/options.ts';
import { createProgress, formatProgressLine } from '../../src/cli/progress.ts';
import { backendOf, experimentRunOptions, reproduceFlags } from '../../src/cli/experiment-options.ts';

describe('exit codes', () => {
  it('maps bad usage and bad input to 2, a check that could not run to 1', () => {
    for (const code of [
      'UNKNOWN_CLAIM',
      'INVALID_RECORD',
      'UNPARSABLE_LATEX',
      'UNKNOWN_VARIABLE',
      'BAD_INPUT',
    ] as const) {
      expect(exitCodeFor(new ClaimcheckError(code, 'x'))).toBe(EXIT.usage);
    }
    expect(exitCodeFor(new ClaimcheckError('CHECK_FAILED', 'x'))).toBe(EXIT.checkFailed);
    expect(exitCodeFor(new CommanderError(1, 'commander.unknownOption', 'x'))).toBe(EXIT.usage);
    expect(exitCodeFor(new CommanderError(0, 'commander.helpDisplayed', 'x'))).toBe(EXIT.ok);
    expect(exitCodeFor(new TypeError('bug'))).toBe(EXIT.checkFailed);
  });

  it('wraps an error thrown during a claim as CHECK_FAILED naming the claim', () => {
    const wrapped = asCheckFailure(new Error('engine exploded'), 'eq08-gradient');
    expect(wrapped).toBeInstanceOf(ClaimcheckError);
    expect((wrapped as ClaimcheckError).code).toBe('CHECK_FAILED');
    expect((wrapped as ClaimcheckError).message).toBe(
      'the check of claim eq08-gradient could not run: engine exploded',
    );
    expect(exitCodeFor(wrapped)).toBe(1);
    const typed = new ClaimcheckError('UNKNOWN_CLAIM', 'unknown');
    expect(asCheckFailure(typed, 'eq08-gradient')).toBe(typed);
    const outside = new Error('before any claim');
    expect(asCheckFailure(outside, undefined)).toBe(outside);
  });

  it('gives every error code the exit code of the README table: 2 bad usage or input, 1 a fault, 3 --fail-on', () => {
    const expected: Record<ErrorCode, number> = {
      UNKNOWN_CLAIM: 2,
      INVALID_RECORD: 2,
      UNPARSABLE_LATEX: 2,
      UNKNOWN_VARIABLE: 2,
      UNKNOWN_CHECKER: 2,
      BAD_INPUT: 2,
      CHECK_FAILED: 1,
      FAIL_ON: 3,
      NON_DIFFERENTIABLE: 1,
      BAD_ARGUMENT: 1,
      DIMENSION_MISMATCH: 1,
      BACKEND_UNAVAILABLE: 1,
    };
    expect(Object.keys(ERROR_KINDS).sort()).toEqual(Object.keys(expected).sort());
    for (const [code, exit] of Object.entries(expected))
      expect(exitCodeFor(new ClaimcheckError(code as ErrorCode, 'x'))).toBe(exit);
  });

  it("handles the numeric core's errors as ClaimcheckErrors: exit 1, the message and the suggestion printed", () => {
    const nonDiff = new NonDifferentiableError('robustL2Loss.grad', '‖w‖₂ = 0');
    expect(nonDiff).toBeInstanceOf(ClaimcheckError);
    expect(exitCodeFor(nonDiff)).toBe(EXIT.checkFailed);
    expect(formatError(nonDiff)).toBe(
      'error: robustL2Loss.grad: not differentiable at w: ‖w‖₂ = 0\nevaluate at a point where the norm term is differentiable, or use a one-sided derivative\n',
    );
    const unavailable = new NumericError(
      'BACKEND_UNAVAILABLE',
      'initBackend: no TensorFlow.js backend could be started (x)',
      'unset CLAIMCHECK_BACKEND or choose another backend',
    );
    expect(exitCodeFor(unavailable)).toBe(EXIT.checkFailed);
    expect(formatError(unavailable)).toBe(
      'error: initBackend: no TensorFlow.js backend could be started (x)\nunset CLAIMCHECK_BACKEND or choose another backend\n',
    );
    const bad = new BadArgumentError('makeDataset', 'y', '±1 labels', '[0]', 'map the labels to ±1');
    expect([exitCodeFor(bad), formatError(bad)]).toEqual([
      EXIT.checkFailed,
      'error: makeDataset: y must be ±1 labels, got [0]\nmap the labels to ±1\n',
    ]);
    const dims = new DimensionMismatchError('makeDataset', 'y', '2 entries', '1');
    expect([exitCodeFor(dims), formatError(dims)]).toEqual([
      EXIT.checkFailed,
      'error: makeDataset: y must have 2 entries, got 1\n',
    ]);
  });

  it('wraps a numeric error thrown during a claim as CHECK_FAILED naming the claim, keeping its suggestion', () => {
    const wrapped = asCheckFailure(new NonDifferentiableError('robustL2Loss.grad', '‖w‖₂ = 0'), 'eq08-gradient');
    expect(wrapped).toBeInstanceOf(ClaimcheckError);
    expect((wrapped as ClaimcheckError).code).toBe('CHECK_FAILED');
    expect(exitCodeFor(wrapped)).toBe(EXIT.checkFailed);
    expect(formatError(wrapped)).toBe(
      'error: the check of claim eq08-gradient could not run: robustL2Loss.grad: not differentiable at w: ‖w‖₂ = 0\n' +
        'evaluate at a point where the norm term is differentiable, or use a one-sided derivative\n',
    );
    const dims = asCheckFailure(
      new DimensionMismatchError('makeDataset', 'y', '2 entries', '1'),
      'eq08-gradient',
    ) as ClaimcheckError;
    expect([dims.code, dims.message, dims.suggestion]).toEqual([
      'CHECK_FAILED',
      'the check of claim eq08-gradient could not run: makeDataset: y must have 2 entries, got 1',
      CHECK_FAULT_SUGGESTION,
    ]);
    const outside = new NonDifferentiableError('robustL2Loss.grad', '‖w‖₂ = 0');
    expect(asCheckFailure(outside, undefined)).toBe(outside);
    const failed = new ClaimcheckError('CHECK_FAILED', 'experiment mnist2 could not run: x');
    expect(asCheckFailure(failed, 'eq08-gradient')).toBe(failed);
  });

  it('prints the message and the suggestion of an invalid record', () => {
    const err = new ClaimcheckError(
      'INVALID_RECORD',
      'claim record eq08-gradient: field location.section: too short',
      'fix the record in proofs/',
    );
    expect(formatError(err)).toBe(
      'error: claim record eq08-gradient: field location.section: too short\nfix the record in proofs/\n',
    );
    expect(exitCodeFor(err)).toBe(2);
  });
});

describe('options', () => {
  it('parses a seed and fills defaults', () => {
    expect(parseOptions(CheckOptionsSchema, { seed: '42' })).toEqual({
      seed: 42,
      json: false,
      quiet: false,
      gpu: false,
      setting: 'full',
      fresh: false,
    });
    expect(parseOptions(ReportOptionsSchema, {})).toEqual({
      out: 'out/report',
      json: false,
      quiet: false,
      gpu: false,
      setting: 'full',
      fresh: false,
    });
    expect(
      parseOptions(ReportOptionsSchema, { dataDir: '.', backend: 'wasm', setting: 'full', fresh: true }),
    ).toMatchObject({
      dataDir: '.',
      backend: 'wasm',
      setting: 'full',
      fresh: true,
    });
    expect(parseOptions(ReportOptionsSchema, { gpu: true, backend: 'tfjs-node-gpu' })).toMatchObject({ gpu: true });
  });

  it('names the option and the value received', () => {
    expect(() => parseOptions(CheckOptionsSchema, { seed: 'abc' })).toThrow(
      'option --seed: expected an integer from 0 to 4294967295, but received "abc"',
    );
    expect(() => parseOptions(ReportOptionsSchema, { out: ' ' })).toThrow(
      /option --out: expected a non-empty directory path, but received " "/,
    );
    expect(() => parseOptions(ReportOptionsSchema, { setting: 'huge' })).toThrow(
      'option --setting: expected one of ci, full, but received "huge"',
    );
    expect(() => parseOptions(ReportOptionsSchema, { backend: 'metal' })).toThrow(
      'option --backend: expected one of auto, tfjs-node-gpu, tfjs-node, wasm, cpu, but received "metal"',
    );
    expect(() => parseOptions(ReportOptionsSchema, { gpu: true, backend: 'cpu' })).toThrow(
      'option --backend: expected tfjs-node-gpu (or no --backend) with --gpu, but received "cpu"',
    );
    for (const flag of ['dataDir', 'cifarDir', 'svhnDir'] as const) {
      const name = `--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      expect(() => parseOptions(ReportOptionsSchema, { [flag]: '/no/such/dir' })).toThrow(
        `option ${name}: expected an existing directory, but received "/no/such/dir"`,
      );
      expect(() => parseOptions(ReportOptionsSchema, { [flag]: 'package.json' })).toThrow(
        `option ${name}: expected an existing directory`,
      );
    }
  });
});

describe('experiment options', () => {
  it('--gpu means tfjs-node-gpu; the flags become runReport options and, with data directories as DIR, reproduce flags', () => {
    const plain = parseOptions(CheckOptionsSchema, {});
    expect(backendOf(plain)).toBe('auto');
    expect(reproduceFlags(plain)).toBe('--setting full');
    const full = parseOptions(ReportOptionsSchema, {
      gpu: true,
      setting: 'full',
      dataDir: '.',
      svhnDir: '.',
      fresh: true,
    });
    expect(backendOf(full)).toBe('tfjs-node-gpu');
    expect(reproduceFlags(full)).toBe('--setting full --backend tfjs-node-gpu --data-dir DIR --svhn-dir DIR');
    expect(experimentRunOptions(full)).toEqual({
      fresh: true,
      experiment: { setting: 'full', backend: 'tfjs-node-gpu', dataDir: '.', cifarDir: null, svhnDir: '.' },
    });
    expect(() => parseOptions(CheckOptionsSchema, { gpu: true, backend: 'wasm' })).toThrow(
      'option --backend: expected tfjs-node-gpu',
    );
  });
});

describe('progress', () => {
  it('shows the claim count, the claim, the time elapsed and an ETA from the mean time per claim', () => {
    expect(formatProgressLine({ id: 'eq07-loss', completed: 0, total: 4, elapsedMillis: 0 })).toBe(
      'checking 1/4 eq07-loss · 0s elapsed · ETA …',
    );
    expect(formatProgressLine({ id: 'tab3-gap', completed: 2, total: 4, elapsedMillis: 10_000 })).toBe(
      'checking 3/4 tab3-gap · 10s elapsed · ETA 10s',
    );
    expect(formatProgressLine({ id: 'x', completed: 1, total: 100, elapsedMillis: 2000 })).toContain('ETA 3m18s');
  });

  it('draws only when enabled, clears its line at the end and tracks the current claim', () => {
    const written: string[] = [];
    const stream = { write: (s: string) => written.push(s) > 0, isTTY: true, columns: 80 };
    let t = 0;
    const p = createProgress({ stream, enabled: true, now: () => t, refreshMillis: 0 });
    p.onProgress({ id: 'a', index: 0, total: 2, done: false });
    expect(p.current).toBe('a');
    t = 1000;
    p.onProgress({ id: 'a', index: 0, total: 2, done: true });
    expect(p.current).toBeUndefined();
    p.finish();
    expect(written[0]).toContain('checking 1/2 a');
    expect(written[1]).toContain('ETA 1s');
    expect(written.at(-1)).toBe('\r\x1b[2K');

    const silent: string[] = [];
    const q = createProgress({ stream: { write: (s: string) => silent.push(s) > 0 }, enabled: false });
    q.onProgress({ id: 'a', index: 0, total: 1, done: false });
    expect(q.current).toBe('a');
    q.finish();
    expect(silent).toEqual([]);
  });

  it('writes an experiment line above a drawn progress line and redraws it; without one, the line alone', () => {
    const written: string[] = [];
    const p = createProgress({
      stream: { write: (s: string) => written.push(s) > 0, isTTY: true, columns: 80 },
      enabled: true,
      now: () => 0,
      refreshMillis: 0,
    });
    p.onProgress({ id: 'experiment resnet', index: 0, total: 2, done: false });
    p.log('[resnet] shard 0/1');
    expect(written.slice(1)).toEqual([
      '\r\x1b[2K[resnet] shard 0/1\n',
      '\r\x1b[2Kchecking 1/2 experiment resnet · 0s elapsed · ETA …',
    ]);
    p.finish();

    const plain: string[] = [];
    const q = createProgress({ stream: { write: (s: string) => plain.push(s) > 0 }, enabled: false });
    q.onProgress({ id: 'experiment resnet', index: 0, total: 1, done: false });
    q.log('[resnet] shard 0/1');
    q.finish();
    expect(plain).toEqual(['[resnet] shard 0/1\n']);
  });
});
