/**
 * What the scenarios' jobs check out: a generated dbt project (the dbt emulator on PATH) whose
 * failing models the test chooses before each run, and the pytest and Playwright suites whose
 * one flaky test fails the first time it runs.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EMULATOR_BIN_DIR, makeProject } from '../../dbt-emulator/make-project.mjs';
import type { JobSpec } from '../../emulator/index.js';
import { descendants } from '../dbt-projects.mjs';
import { REPO_ROOT } from '../app-process.js';

/** Models of the scenarios' dbt project: about 50, with tests, as the issue asks. */
export const MODELS = 50;

/** What the next dbt job's project looks like. */
export interface DbtScenario {
  /** Models that fail (the marker file); empty once "fixed". */
  failing: string[];
  /** Extra files written into `transform/` (e.g. a script a step runs). */
  files: Record<string, string>;
}

/** Two failing models, neither downstream of the other, each with descendants; and what a retry must run. */
export function chooseFailingModels(): { failing: string[]; retried: string[]; all: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'gh-retry-e2e-probe-'));
  try {
    const project = makeProject({ dir, models: MODELS });
    const candidates = project.models.filter((m) => descendants(project, m).length > 0);
    const a = candidates[0];
    const b = candidates.find(
      (m) =>
        m !== a &&
        a !== undefined &&
        !descendants(project, a).includes(m) &&
        !descendants(project, m).includes(a),
    );
    if (a === undefined || b === undefined) throw new Error('no two independent models to fail');
    const retried = new Set([a, b, ...descendants(project, a), ...descendants(project, b)]);
    const id = (model: string) => `model.${project.projectName}.${model}`;
    return {
      failing: [a, b],
      retried: [...retried].map(id).sort(),
      all: project.models.map(id).sort(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The gh-retry job of the dbt workflow: the real Action, a fresh project in `transform/` each run. */
export function dbtJob(scenario: DbtScenario): JobSpec {
  return {
    action: REPO_ROOT,
    env: { PATH: `${EMULATOR_BIN_DIR}${path.delimiter}${process.env.PATH ?? ''}` },
    prepareWorkspace: (workspace) => {
      const dir = path.join(workspace, 'transform');
      makeProject({ dir, models: MODELS, fail: scenario.failing });
      for (const [name, text] of Object.entries(scenario.files))
        writeFileSync(path.join(dir, name), text, { mode: 0o755 });
    },
  };
}

/** The job of a test-suite workflow: a fixture suite checked out, its flaky test's marker outside the workspace. */
export function suiteJob(params: {
  readonly fixture: 'pytest-fails-once' | 'playwright-fails-once';
  readonly marker: string;
}): JobSpec {
  const playwright = params.fixture.startsWith('playwright');
  return {
    action: REPO_ROOT,
    env: {
      FAILS_ONCE_MARKER: params.marker,
      PYTHONDONTWRITEBYTECODE: '1',
      ...(playwright ? { PLAYWRIGHT_JSON_OUTPUT_NAME: 'report.json' } : {}),
    },
    prepareWorkspace: (workspace) => {
      cpSync(path.join(REPO_ROOT, 'test/fixtures', params.fixture), workspace, { recursive: true });
      if (playwright)
        symlinkSync(
          path.join(REPO_ROOT, 'node_modules'),
          path.join(workspace, 'node_modules'),
          'dir',
        );
    },
  };
}
