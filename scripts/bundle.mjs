// Bundles each entry point with @vercel/ncc into dist/ (committed; `npm run check-dist` keeps it fresh).
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/** [entry, output folder] — one bundle per runtime shell. */
const entries = [
  // The Action's main entry owns the top of dist/, so it is bundled first; the others go in sub-folders.
  ['action/index.ts', 'dist'],
  ['action/post.ts', 'dist/post'],
  ['src/cli/main.ts', 'dist/cli'],
];

/** The `bin` of package.json: it must start with a shebang and be executable for `npx gh-retry`. */
const cliBin = 'dist/cli/index.js';

rmSync('dist', { recursive: true, force: true });
for (const [entry, out] of entries) {
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

const bin = readFileSync(cliBin, 'utf8');
if (!bin.startsWith('#!')) writeFileSync(cliBin, `#!/usr/bin/env node\n${bin}`);
chmodSync(cliBin, 0o755);
