/**
 * TensorFlow.js backend selection: tries `@tensorflow/tfjs-node-gpu`, then `@tensorflow/tfjs-node`, then the wasm
 * backend, then the pure-JS `cpu` backend, and says which one runs so that every output can name it.
 */
import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { BadArgumentError, NumericError } from '../numeric/errors.ts';

/** A backend that can be asked for by name (option or `CLAIMCHECK_BACKEND`). */
export type BackendChoice = 'tfjs-node-gpu' | 'tfjs-node' | 'wasm' | 'cpu';

/** The environment variable that forces a backend: one of `BackendChoice`, or `auto`. */
export const BACKEND_ENV_VAR = 'CLAIMCHECK_BACKEND';

/** The backend in use. */
export interface BackendInfo {
  /** tfjs's backend name (`tf.getBackend()`): `tensorflow`, `wasm` or `cpu`. */
  readonly name: string;
  /** The npm package that provides it, e.g. `@tensorflow/tfjs-backend-wasm`. */
  readonly package: string;
  /** That package's version. */
  readonly version: string;
  /** Whether it was forced (option or environment variable) rather than the first that worked. */
  readonly forced: boolean;
  /** The candidates tried before it and why each failed. */
  readonly skipped: readonly { readonly package: string; readonly error: string }[];
}

/** Options of `initBackend`. */
export interface InitBackendOptions {
  /** Force this backend (overrides `CLAIMCHECK_BACKEND`); `auto` or absent: the first that works. */
  readonly backend?: BackendChoice | 'auto';
  /** Environment to read `CLAIMCHECK_BACKEND` from. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const CHOICES: readonly BackendChoice[] = ['tfjs-node-gpu', 'tfjs-node', 'wasm', 'cpu'];

const PACKAGES: Readonly<Record<BackendChoice, string>> = {
  'tfjs-node-gpu': '@tensorflow/tfjs-node-gpu',
  'tfjs-node': '@tensorflow/tfjs-node',
  wasm: '@tensorflow/tfjs-backend-wasm',
  cpu: '@tensorflow/tfjs-backend-cpu',
};

let current: BackendInfo | undefined;

function packageVersion(require: NodeJS.Require, pkg: string): string {
  try {
    const meta = require(`${pkg}/package.json`) as { version?: unknown };
    if (typeof meta.version === 'string') return meta.version;
  } catch {
    // fall through: the package may not export its package.json
  }
  return 'unknown';
}

async function tryBackend(choice: BackendChoice): Promise<{ name: string; version: string }> {
  const require = createRequire(import.meta.url);
  switch (choice) {
    case 'tfjs-node-gpu':
    case 'tfjs-node': {
      // A missing package throws MODULE_NOT_FOUND; an installed one without its native binding throws a plain
      // Error: both mean "not available".
      require(PACKAGES[choice]);
      if (!(await tf.setBackend('tensorflow'))) throw new Error("tf.setBackend('tensorflow') returned false");
      return { name: 'tensorflow', version: packageVersion(require, PACKAGES[choice]) };
    }
    case 'wasm': {
      const wasm = (await import('@tensorflow/tfjs-backend-wasm')) as { version_wasm?: string };
      if (!(await tf.setBackend('wasm'))) throw new Error("tf.setBackend('wasm') returned false");
      return { name: 'wasm', version: wasm.version_wasm ?? packageVersion(require, PACKAGES.wasm) };
    }
    case 'cpu': {
      if (!(await tf.setBackend('cpu'))) throw new Error("tf.setBackend('cpu') returned false");
      return { name: 'cpu', version: tf.version['tfjs-backend-cpu'] ?? packageVersion(require, PACKAGES.cpu) };
    }
  }
}

/**
 * Selects and initialises the TensorFlow.js backend: the forced one (option, else `CLAIMCHECK_BACKEND`), or the
 * first of tfjs-node-gpu, tfjs-node, wasm, cpu that loads (any error while loading counts as "not available").
 * Sets `PROD` mode. A forced backend that fails throws `NumericError` (`BACKEND_UNAVAILABLE`) instead of falling
 * back. Returns what is running.
 */
export async function initBackend(options: InitBackendOptions = {}): Promise<BackendInfo> {
  const env = options.env ?? process.env;
  const requested = options.backend ?? (env[BACKEND_ENV_VAR] as BackendChoice | 'auto' | undefined) ?? 'auto';
  if (requested !== 'auto' && !CHOICES.includes(requested)) {
    const source = options.backend !== undefined ? 'options.backend' : BACKEND_ENV_VAR;
    throw new BadArgumentError('initBackend', source, `one of auto, ${CHOICES.join(', ')}`, String(requested));
  }
  tf.env().set('PROD', true);
  const forced = requested !== 'auto';
  if (
    current !== undefined &&
    tf.getBackend() === current.name &&
    (!forced || current.package === PACKAGES[requested])
  ) {
    if (current.forced !== forced) current = { ...current, forced };
    return current;
  }
  const candidates = forced ? [requested] : CHOICES;
  const skipped: { package: string; error: string }[] = [];
  for (const choice of candidates) {
    try {
      const { name, version } = await tryBackend(choice);
      current = { name, package: PACKAGES[choice], version, forced, skipped };
      return current;
    } catch (e) {
      skipped.push({ package: PACKAGES[choice], error: firstLine(e) });
    }
  }
  throw new NumericError(
    'BACKEND_UNAVAILABLE',
    `initBackend: no TensorFlow.js backend could be started (${skipped.map((s) => `${s.package}: ${s.error}`).join('; ')})`,
    forced ? `unset ${BACKEND_ENV_VAR} or choose another backend` : undefined,
  );
}

/** The backend chosen by the last `initBackend`; throws if `initBackend` has not run. */
export function backendInfo(): BackendInfo {
  if (current === undefined) {
    throw new NumericError(
      'BACKEND_UNAVAILABLE',
      'backendInfo: no backend selected yet, got none',
      'await initBackend() first',
    );
  }
  return current;
}

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0] ?? msg;
}
