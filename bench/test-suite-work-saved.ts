/**
 * Work saved on a test suite step (real pytest, the real Playwright test runner): a generated
 * suite where 1% of the tests fail until "fixed"; the retry from failure, the retry of
 * everything and a whole-job re-run, counted in tests executed and timed side by side.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { median } from './statistics.js';
import { mapVariants, sampleVariants, type RetryVariant } from './dbt-work-saved.js';
import { benchEnv, expectExit, REPO_ROOT, runBundledCli, runTimed } from './timed-process.js';

/** A test runner the bench drives. */
export type SuiteTool = 'pytest' | 'playwright';

/** The work-saved figures of one suite. */
export interface SuiteWorkSaved {
  readonly tool: SuiteTool;
  readonly tests: number;
  readonly failing: number;
  /** Tests each variant executed. */
  readonly executed: Readonly<Record<RetryVariant, number>>;
  /** The retry from failure executed exactly the failing tests. */
  readonly retriedExactly: boolean;
  readonly wallMs: Readonly<Record<RetryVariant, number>>;
  readonly wallRatio: Readonly<Record<RetryVariant, number>>;
  readonly samplesMs: Readonly<Record<RetryVariant, readonly number[]>>;
}

const FAILING_FILE = 'failing.txt';
const REPORT = 'report';

/** The command a schedule runs for each tool (the report tells the bench what ran). */
export function suiteCommand(tool: SuiteTool): string {
  return tool === 'pytest'
    ? `python3 -m pytest -q --junitxml=${REPORT}.xml test_suite.py`
    : `npx playwright test --reporter=json`;
}

/** Write a suite of `tests` tests (each taking `costMs`) whose names listed in failing.txt fail. */
export function writeSuite(params: {
  readonly tool: SuiteTool;
  readonly dir: string;
  readonly tests: number;
  readonly costMs: number;
}): void {
  mkdirSync(params.dir, { recursive: true });
  if (params.tool === 'pytest') {
    writeFileSync(path.join(params.dir, 'pytest.ini'), '[pytest]\n');
    writeFileSync(
      path.join(params.dir, 'test_suite.py'),
      `import pathlib, time\nimport pytest\n\n` +
        `_FILE = pathlib.Path(__file__).with_name("${FAILING_FILE}")\n` +
        `FAILING = set(_FILE.read_text().split()) if _FILE.exists() else set()\n\n\n` +
        `@pytest.mark.parametrize("n", range(${params.tests}))\n` +
        `def test_case(n):\n    time.sleep(${params.costMs / 1000})\n` +
        `    assert f"case-{n}" not in FAILING\n`,
    );
    return;
  }
  writeFileSync(
    path.join(params.dir, 'playwright.config.ts'),
    `import { defineConfig } from '@playwright/test';\n` +
      `export default defineConfig({ testDir: '.', workers: 2, retries: 0 });\n`,
  );
  writeFileSync(
    path.join(params.dir, 'suite.spec.ts'),
    `import { existsSync, readFileSync } from 'node:fs';\nimport { join } from 'node:path';\n` +
      `import { expect, test } from '@playwright/test';\n\n` +
      `const file = join(process.cwd(), '${FAILING_FILE}');\n` +
      `const failing = new Set(existsSync(file) ? readFileSync(file, 'utf8').split(/\\s+/) : []);\n\n` +
      `for (let n = 0; n < ${params.tests}; n += 1) {\n` +
      `  test(\`case-\${n}\`, async () => {\n` +
      `    await new Promise((resolve) => setTimeout(resolve, ${params.costMs}));\n` +
      `    expect(failing.has(\`case-\${n}\`)).toBe(false);\n  });\n}\n`,
  );
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(params.dir, 'node_modules'), 'dir');
}

/** The test names the last run reported, with their outcome. */
function readReport(tool: SuiteTool, dir: string): Map<string, boolean> {
  const outcomes = new Map<string, boolean>();
  if (tool === 'pytest') {
    const xml = readFileSync(path.join(dir, `${REPORT}.xml`), 'utf8');
    for (const match of xml.matchAll(
      /<testcase [^>]*name="test_case\[(\d+)\]"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g,
    ))
      outcomes.set(`case-${match[1] ?? ''}`, !/<(failure|error)/.test(match[3] ?? ''));
    return outcomes;
  }
  const report = JSON.parse(
    readFileSync(path.join(dir, `${REPORT}.json`), 'utf8'),
  ) as PlaywrightReport;
  const walk = (suite: PlaywrightSuite): void => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests)
        for (const r of t.results) outcomes.set(spec.title, r.status === 'passed');
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites) walk(suite);
  return outcomes;
}

interface PlaywrightSuite {
  specs?: { title: string; tests: { results: { status: string }[] }[] }[];
  suites?: PlaywrightSuite[];
}
interface PlaywrightReport {
  suites: PlaywrightSuite[];
}

/** Fail once through the CLI, fix, then time the three variants in rotating order. */
export async function measureSuiteWorkSaved(params: {
  readonly tool: SuiteTool;
  /** The bundled CLI to run. */
  readonly cli: string;
  readonly dir: string;
  readonly tests: number;
  readonly failing: number;
  readonly costMs: number;
  readonly repetitions: number;
}): Promise<SuiteWorkSaved> {
  const { tool, dir } = params;
  writeSuite(params);
  const failingNames = Array.from(
    { length: params.failing },
    (_, i) => `case-${Math.floor(((i + 0.5) * params.tests) / params.failing)}`,
  );
  const command = suiteCommand(tool);
  const env = benchEnv(
    tool === 'playwright' ? { CI: '1', PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORT}.json` } : {},
  );
  writeFileSync(path.join(dir, FAILING_FILE), failingNames.join('\n'));
  const first = await runBundledCli({
    cli: params.cli,
    args: ['run', '--command', command],
    cwd: dir,
    env,
  });
  expectExit(first, 1, `the failing ${tool} run`);
  const parent = /^run (\S+): /m.exec(first.stdout)?.[1] ?? 'last';
  rmSync(path.join(dir, FAILING_FILE));
  const { samples, executed, retriedExactly } = await sampleVariants({
    repetitions: params.repetitions,
    none: 0,
    measure: async (variant) => {
      // A variant that writes no report must not be credited with the previous one's.
      for (const ext of ['xml', 'json'])
        rmSync(path.join(dir, `${REPORT}.${ext}`), { force: true });
      const result =
        variant === 'whole-job'
          ? await runTimed({ file: '/bin/sh', args: ['-c', command], cwd: dir, env })
          : await runBundledCli({
              cli: params.cli,
              args: [
                'retry',
                parent,
                '--command',
                command,
                ...(variant === 'all' ? ['--all'] : []),
              ],
              cwd: dir,
              env,
            });
      expectExit(result, 0, `the ${tool} ${variant} run`);
      const ran = readReport(tool, dir);
      return {
        wallMs: result.wallMs,
        executed: ran.size,
        exact: [...ran.keys()].sort().join() === [...failingNames].sort().join(),
      };
    },
  });
  const wallMs = mapVariants((v) => median(samples[v]));
  return {
    tool,
    tests: params.tests,
    failing: params.failing,
    executed,
    retriedExactly,
    wallMs,
    wallRatio: mapVariants((v) => wallMs[v] / wallMs['whole-job']),
    samplesMs: samples,
  };
}
