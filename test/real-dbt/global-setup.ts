// vitest globalSetup of the real-dbt tests: create (or reuse) the virtualenv of every pinned dbt
// version before any test runs, then print one line per virtualenv with the dbt-core, dbt-duckdb
// and duckdb versions actually installed in it (so the CI log shows which dbt ran). Without
// Python or the package index the run fails with one line.
import {
  DBT_VERSIONS,
  DbtVenvError,
  describeInstalled,
  ensureDbtVenv,
} from '../../scripts/dbt-venv.mjs';

export default function setup(): void {
  for (const version of DBT_VERSIONS) {
    try {
      ensureDbtVenv(version);
      process.stdout.write(`real dbt: ${describeInstalled(version)}\n`);
    } catch (error) {
      if (!(error instanceof DbtVenvError)) throw error;
      throw new Error(`real dbt is not available: ${error.message}`);
    }
  }
}
