import { beforeEach, describe, expect, it } from 'vitest';
import {
  FAILED,
  comment,
  finishRun,
  named,
  openPullRequest,
  pushAndFinish,
  readable,
  replies,
} from '../support/app/scenario.js';
import { ACTIONS_BOT, BOT, botBundled, useBotWorkflow } from '../support/app/bot-workflow.js';

const REPO = 'acme/warehouse';

describe.skipIf(!botBundled)('the bot hosted in a workflow (app/action.yml, dist/bot)', () => {
  const bot = useBotWorkflow(REPO, { collaborators: { mona: 'write', rita: 'read' } });
  const { gh, scene } = bot;

  beforeEach(async () => {
    await bot.start();
  });

  function botRuns() {
    return gh.runs(REPO).filter((run) => run.path.replace(/@.*$/, '') === BOT);
  }

  it('shows a completed run as a check run, answers /retry and edits the reply with the outcome', async () => {
    const pull = await openPullRequest(scene, {
      head: 'feature',
      endings: { 'nightly.yml': FAILED },
    });
    const parent = pull.runs['nightly.yml']!;

    const check = gh.checkRuns().find((c) => c.external_id === String(parent))!;
    expect(check.conclusion).toBe('failure');
    expect(check.actions).toEqual([]);
    // It may show under another workflow's run (a GITHUB_TOKEN's check run joins any Actions
    // suite on the commit), so its title and summary name the run it describes.
    const runNumber = gh.run(parent).run_number;
    expect(check.output.title).toMatch(new RegExp(`^Nightly #${runNumber}: \\S`));
    expect(check.output.summary).toContain(
      `About the run [Nightly #${runNumber}](https://github.com/${REPO}/actions/runs/${parent})`,
    );

    const { commentId } = await comment(scene, { pr: pull.number, body: '/retry' });
    const [dispatch] = gh.dispatches();
    expect(
      gh.dispatches().map((d) => ({ workflow: d.workflowPath, inputs: d.inputs, actor: d.actor })),
    ).toEqual([
      {
        workflow: '.github/workflows/nightly.yml',
        inputs: { 'retry-of': String(parent), 'retry-mode': 'from-failure' },
        actor: ACTIONS_BOT,
      },
    ]);
    expect(gh.reactions(commentId).map((r) => r.content)).toEqual(['eyes', 'rocket']);

    await finishRun(scene, dispatch!.runId, {
      conclusion: 'success',
      record: {
        status: 'success',
        lineage: {
          parent: `${parent}-1`,
          root: `${parent}-1`,
          retryNumber: 1,
          mode: { kind: 'from-failure' },
        },
      },
    });
    const bodies = replies(scene, pull.number);
    expect(bodies).toHaveLength(1);
    expect(named(bodies[0]!, { parent, retry: dispatch!.runId, comment: commentId }))
      .toMatchInlineSnapshot(`
        "🔁 Retrying from failure, as @mona asked:

        **Nightly** (\`nightly.yml\`): retrying [#<parent>](https://github.com/acme/warehouse/actions/runs/<parent>) as [#<retry>](https://github.com/acme/warehouse/actions/runs/<retry>). <!-- gh-retry:parent=<parent> -->✅ [#<retry>](https://github.com/acme/warehouse/actions/runs/<retry>) succeeded (3 steps run).

        <!-- gh-retry:retry run=<retry> trigger=comment by=mona of=<parent> -->
        <!-- gh-retry:reply-to=<comment> -->"
      `);
    expect(botRuns().map((run) => run.conclusion)).toEqual(['success', 'success', 'success']);
  });

  it('applies a retry policy with the repository’s token', async () => {
    gh.commitFiles(REPO, { '.github/gh-retry.yml': 'retry-policies:\n  - max-attempts: 2\n' });
    const { runId: parent } = await pushAndFinish(scene, {
      workflow: 'nightly.yml',
      ending: FAILED,
    });
    expect(gh.dispatches().map((d) => ({ inputs: d.inputs, actor: d.actor }))).toEqual([
      { inputs: { 'retry-of': String(parent), 'retry-mode': 'from-failure' }, actor: ACTIONS_BOT },
    ]);
    const check = gh.checkRuns().find((c) => c.external_id === String(parent))!;
    expect(readable(check.output.text)).toContain('matched (any failure); attempt 2 of at most 2.');
  });

  it('refuses a commenter without write access and fails no job', async () => {
    const pull = gh.addPullRequest({ repo: REPO, head: 'feature' });
    await comment(scene, { pr: pull.number, body: '/retry', user: 'rita' });
    expect(gh.dispatches()).toEqual([]);
    const [reply] = replies(scene, pull.number);
    expect(reply).toContain('@rita has read access');
    expect(botRuns().map((run) => run.conclusion)).toEqual(['success']);
  });
});
