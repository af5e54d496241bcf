// A vitest reporter for the CI log: at the end of a run that included real-dbt tests (files under
// test/real-dbt), one line with how many ran and how they ended, so the log shows that real dbt
// ran and was not skipped. Runs without them (the unit tier) print nothing.
import path from 'node:path';
import type { Reporter, TestModule, TestState } from 'vitest/node';

const REAL_DBT_DIR = `${import.meta.dirname}${path.sep}`;

/** `real dbt: 31 tests in 12 files under test/real-dbt: 31 passed, 0 failed, 0 skipped`. */
export function describeRealDbtTests(modules: readonly TestModule[]): string | null {
  const files = modules.filter((module) => module.moduleId.startsWith(REAL_DBT_DIR));
  if (files.length === 0) return null;
  const counts: Record<TestState, number> = { passed: 0, failed: 0, skipped: 0, pending: 0 };
  for (const file of files) {
    for (const test of file.children.allTests()) counts[test.result().state] += 1;
  }
  const total = counts.passed + counts.failed + counts.skipped + counts.pending;
  const notRun = counts.skipped + counts.pending;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `real dbt: ${plural(total, 'test')} in ${plural(files.length, 'file')} under test/real-dbt: ${counts.passed} passed, ${counts.failed} failed, ${notRun} skipped`;
}

export default class RealDbtCountReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const line = describeRealDbtTests(testModules);
    if (line !== null) process.stdout.write(`\n${line}\n`);
  }
}
