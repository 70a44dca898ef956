/**
 * Tells a killed writer's leftovers (temporary files, staging directories whose names carry the writer's pid) from a
 * running writer's: a leftover is one whose process is gone, or that is older than any write takes.
 */

/** Age after which a leftover is stale even if its pid is alive again (pids are reused): no write takes this long. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether something written by process `pid` at `sinceMillis` (epoch ms) is a leftover of a killed run: the process
 * is not alive on this machine, or it is older than `STALE_AFTER_MS`. This process's own files count as in use.
 */
export function isLeftover(pid: number, sinceMillis: number, now: number = Date.now()): boolean {
  if (now - sinceMillis > STALE_AFTER_MS) return true;
  return pid !== process.pid && !processAlive(pid);
}
