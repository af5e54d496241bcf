import { createHash } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { serializeRunRecord } from '../../src/core/run-record/record.js';
import type { RunRecord } from '../../src/core/run-record/schema.js';
import type {
  ArtifactDownload,
  ArtifactInfo,
  RunArtifactReader,
  WorkflowRunInfo,
} from '../../src/ports/github-runs.js';
import {
  aFailedDbtRunStep,
  aGitHubRun,
  aRunRecord,
  aSavedStateFile,
  FIXTURE_RUN,
} from './run-record.js';

/** The saved `run_results.json` of the parent record's failed dbt step. */
export const RUN_RESULTS =
  '{"results":[{"unique_id":"model.p.a","status":"error"}],"args":{"which":"run"}}';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function anArtifact(overrides: Partial<ArtifactInfo> & { name: string }): ArtifactInfo {
  return {
    id: 1,
    sizeInBytes: 100,
    expired: false,
    expiresAt: '2026-12-01T00:00:00Z',
    createdAt: null,
    ...overrides,
  };
}

/** The workflow of the parent record's run. */
const NIGHTLY = '.github/workflows/nightly.yml';

/** The run `aParentRecord` comes from (FIXTURE_RUN), in its nightly workflow, finished and failed. */
export function aRun(overrides: Partial<WorkflowRunInfo> = {}): WorkflowRunInfo {
  const { id, attempt, number, repository, serverUrl } = FIXTURE_RUN;
  return {
    id,
    attempt,
    runNumber: number,
    repository,
    workflowPath: NIGHTLY,
    status: 'completed',
    conclusion: 'failure',
    htmlUrl: `${serverUrl}/${repository}/actions/runs/${id}`,
    displayTitle: 'nightly',
    headSha: 'abc',
    headBranch: 'main',
    event: 'schedule',
    ...overrides,
  };
}

/** A parent record of run 100 attempt 1 with one failed dbt step and its saved run_results.json. */
export function aParentRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  return aRunRecord({
    id: '100-1',
    status: 'failed',
    github: aGitHubRun({ workflow: NIGHTLY }),
    steps: [
      aFailedDbtRunStep({
        state: [aSavedStateFile({ bytes: RUN_RESULTS.length, sha256: sha256(RUN_RESULTS) })],
      }),
    ],
    ...overrides,
  });
}

/** An in-memory GitHub with one run and its artifacts; records which artifacts were downloaded. */
export function aGitHub(params: {
  run?: WorkflowRunInfo | null;
  artifacts?: ArtifactInfo[];
  zips?: Record<number, Uint8Array | ArtifactDownload>;
}): RunArtifactReader & { downloads: number[] } {
  const downloads: number[] = [];
  return {
    downloads,
    getWorkflowRun: ({ runId }) =>
      Promise.resolve(params.run === undefined ? aRun({ id: runId }) : params.run),
    listRunArtifacts: ({ namePrefix }) =>
      Promise.resolve((params.artifacts ?? []).filter((a) => a.name.startsWith(namePrefix ?? ''))),
    downloadArtifactZip: ({ artifactId }) => {
      downloads.push(artifactId);
      const zip = params.zips?.[artifactId];
      if (zip === undefined) return Promise.resolve({ kind: 'not-found' });
      return Promise.resolve(zip instanceof Uint8Array ? { kind: 'downloaded', bytes: zip } : zip);
    },
  };
}

/** A record artifact's zip: `record.json` and the parent's saved state file, plus `extra`. */
export function aZip(record: RunRecord | string, extra: Zippable = {}): Uint8Array {
  const text = typeof record === 'string' ? record : serializeRunRecord(record);
  return zipSync({
    'record.json': strToU8(text),
    'state/dbt-run/target/run_results.json': strToU8(RUN_RESULTS),
    ...extra,
  });
}
