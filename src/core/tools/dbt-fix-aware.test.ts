import { describe, expect, it } from 'vitest';
import { aFailedDbtRunStep, aSavedStateFile, aStepSpec } from '../../../test/support/run-record.js';
import { parseCommandLine } from '../schedule/command-line.js';
import { parseDbtCommand } from './dbt-command.js';
import {
  describeNodes,
  fixAwareCommands,
  fixAwareSelectors,
  parseProbeOutput,
  whyManifestUnusable,
  whyNotFixAware,
} from './dbt-fix-aware.js';
import { retryFormFor } from './index.js';

const MANIFEST = JSON.stringify({
  metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json' },
  nodes: {},
});
const RESULTS = JSON.stringify({
  metadata: {
    dbt_schema_version: 'https://schemas.getdbt.com/dbt/run-results/v6.json',
    dbt_version: '1.11.16',
  },
  results: [
    { status: 'success', unique_id: 'model.p.a', message: null },
    { status: 'fail', unique_id: 'test.p.t', message: null },
    { status: 'skipped', unique_id: 'model.p.b', message: null },
  ],
  args: { which: 'build' },
});

function parsed(run: string) {
  const words = parseCommandLine(run).first;
  const dbt = words === null ? null : parseDbtCommand(words);
  if (words === null || dbt === null) throw new Error(`not dbt: ${run}`);
  return { words, dbt };
}

function formFor(run: string, files: Record<string, string>, fixAware?: boolean) {
  const step = aStepSpec({ run, ...(fixAware === undefined ? {} : { fixAware }) });
  const parent = aFailedDbtRunStep({
    id: step.id,
    command: run,
    state: [
      aSavedStateFile({ stored: `${step.id}/target/run_results.json` }),
      aSavedStateFile({ path: 'target/manifest.json', stored: `${step.id}/target/manifest.json` }),
    ],
  });
  return retryFormFor({
    step,
    parent,
    parentState: new Map(Object.entries(files).map(([k, v]) => [`${step.id}/${k}`, v])),
    stateRoot: '/state/r-1',
    env: {},
    parentRun: 'r-1',
  });
}

describe('fix-aware selectors', () => {
  it('select what dbt retry runs, plus changed nodes on the way to it that succeeded', () => {
    expect(fixAwareSelectors(['skipped', 'fail', 'skipped'])).toEqual({
      retry: 'result:fail result:skipped',
      added:
        'state:modified+,+result:fail,result:success state:modified+,+result:skipped,result:success',
      passed: 'result:pass result:warn',
    });
  });
  it('keep warn tests when the retry treats warnings as errors', () => {
    expect(fixAwareSelectors(['warn']).passed).toBe('result:pass');
  });
});

describe('fix-aware commands', () => {
  it('replace the selection, keep target and vars, probe with dbt ls', () => {
    const { words, dbt } = parsed(
      `dbt build --select tag:nightly+ other --exclude x --target prod --vars '{"a": 1}' --full-refresh`,
    );
    const form = fixAwareCommands({
      words,
      dbt,
      statuses: ['fail'],
      stateDir: '/s',
      parentRun: 'r-1',
    });
    const added = 'state:modified+,+result:fail,result:success';
    expect(form.exec).toBe(
      `dbt build --target prod --vars '{"a": 1}' --full-refresh --select 'result:fail ${added}' --exclude 'result:pass result:warn' --indirect-selection cautious --state /s`,
    );
    expect(form.probe).toBe(
      `dbt --quiet --log-format text ls --target prod --vars '{"a": 1}' --select ${added} --exclude 'result:pass result:warn result:fail' --indirect-selection cautious --state /s --output json --output-keys unique_id`,
    );
  });
});

describe('when a dbt retry is fix-aware', () => {
  it.each([
    ['dbt build', null],
    ['dbt run', 'dbt run does not build models'],
    ['dbt test', 'dbt test does not build models'],
    ['dbt build --state prod --defer', 'the step uses dbt state itself (--state, --defer)'],
    ['DBT_STATE=prod dbt build', 'the step uses dbt state itself (DBT_STATE)'],
  ])('%s → %s', (run, expected) => {
    const { words, dbt } = parsed(run);
    expect(whyNotFixAware(dbt, words, {})).toBe(expected);
  });

  it('a saved manifest gives the plan a fix-aware form; the exec stays dbt retry', () => {
    const form = formFor('dbt build', {
      'target/run_results.json': RESULTS,
      'target/manifest.json': MANIFEST,
    });
    expect(form.kind === 'retry' && form.exec).toBe(
      'dbt retry --state /state/r-1/dbt-build/target',
    );
    expect(form.kind === 'retry' && form.fixAware?.exec).toMatch(/^dbt build --select /);
    expect(form.kind === 'retry' && form.reason).toContain('changed since run r-1');
  });

  it.each([
    ['no manifest (an older record)', {}, undefined, ''],
    ['fix-aware: false', { 'target/manifest.json': MANIFEST }, false, 'fix-aware: false'],
    [
      'a manifest that is not one',
      { 'target/manifest.json': '{"nodes": 1}' },
      undefined,
      'not a dbt manifest',
    ],
    ['a manifest that is not JSON', { 'target/manifest.json': '{' }, undefined, 'not valid JSON'],
  ])('%s: exactly dbt retry', (_name, files, fixAware, says) => {
    const form = formFor('dbt build', { 'target/run_results.json': RESULTS, ...files }, fixAware);
    expect(form.kind).toBe('retry');
    expect(form.kind === 'retry' && form.fixAware).toBeUndefined();
    if (says !== '') expect(form.kind === 'retry' && form.reason).toContain(says);
  });

  it('manifest checks', () => {
    expect(whyManifestUnusable(MANIFEST)).toBeNull();
    expect(whyManifestUnusable(undefined)).toContain('no manifest.json');
  });
});

describe('probe output', () => {
  it('takes unique_id lines only, once each', () => {
    const out =
      'noise\n{"unique_id": "model.p.a"}\n{"other": 1}\n{"unique_id": "model.p.a"}\n{bad\n{"unique_id": "seed.p.s"}\n';
    expect(parseProbeOutput(out)).toEqual(['model.p.a', 'seed.p.s']);
    expect(describeNodes(['model.p.a', 'seed.p.s'])).toBe('model a, seed s');
    expect(describeNodes(['model.p.a', 'model.p.b', 'model.p.c'], 2)).toBe(
      'model a, model b and 1 more',
    );
  });
});
