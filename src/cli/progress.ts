/**
 * Progress of a run on stderr: claim count, the claim being checked, elapsed time and an ETA. Drawn on one line
 * that is cleared at the end, only when stderr is a terminal and `--quiet` is off, so stdout carries results only.
 */

/** A progress event of `runChecks`. */
export interface ProgressEvent {
  readonly id: string;
  readonly index: number;
  readonly total: number;
  readonly done: boolean;
}

/** What the progress line shows. */
export interface ProgressState {
  /** Claim being checked (undefined once all are done). */
  readonly id: string | undefined;
  readonly completed: number;
  readonly total: number;
  readonly elapsedMillis: number;
}

/** A terminal-like stream (process.stderr in the CLI). */
export interface ProgressStream {
  write(chunk: string): boolean;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** A progress display bound to one run. */
export interface Progress {
  /** Pass as `onProgress` to `runChecks`. */
  readonly onProgress: (event: ProgressEvent) => void;
  /** Id of the claim being checked now (undefined before the first and after the last). */
  readonly current: string | undefined;
  /** Prints `warning: <message>` on its own line (above the progress line, which is redrawn); never silenced by --quiet. */
  warn(message: string): void;
  /**
   * Writes `line` (an experiment's progress line) to the stream on a line of its own, above the progress line when
   * one is drawn (which is redrawn after it). Written whether or not the progress line is enabled: a caller that
   * wants silence (`--quiet`) does not call it.
   */
  log(line: string): void;
  /** Clears the line and stops the timer; safe to call more than once. */
  finish(): void;
}

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/**
 * The progress line, e.g. `checking 3/12 eq08-gradient · 4s elapsed · ETA 12s`; the ETA is the mean time of the
 * completed claims times the claims left (`ETA …` before the first completes).
 */
export function formatProgressLine(state: ProgressState): string {
  const { id, completed, total, elapsedMillis } = state;
  const position = Math.min(completed + 1, total);
  const eta = completed === 0 ? '…' : seconds((elapsedMillis / completed) * (total - completed));
  return `checking ${position}/${total}${id ? ` ${id}` : ''} · ${seconds(elapsedMillis)} elapsed · ETA ${eta}`;
}

/** Creates a progress display on `stream`; a no-op (except for tracking `current`) when `enabled` is false. */
export function createProgress(options: {
  readonly stream: ProgressStream;
  readonly enabled: boolean;
  readonly now?: () => number;
  /** Redraw interval while a claim runs, in ms (default 1000; 0: redraw on events only). */
  readonly refreshMillis?: number;
}): Progress {
  const now = options.now ?? (() => performance.now());
  const start = now();
  let current: string | undefined;
  let completed = 0;
  let total = 0;
  let drawn = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  const draw = (): void => {
    if (!options.enabled) return;
    const columns = options.stream.columns !== undefined && options.stream.columns > 0 ? options.stream.columns : 80;
    const width = Math.max(20, columns - 1);
    const line = formatProgressLine({ id: current, completed, total, elapsedMillis: now() - start });
    options.stream.write(`\r\x1b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
    drawn = true;
  };
  const refresh = options.refreshMillis ?? 1000;
  const log = (line: string): void => {
    options.stream.write(`${drawn ? '\r\x1b[2K' : ''}${line}\n`);
    drawn = false;
    if (current !== undefined) draw();
  };
  return {
    onProgress(event) {
      total = event.total;
      if (event.done) {
        completed = event.index + 1;
        current = undefined;
      } else {
        current = event.id;
        if (options.enabled && refresh > 0 && timer === undefined) {
          timer = setInterval(draw, refresh);
          timer.unref();
        }
      }
      draw();
    },
    get current() {
      return current;
    },
    log,
    warn: (message) => log(`warning: ${message}`),
    finish() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      if (drawn) options.stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
