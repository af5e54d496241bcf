import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCommandHelp } from '../../src/core/bot/comment-command.js';
import { DISPATCH_TRIGGER_YAML } from '../../src/core/bot/dispatch-trigger.js';
import { eachAppHarness, startAppHarness, type AppHarness } from '../support/app/harness.js';
import {
  FAILED,
  REPO,
  comment,
  finishRun,
  forkWithFailedRun,
  named,
  openPullRequest,
  reactions,
  replies,
  requestsFromHere,
  type LoggedRequest,
} from '../support/app/scenario.js';
import {
  nightlyRepo,
  pullRequestOnlyWorkflow,
  retryOfOnlyWorkflow,
  retryWorkflow,
} from '../support/app/workflows.js';

const repoOptions = nightlyRepo(REPO, {
  private: true,
  files: {
    '.github/workflows/quality.yml': retryWorkflow('Quality'),
    '.github/workflows/legacy.yml': pullRequestOnlyWorkflow('Legacy'),
    '.github/workflows/lean.yml': retryOfOnlyWorkflow('Lean'),
  },
  collaborators: { mona: 'write', rita: 'read', tom: 'triage', max: 'maintain', ada: 'admin' },
});

function fixture(name: string): Record<string, unknown> {
  const url = new URL(`../fixtures/webhooks/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

describe('the App answers /retry on a pull request', () => {
  let h: AppHarness;
  eachAppHarness({ repo: repoOptions }, (started) => (h = started));

  function dispatched() {
    return h.gh.dispatches().map((d) => ({ ref: d.ref, inputs: d.inputs, actor: d.actor }));
  }

  it.each([
    { body: '/retry', mode: 'from-failure' },
    { body: '/Retry from-failure', mode: 'from-failure' },
    { body: '/retry all', mode: 'all' },
    { body: '/retry from dbt-run', mode: 'from dbt-run' },
    { body: '/retry only dbt-run, dbt-test', mode: 'only dbt-run,dbt-test' },
    { body: '/retry nightly.yml', mode: 'from-failure' },
    { body: '/retry .github/workflows/nightly.yml all\nthanks!', mode: 'all' },
  ])('$body dispatches a retry with retry-mode "$mode"', async ({ body, mode }) => {
    const pr = await openPullRequest(h, { head: 'feature', endings: { 'nightly.yml': FAILED } });
    const { commentId } = await comment(h, { pr: pr.number, body, user: 'max' });
    expect(dispatched()).toEqual([
      {
        ref: 'refs/heads/feature',
        inputs: { 'retry-of': String(pr.runs['nightly.yml']), 'retry-mode': mode },
        actor: h.app.botLogin,
      },
    ]);
    expect(reactions(h, commentId)).toEqual(['eyes', 'rocket']);
    expect(replies(h, pr.number)).toHaveLength(1);
  });

  it('answers with one reply that links the new run and notes it there, not on the parent’s check run', async () => {
    const pr = await openPullRequest(h, { head: 'feature', endings: { 'nightly.yml': FAILED } });
    const { commentId } = await comment(h, { pr: pr.number, body: '/retry' });
    const ids = {
      parent: pr.runs['nightly.yml']!,
      retry: h.gh.dispatches()[0]!.runId,
      comment: commentId,
    };
    expect(named(replies(h, pr.number).join('\n---\n'), ids)).toMatchInlineSnapshot(`
      "🔁 Retrying from failure, as @mona asked:

      **Nightly** (\`nightly.yml\`): retrying [#<parent>](https://github.com/acme/warehouse/actions/runs/<parent>) as [#<retry>](https://github.com/acme/warehouse/actions/runs/<retry>). <!-- gh-retry:parent=<parent> -->⏳ queued

      <!-- gh-retry:retry run=<retry> trigger=comment by=mona of=<parent> -->
      <!-- gh-retry:reply-to=<comment> -->"
    `);
    // The note costs no request of its own; the parent's check run is left as it was.
    const check = h.gh
      .checkRuns({ headSha: pr.headSha })
      .find((c) => c.external_id === String(ids.parent));
    expect(check?.output.text).not.toContain('gh-retry:retry');
  });

  it('retries the failed run of every workflow on the head commit, in one reply', async () => {
    const pr = await openPullRequest(h, {
      head: 'feature',
      endings: { 'nightly.yml': FAILED, 'quality.yml': FAILED },
    });
    const { commentId } = await comment(h, { pr: pr.number, body: '/retry' });
    const [first, second] = h.gh.dispatches();
    expect(h.gh.dispatches().map((d) => d.workflowPath)).toEqual([
      '.github/workflows/nightly.yml',
      '.github/workflows/quality.yml',
    ]);
    const ids = {
      nightly: pr.runs['nightly.yml']!,
      quality: pr.runs['quality.yml']!,
      retry1: first!.runId,
      retry2: second!.runId,
      comment: commentId,
    };
    expect(named(replies(h, pr.number)[0]!, ids)).toMatchInlineSnapshot(`
      "🔁 Retrying from failure, as @mona asked:

      **Nightly** (\`nightly.yml\`): retrying [#<nightly>](https://github.com/acme/warehouse/actions/runs/<nightly>) as [#<retry1>](https://github.com/acme/warehouse/actions/runs/<retry1>). <!-- gh-retry:parent=<nightly> -->⏳ queued

      **Quality** (\`quality.yml\`): retrying [#<quality>](https://github.com/acme/warehouse/actions/runs/<quality>) as [#<retry2>](https://github.com/acme/warehouse/actions/runs/<retry2>). <!-- gh-retry:parent=<quality> -->⏳ queued

      <!-- gh-retry:retry run=<retry1> trigger=comment by=mona of=<nightly> -->
      <!-- gh-retry:retry run=<retry2> trigger=comment by=mona of=<quality> -->
      <!-- gh-retry:reply-to=<comment> -->"
    `);
  });

  it('says exactly why nothing ran when no workflow failed on the head commit', async () => {
    const pr = await openPullRequest(h, {
      head: 'feature',
      endings: { 'nightly.yml': { conclusion: 'success', record: { status: 'success' } } },
    });
    const { commentId } = await comment(h, { pr: pr.number, body: '/retry' });
    expect(dispatched()).toEqual([]);
    expect(reactions(h, commentId)).toEqual(['eyes', 'confused']);
    expect(replies(h, pr.number)[0]!.split('\n')[0]).toMatchInlineSnapshot(
      `"🤷 Nothing to retry: no workflow has a failed run on commit \`eada9e2\`, the head of this pull request. If a run is still in progress, comment \`/retry\` again when it has finished."`,
    );
  });

  it('says a named workflow is still running', async () => {
    const pr = await openPullRequest(h, { head: 'feature', endings: { 'nightly.yml': FAILED } });
    await comment(h, { pr: pr.number, body: '/retry quality.yml' });
    expect(dispatched()).toEqual([]);
    const ids = { quality: pr.runs['quality.yml']! };
    expect(named(replies(h, pr.number)[0]!.split('\n\n')[1]!, ids)).toMatchInlineSnapshot(
      `"**Quality** (\`quality.yml\`): [#<quality>](https://github.com/acme/warehouse/actions/runs/<quality>) is still running. Comment \`/retry quality.yml\` again when it has finished."`,
    );
  });

  it('answers /retry help with the help, and an unknown command with the problem and the help', async () => {
    const pr = await openPullRequest(h, { head: 'feature', endings: { 'nightly.yml': FAILED } });
    const help = await comment(h, { pr: pr.number, body: '/retry help' });
    const wrong = await comment(h, { pr: pr.number, body: '/retry please' });
    const [helpReply, wrongReply] = replies(h, pr.number);
    expect(helpReply).toBe(
      `${renderCommandHelp()}\n\n<!-- gh-retry:reply-to=${help.commentId} -->`,
    );
    expect(wrongReply!.split('\n')[0]).toMatchInlineSnapshot(
      `"😕 \`please\` is neither a retry mode (\`from-failure\`, \`all\`, \`from\`, \`only\`) nor a workflow file name (ending in \`.yml\` or \`.yaml\`)."`,
    );
    expect(wrongReply).toContain(renderCommandHelp());
    expect(reactions(h, help.commentId)).toEqual(['eyes']);
    expect(reactions(h, wrong.commentId)).toEqual(['eyes', 'confused']);
    expect(dispatched()).toEqual([]);
  });

  it.each([
    { user: 'rita', access: 'read' },
    { user: 'tom', access: 'triage' },
    { user: 'nobody', access: 'none' },
  ])('refuses $user, who has $access access', async ({ user, access }) => {
    const pr = await openPullRequest(h, { head: 'feature', endings: { 'nightly.yml': FAILED } });
    const { commentId } = await comment(h, { pr: pr.number, body: '/retry', user });
    expect(dispatched()).toEqual([]);
    expect(reactions(h, commentId)).toEqual(['eyes', 'confused']);
    const [reply] = replies(h, pr.number);
    expect(reply).toContain(`@${user} has ${access} access, and /retry needs write access`);
    expect(reply).toContain('Ask someone with write access to comment /retry');
  });

  it('lets read access suffice when the configuration says so', async () => {
    // `_extends` makes Probot's loader look at the owner's `.github` repository, which the query
    // already found missing: neither file is read again.
    h.gh.commitFiles(REPO, { '.github/gh-retry.yml': '_extends: .github\npermission: read\n' });
    const pr = await openPullRequest(h, { head: 'feature', endings: { 'nightly.yml': FAILED } });
    const since = requestsFromHere(h);
    await comment(h, { pr: pr.number, body: '/retry', user: 'rita' });
    expect(dispatched()).toHaveLength(1);
    const configReads = since().filter((r) => r.operationId === 'repos/get-content');
    expect(configReads).toEqual([]);
  });

  it('holds maintainers to a configured admin level, and lets an admin through', async () => {
    h.gh.commitFiles(REPO, { '.github/gh-retry.yml': 'permission: admin\n' });
    const pr = await openPullRequest(h, { head: 'feature', endings: { 'nightly.yml': FAILED } });
    const denied = await comment(h, { pr: pr.number, body: '/retry', user: 'max' });
    expect(dispatched()).toEqual([]);
    expect(reactions(h, denied.commentId)).toEqual(['eyes', 'confused']);
    await comment(h, { pr: pr.number, body: '/retry', user: 'ada' });
    expect(dispatched()).toHaveLength(1);
  });

  it('never answers a bot, nor the App itself, nor a comment on an issue', async () => {
    const pr = await openPullRequest(h, { head: 'feature', endings: { 'nightly.yml': FAILED } });
    const since = requestsFromHere(h);
    const { commentId } = await comment(h, {
      pr: pr.number,
      body: '/retry',
      user: 'renovate[bot]',
    });
    for (const name of ['issue-comment-created-by-app.json', 'issue-comment-created-on-issue.json'])
      await h.probot.receive({ id: name, name: 'issue_comment', payload: fixture(name) as never });
    expect(reactions(h, commentId)).toEqual([]);
    expect(replies(h, pr.number)).toEqual([]);
    expect(since().filter((r) => r.method !== 'GET')).toEqual([]);
    expect(dispatched()).toEqual([]);
  });

  it('re-runs the failed jobs of a fork’s run instead of dispatching, and says so', async () => {
    const { number: pr, runId: parent } = await forkWithFailedRun(h);
    const { commentId } = await comment(h, { pr, body: '/retry' });
    expect(dispatched()).toEqual([]);
    expect(h.gh.run(parent).run_attempt).toBe(2);
    expect(reactions(h, commentId)).toEqual(['eyes', 'rocket']);
    expect(named(replies(h, pr)[0]!.split('\n\n')[1]!, { parent })).toMatchInlineSnapshot(
      `"**Nightly** (\`nightly.yml\`): this pull request comes from a fork, so gh-retry does not start a new run (it would run the fork’s code with this repository’s secrets). Re-ran the failed jobs of [#<parent>](https://github.com/acme/warehouse/actions/runs/<parent>) instead; the gh-retry Action resumes them from failure. <!-- gh-retry:parent=<parent> -->⏳ re-running"`,
    );
  });

  it('re-runs the failed jobs of a workflow without a dispatch trigger and shows the lines to add', async () => {
    const pr = await openPullRequest(h, { head: 'feature', endings: { 'legacy.yml': FAILED } });
    await comment(h, { pr: pr.number, body: '/retry' });
    const parent = pr.runs['legacy.yml']!;
    expect(dispatched()).toEqual([]);
    expect(h.gh.run(parent).run_attempt).toBe(2);
    // The lines to add are the library's (their text is pinned where the reply is rendered).
    const reply = named(replies(h, pr.number)[0]!, { parent });
    const lines = `\`\`\`yaml\n${DISPATCH_TRIGGER_YAML}\n\`\`\``;
    expect(reply).toContain(lines);
    expect(reply.replace(lines, '<lines to add>')).toMatchInlineSnapshot(`
      "🔁 Retrying from failure, as @mona asked:

      **Legacy** (\`legacy.yml\`): this workflow has no \`workflow_dispatch\` trigger, so the failed jobs of [#<parent>](https://github.com/acme/warehouse/actions/runs/<parent>) were re-run instead; the gh-retry Action resumes them from failure. <!-- gh-retry:parent=<parent> -->⏳ re-running

      To retry as a new run with any mode, add these lines to \`.github/workflows/legacy.yml\` (keep your other triggers under \`on:\`):

      <lines to add>

      <!-- gh-retry:reply-to=2000000001 -->"
    `);
  });

  it('re-runs the failed jobs of a run that does not use gh-retry', async () => {
    const pr = await openPullRequest(h, {
      head: 'feature',
      endings: { 'nightly.yml': { conclusion: 'failure' } },
    });
    await comment(h, { pr: pr.number, body: '/retry' });
    const parent = pr.runs['nightly.yml']!;
    expect(dispatched()).toEqual([]);
    expect(h.gh.run(parent).run_attempt).toBe(2);
    expect(named(replies(h, pr.number)[0]!.split('\n\n')[1]!, { parent })).toMatchInlineSnapshot(
      `"**Nightly** (\`nightly.yml\`): [#<parent>](https://github.com/acme/warehouse/actions/runs/<parent>) does not use the gh-retry Action, so its failed jobs were re-run as they are. <!-- gh-retry:parent=<parent> -->⏳ re-running"`,
    );
  });

  it('tells when the record expired, and /retry all still runs every step', async () => {
    const pr = await openPullRequest(h, {
      head: 'feature',
      endings: { 'nightly.yml': { ...FAILED, expired: true } },
    });
    const parent = pr.runs['nightly.yml']!;
    const expired = await comment(h, { pr: pr.number, body: '/retry' });
    expect(dispatched()).toEqual([]);
    expect(reactions(h, expired.commentId)).toEqual(['eyes', 'confused']);
    expect(
      named(replies(h, pr.number)[0]!.split('\n\n')[1]!, { parent }).replace(
        /\d{4}-\d{2}-\d{2}/,
        '<date>',
      ),
    ).toMatchInlineSnapshot(
      `"**Nightly** (\`nightly.yml\`): the record of [#<parent>](https://github.com/acme/warehouse/actions/runs/<parent>) expired on <date>, so it cannot be retried from failure. Comment \`/retry nightly.yml all\` to run every step again."`,
    );
    await comment(h, { pr: pr.number, body: '/retry all' });
    expect(dispatched().map((d) => d.inputs)).toEqual([
      { 'retry-of': String(parent), 'retry-mode': 'all' },
    ]);
  });

  it('answers a redelivered comment once and dispatches once', async () => {
    const pr = await openPullRequest(h, { head: 'feature', endings: { 'nightly.yml': FAILED } });
    const { commentId } = await comment(h, { pr: pr.number, body: '/retry' });
    const delivery = h.gh.deliveries().find((d) => d.event === 'issue_comment');
    await h.gh.redeliver(delivery!.guid);
    await h.gh.idle();
    expect(dispatched()).toHaveLength(1);
    expect(replies(h, pr.number)).toHaveLength(1);
    expect(reactions(h, commentId)).toEqual(['eyes', 'rocket']);
  });

  it('spends six requests on a /retry, and reads the comments only on a redelivery', async () => {
    const pr = await openPullRequest(h, { head: 'feature', endings: { 'nightly.yml': FAILED } });
    const calls = (requests: LoggedRequest[]) =>
      requests.map((r) => `${r.method} ${r.operationId ?? r.path}`);
    const first = requestsFromHere(h);
    await comment(h, { pr: pr.number, body: '/retry' });
    expect(calls(first('bot'))).toEqual([
      'POST reactions/create-for-issue-comment',
      'GET repos/get-collaborator-permission-level',
      // The pull request, its head commit's runs, the bot's check runs there and
      // .github/gh-retry.yml (here and in the owner's `.github`), in one query.
      'POST graphql',
      'POST actions/create-workflow-dispatch',
      'POST issues/create-comment',
      'POST reactions/create-for-issue-comment',
    ]);
    const again = requestsFromHere(h);
    const delivery = h.gh.deliveries().find((d) => d.event === 'issue_comment');
    await h.gh.redeliver(delivery!.guid);
    await h.gh.idle();
    expect(calls(again('bot'))).toEqual([
      'POST reactions/create-for-issue-comment',
      'GET issues/list-comments',
    ]);
    expect(h.gh.dispatches()).toHaveLength(1);
  });

  it('reads the workflow file only when GitHub refuses the inputs, then sends what it declares', async () => {
    const pr = await openPullRequest(h, { head: 'feature', endings: { 'lean.yml': FAILED } });
    const parent = pr.runs['lean.yml']!;
    const since = requestsFromHere(h);
    const first = await comment(h, { pr: pr.number, body: '/retry' });
    const sent = since('bot').map((r) => `${r.operationId} ${r.status}`);
    expect(sent.filter((r) => r.startsWith('actions/create-workflow-dispatch'))).toEqual([
      'actions/create-workflow-dispatch 422',
      'actions/create-workflow-dispatch 200',
    ]);
    expect(sent).toContain('repos/get-content 200');
    expect(dispatched().map((d) => d.inputs)).toEqual([{ 'retry-of': String(parent) }]);
    expect(reactions(h, first.commentId)).toEqual(['eyes', 'rocket']);
    // `all` needs retry-mode, which this workflow does not declare: re-run failed jobs instead.
    await finishRun(h, h.gh.dispatches()[0]!.runId, FAILED);
    await comment(h, { pr: pr.number, body: '/retry lean.yml all' });
    expect(h.gh.dispatches()).toHaveLength(1);
    expect(replies(h, pr.number)[1]).toContain('this workflow has no `workflow_dispatch` trigger');
  });

  it('reads the run and its artifacts when the App has no check run for it', async () => {
    const pr = await openPullRequest(h, { head: 'feature', endings: {} });
    const parent = pr.runs['nightly.yml']!;
    // The completion is missed (the check run could not be created), so no note says what it is.
    h.gh.failNext('checks/create', { status: 500 });
    await finishRun(h, parent, FAILED);
    expect(h.log.errors.map((e) => e.message)).toEqual([
      `could not handle the completion of run ${parent}`,
    ]);
    h.log.errors.length = 0;
    const since = requestsFromHere(h);
    await comment(h, { pr: pr.number, body: '/retry' });
    expect(dispatched().map((d) => d.inputs)).toEqual([
      { 'retry-of': String(parent), 'retry-mode': 'from-failure' },
    ]);
    const sent = since('bot').map((r) => r.operationId);
    expect(sent).toContain('actions/get-workflow-run');
    expect(sent).toContain('actions/list-workflow-run-artifacts');
  });

  it('does not retry again while the retry is still running', async () => {
    const pr = await openPullRequest(h, { head: 'feature', endings: { 'nightly.yml': FAILED } });
    await comment(h, { pr: pr.number, body: '/retry' });
    const second = await comment(h, { pr: pr.number, body: '/retry all' });
    expect(dispatched()).toHaveLength(1);
    expect(reactions(h, second.commentId)).toEqual(['eyes', 'confused']);
    expect(replies(h, pr.number)[1]).toContain(
      'If a run is still in progress, comment `/retry` again',
    );
  });

  it.each([
    { ending: 'success', record: { status: 'success' } },
    { ending: 'failure', record: { status: 'failed' } },
  ] as const)('edits the reply when the retry ends in $ending', async ({ ending, record }) => {
    const pr = await openPullRequest(h, { head: 'feature', endings: { 'nightly.yml': FAILED } });
    await comment(h, { pr: pr.number, body: '/retry' });
    const parent = pr.runs['nightly.yml']!;
    const retry = h.gh.dispatches()[0]!.runId;
    await finishRun(h, retry, {
      conclusion: ending,
      record: {
        ...record,
        lineage: {
          parent: `${parent}-1`,
          root: `${parent}-1`,
          retryNumber: 1,
          mode: { kind: 'from-failure' },
        },
      },
    });
    expect(named(replies(h, pr.number)[0]!.split('\n\n')[1]!, { parent, retry })).toMatchSnapshot();
  });
});

