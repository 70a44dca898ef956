import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { BACKEND_ENV_VAR, backendInfo, initBackend } from '../../src/autodiff/backend.ts';
import { BadArgumentError, NumericError } from '../../src/numeric/errors.ts';

function installed(pkg: string): boolean {
  try {
    createRequire(import.meta.url).resolve(pkg);
    return true;
  } catch {
    return false;
  }
}

describe('initBackend', () => {
  it('picks the first backend that loads and names it (name, package, version), in PROD mode', async () => {
    // Act
    const info = await initBackend({ env: {} });
    console.log(
      `[backend] ${info.name} from ${info.package}@${info.version}; skipped: ${info.skipped.map((s) => s.package).join(', ') || 'none'}`,
    );
    // Assert
    expect(['tensorflow', 'wasm', 'cpu']).toContain(info.name);
    expect(tf.getBackend()).toBe(info.name);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.forced).toBe(false);
    expect(tf.env().getBool('PROD')).toBe(true);
    expect(backendInfo()).toBe(info);
    if (!installed('@tensorflow/tfjs-node-gpu') && !installed('@tensorflow/tfjs-node')) {
      // Neither native package can be installed here: both are tried, fail, and are reported.
      expect(info.skipped.map((s) => s.package)).toEqual(['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']);
      expect(info.name).toBe('wasm');
      expect(info.package).toBe('@tensorflow/tfjs-backend-wasm');
    }
  });

  it('can be forced by option or by CLAIMCHECK_BACKEND, the option winning', async () => {
    const byEnv = await initBackend({ env: { [BACKEND_ENV_VAR]: 'cpu' } });
    expect([byEnv.name, byEnv.package, byEnv.forced]).toEqual(['cpu', '@tensorflow/tfjs-backend-cpu', true]);
    const byOption = await initBackend({ backend: 'wasm', env: { [BACKEND_ENV_VAR]: 'cpu' } });
    expect([byOption.name, tf.getBackend()]).toEqual(['wasm', 'wasm']);
  });

  it('rejects an unknown backend name, naming the variable and the value', async () => {
    await expect(initBackend({ env: { [BACKEND_ENV_VAR]: 'webgpu' } })).rejects.toThrow(BadArgumentError);
    await expect(initBackend({ env: { [BACKEND_ENV_VAR]: 'webgpu' } })).rejects.toThrow(
      /initBackend: CLAIMCHECK_BACKEND must be one of auto, .*got webgpu/,
    );
  });

  it('throws BACKEND_UNAVAILABLE instead of falling back when a forced native backend is missing', async () => {
    if (installed('@tensorflow/tfjs-node')) {
      const info = await initBackend({ backend: 'tfjs-node' });
      expect(info.name).toBe('tensorflow');
    } else {
      const attempt = initBackend({ backend: 'tfjs-node' });
      await expect(attempt).rejects.toThrow(NumericError);
      await expect(initBackend({ backend: 'tfjs-node' })).rejects.toThrow(
        /initBackend: no TensorFlow.js backend could be started \(@tensorflow\/tfjs-node: /,
      );
    }
  });
});
