/**
 * Which entries of a report directory a report writes, so the writer replaces a previous report and nothing else.
 */
import type { EntryKind } from '../fs/write-dir-atomic.ts';
import { FIGURES_DIR } from './figures.ts';

const REPORT_FILES = new Set(['errata.md', 'errata.json', 'errata.html', 'provenance.json']);
const FIGURE_FILE = new RegExp(`^${FIGURES_DIR}/[^/]+\\.(?:svg|png)$`);

/**
 * Whether `name` (relative to a report directory) is an entry some report writes: errata.md, errata.json,
 * errata.html, provenance.json, the `figures` directory and any `figures/<id>.svg` or `.png` in it. The writer
 * replaces a previous report made of these only, so a user's own files in `--out` are never lost.
 */
export function isReportEntry(name: string, kind: EntryKind): boolean {
  return kind === 'dir' ? name === FIGURES_DIR : REPORT_FILES.has(name) || FIGURE_FILE.test(name);
}
