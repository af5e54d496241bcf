/** The outcome of a followed run in a terminal: each record's table, then one line of totals. */
import { listWithMore, renderRunTable } from '../../src/core/report/text.js';
import type { RunRecord } from '../../src/core/run-record/schema.js';

/** Steps by what the run did with them: reused, retried (retry form), run (as written). */
export function countSteps(record: RunRecord): { reused: number; retried: number; run: number } {
  const counts = { reused: 0, retried: 0, run: 0 };
  for (const step of record.steps) {
    if (step.status === 'reused' || step.action === 'reuse') counts.reused += 1;
    else if (step.action === 'retry') counts.retried += 1;
    else if (step.executed !== null) counts.run += 1;
  }
  return counts;
}

/** The failed dbt nodes and tests of a record, by id. */
export function failedNodes(record: RunRecord): string[] {
  return record.steps.flatMap((step) => step.nodes?.failed.map((node) => node.id) ?? []);
}

/** Text for the end of `--follow`: tables, totals, and why a record could not be read. */
export function describeRecords(read: {
  records: readonly RunRecord[];
  problems: readonly string[];
}): string {
  const parts = read.records.map((record) => {
    const { reused, retried, run } = countSteps(record);
    const failed = failedNodes(record);
    const totals = `steps: ${reused} reused, ${retried} retried, ${run} run`;
    const nodes = failed.length === 0 ? '' : `; failed nodes: ${listWithMore(failed)}`;
    return `\n${renderRunTable(record)}\n${totals}${nodes}\n`;
  });
  const problems = read.problems.map((problem) => `note: ${problem}\n`);
  return [...parts, ...problems].join('');
}
