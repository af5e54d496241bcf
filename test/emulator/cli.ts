/**
 * Standalone emulator for development: `npm run emulator -- --port N [--seed FILE]`.
 * Prints its URLs, App credentials and tokens, and runs until interrupted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { startEmulator } from './index.js';
import { applySeed, parseSeedFile } from './seed-file.js';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new InvalidArgumentError('expected a port number (0-65535)');
  return port;
}

async function main(): Promise<void> {
  const program = new Command('emulator')
    .description(
      'A local GitHub (REST, artifacts, webhooks, workflow runner) held to GitHub’s API description',
    )
    .option('--port <port>', 'REST port (0 picks a free one)', parsePort, 0)
    .option('--results-port <port>', 'results-service port (0 picks a free one)', parsePort, 0)
    .option('--seed <file>', 'seed file (YAML or JSON): repos, apps, jobs, users')
    .parse();
  const options = program.opts<{ port: number; resultsPort: number; seed?: string }>();
  const gh = await startEmulator({ port: options.port, resultsPort: options.resultsPort });
  const lines = [
    `GitHub emulator REST API: ${gh.url}  (also ${gh.url}/api/v3)`,
    `Results service (ACTIONS_RESULTS_URL): ${gh.resultsUrl}`,
  ];
  if (options.seed) {
    const path = resolve(options.seed);
    const applied = applySeed(gh, parseSeedFile(readFileSync(path, 'utf8')), dirname(path));
    const keys = await mkdtemp(join(tmpdir(), 'gh-emulator-keys-'));
    for (const app of applied.apps) {
      const keyFile = join(keys, `${app.slug}.pem`);
      writeFileSync(keyFile, app.privateKey, { mode: 0o600 });
      lines.push(
        `App ${app.slug}: APP_ID=${app.appId} installation=${app.installationId} WEBHOOK_SECRET=${app.webhookSecret} PRIVATE_KEY_PATH=${keyFile}`,
      );
    }
    for (const [login, token] of Object.entries(applied.tokens))
      lines.push(`Token for ${login}: ${token}`);
  }
  lines.push('Press Ctrl-C to stop.');
  console.log(lines.join('\n'));
  const stop = (): void => {
    for (const violation of gh.takeViolations()) console.error(`violation: ${violation.message}`);
    gh.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
