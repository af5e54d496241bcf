/**
 * `npm start` without configuration: Probot's setup page, whose form posts the project's own
 * manifest (`app/app.yml`: its permissions, events and this server's webhook URL) to GitHub.
 * The server runs from source in a temporary directory holding only `app/app.yml`.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { setupManifest } from '../../app/probot/setup-mode.js';
import { freePort } from '../support/free-port.js';
import { readManifest } from '../support/app/harness.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GUARD = path.join(ROOT, 'test/support/e2e/process-guard.mjs');
const TSX_LOADER = path.join(ROOT, 'node_modules/tsx/dist/loader.mjs');

/** HTML-unescape the manifest Probot's page puts in its form. */
function manifestOf(html: string): Record<string, unknown> {
  const value = /id="manifest" value='([^']*)'/.exec(html)?.[1];
  if (value === undefined) throw new Error(`no manifest in the setup page:\n${html}`);
  return JSON.parse(value.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as Record<
    string,
    unknown
  >;
}

describe('npm start without configuration', () => {
  it('makes the manifest from app/app.yml with the webhook URL of this server', () => {
    const manifest = setupManifest(
      'name: x\ndefault_events: [check_run]\nhook_attributes:\n  url: https://example.com\n',
      {
        PORT: '4000',
        WEBHOOK_PATH: '/hooks',
      },
    );
    expect(manifest).toEqual({
      name: 'x',
      default_events: ['check_run'],
      hook_attributes: { url: 'http://localhost:4000/hooks', active: true },
    });
    expect(
      setupManifest('name: x\n', { WEBHOOK_PROXY_URL: 'https://smee.io/abc' }).hook_attributes,
    ).toEqual({ url: 'https://smee.io/abc', active: true });
  });

  it('serves Probot’s setup page, which posts the project’s manifest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gh-retry-setup-test-'));
    mkdirSync(path.join(dir, 'app'));
    cpSync(path.join(ROOT, 'app/app.yml'), path.join(dir, 'app/app.yml'));
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        GUARD,
        process.execPath,
        '--import',
        pathToFileURL(TSX_LOADER).href,
        path.join(ROOT, 'app/probot/server.ts'),
      ],
      {
        cwd: dir,
        stdio: ['pipe', 'pipe', 'pipe'],
        env: {
          PATH: process.env.PATH ?? '',
          HOME: dir,
          PORT: String(port),
          HOST: '127.0.0.1',
          WEBHOOK_PATH: '/hooks/github',
          WEBHOOK_PROXY_URL: 'https://smee.io/gh-retry-test',
          LOG_LEVEL: 'info',
          NO_PROXY: '127.0.0.1,localhost',
        },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      let html = '';
      for (let attempt = 0; attempt < 300 && html === ''; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const page = await fetch(`http://127.0.0.1:${port}/probot`).catch(() => null);
        if (page?.status === 200) html = await page.text();
      }
      expect(html, output).not.toBe('');
      const manifest = manifestOf(html);
      const project = readManifest();
      expect(manifest).toMatchObject({
        name: 'gh-retry',
        default_permissions: project.permissions,
        default_events: project.events,
        hook_attributes: { url: 'https://smee.io/gh-retry-test', active: true },
        redirect_url: `http://127.0.0.1:${port}/probot/setup`,
      });
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
