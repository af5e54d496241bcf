/**
 * Artifact size per run: the record artifact the real Action uploads for a failed dbt run
 * (record.json plus each dbt step's saved run_results.json, zipped) against those files
 * uncompressed, as the tools wrote them.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { emulatedDbtPath } from '../test/support/cli.js';
import { startEmulatorWithRepo } from '../test/support/emulator.js';
import { actionWorkflow } from '../test/support/action/workflow.js';
import { DBT_COMMANDS, type BenchProject } from './dbt-work-saved.js';

/** The bytes of a record artifact: the zip and what is inside it. */
export interface RecordArtifactBytes {
  /** The zip as stored by the artifact service. */
  readonly artifactBytes: number;
  readonly recordBytes: number;
  /** The saved tool files (run_results.json of each dbt step that ran), uncompressed. */
  readonly rawToolBytes: number;
}

/** Sizes of one run's record artifact. */
export interface ArtifactSize extends RecordArtifactBytes {
  readonly models: number;
  readonly files: number;
}

const REPO = 'bench/warehouse';
const WORKFLOW = '.github/workflows/nightly.yml';

const nightly = actionWorkflow({
  name: 'nightly',
  job: 'dbt',
  with: { name: 'nightly', 'working-directory': 'transform' },
  commands: DBT_COMMANDS,
});

/** Run the failing schedule of each project through the Action once and weigh its artifact. */
export async function measureArtifactSizes(params: {
  readonly projects: readonly BenchProject[];
  /** The folder with `action.yml` and `dist/` the workflow uses. */
  readonly actionDir: string;
}): Promise<ArtifactSize[]> {
  const { gh } = await startEmulatorWithRepo({ repo: REPO, files: { [WORKFLOW]: nightly } });
  try {
    const sizes: ArtifactSize[] = [];
    for (const bench of params.projects) {
      bench.breakIt();
      gh.onWorkflow(WORKFLOW, {
        action: params.actionDir,
        env: { PATH: emulatedDbtPath() },
        prepareWorkspace: (workspace) => {
          cpSync(bench.dir, path.join(workspace, 'transform'), {
            recursive: true,
            filter: (source) => !/[/\\](\.gh-retry|target)$/.test(source),
          });
        },
      });
      const runId = await gh.startRun({ repo: REPO, workflow: WORKFLOW });
      const run = await gh.waitForRun(runId, { status: 'completed', timeoutMs: 300_000 });
      await gh.idle();
      if (run.conclusion !== 'failure')
        throw new Error(
          `the failing ${bench.project.models.length}-model run ended ${run.conclusion ?? '?'}`,
        );
      const artifact = gh.artifacts(runId)[0];
      if (artifact === undefined) throw new Error(`run ${runId} uploaded no artifact`);
      const files = gh.artifactFiles(artifact.id);
      const record = files['record.json']?.byteLength ?? 0;
      const state = Object.entries(files).filter(([name]) => name.startsWith('state/'));
      sizes.push({
        models: bench.project.models.length,
        artifactBytes: artifact.size_in_bytes,
        recordBytes: record,
        rawToolBytes: state.reduce((sum, [, bytes]) => sum + bytes.byteLength, 0),
        files: Object.keys(files).length,
      });
    }
    return sizes;
  } finally {
    await gh.stop();
  }
}
