/**
 * Writes the report's set of files so that it appears at once, and checks an output location before any work.
 *
 * The set is built in a fresh staging directory beside `--out` (same parent, so the same filesystem), flushed, and
 * swapped in by two renames: `--out` → `.<name>.claimcheck-old.<pid>.<ms>`, then staging → `--out`. The second
 * rename is the commit; after it the previous set is renamed to `.<name>.claimcheck-trash.<pid>.<ms>` and deleted.
 *
 * Guarantee: at every instant `--out` holds either the complete previous set or the complete new one, never a mix,
 * except between the two renames (no directory at all, for the time of one rename; POSIX has no portable atomic
 * exchange of two directories). A process killed there leaves the complete previous set beside `--out` as
 * `.<name>.claimcheck-old.<pid>.<ms>`, and the next run puts it back before doing anything else. A failure before the
 * commit (a rename, a write, a full disk) puts the previous set back, removes everything this call created, and is
 * reported as `BAD_INPUT` naming `--out` (exit 2). Entries of `--out` that the set does not replace (`replaces`) are
 * never deleted: the write is refused, up front and again at the swap. A symbolic link given as `--out` stays a link;
 * its target is replaced. `--out` cannot be a mount point (it could not be renamed). The new directory keeps the
 * previous one's permission bits, not its inode.
 *
 * Leftovers of killed runs (the sibling directories above; hidden `.<name>.<pid>.<hex>.tmp` files of older writers
 * inside `--out`) are recognised by name and removed by the next run when their pid is no longer alive or they are
 * older than `STALE_AFTER_MS`; a live run's are left alone.
 *
 * Every loop here is bounded (directories are created one path component at a time by `makeDirsSync`; Node's
 * recursive mkdir never returns under `/proc`), and the location is probed by really creating and removing a
 * directory there (`prepareOutputDir`) or a file in it (`assertWritableDir`), so the check also holds for root.
 */
import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { chmod, mkdir, open, rename } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ClaimcheckError } from '../errors.ts';
import { isLeftover } from './leftover.ts';
import { makeDirsSync, removeDirs } from './make-dirs.ts';
import { parseTempName, syncDir } from './write-file-atomic-sync.ts';

/**
 * One file to write: its name relative to the output directory (a bare name, or `sub/dir/name` with plain
 * segments: no `.`, `..`, empty segment or leading `/`) and its UTF-8 content.
 */
export interface OutputFile {
  readonly name: string;
  /** UTF-8 text, or bytes (PNG renderings of the figures). */
  readonly content: string | Uint8Array;
}

/**
 * The stages of `writeFilesAtomic`, in order: `writing` (the first file is in the staging directory), `staged`
 * (every file is written and flushed; `--out` untouched), `moved-old` (the previous set is renamed aside; `--out`
 * does not exist), `committed` (`--out` holds the new set), `trashed` (the previous set is renamed for deletion).
 * `moved-old` and `trashed` happen only when `--out` existed.
 */
export const WRITE_STAGES = ['writing', 'staged', 'moved-old', 'committed', 'trashed'] as const;

/** A stage of `writeFilesAtomic`. */
export type WriteStage = (typeof WRITE_STAGES)[number];

/** The kind of an entry found in an existing output directory. */
export type EntryKind = 'file' | 'dir';

/** Options of `writeFilesAtomic` and `prepareOutputDir`. */
export interface OutputOptions {
  /**
   * Whether an entry found in an existing output directory (its path relative to it, `/`-separated) belongs to a
   * previous output that the new set replaces. Default for `writeFilesAtomic`: the names of the new files and the
   * directories that hold them.
   */
  readonly replaces?: (name: string, kind: EntryKind) => boolean;
  /** Called at each stage (`WRITE_STAGES`); a throw there fails the write as a failing rename would. For tests. */
  readonly onStage?: (stage: WriteStage) => void;
  /** What is being written, as errors name it (default "the report"). */
  readonly what?: string;
}

const SUGGESTION = 'pass --out a directory you can create and write to';
const SIBLING = /^\.(.+)\.claimcheck-(new|old|trash|probe)\.(\d+)\.(\d+)$/;
/** Deepest directory level searched for entries a report does not write. */
const MAX_DEPTH = 16;

