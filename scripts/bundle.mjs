// Bundles each entry point with @vercel/ncc into dist/ (committed; `npm run check-dist` keeps it fresh).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

/** [entry, output folder] — one bundle per runtime shell. */
const entries = [['src/cli/main.ts', 'dist/cli']];

rmSync('dist', { recursive: true, force: true });
for (const [entry, out] of entries) {
  process.stdout.write(`bundling ${entry} -> ${out}\n`);
  execFileSync(
    process.execPath,
    ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', entry, '-o', out, '--quiet', '--no-source-map-register', '--license', 'licenses.txt', '--target', 'es2022'],
    { stdio: 'inherit' },
  );
}
