/** Why a file could not be read, in the words error messages use: "no such file" or "cannot be read (EACCES)". */
export function readFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? (err as Error).message})`;
}