type SiblingKind = 'new' | 'old' | 'trash' | 'probe';

/** Whether `name` is a relative path of plain segments (no `.`, `..`, empty segment, backslash or leading `/`). */
function plainRelative(name: string): boolean {
  if (name === '' || name.includes('\\') || name.includes('\0')) return false;
  return name.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/** `a`, `a/b` for `a/b/c`: the directories that hold `name`, shallowest first. */
function dirPrefixes(name: string): string[] {
  const segs = name.split('/');
  return segs.slice(1).map((_, i) => segs.slice(0, i + 1).join('/'));
}

function errno(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined;
}

function bad(what: string, why: string, suggestion: string = SUGGESTION): ClaimcheckError {
  return new ClaimcheckError('BAD_INPUT', `${what}: ${why}`, suggestion);
}

/** A filesystem error (one with an errno code) as `BAD_INPUT` about `what`; typed errors and bugs pass through. */
function asBadInput(what: string, err: unknown, suggestion: string = SUGGESTION): unknown {
  const code = errno(err);
  if (err instanceof ClaimcheckError || code === undefined) return err;
  const message = (err as Error).message;
  return bad(what, message.startsWith(code) ? message : `${code}: ${message}`, suggestion);
}

let lastStamp = 0;

/** `.<base>.claimcheck-<kind>.<pid>.<ms>`, unique within this process (the ms are made strictly increasing). */
function siblingName(base: string, kind: SiblingKind): string {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return `.${base}.claimcheck-${kind}.${process.pid}.${lastStamp}`;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The directory a write replaces: `--out` resolved (through a final symbolic link), its parent and its name. */
interface Target {
  readonly path: string;
  readonly parent: string;
  readonly base: string;
}

function resolveTarget(what: string, dir: string): Target {
  let path = resolve(dir);
  let stat;
  try {
    stat = lstatSync(path);
  } catch (e) {
    // Missing, or under a regular file (ENOTDIR): makeDirsSync names the culprit when the parent is created.
    if (errno(e) !== 'ENOENT' && errno(e) !== 'ENOTDIR') throw e;
  }
  if (stat?.isSymbolicLink()) {
    try {
      path = realpathSync(path);
    } catch (e) {
      if (errno(e) === 'ENOENT') throw bad(what, `${path} is a symbolic link to a missing path`);
      throw e;
    }
    stat = statSync(path);
  }
  if (stat !== undefined && !stat.isDirectory()) throw bad(what, `${path} is not a directory`);
  const parent = dirname(path);
  if (parent === path) throw bad(what, 'the root directory cannot be replaced');
  if (stat !== undefined && statSync(parent).dev !== stat.dev) {
    throw bad(
      what,
      `${path} is a mount point, and the report replaces its output directory as a whole`,
      'pass --out a directory inside it',
    );
  }
  return { path, parent, base: basename(path) };
}

/**
 * Removes the leftovers of killed runs beside `t` (see the module comment); first, when `t` is missing, puts back
 * the newest previous set a run killed between its two renames left aside. Returns whether `t` exists now.
 */
function cleanLeftovers(t: Target): boolean {
  let names: string[];
  try {
    names = readdirSync(t.parent);
  } catch (e) {
    if (errno(e) === 'ENOENT' || errno(e) === 'ENOTDIR') return false;
    throw e;
  }
  const stale = names.flatMap((name) => {
    const m = SIBLING.exec(name);
    if (m === null || m[1] !== t.base) return [];
    const since = Number(m[4]);
    return isLeftover(Number(m[3]), since) ? [{ name, kind: m[2] as SiblingKind, since }] : [];
  });
  let present = exists(t.path);
  if (!present) {
    const old = stale.filter((s) => s.kind === 'old').sort((a, b) => b.since - a.since)[0];
    if (old !== undefined) {
      renameSync(join(t.parent, old.name), t.path);
      stale.splice(stale.indexOf(old), 1);
      present = true;
    }
  }
  for (const s of stale) rmSync(join(t.parent, s.name), { recursive: true, force: true });
  return present;
}

/** The entries under `root` that `replaces` does not claim, as relative paths (directories end in `/`). */
function foreignEntries(root: string, replaces: (name: string, kind: EntryKind) => boolean): string[] {
  const foreign: string[] = [];
  const walk = (abs: string, rel: string, depth: number): void => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const name = rel === '' ? e.name : `${rel}/${e.name}`;
      const kind: EntryKind | undefined = e.isDirectory() ? 'dir' : e.isFile() ? 'file' : undefined;
      if (kind === 'file') {
        // A killed older writer's temporary file of a replaced name goes with the previous set.
        const temp = parseTempName(e.name);
        const of = temp === undefined ? undefined : rel === '' ? temp.name : `${rel}/${temp.name}`;
        if (of !== undefined && replaces(of, 'file') && isLeftover(temp!.pid, lstatSync(join(abs, e.name)).mtimeMs))
          continue;
      }
      if (kind !== undefined && replaces(name, kind)) {
        if (kind === 'file') continue;
        if (depth < MAX_DEPTH) {
          walk(join(abs, e.name), name, depth + 1);
          continue;
        }
      }
      foreign.push(kind === 'dir' ? `${name}/` : name);
    }
  };
  walk(root, '', 0);
  return foreign;
}

