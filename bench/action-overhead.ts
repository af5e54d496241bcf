/**
 * The Action against what a user without gh-retry runs: the real `dist/index.js` (and its post
 * entry, when action.yml's `post-if` starts it) run by the GitHub emulator's runner with a
 * schedule, against the baseline job: the same commands in one shell step, then
 * `actions/upload-artifact` (bench/upload-artifact-entry.mjs, bundled) uploading the same tool
 * file to the emulator's artifact service as its own action process. The schedule is `dbt build`
 * (a stand-in `dbt` that writes a run_results.json) followed by `true` steps. One wrapper times
 * every entry process; the variants run in rotating order and each figure is a median.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  startEmulator,
  type GitHubEmulator,
  type RequestLogEntry,
} from '../test/emulator/index.js';
import { bundleBaselineUploader } from './baseline-upload.js';
import type { Bundles } from './bundles.js';
import { fakeDbt, largeRunResults } from './large-run-results.js';
import { median, sampleRotating } from './statistics.js';
import { REPO_ROOT } from './timed-process.js';

/** The Action against the baseline at one schedule length (medians, ms). */
export interface OverheadAtSize {
  readonly steps: number;
  /** The Action's entries (main, and post when it ran). */
  readonly actionMs: number;
  /** The baseline's shell step (the commands themselves) and its upload process. */
  readonly shellMs: number;
  readonly uploadMs: number;
  /** actionMs − shellMs: gh-retry's whole cost beyond the commands; ÷ uploadMs. */
  readonly extraMs: number;
  readonly ratio: number;
  /** How many of the Action's runs started a post process. */
  readonly postRuns: number;
  /**
   * A second figure beside `extraMs` (not the target's definition): what remains of it once
   * starting one `bash -c` per step (`steps` × `bashPerStepMs`, which every step needs for its own
   * process group and which the baseline's single shell step does not pay) is taken off; ÷ uploadMs.
   */
  readonly beyondBashMs: number;
  readonly beyondBashRatio: number;
}

/** The Action overhead figures. */
export interface ActionOverhead {
  readonly sizes: readonly OverheadAtSize[];
  /** What each extra step costs the Action over the shell (slope between 1 and the most steps). */
  readonly overheadPerStepMs: number;
  /** What starting `bash -c true` costs a step, over the shell's builtin `true`, same slope. */
  readonly bashPerStepMs: number;
  /** Spawn to the Action's first output byte; and a bare `node -e 0` for reference. */
  readonly coldStartMs: number;
  readonly bareNodeMs: number;
  /** Main alone at the middle size; the record upload inside it (CreateArtifact → FinalizeArtifact). */
  readonly mainMs: number;
  readonly recordUploadMs: number;
  /** The same span of the baseline's upload. */
  readonly baselineUploadSpanMs: number;
  readonly samples: Readonly<Record<string, readonly number[]>>;
}

const REPO = 'bench/overhead';
const TIMER = path.join(REPO_ROOT, 'bench/timed-entry.mjs');
type Size = 'small' | 'middle' | 'large';
const SIZES: readonly Size[] = ['small', 'middle', 'large'];

interface EntryTiming {
  readonly entry: string;
  readonly wallMs: number;
  readonly firstOutputMs: number | null;
}

const workflow = (name: string) =>
  `name: ${name}\non:\n  workflow_dispatch:\npermissions:\n  actions: read\n  contents: read\n` +
  `jobs:\n  bench:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./\n`;

const schedule = (steps: number) => ['dbt build', ...Array<string>(steps - 1).fill('true')];

function registerJobs(params: {
  gh: GitHubEmulator;
  bundles: Bundles;
  uploader: string;
  counts: Readonly<Record<Size, number>>;
  env: Record<string, string>;
}): void {
  const { gh, bundles, counts, env, uploader } = params;
  const node = process.execPath;
  const project = (workspace: string) => {
    writeFileSync(path.join(workspace, 'dbt_project.yml'), 'name: bench\nprofile: bench\n');
  };
  for (const size of SIZES) {
    const commands = schedule(counts[size]);
    gh.onWorkflow(`.github/workflows/action-${size}.yml`, {
      action: bundles.actionDir,
      command: [node, TIMER, node, bundles.main],
      post: [node, TIMER, node, bundles.post],
      inputs: { name: 'bench', commands: commands.join('\n') },
      env,
      prepareWorkspace: project,
    });
    gh.onWorkflow(`.github/workflows/baseline-${size}.yml`, {
      command: [node, TIMER, '/bin/sh', 'schedule.sh'],
      post: [node, TIMER, node, uploader],
      inputs: { name: 'dbt-state', path: 'target/run_results.json' },
      env,
      prepareWorkspace: (workspace) => {
        project(workspace);
        writeFileSync(path.join(workspace, 'schedule.sh'), `set -e\n${commands.join('\n')}\n`);
      },
    });
  }
  for (const size of ['small', 'large'] as const) {
    const lines = Array<string>(counts[size]).fill('bash -c true').join('\n');
    gh.onWorkflow(`.github/workflows/bash-${size}.yml`, {
      command: [node, TIMER, '/bin/sh', 'bash.sh'],
      env,
      prepareWorkspace: (workspace) => {
        writeFileSync(path.join(workspace, 'bash.sh'), `set -e\n${lines}\n`);
      },
    });
  }
  gh.onWorkflow('.github/workflows/bare-node.yml', {
    command: [node, TIMER, node, '-e', '0'],
    env,
  });
}

