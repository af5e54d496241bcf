// Bundles each entry point with @vercel/ncc into dist/ (committed; `npm run check-dist` keeps it fresh).
import { execFileSync } from 'node:child_process';
import process from 'node:process';
import {
  chmodSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/** [entry, output folder] — one bundle per runtime shell. */
const entries = [
  // The Action's main entry owns the top of dist/, so it is bundled first; the others go in sub-folders.
  ['action/index.ts', 'dist'],
  ['action/post.ts', 'dist/post'],
  ['src/cli/main.ts', 'dist/cli'],
  ['app/server.ts', 'dist/app'],
  ['app/workflow-bot.ts', 'dist/bot'],
];

/** The `bin` of package.json: it must start with a shebang and be executable for `npx gh-retry`. */
const cliBin = 'dist/cli/index.js';

/** Bundles are built here and replace dist/ only when every entry built, so a failure keeps dist/. */
const staging = 'dist.staging';

/**
 * ncc's type-check emits the project's declaration files (tsconfig has `declaration: true`) next
 * to the bundle; they are not part of it. Remove them and the folders they leave empty.
 */
function pruneDeclarations(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      pruneDeclarations(full);
      if (readdirSync(full).length === 0) rmdirSync(full);
    } else if (entry.name.endsWith('.d.ts')) {
      rmSync(full);
    }
  }
}

rmSync(staging, { recursive: true, force: true });
try {
  bundleAll();
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  throw error;
}
rmSync('dist', { recursive: true, force: true });
renameSync(staging, 'dist');

function bundleAll() {
  for (const [entry, finalOut] of entries) {
    const out = path.join(staging, path.relative('dist', finalOut));
    process.stdout.write(`bundling ${entry} -> ${out}\n`);
    execFileSync(
      process.execPath,
      [
        'node_modules/@vercel/ncc/dist/ncc/cli.js',
        'build',
        entry,
        '-o',
        out,
        '--quiet',
        '--no-source-map-register',
        '--license',
        'licenses.txt',
        '--target',
        'es2022',
      ],
      { stdio: 'inherit' },
    );
    pruneDeclarations(out);
  }

  const stagedBin = path.join(staging, path.relative('dist', cliBin));
  const bin = readFileSync(stagedBin, 'utf8');
  if (!bin.startsWith('#!')) writeFileSync(stagedBin, `#!/usr/bin/env node\n${bin}`);
  chmodSync(stagedBin, 0o755);
}
