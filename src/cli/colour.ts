/**
 * Colours for the terminal (picocolors), decided per stream: on when the stream is a terminal, unless `NO_COLOR` is
 * set (non-empty, https://no-color.org) or `TERM=dumb`; `FORCE_COLOR` (non-empty, not `0` or `false`) turns them on
 * for a stream that is not a terminal. `NO_COLOR` wins over `FORCE_COLOR`. JSON output is never coloured.
 */
import picocolors from 'picocolors';

/** The colour functions of one stream: each wraps its text in ANSI codes, or returns it unchanged when colour is off. */
export type Palette = ReturnType<typeof picocolors.createColors>;

/** Whether text written to `stream` is coloured, under the environment `env`. */
export function colourEnabled(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** The palette for `stream` (`colourEnabled` decides whether it colours). */
export function paletteFor(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Palette {
  return picocolors.createColors(colourEnabled(stream, env));
}
