/**
 * What this proves: colour follows the stream and the environment as https://no-color.org and the FORCE_COLOR
 * convention say: on for a terminal, off for a pipe, NO_COLOR (non-empty) turns it off even with FORCE_COLOR,
 * FORCE_COLOR turns it on without a terminal (but not FORCE_COLOR=0), TERM=dumb turns it off.
 */
import { describe, expect, it } from 'vitest';
import { colourEnabled, paletteFor } from '../../src/cli/colour.ts';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('colourEnabled', () => {
  it('is on for a terminal and off for a pipe when the environment says nothing', () => {
    expect(colourEnabled(tty, {})).toBe(true);
    expect(colourEnabled(pipe, {})).toBe(false);
    expect(colourEnabled({}, {})).toBe(false);
  });

  it('NO_COLOR turns it off, also on a terminal and with FORCE_COLOR; an empty NO_COLOR does not', () => {
    expect(colourEnabled(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colourEnabled(pipe, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(colourEnabled(tty, { NO_COLOR: '' })).toBe(true);
  });

  it('FORCE_COLOR turns it on without a terminal; FORCE_COLOR=0 or false turns it off', () => {
    expect(colourEnabled(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourEnabled(pipe, { FORCE_COLOR: '3' })).toBe(true);
    expect(colourEnabled(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(colourEnabled(tty, { FORCE_COLOR: 'false' })).toBe(false);
    expect(colourEnabled(pipe, { FORCE_COLOR: '' })).toBe(false);
  });

  it('TERM=dumb turns it off on a terminal', () => {
    expect(colourEnabled(tty, { TERM: 'dumb' })).toBe(false);
  });

  it('paletteFor wraps text in ANSI codes only when colour is on', () => {
    expect(paletteFor(pipe, { FORCE_COLOR: '1' }).red('x')).toBe('\x1b[31mx\x1b[39m');
    expect(paletteFor(tty, { NO_COLOR: '1' }).red('x')).toBe('x');
  });
});