/** Twirp calls of the artifact service between two points of the request log. */
function uploadSpan(log: readonly RequestLogEntry[]): number | null {
  const at = (method: string) =>
    log.find((entry) => entry.path.endsWith(`.ArtifactService/${method}`))?.at;
  const created = at('CreateArtifact');
  const finalized = at('FinalizeArtifact');
  return created && finalized ? Date.parse(finalized) - Date.parse(created) : null;
}

/** Run every variant `repetitions` times in rotating order in one emulator. */
export async function measureActionOverhead(params: {
  readonly bundles: Bundles;
  /** Schedule lengths: 1, N and a longer one for the per-step slope. */
  readonly steps: readonly number[];
  readonly repetitions: number;
}): Promise<ActionOverhead> {
  const temp = mkdtempSync(path.join(tmpdir(), 'gh-retry-bench-action-'));
  const timingDir = path.join(temp, 'timing');
  const [small = 1, middle = 20, large = 100] = params.steps;
  const counts = { small, middle, large };
  const gh = await startEmulator();
  const parts: Record<string, number[]> = {};
  const add = (key: string, value: number) => void (parts[key] ??= []).push(value);
  try {
    const uploader = await bundleBaselineUploader(path.join(temp, 'uploader'));
    const runResults = path.join(temp, 'run_results.json');
    writeFileSync(
      runResults,
      largeRunResults({ models: 50, testsPerModel: 2, passing: true }).text,
    );
    fakeDbt({ binDir: path.join(temp, 'bin'), runResults, exitCode: 0 });
    mkdirSync(timingDir);
    const env = {
      BENCH_TIMING_DIR: timingDir,
      PATH: `${path.join(temp, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    };
    const variants = [
      ...SIZES.flatMap((size) => [`action-${size}`, `baseline-${size}`]),
      'bash-small',
      'bash-large',
      'bare-node',
    ];
    const files = Object.fromEntries(
      variants.map((v) => [`.github/workflows/${v}.yml`, workflow(v)]),
    );
    gh.seedRepo({ repo: REPO, files });
    registerJobs({ gh, bundles: params.bundles, uploader, counts, env });
    const samples = await sampleRotating({
      variants,
      repetitions: params.repetitions,
      measure: async (variant) => {
        const logStart = gh.requests().length;
        const runId = await gh.startRun({
          repo: REPO,
          workflow: `.github/workflows/${variant}.yml`,
        });
        const run = await gh.waitForRun(runId, { status: 'completed', timeoutMs: 120_000 });
        await gh.idle();
        if (run.conclusion !== 'success')
          throw new Error(
            `${variant} run ${runId} ended ${run.conclusion ?? 'without a conclusion'}`,
          );
        const timings = readFileSync(path.join(timingDir, `${runId}-1.jsonl`), 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as EntryTiming);
        const [first, second] = timings;
        const span = uploadSpan(gh.requests().slice(logStart));
        if (variant.startsWith('action-')) {
          if (first?.firstOutputMs != null) add('cold', first.firstOutputMs);
          add(`main-${variant}`, first?.wallMs ?? 0);
          add(`post-${variant}`, second === undefined ? 0 : 1);
          if (span !== null) add('record-upload', span);
        } else if (variant.startsWith('baseline-')) {
          add(`shell-${variant}`, first?.wallMs ?? 0);
          add(`upload-${variant}`, second?.wallMs ?? 0);
          if (span !== null) add('baseline-upload', span);
        }
        return timings.reduce((sum, t) => sum + t.wallMs, 0);
      },
    });
    return summarise({ samples, parts, counts });
  } finally {
    await gh.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

function summarise(params: {
  samples: Record<string, number[]>;
  parts: Record<string, number[]>;
  counts: Readonly<Record<Size, number>>;
}): ActionOverhead {
  const { samples, parts, counts } = params;
  const m = (values: readonly number[] | undefined) =>
    values === undefined || values.length === 0 ? Number.NaN : median(values);
  const span = counts.large - counts.small;
  const shellSlope = (m(parts['shell-baseline-large']) - m(parts['shell-baseline-small'])) / span;
  const bashPerStepMs = (m(samples['bash-large']) - m(samples['bash-small'])) / span - shellSlope;
  const sizes = SIZES.map((size): OverheadAtSize => {
    const actionMs = m(samples[`action-${size}`]);
    const shellMs = m(parts[`shell-baseline-${size}`]);
    const uploadMs = m(parts[`upload-baseline-${size}`]);
    const beyondBashMs = actionMs - shellMs - counts[size] * bashPerStepMs;
    return {
      steps: counts[size],
      actionMs,
      shellMs,
      uploadMs,
      extraMs: actionMs - shellMs,
      ratio: (actionMs - shellMs) / uploadMs,
      postRuns: (parts[`post-action-${size}`] ?? []).reduce((a, b) => a + b, 0),
      beyondBashMs,
      beyondBashRatio: beyondBashMs / uploadMs,
    };
  });
  const [small, , large] = sizes;
  return {
    sizes,
    overheadPerStepMs: ((large?.actionMs ?? 0) - (small?.actionMs ?? 0)) / span - shellSlope,
    bashPerStepMs,
    coldStartMs: m(parts.cold),
    bareNodeMs: m(samples['bare-node']),
    mainMs: m(parts['main-action-middle']),
    recordUploadMs: m(parts['record-upload']),
    baselineUploadSpanMs: m(parts['baseline-upload']),
    samples: { ...samples, ...parts },
  };
}
