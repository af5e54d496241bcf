/**
 * Join path parts into a normalised relative path (`a/./b/../c` → `a/c`), or null when the result
 * is absolute or climbs out of the working directory: such paths cannot be saved in a run record.
 */
export function joinRelativePath(...parts: readonly string[]): string | null {
  const segments: string[] = [];
  for (const part of parts) {
    // `~` is the home directory once a shell or the tool expands it: outside the working directory.
    if (part.includes('\0') || part.includes('\\') || part.startsWith('~')) return null;
    if (part.startsWith('/') || /^[A-Za-z]:/.test(part)) return null;
    for (const segment of part.split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') {
        if (segments.length === 0) return null;
        segments.pop();
      } else {
        segments.push(segment);
      }
    }
  }
  return segments.length === 0 ? null : segments.join('/');
}

/** The last segment of a path (`a/b/run_results.json` → `run_results.json`). */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Everything before the last segment (`a/b/c.json` → `a/b`, `c.json` → `.`). */
export function dirName(path: string): string {
  const index = path.lastIndexOf('/');
  return index <= 0 ? '.' : path.slice(0, index);
}
