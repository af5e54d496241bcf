/**
 * The baseline uploader: bench/upload-artifact-entry.mjs bundled into one file with esbuild, the
 * way a JavaScript action ships (`actions/upload-artifact` ships an unminified single-file bundle).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './timed-process.js';

/** Bundle the uploader into `dir`; returns the entry's path. */
export async function bundleBaselineUploader(dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, 'upload-artifact.mjs');
  await build({
    entryPoints: [path.join(REPO_ROOT, 'bench/upload-artifact-entry.mjs')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: false,
    logLevel: 'error',
    // Some of @actions/artifact's dependencies are CommonJS and call require().
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  return outfile;
}
