// Bundles each entry point with @vercel/ncc into dist/ (committed; `npm run check-dist` keeps it fresh).
// The sources are compiled once with tsc (tsconfig.build.json, no tests) and ncc bundles the
// JavaScript: one type-check instead of one per entry, and test files never block a bundle.
import { execFileSync } from 'node:child_process';
import process from 'node:process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';

/**
 * [entry, output folder, minify] — one bundle per runtime shell. The Action's and the CLI's bundles
 * are minified: every workflow run and every command loads them, and loading a minified bundle
 * takes noticeably less time (ncc's
 * own --minify leaves the chunk files of `import()` as they are, so esbuild minifies each file).
 */
const entries = [
  // The Action's main entry owns the top of dist/, so it is bundled first; the others go in sub-folders.
  ['action/index.ts', 'dist', true],
  ['cli/main.ts', 'dist/cli', true],
  ['app/probot/server.ts', 'dist/app', false],
  ['app/workflow/index.ts', 'dist/bot', false],
];

/**
 * The Action's post step (action.yml `post:`) runs the main bundle in its post role, so the two
 * share every chunk; action/index.ts reads the global this entry sets.
 */
const postEntry = {
  file: 'dist/post/index.js',
  text: `// The Action's post step: the main step's bundle (../index.js) in its post role.
globalThis[Symbol.for('gh-retry.action.post-step')] = true;
await import('../index.js');
`,
};

/** Where tsc writes the compiled sources that ncc bundles. */
const compiled = 'lib';

/** ncc's webpack stats for one entry: the modules it bundled, for the licence file. */
const statsFile = path.join(compiled, 'ncc-stats.json');

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
  for (const [source, finalOut, minify] of entries) {
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
        '--stats-out',
        statsFile,
        '--target',
        'es2022',
      ],
      { stdio: 'inherit' },
    );
    writeLicenses({ stats: statsFile, out });
    rmSync(statsFile);
    if (minify) minifyBundle(out);
  }

  const stagedPost = path.join(staging, path.relative('dist', postEntry.file));
  mkdirSync(path.dirname(stagedPost), { recursive: true });
  writeFileSync(stagedPost, postEntry.text);

  const stagedBin = path.join(staging, path.relative('dist', cliBin));
  const bin = readFileSync(stagedBin, 'utf8');
  if (!bin.startsWith('#!')) writeFileSync(stagedBin, `#!/usr/bin/env node\n${bin}`);
  chmodSync(stagedBin, 0o755);
}

/** Minify the JavaScript files of one bundle (its entry and chunks, not the bundles in sub-folders). */
function minifyBundle(out) {
  for (const file of readdirSync(out).filter((name) => name.endsWith('.js'))) {
    const target = path.join(out, file);
    const { code } = transformSync(readFileSync(target, 'utf8'), {
      format: 'esm',
      platform: 'node',
      target: 'es2022',
      minify: true,
    });
    writeFileSync(target, code);
  }
}

/** The folder of the installed package a bundled file belongs to, or null for the project's own files. */
function packageDirOf(file) {
  const parts = file.split(path.sep);
  const at = parts.lastIndexOf('node_modules');
  if (at === -1) return null;
  const length = parts[at + 1]?.startsWith('@') ? 2 : 1;
  return parts.slice(0, at + 1 + length).join(path.sep);
}

/**
 * Write `licenses.txt` for one bundle from the package folders ncc actually bundled, in path
 * order. (ncc's own `--license` keys packages by name, so when two versions of one package are
 * installed, which licence text it prints depends on build order and dist/ would not be stable.)
 */
function writeLicenses({ stats, out }) {
  const files = new Set();
  const visit = (modules) => {
    for (const module of modules ?? []) {
      visit(module.modules);
      // Context modules carry `|mode|options` after their path.
      const name = (module.nameForCondition ?? module.identifier ?? '').split('|')[0] ?? '';
      if (path.isAbsolute(name)) files.add(name);
    }
  };
  visit(JSON.parse(readFileSync(stats, 'utf8')).modules);
  const dirs = [...new Set([...files].map(packageDirOf))].filter(
    (dir) => dir !== null && existsSync(path.join(dir, 'package.json')),
  );
  const sections = dirs
    .map((dir) => path.relative(process.cwd(), dir))
    .sort()
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      const texts = readdirSync(dir)
        .filter((file) => /^(licen[cs]e|copying)/i.test(file))
        .sort()
        .map((file) => readFileSync(path.join(dir, file), 'utf8').trim());
      const license = typeof manifest.license === 'string' ? manifest.license : 'see package';
      return [`${manifest.name}@${manifest.version}`, license, ...texts].join('\n');
    });
  writeFileSync(path.join(out, 'licenses.txt'), `${sections.join('\n\n')}\n`);
}
