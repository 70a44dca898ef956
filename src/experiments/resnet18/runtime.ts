/**
 * Where the ResNet experiment runs: the TF.js backend (via `initBackend`: tfjs-node-gpu → tfjs-node → wasm → cpu),
 * the convolution gradient that suits it, the device, the versions and the code version, recorded in every output.
 */
import * as tf from '@tensorflow/tfjs';
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { initBackend, type BackendChoice, type BackendInfo } from '../../autodiff/backend.ts';
import { importGraphVersion } from '../../fs/code-version.ts';
import { toolVersion } from '../../fs/repo.ts';
import { convGradientFor } from './conv.ts';
import type { RuntimeRecord } from './results.ts';

/** The module that trains and measures a cell: its import graph is the code a cell's results depend on. */
export const RESNET_CELL_CODE = 'src/experiments/resnet18/cell.ts';

/** The code version of a cell: the sha256 of every file reachable from `RESNET_CELL_CODE` through value imports. */
export function resnetCodeVersion(): string {
  return importGraphVersion(RESNET_CELL_CODE).version;
}

/** The GPUs `nvidia-smi` lists (name, memory, driver), or null when it is absent or lists none. */
export function nvidiaGpus(): string | null {
  try {
    const out = execFileSync('nvidia-smi', ['--query-gpu=name,memory.total,driver_version', '--format=csv,noheader'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    }).trim();
    return out === ''
      ? null
      : out
          .split('\n')
          .map((l) => l.trim())
          .join('; ');
  } catch {
    return null;
  }
}

/** A description of the device a backend computes on. */
export function deviceDescription(info: BackendInfo): string {
  const cpu = cpus();
  const cpuText = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`;
  if (info.package === '@tensorflow/tfjs-node-gpu') {
    const gpus = nvidiaGpus();
    return gpus === null ? `GPU via libtensorflow (nvidia-smi not available); host ${cpuText}` : `GPU ${gpus}`;
  }
  if (info.name === 'wasm') return `CPU ${cpuText} (wasm, single thread)`;
  if (info.name === 'cpu') return `CPU ${cpuText} (pure JavaScript, single thread)`;
  return `CPU ${cpuText} (libtensorflow)`;
}

/** Initialises the backend (`auto`: the first that loads) and returns what every result records about it. */
export async function initResNetRuntime(
  backend: BackendChoice | 'auto',
): Promise<{ info: BackendInfo; record: RuntimeRecord }> {
  const info = await initBackend({ backend });
  return { info, record: runtimeRecord(info) };
}

/** The runtime record of an initialised backend, with the code version (`resnetCodeVersion()`). */
export function runtimeRecord(info: BackendInfo): RuntimeRecord {
  return {
    backend: info.name,
    backendPackage: info.package,
    backendVersion: info.version,
    convGradient: convGradientFor(info.name),
    device: deviceDescription(info),
    tfjs: tf.version.tfjs,
    node: process.version,
    claimcheck: toolVersion().version,
    code: resnetCodeVersion(),
  };
}