/** Throws `BAD_INPUT` naming `dir` and the entries under `path` that the new set would not replace. */
function assertReplaceable(dir: string, path: string, replaces: (name: string, kind: EntryKind) => boolean): void {
  const foreign = foreignEntries(path, replaces);
  if (foreign.length === 0) return;
  const shown = `${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ` and ${foreign.length - 5} more` : ''}`;
  throw bad(
    `cannot write the report to ${dir}`,
    `it holds ${foreign.length === 1 ? 'an entry' : `${foreign.length} entries`} that a report does not write (${shown}); the report replaces the directory as a whole, so they would be lost`,
    `move them out of ${dir}, or pass --out a new or empty directory`,
  );
}

/**
 * Checks, before any work, that `dir` can take a report: cleans the leftovers of killed runs beside it (putting
 * back a previous report a killed run left aside), checks that an existing `dir` holds only entries `replaces`
 * claims, and probes its parent by creating and removing a staging directory there (creating and removing the
 * missing ancestors too), so the check is real also for root. Throws `ClaimcheckError('BAD_INPUT')` naming `dir`.
 */
export function prepareOutputDir(dir: string, options: Required<Pick<OutputOptions, 'replaces'>>): void {
  const what = `cannot write the report to ${dir}`;
  try {
    const t = resolveTarget(what, dir);
    if (cleanLeftovers(t)) assertReplaceable(dir, t.path, options.replaces);
    const created = makeDirsSync(t.parent);
    try {
      const probe = join(t.parent, siblingName(t.base, 'probe'));
      mkdirSync(probe);
      try {
        writeFileSync(join(probe, 'probe'), '', { flag: 'wx' });
      } finally {
        rmSync(probe, { recursive: true, force: true });
      }
    } finally {
      removeDirs(created);
    }
  } catch (err) {
    throw asBadInput(what, err);
  }
}

/**
 * Checks, before any work, that files can be written in `dir` by creating it if missing (with its ancestors) and
 * creating and removing a file in it, then removing what it created; for commands that write into `dir` file by
 * file (`experiment mnist2 --out`). Throws `ClaimcheckError('BAD_INPUT')` naming `what` is written (e.g. "the
 * experiment results") and `dir` otherwise.
 */
export function assertWritableDir(dir: string, what: string, suggestion: string = SUGGESTION): void {
  const context = `cannot write ${what} to ${dir}`;
  try {
    const created = makeDirsSync(dir);
    try {
      const probe = join(resolve(dir), `.claimcheck-probe.${process.pid}.${Date.now()}`);
      closeSync(openSync(probe, 'wx'));
      unlinkSync(probe);
    } finally {
      removeDirs(created);
    }
  } catch (err) {
    throw asBadInput(context, err, suggestion);
  }
}

