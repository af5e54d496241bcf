import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRunRecord } from '../../src/core/run-record/record.js';
import { startAppHarness, type AppHarness } from '../support/app/harness.js';
import { checkRunOf, comment, named, replies } from '../support/app/scenario.js';
import { retryWorkflow } from '../support/app/workflows.js';

const REPO = 'acme/warehouse';
const root = fileURLToPath(new URL('../../', import.meta.url));
const bundled = existsSync(join(root, 'dist/index.js'));

// The second step fails once: the marker file outlives the job's fresh workspace.
const COMMANDS = [
  'echo "loading"',
  'if [ ! -f "$MARK" ]; then touch "$MARK"; echo "warehouse busy"; exit 1; fi; echo "transformed"',
];

describe.skipIf(!bundled)('the App and the bundled Action (dist/index.js), end to end', () => {
  let h: AppHarness;
  let scratch: string;

  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'gh-retry-app-e2e-'));
    h = await startAppHarness({
      repo: {
        repo: REPO,
        files: { '.github/workflows/nightly.yml': retryWorkflow('Nightly', COMMANDS) },
        collaborators: { mona: 'write' },
      },
    });
    h.gh.onWorkflow('.github/workflows/nightly.yml', {
      action: root,
      env: { MARK: join(scratch, 'failed-once') },
    });
  });

  afterEach(async () => {
    expect(h.log.errors).toEqual([]);
    await h.stop();
    await rm(scratch, { recursive: true, force: true });
  });

  it('reads the record the Action uploaded, retries from failure on /retry, and reports the outcome', async () => {
    const pull = h.gh.addPullRequest({ repo: REPO, head: 'feature' });
    const fired = await h.gh.fire({
      kind: 'pull_request',
      action: 'opened',
      repo: REPO,
      number: pull.number,
    });
    const parent = fired.runs[0]!;
    expect((await h.gh.waitForRun(parent)).conclusion).toBe('failure');
    await h.gh.idle();
    const check = checkRunOf(h, parent)!;
    expect(check.output.title).toBe('nightly failed at if');
    expect(check.actions.map((a) => a.identifier)).toEqual(['retry-failed', 'retry-all']);

    await comment(h, { pr: pull.number, body: '/retry' });
    const retry = h.gh.dispatches()[0]!.runId;
    expect((await h.gh.waitForRun(retry)).conclusion).toBe('success');
    await h.gh.idle();

    const [artifact] = h.gh.artifacts(retry);
    const record = parseRunRecord(
      new TextDecoder().decode(h.gh.artifactFiles(artifact!.id)['record.json']),
    );
    expect(record.lineage).toMatchObject({
      parent: `${parent}-1`,
      retryNumber: 1,
      mode: { kind: 'from-failure' },
    });
    expect(record.steps.map((s) => s.status)).toEqual(['reused', 'success']);
    expect(
      named(replies(h, pull.number)[0]!.split('\n\n')[1]!, { parent, retry }),
    ).toMatchInlineSnapshot(
      `"**Nightly** (\`nightly.yml\`): retrying [#<parent>](https://github.com/acme/warehouse/actions/runs/<parent>) as [#<retry>](https://github.com/acme/warehouse/actions/runs/<retry>). <!-- gh-retry:parent=<parent> -->✅ [#<retry>](https://github.com/acme/warehouse/actions/runs/<retry>) succeeded (1 step reused, 1 step run)."`,
    );
    expect(checkRunOf(h, retry)!.conclusion).toBe('success');
  });
});
