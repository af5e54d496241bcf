import type { BotChecks, CheckRunFields, CheckRunInfo } from '../../ports/github-bot.js';
import { orNullOn404, type GitHubClient } from './client.js';

type RestCheckRun = Awaited<ReturnType<GitHubClient['rest']['checks']['get']>>['data'];

function toCheckRun(data: RestCheckRun): CheckRunInfo {
  return {
    id: data.id,
    name: data.name,
    headSha: data.head_sha,
    externalId: data.external_id,
    appId: data.app?.id ?? null,
    conclusion: data.conclusion,
    output: {
      title: data.output.title ?? '',
      summary: data.output.summary ?? '',
      text: data.output.text ?? '',
    },
  };
}

/** The request fields for what is given; a conclusion completes the check run. */
function checkRunBody(fields: Partial<CheckRunFields>) {
  return {
    ...(fields.name === undefined ? {} : { name: fields.name }),
    ...(fields.externalId === undefined ? {} : { external_id: fields.externalId }),
    ...(fields.detailsUrl === undefined ? {} : { details_url: fields.detailsUrl }),
    ...(fields.conclusion === undefined
      ? {}
      : { status: 'completed' as const, conclusion: fields.conclusion }),
    ...(fields.output === undefined ? {} : { output: { ...fields.output } }),
    ...(fields.actions === undefined ? {} : { actions: fields.actions.map((a) => ({ ...a })) }),
  };
}

/** {@link BotChecks} over GitHub's REST API (a GitHub App or a `GITHUB_TOKEN` with `checks: write`). */
export function restBotChecks(octokit: GitHubClient): BotChecks {
  return {
    async createCheckRun(params) {
      const { data } = await octokit.rest.checks.create({
        ...checkRunBody(params),
        owner: params.owner,
        repo: params.repo,
        name: params.name,
        head_sha: params.headSha,
      });
      return { id: data.id };
    },

    async updateCheckRun(params) {
      await octokit.rest.checks.update({
        owner: params.owner,
        repo: params.repo,
        check_run_id: params.checkRunId,
        ...checkRunBody(params),
      });
    },

    async getCheckRun({ owner, repo, checkRunId }) {
      const response = await orNullOn404(
        async () => await octokit.rest.checks.get({ owner, repo, check_run_id: checkRunId }),
      );
      return response === null ? null : toCheckRun(response.data);
    },

    async listCheckRuns({ owner, repo, headSha, name, appId }) {
      const { data } = await octokit.rest.checks.listForRef({
        owner,
        repo,
        ref: headSha,
        check_name: name,
        filter: 'all',
        per_page: 100,
        ...(appId === undefined ? {} : { app_id: appId }),
      });
      return data.check_runs.map(toCheckRun);
    },
  };
}
