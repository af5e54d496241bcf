import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderCommandHelp } from '../../src/core/bot/comment-command.js';
import { parseConfigText } from '../../src/core/bot/config.js';
import { RETRY_RUN_NAME } from '../../src/core/bot/retry-title.js';
import { readManifest } from '../support/app/harness.js';

const docs = readFileSync(new URL('../../docs/app.md', import.meta.url), 'utf8');

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function yamlBlocks(): string[] {
  return [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

describe('docs/app.md', () => {
  it('gives the reason for every permission and event of app/app.yml', () => {
    const { permissions, events } = readManifest();
    const row = (cell: string) => new RegExp(`^\\| \`${escape(cell)}\`\\s*\\| +\\S.+\\|$`, 'm');
    for (const [name, level] of Object.entries(permissions))
      expect(docs).toMatch(row(`${name}: ${level}`));
    for (const event of events) expect(docs).toMatch(row(event));
  });

  it('lists every command form of the help', () => {
    const usages = [...renderCommandHelp().matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1] ?? '');
    expect(usages.length).toBeGreaterThan(4);
    for (const usage of usages)
      expect(docs).toMatch(new RegExp(`^\\| \`${escape(usage)}\`\\s*\\|`, 'm'));
  });

  it('shows a configuration file that is valid and uses every key', () => {
    const config = yamlBlocks().find((block) => block.includes('retry-policies:'))!;
    expect(parseConfigText(config).problems).toEqual([]);
    for (const key of [
      'permission',
      'name',
      'workflows',
      'branches',
      'mode',
      'max-attempts',
      'delay',
      'stop-on-same-failure',
      'conditions',
      'exit-codes',
      'output-patterns',
      'dbt-errors',
    ])
      expect(config).toContain(`${key}:`);
  });

  it('shows the bot workflow with the permissions the App asks for, and the run-name the bot relies on', () => {
    const workflow = parse(yamlBlocks().find((block) => block.includes('gh-retry bot'))!) as {
      permissions: Record<string, string>;
    };
    const { permissions } = readManifest();
    const expected = Object.fromEntries(
      Object.entries(permissions)
        .filter(([name]) => name !== 'metadata')
        .map(([name, level]) => [name.replace('_', '-'), level]),
    );
    expect(workflow.permissions).toEqual(expected);
    expect(docs).toContain(`run-name: "${RETRY_RUN_NAME}"`);
  });
});
