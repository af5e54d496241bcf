import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RETRY_RUN_NAME } from '../../src/core/bot/retry-title.js';
import { parseCommandList, parseScheduleFile } from '../../src/core/schedule/command-list.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const examples = path.join(repoRoot, 'examples');
const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
};

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string | number>;
}
interface Workflow {
  name: string;
  'run-name'?: string;
  on: Record<string, { inputs?: Record<string, unknown> } | null>;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

const workflowFiles = readdirSync(examples).filter((f) => {
  const doc = parse(readFileSync(path.join(examples, f), 'utf8')) as Partial<Workflow> | null;
  return f.endsWith('.yml') && doc?.jobs !== undefined;
});
const read = (file: string) => parse(readFileSync(path.join(examples, file), 'utf8')) as Workflow;
const ghRetrySteps = (workflow: Workflow) =>
  Object.values(workflow.jobs).flatMap((job) =>
    job.steps.filter((s) => s.uses?.startsWith('gh-retry/gh-retry@')),
  );

describe('example workflows', () => {
  it('include the dbt nightly, pytest and Playwright workflows', () => {
    expect(workflowFiles.sort()).toEqual(['dbt-nightly.yml', 'playwright.yml', 'pytest.yml']);
  });

  describe.each(workflowFiles)('%s', (file) => {
    const workflow = read(file);
    const dispatchInputs = Object.keys(workflow.on.workflow_dispatch?.inputs ?? {});

    it('uses the Action with only the inputs action.yml declares, and valid values', () => {
      const steps = ghRetrySteps(workflow);
      expect(steps.length).toBeGreaterThan(0);
      for (const step of steps) {
        const given = Object.keys(step.with ?? {});
        expect(given.filter((name) => !(name in action.inputs))).toEqual([]);
        expect(given.filter((n) => n === 'commands' || n === 'schedule')).toHaveLength(1);
        if (step.with?.['on-rerun'] !== undefined)
          expect(['from-failure', 'all']).toContain(step.with['on-rerun']);
        if (typeof step.with?.commands === 'string')
          expect(parseCommandList(step.with.commands).steps.length).toBeGreaterThan(0);
      }
    });

    it('declares retry-of / retry-mode dispatch inputs, names retries in run-name, and can read artifacts', () => {
      expect(dispatchInputs).toEqual(expect.arrayContaining(['retry-of', 'retry-mode']));
      // Quoted in YAML: an unquoted ` #` would start a comment and cut the title short.
      expect(workflow['run-name']).toBe(RETRY_RUN_NAME);
      expect(workflow.permissions).toMatchObject({ actions: 'read', contents: 'read' });
    });

    it('references only inputs the workflow declares', () => {
      const text = readFileSync(path.join(examples, file), 'utf8');
      const used = [...text.matchAll(/inputs\.([A-Za-z0-9_-]+)/g)].map((m) => m[1]);
      expect(used.filter((name) => !dispatchInputs.includes(name!))).toEqual([]);
    });

    it('pins every third-party action by commit sha', () => {
      const uses = Object.values(workflow.jobs).flatMap((job) =>
        job.steps.flatMap((s) => (s.uses ? [s.uses] : [])),
      );
      const thirdParty = uses.filter((u) => !u.startsWith('gh-retry/gh-retry@'));
      for (const use of thirdParty) expect(use).toMatch(/@[0-9a-f]{40}$/);
    });
  });

  it('the dbt nightly schedule derives dbt step ids and treats dbt deps as setup', () => {
    const [step] = ghRetrySteps(read('dbt-nightly.yml'));
    const schedule = parseCommandList(String(step?.with?.commands));
    expect(schedule.steps.map((s) => [s.id, s.setup])).toEqual([
      ['dbt-deps', true],
      ['dbt-seed', false],
      ['dbt-run', false],
      ['dbt-test', false],
    ]);
  });

  it('the Playwright schedule file parses, with the browser install as a setup step', () => {
    const text = readFileSync(path.join(examples, 'e2e-schedule.yml'), 'utf8');
    const schedule = parseScheduleFile({ text, fileName: 'e2e.yml' });
    expect(schedule.steps.map((s) => [s.id, s.setup])).toEqual([
      ['npm-ci', true],
      ['browsers', true],
      ['e2e', false],
    ]);
  });
});

describe('docs/action.md', () => {
  const script = path.join(repoRoot, 'scripts/action-docs.mjs');

  it('matches action.yml', () => {
    const result = spawnSync(process.execPath, [script, '--check'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const doc = readFileSync(path.join(repoRoot, 'docs/action.md'), 'utf8');
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect(doc).toContain(`| \`${name}\``);
    }
  });

  it('is reported stale when action.yml changes, and regenerated by the script', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gh-retry-docs-'));
    const changed = readFileSync(path.join(repoRoot, 'action.yml'), 'utf8').replace(
      'outputs:\n',
      'outputs:\n  extra-output:\n    description: Added later.\n',
    );
    writeFileSync(path.join(dir, 'action.yml'), changed);
    copyFileSync(path.join(repoRoot, 'docs/action.md'), path.join(dir, 'action.md'));
    const args = [script, '--action', path.join(dir, 'action.yml'), path.join(dir, 'action.md')];
    const stale = spawnSync(process.execPath, [...args, '--check'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('action.md does not match');
    execFileSync(process.execPath, args, { cwd: repoRoot });
    expect(readFileSync(path.join(dir, 'action.md'), 'utf8')).toMatch(
      /\| `extra-output` +\| Added later\. +\|/,
    );
  });
});
