import { describe, expect, it } from 'vitest';
import { aStepSpec } from '../../../test/support/run-record.js';
import { projectTargetPath } from './dbt-project.js';
import { configPathsFor, stateRefusalFor, statePathsFor } from './index.js';
import { examples } from '../../../test/support/examples.js';

describe('target-path in dbt_project.yml', () => {
  examples(projectTargetPath, [
    ['name: p\ntarget-path: build\n', { kind: 'path', path: 'build' }],
    ['target-path: "./out/dbt/"\n', { kind: 'path', path: 'out/dbt' }],
    ['target-path: a/../b\n', { kind: 'path', path: 'b' }],
    ['target-path: ./\n', { kind: 'path', path: '.' }],
    ['target-path: .\n', { kind: 'path', path: '.' }],
    ['name: p\n', { kind: 'unset' }],
    ['target-path:\n', { kind: 'unset' }],
    ['name: [unclosed\n', { kind: 'unset' }],
  ]);

  it.each([
    [
      'target-path: ../outside\n',
      'target-path "../outside" in dbt_project.yml is outside the dbt project',
    ],
    ['target-path: /tmp/t\n', 'target-path "/tmp/t" in dbt_project.yml is outside the dbt project'],
    ['target-path: ~/t\n', 'is outside the dbt project'],
    ['target-path: ../dbt-project/t\n', 'is outside the dbt project'],
    ['target-path: a/../../t\n', 'is outside the dbt project'],
    ['target-path: "{{ env_var(\'T\') }}"\n', 'is rendered by Jinja'],
    ['target-path: [a]\n', 'is not a path'],
  ])('refuses %j in one line', (content, reason) => {
    const result = projectTargetPath(content);
    expect(result.kind).toBe('refused');
    const text = result.kind === 'refused' ? result.reason : '';
    expect(text).toContain(reason);
    expect(text).not.toContain('\n');
  });
});

describe('dbt state paths with the project file', () => {
  const paths = (run: string, config: Record<string, string>, env = {}) =>
    statePathsFor({ step: aStepSpec({ run }), env, config: new Map(Object.entries(config)) });

  it('reads dbt_project.yml in the project folder', () => {
    expect(configPathsFor({ step: aStepSpec({ run: 'dbt run' }), env: {} })).toEqual([
      'dbt_project.yml',
    ]);
    const step = aStepSpec({ run: 'dbt build --project-dir transform' });
    expect(configPathsFor({ step, env: {} })).toEqual(['transform/dbt_project.yml']);
    const fromEnv = { DBT_PROJECT_DIR: 'proj' };
    expect(configPathsFor({ step: aStepSpec({ run: 'dbt run' }), env: fromEnv })).toEqual([
      'proj/dbt_project.yml',
    ]);
  });

  it('takes target-path from the file when no flag or variable gives one', () => {
    const file = { 'transform/dbt_project.yml': 'target-path: build\n' };
    expect(paths('dbt run --project-dir transform', file)).toEqual([
      'transform/build/run_results.json',
      'transform/build/manifest.json',
    ]);
    expect(paths('dbt run --project-dir transform --target-path out', file)).toEqual([
      'transform/out/run_results.json',
      'transform/out/manifest.json',
    ]);
    expect(paths('dbt run --project-dir transform', file, { DBT_TARGET_PATH: 'env' })).toEqual([
      'transform/env/run_results.json',
      'transform/env/manifest.json',
    ]);
    expect(paths('dbt run', file)).toEqual(['target/run_results.json', 'target/manifest.json']);
  });

  it('saves nothing and says why when the file points outside the project', () => {
    const config = new Map([['dbt_project.yml', 'target-path: ../elsewhere\n']]);
    const step = aStepSpec({ run: 'dbt run' });
    expect(statePathsFor({ step, env: {}, config })).toEqual([]);
    expect(stateRefusalFor({ step, env: {}, config })).toMatch(
      /^target-path "\.\.\/elsewhere" in dbt_project\.yml is outside the dbt project, so gh-retry does not save run_results\.json$/,
    );
    const flagged = aStepSpec({ run: 'dbt run --target-path out' });
    expect(stateRefusalFor({ step: flagged, env: {}, config })).toBeNull();
    expect(statePathsFor({ step: flagged, env: {}, config })).toEqual([
      'out/run_results.json',
      'out/manifest.json',
    ]);
  });

  it('other tools read no project file and refuse nothing', () => {
    const step = aStepSpec({ run: 'pytest' });
    expect(configPathsFor({ step, env: {} })).toEqual([]);
    expect(stateRefusalFor({ step, env: {}, config: new Map() })).toBeNull();
  });
});
