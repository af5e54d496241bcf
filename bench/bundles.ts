/**
 * The bundles under measurement. The bench copies `action.yml` and `dist/` once at its start and
 * measures the copy, so a `npm run bundle` in the same tree during the run changes nothing.
 */
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './timed-process.js';

/** Where each bundle is. */
export interface Bundles {
  /** A folder with `action.yml` and `dist/`: what a workflow's `uses:` resolves to. */
  readonly actionDir: string;
  readonly main: string;
  readonly post: string;
  /** The `gh-retry` CLI. */
  readonly cli: string;
  /** The App server, or null when it is not built. */
  readonly app: string | null;
}

const REQUIRED = ['dist/index.js', 'dist/post/index.js', 'dist/cli/index.js'];

/** The bundles of an action folder. */
export function bundlesIn(actionDir: string): Bundles {
  const app = path.join(actionDir, 'dist/app/index.js');
  return {
    actionDir,
    main: path.join(actionDir, 'dist/index.js'),
    post: path.join(actionDir, 'dist/post/index.js'),
    cli: path.join(actionDir, 'dist/cli/index.js'),
    app: existsSync(app) ? app : null,
  };
}

/** Copy `action.yml` and `dist/` of the repository into `dir`; fails when a bundle is missing. */
export function snapshotBundles(dir: string): Bundles {
  const missing = REQUIRED.filter((file) => !existsSync(path.join(REPO_ROOT, file)));
  if (missing.length > 0)
    throw new Error(`${missing.join(', ')} missing: run \`npm run bundle\` first`);
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(REPO_ROOT, 'action.yml'), path.join(dir, 'action.yml'));
  cpSync(path.join(REPO_ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  return bundlesIn(dir);
}
