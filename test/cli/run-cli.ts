/**
 * Runs the CLI as a subprocess (`node bin/claimcheck.js …`), as a user would, and collects its output.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Exit code and output of one CLI run. */
export interface CliRun {
  readonly code: number | null;
  /** The signal that ended the process (`SIGKILL` when it killed itself or ran past `timeoutMs`), or null. */
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock time from spawn to exit. */
  readonly millis: number;
  /** Whether the run was killed for running past `timeoutMs`. */
  readonly timedOut: boolean;
}

/** Options of `runCli`. */
export interface RunCliOptions {
  /** Kill the process with SIGKILL after this many milliseconds (default: never), so a hang fails a test instead of blocking it. */
  readonly timeoutMs?: number;
}

/** Runs `node bin/claimcheck.js ...args` in `cwd` (default: the repository root), with `env` added to the environment. */
export function runCli(
  args: readonly string[],
  cwd: string = ROOT,
  env: Readonly<Record<string, string>> = {},
  options: RunCliOptions = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'claimcheck.js'), ...args], {
      cwd,
      env: { ...process.env, CLAIMCHECK_DEBUG: '', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer !== undefined) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, millis: performance.now() - started, timedOut });
    });
  });
}

/** What `runCliUntil` saw. */
export interface KilledCliRun {
  /** Whether the run was SIGKILLed (false: it ended before `file` appeared). */
  readonly killed: boolean;
  /** Whether `done` existed at the moment of the kill. */
  readonly doneAtKill: boolean;
  readonly stderr: string;
}

/**
 * Runs `node bin/claimcheck.js ...args` like `runCli` and SIGKILLs it as soon as `file` exists (polled every 20 ms);
 * resolves when the process has ended, with whether `done` existed at the kill.
 */
export function runCliUntil(
  args: readonly string[],
  file: string,
  options: { readonly done?: string; readonly cwd?: string; readonly env?: Readonly<Record<string, string>> } = {},
): Promise<KilledCliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'claimcheck.js'), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, CLAIMCHECK_DEBUG: '', NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let doneAtKill = false;
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setInterval(() => {
      if (existsSync(file)) {
        doneAtKill = options.done !== undefined && existsSync(options.done);
        child.kill('SIGKILL');
        clearInterval(timer);
      }
    }, 20);
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearInterval(timer);
      resolve({ killed: signal === 'SIGKILL', doneAtKill, stderr });
    });
  });
}
