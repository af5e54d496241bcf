// Bundles each entry point with @vercel/ncc into dist/ (committed; `npm run check-dist` keeps it fresh).
// The sources are compiled once with tsc (tsconfig.build.json, no tests) and ncc bundles the
// JavaScript: one type-check instead of one per entry, and test files never block a bundle.
import { execFileSync } from 'node:child_process';
import process from 'node:process';
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** Where tsc writes the compiled sources that ncc bundles. */
const compiled = 'lib';

/** The `bin` of package.json: it must start with a shebang and be executable for `npx gh-retry`. */
const cliBin = 'dist/cli/index.js';

/** Bundles are built here and replace dist/ only when every entry built, so a failure keeps dist/. */
const staging = 'dist.staging';

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
  rmSync(compiled, { recursive: true, force: true });
  process.stdout.write('compiling with tsc -p tsconfig.build.json\n');
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
  for (const [source, finalOut] of entries) {
    const entry = path.join(compiled, source.replace(/\.ts$/, '.js'));
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
  }

  const stagedBin = path.join(staging, path.relative('dist', cliBin));
  const bin = readFileSync(stagedBin, 'utf8');
  if (!bin.startsWith('#!')) writeFileSync(stagedBin, `#!/usr/bin/env node\n${bin}`);
  chmodSync(stagedBin, 0o755);
}
