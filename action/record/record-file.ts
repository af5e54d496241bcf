import { rename, writeFile } from 'node:fs/promises';
import { serializeRunRecord } from '../../src/core/run-record/record.js';
import {
  RECORD_LIMITS,
  runRecordSchema,
  type RunRecord,
  type StepRecord,
} from '../../src/core/run-record/schema.js';
import type { RecordWriter } from '../../src/ports/execution.js';

/*
 * The run folder's record.json as main rewrites it before every step. Checking and serialising
 * the whole record each time made the 100th save a hundred times the work of the first; here
 * each save checks and serialises only the steps that changed since the save before (usually
 * the step that just ended and the one about to start), and the file is byte for byte what
 * `serializeRunRecord` writes.
 */

const stepSchema = runRecordSchema.shape.steps.element;
let headSchema: ReturnType<typeof runRecordSchema.omit<{ steps: true }>> | null = null;

/** A step as last saved, and its 2-space JSON as it sits in the record's `steps` array. */
export interface SavedStep {
  readonly step: StepRecord;
  readonly text: string;
}

/** A record writer for `recordPath` that rechecks only what changed; writes are atomic (temp file + rename). */
export function createRecordFile(recordPath: string): RecordWriter {
  let saved: readonly SavedStep[] = [];
  let saves = 0;
  return {
    saveRecord: async (record) => {
      const result = serializeIncrementally(record, saved);
      saved = result.steps;
      saves += 1;
      const temp = `${recordPath}.${String(process.pid)}-${String(saves)}.tmp`;
      await writeFile(temp, result.text);
      await rename(temp, recordPath);
    },
  };
}

/**
 * `serializeRunRecord(record)`, reusing the checked JSON of each step that is field for field the
 * step at its place in the save before (`saved`). Anything the schema refuses is left to
 * `serializeRunRecord`, so the error is the one every record writer gives.
 */
export function serializeIncrementally(
  record: RunRecord,
  saved: readonly SavedStep[],
): { text: string; steps: SavedStep[] } {
  const { steps, ...top } = record;
  headSchema ??= runRecordSchema.omit({ steps: true });
  const head = headSchema.safeParse(top);
  if (!head.success || steps.length > RECORD_LIMITS.maxSteps) return whole(record);
  const next: SavedStep[] = [];
  for (const [index, step] of steps.entries()) {
    const before = saved[index];
    const text =
      before !== undefined && sameFields(before.step, step) ? before.text : checked(step);
    if (text === null) return whole(record);
    next.push({ step, text });
  }
  const headText = JSON.stringify(head.data, null, 2);
  const stepsText = next.length === 0 ? '[]' : `[\n${next.map((s) => s.text).join(',\n')}\n  ]`;
  return { text: `${headText.slice(0, -2)},\n  "steps": ${stepsText}\n}\n`, steps: next };
}

/** Everything checked and serialised at once (it throws the schema's refusal). */
function whole(record: RunRecord): { text: string; steps: SavedStep[] } {
  return { text: serializeRunRecord(record), steps: [] };
}

/**
 * The same fields holding the same values: a record's steps are shallow copies, so a step that
 * did not change keeps its nested objects (nodes, state, attempts) by reference.
 */
function sameFields(a: StepRecord, b: StepRecord): boolean {
  const keys = Object.keys(a) as (keyof StepRecord)[];
  return (
    keys.length === Object.keys(b).length && keys.every((key) => key in b && a[key] === b[key])
  );
}

/** One step checked against the schema and indented for the `steps` array; null when refused. */
function checked(step: StepRecord): string | null {
  const result = stepSchema.safeParse(step);
  if (!result.success) return null;
  return `    ${JSON.stringify(result.data, null, 2).replaceAll('\n', '\n    ')}`;
}
