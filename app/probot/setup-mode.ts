/**
 * `npm start` without `APP_ID` and a private key: Probot's setup (manifest) flow registers the
 * App on GitHub from the project's own manifest, `app/app.yml` (its permissions, events and
 * webhook path), and writes the credentials to `.env`, which the next `npm start` reads.
 * Probot reads `app.yml` from its working directory, so the flow runs in a temporary directory
 * holding the manifest made for this server, and writes `.env` to the project.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from 'probot';
import { parse, stringify } from 'yaml';
import { DEFAULT_WEBHOOK_PATH } from './webhook-server.js';

/** The manifest the setup page posts to GitHub: `app/app.yml` with this server's webhook URL. */
export function setupManifest(
  manifestYaml: string,
  env: Readonly<Record<string, string | undefined>>,
): Record<string, unknown> {
  const manifest = parse(manifestYaml) as Record<string, unknown>;
  const webhookPath = env.WEBHOOK_PATH ?? DEFAULT_WEBHOOK_PATH;
  const local = `http://localhost:${env.PORT ?? '3000'}${webhookPath}`;
  return {
    ...manifest,
    hook_attributes: { url: nonEmpty(env.WEBHOOK_PROXY_URL) ?? local, active: true },
  };
}

/** Start Probot's setup server for the project at `root`; resolves once it listens. */
export async function startSetupMode(root: string): Promise<void> {
  const manifestYaml = readFileSync(path.join(root, 'app/app.yml'), 'utf8');
  const dir = mkdtempSync(path.join(tmpdir(), 'gh-retry-setup-'));
  writeFileSync(path.join(dir, 'app.yml'), stringify(setupManifest(manifestYaml, process.env)));
  process.chdir(dir);
  await run(() => undefined, {
    env: process.env,
    updateEnv: (values: NodeJS.ProcessEnv) => writeProjectEnv(root, values),
  });
}

/** Merge `values` into the project's `.env` (Probot's format: one `KEY=value` a line). */
function writeProjectEnv(root: string, values: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const file = path.join(root, '.env');
  const merged: Record<string, string> = {};
  if (existsSync(file))
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const at = line.indexOf('=');
      if (at > 0 && !line.startsWith('#')) merged[line.slice(0, at)] = line.slice(at + 1);
    }
  for (const [key, value] of Object.entries(values))
    if (value !== undefined) merged[key] = value.replace(/\n/g, '\\n');
  writeFileSync(
    file,
    `${Object.entries(merged)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n')}\n`,
    { mode: 0o600 },
  );
  Object.assign(process.env, values);
  return merged;
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text;
}
