/**
 * Test-only fault injection into the report writer, read from the environment (both unset outside tests):
 * `CLAIMCHECK_TEST_KILL_AT=<stage>` makes the process SIGKILL itself at that stage of `writeFilesAtomic`, and
 * `CLAIMCHECK_TEST_FAIL_AT=<stage>` makes that stage fail as a rename would (EIO). Stages: `WRITE_STAGES`; a failure
 * at `committed` or `trashed` (after the swap) only leaves the previous set for the next run to remove.
 */
import { ClaimcheckError } from '../errors.ts';
import { WRITE_STAGES, type WriteStage } from '../fs/write-dir-atomic.ts';

const KILL = 'CLAIMCHECK_TEST_KILL_AT';
const FAIL = 'CLAIMCHECK_TEST_FAIL_AT';

function stageOf(env: NodeJS.ProcessEnv, name: string): WriteStage | undefined {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return undefined;
  if (!(WRITE_STAGES as readonly string[]).includes(value)) {
    throw new ClaimcheckError(
      'BAD_INPUT',
      `${name}: expected one of ${WRITE_STAGES.join(', ')}, but received "${value}"`,
      `unset ${name}`,
    );
  }
  return value as WriteStage;
}

/** The `onStage` hook of `writeFilesAtomic` that `CLAIMCHECK_TEST_KILL_AT` / `CLAIMCHECK_TEST_FAIL_AT` ask for, or undefined. */
export function writeStageHook(env: NodeJS.ProcessEnv = process.env): ((stage: WriteStage) => void) | undefined {
  const killAt = stageOf(env, KILL);
  const failAt = stageOf(env, FAIL);
  if (killAt === undefined && failAt === undefined) return undefined;
  return (stage) => {
    if (stage === killAt) process.kill(process.pid, 'SIGKILL');
    if (stage === failAt) throw Object.assign(new Error(`EIO: i/o error (${FAIL}=${stage})`), { code: 'EIO' });
  };
}
