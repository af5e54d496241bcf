import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** A new temporary folder (`<prefix>-XXXXXX`), its real path (macOS links /tmp elsewhere). */
export function makeTempDir(prefix: string): string {
  return realpathSync(mkdtempSync(path.join(tmpdir(), `${prefix}-`)));
}

/** Run `work` in a new temporary folder, removed afterwards whatever happens. */
export async function inTempDir<T>(prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = makeTempDir(prefix);
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A new temporary folder for each test of the enclosing `describe` (or file), removed after the
 * test. Returns how a test reaches the current one.
 */
export function eachTempDir(prefix: string): () => string {
  let dir: string | null = null;
  beforeEach(() => {
    dir = makeTempDir(prefix);
  });
  afterEach(() => {
    if (dir !== null) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });
  return () => {
    if (dir === null) throw new Error('the temporary folder exists only while a test runs');
    return dir;
  };
}
