// File system errors the user can fix (a read-only folder, a file where the store should be, a
// full disk) as one line saying what to do, instead of a stack trace.

const FIXABLE: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a file is where a folder should be',
  EISDIR: 'a folder is where a file should be',
  EEXIST: 'a file is in the way',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'a path is too long',
};

/** One line for a fixable file system error, or null for any other error. */
export function describeFileError(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const { code, path } = error as NodeJS.ErrnoException;
  const why = code === undefined ? undefined : FIXABLE[code];
  if (why === undefined) return null;
  const where = path === undefined ? '' : ` (${path})`;
  return `cannot use the run store or working folder: ${why}${where}; check the folder, or choose another store with --store DIR or GH_RETRY_STORE`;
}
