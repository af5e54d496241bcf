// The dbt emulator held to real dbt: the same retry_lab project and the same failures, injected
// for real (a missing input file, a data test that returns rows) and through the emulator's
// marker file, must give the same exit codes, node statuses and retry sets at every step of a
// retry chain. Hook rows are left out: the emulator has no hooks (E6 of the dbt ground truth).
// The emulator reads no data, so its marker says which tests return rows: the accepted_values
// test that always warns on retry_lab's seed, and the singular tests failing under TEST_FAIL=1.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { EMULATOR_BIN_DIR } from '../dbt-emulator/make-project.mjs';
import { makeLab, REAL_DBT_TIMEOUT, readRunResults, type Lab } from './lab.js';

let labs: Lab[] = [];
afterEach(() => {
  for (const lab of labs) lab.remove();
  labs = [];
});

/** What one dbt invocation did: its exit code and the non-hook statuses it wrote (if it wrote). */
interface Outcome {
  readonly exit: number | undefined;
  readonly which: string | null;
  readonly statuses: Record<string, string> | null;
}

interface Side {
  readonly lab: Lab;
  readonly env: Record<string, string>;
  readonly fix: () => void;
}

async function step(side: Side, args: string[]): Promise<Outcome> {
  const file = path.join(side.lab.project, 'target/run_results.json');
  rmSync(file, { force: true });
  const result = await execa('dbt', args, {
    cwd: side.lab.project,
    env: side.lab.env(side.env),
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
  });
  if (!existsSync(file)) return { exit: result.exitCode, which: null, statuses: null };
  const written = readRunResults(file);
  const statuses = Object.entries(written.statuses).filter(
    ([name]) => !name.startsWith('retry_lab-'),
  );
  return { exit: result.exitCode, which: written.which, statuses: Object.fromEntries(statuses) };
}

/** A scenario: the command, which singular tests return rows, and the emulator's marker. */
interface Scenario {
  readonly command: string[];
  readonly testFail: boolean;
  /** The marker's lines for what real data does whatever the failure (tests that always warn). */
  readonly always: string;
  /** The marker's lines for the injected failures other than the missing input file. */
  readonly injected: string;
}

/** A singular test on a model that succeeds: it fails while TEST_FAIL=1, so build skips below it. */
const CUSTOMERS_TEST = [
  'tests/assert_customers_ok.sql',
  "select * from {{ ref('stg_customers') }} where {{ env_var('TEST_FAIL', '0') }} = 1\n",
] as const;

/** The real side: failures injected for real. */
function realSide(scenario: Scenario): Side {
  const lab = makeLab();
  labs.push(lab);
  lab.write(...CUSTOMERS_TEST);
  const env: Record<string, string> = { TEST_FAIL: scenario.testFail ? '1' : '0' };
  return {
    lab,
    env,
    fix: () => {
      lab.writePayments();
      env['TEST_FAIL'] = '0';
    },
  };
}

/** The emulated side: the same project, the failures in the emulator's marker file. */
function emulatedSide(scenario: Scenario): Side {
  const lab = makeLab();
  labs.push(lab);
  lab.write(...CUSTOMERS_TEST);
  const marker = path.join(lab.project, '.dbt-emulator.yml');
  const failing = `fail:\n  stg_payments: 'IO Error: No files found'\n${scenario.injected}`;
  writeFileSync(marker, `${failing}${scenario.always}`);
  return {
    lab,
    env: {
      PATH: `${EMULATOR_BIN_DIR}${path.delimiter}${process.env.PATH ?? ''}`,
      DBT_EMULATOR_VERSION: '1.11.16',
    },
    fix: () => {
      if (scenario.always === '') rmSync(marker);
      else writeFileSync(marker, scenario.always);
    },
  };
}

/** seed, the command (fails), a retry still failing, the fix, a retry, two more retries. */
async function chain(side: Side, command: string[]): Promise<Outcome[]> {
  const outcomes = [await step(side, ['seed']), await step(side, command)];
  outcomes.push(await step(side, ['retry']));
  side.fix();
  outcomes.push(
    await step(side, ['retry']),
    await step(side, ['retry']),
    await step(side, ['retry']),
  );
  return outcomes;
}

const SCENARIOS: readonly [string, Scenario][] = [
  [
    'dbt run with a missing input file',
    { command: ['run'], testFail: false, always: '', injected: '' },
  ],
  [
    'dbt build with a failing model, a failing singular test and a warning test',
    {
      command: ['build', '--exclude', 'resource_type:snapshot'],
      testFail: true,
      always: 'warn_tests:\n  accepted_values_stg_customers_name__alice: 1\n',
      injected: 'fail_tests:\n  assert_customers_ok: 1\n  assert_dim_customers_ok: 1\n',
    },
  ],
];

describe('real dbt and the dbt emulator agree', { timeout: REAL_DBT_TIMEOUT * 2 }, () => {
  it.each(SCENARIOS)('%s', async (_name, scenario) => {
    const real = await chain(realSide(scenario), scenario.command);
    const emulated = await chain(emulatedSide(scenario), scenario.command);
    expect(real[1]?.exit).toBe(1); // the scenario really fails
    expect(emulated).toEqual(real);
  });
});