describe.each([
  {
    when: 'GitHub fails unexpectedly',
    does: 'logs the error and tells the commenter what to do next',
    failing: 'graphql',
    status: 500,
    says: '😕 gh-retry ran into an unexpected error with this command, so some or all retries did not start. Check the Actions tab, then try the command again in a few minutes; if it keeps failing, ask a maintainer to look at the app’s logs.',
    logged: (commentId: number) => [`could not handle the /retry comment ${commentId}`],
  },
  {
    when: 'GitHub cannot say what the commenter may do',
    does: 'denies, and says what to do next',
    failing: 'repos/get-collaborator-permission-level',
    status: 502,
    says: "🚫 Could not check @mona's permission on this repository (GitHub answered HTTP 502), so nothing was retried. Try the command again in a few minutes; if it keeps failing, ask a maintainer to check the app’s installation.",
    logged: () => [],
  },
])('the App when $when', ({ does, failing, status, says, logged }) => {
  it(does, async () => {
    const h = await startAppHarness({ repo: repoOptions });
    try {
      const pr = await openPullRequest(h, { head: 'feature', endings: { 'nightly.yml': FAILED } });
      h.gh.failNext(failing, { status });
      const { commentId } = await comment(h, { pr: pr.number, body: '/retry' });
      expect(h.gh.dispatches()).toEqual([]);
      expect(reactions(h, commentId)).toEqual(['eyes', 'confused']);
      expect(replies(h, pr.number)[0]!.split('\n')[0]).toBe(says);
      expect(h.log.errors.map((e) => e.message)).toEqual(logged(commentId));
    } finally {
      await h.stop();
    }
  });
});
