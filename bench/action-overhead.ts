/**
 * The Action's own cost: the real `dist/index.js` (and its post entry) run by the GitHub
 * emulator's runner with a schedule of trivial steps, against the same commands in one shell
 * script run the same way. Both entries are timed by one wrapper; the record upload goes to the
 * emulator's artifact service, so it is part of the figure (and reported on its own too).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  startEmulator,
  type GitHubEmulator,
  type RequestLogEntry,
} from '../test/emulator/index.js';
import { median, sampleRotating } from './statistics.js';
import type { Bundles } from './bundles.js';
import { REPO_ROOT } from './timed-process.js';

/** The Action overhead figures (medians, ms). */
export interface ActionOverhead {
  readonly steps: number;
  readonly slopeSteps: number;
  /** Main + post entries of the Action, and the shell script, for `steps` trivial commands. */
  readonly actionMs: number;
  readonly shellMs: number;
  readonly ratio: number;
  /** actionMs − shellMs: what the Action adds to one run. */
  readonly overheadPerRunMs: number;
  /** What each extra step costs over the shell: the slope between the 1-step and `slopeSteps` schedules. */
  readonly overheadPerStepMs: number;
  /** Spawn to the Action's first output byte; and a bare `node -e 0` for reference. */
  readonly coldStartMs: number;
  readonly bareNodeMs: number;
  readonly mainMs: number;
  readonly postMs: number;
  /** From the artifact service's CreateArtifact reply to its FinalizeArtifact reply. */
  readonly uploadMs: number;
  readonly samples: Readonly<Record<Variant, readonly number[]>>;
}

const REPO = 'bench/overhead';
/** Schedules of 1, N and `slopeSteps` steps, each as the Action and as a shell script. */
const VARIANTS = [
  'action-1',
  'shell-1',
  'action-n',
  'shell-n',
  'action-slope',
  'shell-slope',
  'bare-node',
] as const;
type Variant = (typeof VARIANTS)[number];
const TIMER = path.join(REPO_ROOT, 'bench/timed-entry.mjs');

interface EntryTiming {
  readonly entry: string;
  readonly wallMs: number;
  readonly firstOutputMs: number | null;
  readonly exitCode: number | null;
}

const workflow = (name: string) =>
  `name: ${name}\non:\n  workflow_dispatch:\npermissions:\n  actions: read\n  contents: read\n` +
  `jobs:\n  bench:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./\n`;

function registerJobs(params: {
  gh: GitHubEmulator;
  bundles: Bundles;
  counts: Readonly<Record<'1' | 'n' | 'slope', number>>;
  timingDir: string;
}): void {
  const { gh, bundles, counts, timingDir } = params;
  const env = { BENCH_TIMING_DIR: timingDir, PATH: process.env.PATH ?? '' };
  const node = process.execPath;
  for (const [suffix, count] of Object.entries(counts)) {
    const commands = Array.from({ length: count }, () => 'true').join('\n');
    gh.onWorkflow(`.github/workflows/action-${suffix}.yml`, {
      action: bundles.actionDir,
      command: [node, TIMER, node, bundles.main],
      post: [node, TIMER, node, bundles.post],
      inputs: { name: 'bench', commands },
      env,
    });
    gh.onWorkflow(`.github/workflows/shell-${suffix}.yml`, {
      command: [node, TIMER, '/bin/sh', 'schedule.sh'],
      env,
      prepareWorkspace: (workspace) => {
        writeFileSync(path.join(workspace, 'schedule.sh'), `set -e\n${commands}\n`);
      },
    });
  }
  gh.onWorkflow('.github/workflows/bare-node.yml', {
    command: [node, TIMER, node, '-e', '0'],
    env,
  });
}

/** Twirp calls of the artifact service between two points of the request log. */
function uploadDuration(log: readonly RequestLogEntry[]): number | null {
  const at = (method: string) =>
    log.find((entry) => entry.path.endsWith(`.ArtifactService/${method}`))?.at;
  const created = at('CreateArtifact');
  const finalized = at('FinalizeArtifact');
  return created && finalized ? Date.parse(finalized) - Date.parse(created) : null;
}

/** Run every variant `repetitions` times in rotating order in one emulator. */
export async function measureActionOverhead(params: {
  readonly bundles: Bundles;
  readonly steps: number;
  /** A longer schedule for the per-step cost, so it stands out of the noise of the fixed cost. */
  readonly slopeSteps: number;
  readonly repetitions: number;
}): Promise<ActionOverhead> {
  const timingDir = mkdtempSync(path.join(tmpdir(), 'gh-retry-bench-timing-'));
  const gh = await startEmulator();
  const uploads: number[] = [];
  const cold: number[] = [];
  const main: number[] = [];
  const post: number[] = [];
  try {
    const files = Object.fromEntries(
      VARIANTS.map((v) => [`.github/workflows/${v}.yml`, workflow(v)]),
    );
    gh.seedRepo({ repo: REPO, files });
    registerJobs({
      gh,
      bundles: params.bundles,
      counts: { '1': 1, n: params.steps, slope: params.slopeSteps },
      timingDir,
    });
    const samples = await sampleRotating({
      variants: VARIANTS,
      repetitions: params.repetitions,
      measure: async (variant) => {
        const logStart = gh.requests().length;
        const runId = await gh.startRun({
          repo: REPO,
          workflow: `.github/workflows/${variant}.yml`,
        });
        const run = await gh.waitForRun(runId, { status: 'completed', timeoutMs: 60_000 });
        await gh.idle();
        if (run.conclusion !== 'success')
          throw new Error(
            `${variant} run ${runId} ended ${run.conclusion ?? 'without a conclusion'}`,
          );
        const timings = readFileSync(path.join(timingDir, `${runId}-1.jsonl`), 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as EntryTiming);
        if (variant.startsWith('action')) {
          const [mainEntry, postEntry] = timings;
          if (mainEntry?.firstOutputMs != null) cold.push(mainEntry.firstOutputMs);
          main.push(mainEntry?.wallMs ?? 0);
          post.push(postEntry?.wallMs ?? 0);
          const upload = uploadDuration(gh.requests().slice(logStart));
          if (upload !== null) uploads.push(upload);
        }
        return timings.reduce((sum, t) => sum + t.wallMs, 0);
      },
    });
    const m = (v: Variant) => median(samples[v]);
    return {
      steps: params.steps,
      slopeSteps: params.slopeSteps,
      actionMs: m('action-n'),
      shellMs: m('shell-n'),
      ratio: m('action-n') / m('shell-n'),
      overheadPerRunMs: m('action-n') - m('shell-n'),
      overheadPerStepMs:
        (m('action-slope') - m('action-1') - (m('shell-slope') - m('shell-1'))) /
        (params.slopeSteps - 1),
      coldStartMs: median(cold),
      bareNodeMs: m('bare-node'),
      mainMs: median(main),
      postMs: median(post),
      uploadMs: uploads.length > 0 ? median(uploads) : Number.NaN,
      samples,
    };
  } finally {
    await gh.stop();
    rmSync(timingDir, { recursive: true, force: true });
  }
}
