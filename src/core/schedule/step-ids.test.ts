import { describe, expect, it } from 'vitest';
import { assignStepIds, deriveBaseStepId, isSetupCommand, isValidStepId } from './step-ids.js';
import { examples } from '../../../test/support/examples.js';

describe('deriveBaseStepId', () => {
  it.each([
    ['dbt run --select x', 'dbt-run'],
    ['dbt docs generate', 'dbt-docs-generate'],
    ['dbt source freshness', 'dbt-source-freshness'],
    ['dbt --log-level debug run', 'dbt-run'],
    ['dbt --debug build -s tag:nightly', 'dbt-build'],
    ['python -m pytest -q', 'pytest'],
    ['python3 -m pytest tests', 'pytest-tests'],
    ['py.test -x', 'pytest'],
    ['npx playwright test', 'playwright-test'],
    ['npx --yes playwright test --project chromium', 'playwright-test'],
    ['npm ci', 'npm-ci'],
    ['./scripts/load.sh', 'load-sh'],
    ['./scripts/load.sh --full', 'load-sh'],
    ['DBT_TARGET_PATH=out dbt seed', 'dbt-seed'],
    ['env -i HOME=/tmp poetry run dbt test', 'dbt-test'],
    ['uv run --with dbt-duckdb dbt run', 'dbt-run'],
    ['pipenv run pytest', 'pytest'],
    ['.venv/bin/dbt run', 'dbt-run'],
    ['pytest -k "slow and not flaky"', 'pytest'],
    ['cd project && dbt run', 'cd-project'],
    ['"$TOOL" run', 'run'],
    ['$X', 'step'],
    ['make', 'make'],
    ['Make BUILD', 'make-build'],
  ])('%s → %s', (command, id) => {
    expect(deriveBaseStepId(command)).toBe(id);
    expect(isValidStepId(id)).toBe(true);
  });

  it('keeps derived ids within 64 characters', () => {
    const id = deriveBaseStepId(`${'x'.repeat(100)} run`);
    expect(id.length).toBeLessThanOrEqual(60);
    expect(isValidStepId(`${id}-99`)).toBe(true);
  });
});

describe('assignStepIds', () => {
  it.each([
    {
      name: 'collisions take -2, -3 in order',
      steps: ['dbt run -s a', 'dbt run -s b', 'dbt run -s c'].map((command) => ({
        command,
        id: null,
      })),
      ids: ['dbt-run', 'dbt-run-2', 'dbt-run-3'],
    },
    {
      name: 'explicit ids win and are never renamed',
      steps: [
        { command: 'dbt run -s a', id: null },
        { command: 'dbt run -s b', id: 'dbt-run' },
      ],
      ids: ['dbt-run-2', 'dbt-run'],
    },
    {
      name: 'a derived suffix skips ids already taken explicitly',
      steps: [
        { command: 'npm ci', id: null },
        { command: 'npm test', id: 'npm-ci-2' },
        { command: 'npm ci', id: null },
      ],
      ids: ['npm-ci', 'npm-ci-2', 'npm-ci-3'],
    },
  ])('$name', ({ steps, ids }) => {
    expect(assignStepIds(steps)).toEqual(ids);
  });
});

describe('isSetupCommand', () => {
  examples(isSetupCommand, [
    ['dbt deps', true],
    ['dbt debug', true],
    ['dbt parse', true],
    ['dbt clean', true],
    ['dbt --debug deps', true],
    ['uv run dbt deps', true],
    ['npm ci', true],
    ['npm install', true],
    ['npm i', true],
    ['pip install -r requirements.txt', true],
    ['pip3 install dbt-duckdb', true],
    ['python -m pip install dbt-core', true],
    ['uv sync', true],
    ['uv sync --frozen', true],
    ['uv pip install dbt-duckdb', true],
    ['poetry install', true],
    ['git clone https://github.com/o/r.git', true],
    ['dbt run', false],
    ['dbt --log-level debug run', false],
    ['dbt docs generate', false],
    ['npm test', false],
    ['npm run install-hooks', false],
    ['pip freeze', false],
    ['git pull', false],
    ['poetry run pytest', false],
    ['dbt deps && dbt run', false],
    ['yarn', true],
    ['yarn install --frozen-lockfile', true],
    ['yarn test', false],
    ['pnpm install', true],
    ['pnpm i', true],
    ['pnpm test', false],
    ['bundle install', true],
    ['bundle exec rake', false],
    ['npx playwright install --with-deps', true],
    ['npx playwright test', false],
    ['cd warehouse && dbt deps', true],
    ['cd a && cd b && npm ci', true],
    ['cd warehouse && dbt run', false],
    ['cd warehouse; dbt deps', false],
    ['make && dbt deps', false],
    ["cd 'a && b' && dbt deps", false],
    ['echo dbt deps', false],
    ['', false],
  ]);
});

describe('isValidStepId', () => {
  examples(isValidStepId, [
    ['dbt-run', true],
    ['a', true],
    ['0.load_raw', true],
    ['x'.repeat(64), true],
    ['x'.repeat(65), false],
    ['Dbt-run', false],
    ['-dbt', false],
    ['dbt run', false],
    ['', false],
  ]);
});