async function writeNew(path: string, content: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx', 0o644);
  try {
    if (typeof content === 'string') await handle.writeFile(content, 'utf8');
    else await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `dir` (created if missing, with its ancestors) by a directory holding exactly `files`, so that `dir` is
 * at every instant the complete previous set or the complete new one (see the module comment for the one
 * exception and for leftovers); returns the written paths. Throws `ClaimcheckError('BAD_INPUT')` naming `dir` when
 * it cannot be written, holds entries `options.replaces` does not claim, or a step of the swap fails (the previous
 * set is then in place), and `RangeError` for a bad or repeated file name.
 */
export async function writeFilesAtomic(
  dir: string,
  files: readonly OutputFile[],
  options: OutputOptions = {},
): Promise<string[]> {
  const names = new Set<string>();
  for (const f of files) {
    if (!plainRelative(f.name)) {
      throw new RangeError(
        `writeFilesAtomic: file name must be a relative path of plain segments, but got "${f.name}"`,
      );
    }
    if (names.has(f.name)) throw new RangeError(`writeFilesAtomic: file name "${f.name}" is given twice`);
    names.add(f.name);
  }
  const subdirs = [...new Set(files.flatMap((f) => dirPrefixes(f.name)))].sort(
    (a, b) => a.split('/').length - b.split('/').length,
  );
  for (const d of subdirs) {
    if (names.has(d)) throw new RangeError(`writeFilesAtomic: "${d}" is given as a file and as a directory`);
  }
  const replaces =
    options.replaces ?? ((name: string, kind: EntryKind) => (kind === 'file' ? names : new Set(subdirs)).has(name));
  const stage = options.onStage ?? ((): void => undefined);
  const what = `cannot write ${options.what ?? 'the report'} to ${dir}`;

  let t: Target | undefined;
  let created: string[] = [];
  let staging: string | undefined;
  let old: string | undefined;
  try {
    t = resolveTarget(what, dir);
    if (cleanLeftovers(t)) assertReplaceable(dir, t.path, replaces);
    created = makeDirsSync(t.parent);
    staging = join(t.parent, siblingName(t.base, 'new'));
    await mkdir(staging);
    // The new directory takes the previous one's permission bits (not its inode: a shell inside it must cd again).
    if (exists(t.path)) await chmod(staging, statSync(t.path).mode & 0o7777);
    for (const d of subdirs) await mkdir(join(staging, d));
    for (const [i, f] of files.entries()) {
      await writeNew(join(staging, f.name), f.content);
      if (i === 0) stage('writing');
    }
    for (const d of ['', ...subdirs]) syncDir(join(staging, d));
    stage('staged');
    if (exists(t.path)) {
      old = join(t.parent, siblingName(t.base, 'old'));
      await rename(t.path, old);
      stage('moved-old');
      // Whatever was added to --out since the check above goes back with it, never into the trash.
      assertReplaceable(dir, old, replaces);
    }
    await rename(staging, t.path);
    staging = undefined;
  } catch (err) {
    let keptAt: string | undefined;
    if (old !== undefined) {
      try {
        renameSync(old, t!.path);
      } catch {
        keptAt = old;
      }
    }
    if (staging !== undefined) rmSync(staging, { recursive: true, force: true });
    if (t === undefined || !exists(t.path)) removeDirs(created);
    const mapped = asBadInput(what, err);
    if (keptAt !== undefined && mapped instanceof ClaimcheckError) {
      throw new ClaimcheckError(
        mapped.code,
        `${mapped.message}; the previous report is kept at ${keptAt}, and the next run puts it back`,
        mapped.suggestion,
      );
    }
    throw mapped;
  }
  // Committed: --out holds the new set. What follows only tidies up; whatever it leaves, the next run removes.
  try {
    stage('committed');
    if (old !== undefined) {
      const trash = join(t.parent, siblingName(t.base, 'trash'));
      renameSync(old, trash);
      stage('trashed');
      rmSync(trash, { recursive: true, force: true });
    }
    syncDir(t.parent);
  } catch {
    // left for the next run's cleanup
  }
  return files.map((f) => join(dir, f.name));
}
