/**
 * The record artifact of the largest run: the real Action (`dist/index.js`) runs a `dbt build` of
 * 10,000 models and 40,000 tests that fails (large-run-results.ts) in the GitHub emulator and
 * uploads its record; then the record is downloaded and verified as a retry does
 * (`loadParentRun`: list, download, unpack, schema and checksum checks, state files written).
 * Sizes: the zip as the artifact service stores it against record.json and the raw
 * run_results.json. Times: main without the upload (runs the step, saves the state, writes the
 * record), the upload (CreateArtifact → FinalizeArtifact in the request log), download + verify.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEmulator } from '../test/emulator/index.js';
import { createGitHubClient } from '../src/adapters/github/client.js';
import { loadParentRun } from '../src/adapters/github/record-artifacts.js';
import { createRestRunReader } from '../src/adapters/github/runs.js';
import type { RecordArtifactBytes } from './artifact-size.js';
import type { Bundles } from './bundles.js';
import { fakeDbt, largeRunResults, type LargeBuild } from './large-run-results.js';
import { REPO_ROOT } from './timed-process.js';

/** The record artifact of one large failed run. */
export interface LargeRecordArtifact extends RecordArtifactBytes {
  readonly build: LargeBuild;
  readonly mainMs: number;
  /** Main without the upload span. */
  readonly writeMs: number;
  readonly uploadMs: number;
  readonly downloadVerifyMs: number;
}

const REPO = 'bench/large';
const WORKFLOW = '.github/workflows/build.yml';
const TIMER = path.join(REPO_ROOT, 'bench/timed-entry.mjs');
const workflow =
  'name: build\non:\n  workflow_dispatch:\npermissions:\n  actions: read\n  contents: read\n' +
  'jobs:\n  dbt:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./\n';

/** Fail a build of `models` models (4 tests each) through the Action, then download its record. */
export async function measureLargeRecordArtifact(params: {
  readonly bundles: Bundles;
  readonly models: number;
}): Promise<LargeRecordArtifact> {
  const temp = mkdtempSync(path.join(tmpdir(), 'gh-retry-bench-large-'));
  const gh = await startEmulator();
  try {
    const { build, text } = largeRunResults({ models: params.models, testsPerModel: 4 });
    const runResults = path.join(temp, 'run_results.json');
    writeFileSync(runResults, text);
    fakeDbt({ binDir: path.join(temp, 'bin'), runResults });
    const timingDir = path.join(temp, 'timing');
    mkdirSync(timingDir);
    gh.seedRepo({ repo: REPO, files: { [WORKFLOW]: workflow } });
    const node = process.execPath;
    gh.onWorkflow(WORKFLOW, {
      action: params.bundles.actionDir,
      command: [node, TIMER, node, params.bundles.main],
      inputs: { name: 'build', commands: 'dbt build' },
      env: {
        BENCH_TIMING_DIR: timingDir,
        PATH: `${path.join(temp, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
      },
      prepareWorkspace: (workspace) => {
        writeFileSync(path.join(workspace, 'dbt_project.yml'), 'name: large\nprofile: large\n');
      },
    });
    const logStart = gh.requests().length;
    const runId = await gh.startRun({ repo: REPO, workflow: WORKFLOW });
    const run = await gh.waitForRun(runId, { status: 'completed', timeoutMs: 300_000 });
    await gh.idle();
    if (run.conclusion !== 'failure')
      throw new Error(`the failing ${build.nodes}-node build ended ${run.conclusion ?? '?'}`);
    const artifact = gh.artifacts(runId)[0];
    if (artifact === undefined) throw new Error(`run ${runId} uploaded no artifact`);
    const files = gh.artifactFiles(artifact.id);
    const log = gh.requests().slice(logStart);
    const at = (method: string) =>
      Date.parse(log.find((e) => e.path.endsWith(`.ArtifactService/${method}`))?.at ?? '');
    const uploadMs = at('FinalizeArtifact') - at('CreateArtifact');
    const [main] = readFileSync(path.join(timingDir, `${runId}-1.jsonl`), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { wallMs: number });
    const downloadVerifyMs = await downloadAndVerify({ gh, runId, temp });
    const mainMs = main?.wallMs ?? Number.NaN;
    return {
      build,
      artifactBytes: artifact.size_in_bytes,
      recordBytes: files['record.json']?.byteLength ?? 0,
      rawToolBytes: statSync(runResults).size,
      mainMs,
      writeMs: mainMs - uploadMs,
      uploadMs,
      downloadVerifyMs,
    };
  } finally {
    await gh.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

async function downloadAndVerify(params: {
  gh: Awaited<ReturnType<typeof startEmulator>>;
  runId: number;
  temp: string;
}): Promise<number> {
  const { gh, runId } = params;
  const [owner = '', repo = ''] = REPO.split('/');
  const token = gh.actionsToken({ repo: REPO, runId, permissions: { actions: 'read' } });
  const github = createRestRunReader(createGitHubClient({ token, baseUrl: gh.url }));
  const started = performance.now();
  const parent = await loadParentRun({
    github,
    repo: { owner, repo },
    workflowPath: WORKFLOW,
    runId,
    maxAttempt: null,
    key: 'build',
    requireCompleted: true,
    destination: path.join(params.temp, 'parent-state'),
  });
  const ms = performance.now() - started;
  if (parent.kind !== 'loaded') throw new Error(`the record did not load: ${parent.reason}`);
  if (parent.parentState.size !== 1) throw new Error('the record holds no run_results.json');
  return ms;
}
