import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { useEmulatorWithRepo } from '../support/emulator.js';
import type { AppCredentials } from './index.js';

const ci = `name: CI
on: [push, pull_request, workflow_dispatch]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: npm test
`;

const retryTargets = `query RetryTargets($owner: String!, $repo: String!, $number: Int!, $configExpression: String!, $checkName: String!, $appId: Int) {
  repository(owner: $owner, name: $repo) {
    config: object(expression: $configExpression) { ... on Blob { text } }
    pullRequest(number: $number) {
      number headRefOid headRefName isCrossRepository
      headRepository { nameWithOwner }
      baseRepository { nameWithOwner }
      commits(last: 1) { nodes { commit {
        oid
        runs: checkSuites(first: 100) {
          pageInfo { hasNextPage }
          nodes {
            status conclusion branch { name }
            workflowRun { databaseId runNumber createdAt updatedAt event file { path } workflow { databaseId name } }
          }
        }
        reports: checkSuites(first: 10, filterBy: { appId: $appId, checkName: $checkName }) {
          nodes { app { databaseId } checkRuns(first: 100, filterBy: { checkName: $checkName }) { nodes { databaseId name externalId conclusion title summary text } } }
        }
      } } }
    }
  }
  ownerConfig: repository(owner: $owner, name: ".github") { config: object(expression: $configExpression) { ... on Blob { text } } }
}`;

const appPermissions = {
  actions: 'write',
  checks: 'write',
  contents: 'read',
  issues: 'write',
  pull_requests: 'write',
} as const;

interface SuitePage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { app: { slug?: string; databaseId?: number } }[];
}

/** A connection of check suites on the pull request's commit (`commits.nodes[0].commit[key]`). */
function commitSuites(data: unknown, key = 'checkSuites'): SuitePage {
  const { repository } = data as {
    repository: { pullRequest: { commits: { nodes: { commit: Record<string, SuitePage> }[] } } };
  };
  const suites = repository.pullRequest.commits.nodes[0]?.commit[key];
  if (!suites) throw new Error(`no ${key} in the answer`);
  return suites;
}

interface GraphqlAnswer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: Record<string, unknown>[] };
}

describe('GraphQL endpoint', () => {
  const { gh } = useEmulatorWithRepo({
    repo: 'acme/app',
    files: { '.github/workflows/ci.yml': ci, '.github/gh-retry.yml': 'max-attempts: 3\n' },
  });

  const post = async (
    query: string,
    options: { variables?: Record<string, unknown>; token?: string | null } = {},
  ): Promise<GraphqlAnswer> => {
    const token = options.token === undefined ? gh.userToken('acme') : options.token;
    const response = await fetch(`${gh.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === null ? {} : { authorization: `bearer ${token}` }),
      },
      body: JSON.stringify({ query, variables: options.variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphqlAnswer['body'] };
  };

  /** The App installed on acme, a failed pull_request run of a PR and the App's failed check run on it. */
  const seedFailedPullRequest = async () => {
    const app: AppCredentials = gh.installApp({ permissions: appPermissions, events: [] });
    const octokit = new Octokit({
      auth: gh.installationToken(app.installationId),
      baseUrl: gh.url,
    });
    const pr = gh.addPullRequest({ repo: 'acme/app', head: 'feature' });
    const headSha = gh.headSha('acme/app', 'feature');
    const runId = gh.addRun({
      repo: 'acme/app',
      workflow: 'ci.yml',
      conclusion: 'failure',
      branch: 'feature',
      event: 'pull_request',
    });
    const { data: check } = await octokit.checks.create({
      owner: 'acme',
      repo: 'app',
      name: 'gh-retry',
      head_sha: headSha,
      external_id: `run-${runId}`,
      conclusion: 'failure',
      output: { title: 'dbt failed', summary: '2 models failed', text: 'details' },
    });
    return { app, octokit, pr, headSha, runId, check };
  };

  it('answers the retry query of an installed App in one request, with the ids REST reports', async () => {
    gh.seedRepo({ repo: 'acme/.github', files: { '.github/gh-retry.yml': 'max-attempts: 5\n' } });
    const { app, octokit, pr, headSha, runId, check } = await seedFailedPullRequest();
    const { data: run } = await octokit.actions.getWorkflowRun({
      owner: 'acme',
      repo: 'app',
      run_id: runId,
    });
    const before = gh.requests().length;

    const data = await octokit.graphql<Record<string, unknown>>(retryTargets, {
      owner: 'acme',
      repo: 'app',
      number: pr.number,
      configExpression: 'HEAD:.github/gh-retry.yml',
      checkName: 'gh-retry',
      appId: app.appId,
    });

    expect(gh.requests().slice(before)).toMatchObject([
      {
        method: 'POST',
        path: '/graphql',
        operationId: 'graphql',
        status: 200,
        actor: app.botLogin,
      },
    ]);
    expect(data).toEqual({
      repository: {
        config: { text: 'max-attempts: 3\n' },
        pullRequest: {
          number: pr.number,
          headRefOid: headSha,
          headRefName: 'feature',
          isCrossRepository: false,
          headRepository: { nameWithOwner: 'acme/app' },
          baseRepository: { nameWithOwner: 'acme/app' },
          commits: {
            nodes: [
              {
                commit: {
                  oid: headSha,
                  runs: {
                    pageInfo: { hasNextPage: false },
                    nodes: [
                      {
                        status: 'COMPLETED',
                        conclusion: 'FAILURE',
                        branch: { name: 'feature' },
                        workflowRun: {
                          databaseId: runId,
                          runNumber: run.run_number,
                          createdAt: run.created_at,
                          updatedAt: run.updated_at,
                          event: 'pull_request',
                          file: { path: '.github/workflows/ci.yml' },
                          workflow: { databaseId: run.workflow_id, name: 'CI' },
                        },
                      },
                      {
                        status: 'COMPLETED',
                        conclusion: 'FAILURE',
                        branch: { name: 'feature' },
                        workflowRun: null,
                      },
                    ],
                  },
                  reports: {
                    nodes: [
                      {
                        app: { databaseId: app.appId },
                        checkRuns: {
                          nodes: [
                            {
                              databaseId: check.id,
                              name: 'gh-retry',
                              externalId: `run-${runId}`,
                              conclusion: 'FAILURE',
                              title: 'dbt failed',
                              summary: '2 models failed',
                              text: 'details',
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              },
            ],
          },
        },
      },
      ownerConfig: { config: { text: 'max-attempts: 5\n' } },
    });
    const suites = await post(
      `query($owner: String!, $number: Int!) { repository(owner: $owner, name: "app") { pullRequest(number: $number) {
        commits(last: 1) { nodes { commit { checkSuites(first: 10) { nodes { databaseId app { slug } } } } } } } } }`,
      { variables: { owner: 'acme', number: pr.number } },
    );
    expect(JSON.stringify(suites.body)).toContain(
      JSON.stringify([
        { databaseId: run.check_suite_id, app: { slug: 'github-actions' } },
        { databaseId: check.check_suite?.id, app: { slug: app.slug } },
      ]),
    );
  });

  it("gives partial data and GitHub's NOT_FOUND error when the owner has no .github repository", async () => {
    const { app, octokit, pr } = await seedFailedPullRequest();

    const error = await octokit
      .graphql(retryTargets, {
        owner: 'acme',
        repo: 'app',
        number: pr.number,
        configExpression: 'HEAD:.github/gh-retry.yml',
        checkName: 'gh-retry',
        appId: null,
      })
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({
      name: 'GraphqlResponseError',
      data: {
        repository: { config: { text: 'max-attempts: 3\n' }, pullRequest: { number: pr.number } },
        ownerConfig: null,
      },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['ownerConfig'],
          locations: [{ line: 23, column: 3 }],
          message: "Could not resolve to a Repository with the name 'acme/.github'.",
        },
      ],
    });
    const reports = commitSuites((error as { data: unknown }).data, 'reports');
    expect(reports.nodes.map((suite) => suite.app.databaseId)).toEqual([app.appId]);
  });

  it('filters check suites by app id and check name, and check runs by name', async () => {
    const { app, pr, headSha } = await seedFailedPullRequest();
    const other = gh.installApp({ permissions: appPermissions, events: [], slug: 'other-app' });
    const otherOctokit = new Octokit({
      auth: gh.installationToken(other.installationId),
      baseUrl: gh.url,
    });
    for (const name of ['lint', 'gh-retry'])
      await otherOctokit.checks.create({
        owner: 'acme',
        repo: 'app',
        name,
        head_sha: headSha,
        status: 'in_progress',
      });
    const suitesOf = async (filterBy: string) => {
      const { body } = await post(
        `query($number: Int!) { repository(owner: "acme", name: "app") { pullRequest(number: $number) {
          commits(first: 1) { nodes { commit { checkSuites(first: 10${filterBy}) {
            totalCount nodes { status app { slug } checkRuns(first: 10, filterBy: { checkName: "lint" }) { nodes { name status } } }
          } } } } } } }`,
        { variables: { number: pr.number } },
      );
      return commitSuites(body.data);
    };

    const all = await suitesOf('');
    const byApp = await suitesOf(`, filterBy: { appId: ${other.appId} }`);
    const byName = await suitesOf(', filterBy: { checkName: "gh-retry" }');
    const byBoth = await suitesOf(`, filterBy: { appId: ${app.appId}, checkName: "lint" }`);

    expect(all.nodes.map((suite) => suite.app.slug)).toEqual([
      'github-actions',
      app.slug,
      'other-app',
    ]);
    expect(byApp).toEqual({
      totalCount: 1,
      nodes: [
        {
          status: 'IN_PROGRESS',
          app: { slug: 'other-app' },
          checkRuns: { nodes: [{ name: 'lint', status: 'IN_PROGRESS' }] },
        },
      ],
    });
    expect(byName.nodes.map((suite) => suite.app.slug)).toEqual([app.slug, 'other-app']);
    expect(byBoth).toEqual({ totalCount: 0, nodes: [] });
  });

  it('describes a pull request from a fork, whose runs have no branch in the base repository', async () => {
    const pr = gh.addPullRequest({ repo: 'acme/app', head: 'patch', fork: 'mona' });
    const { runs } = await gh.fire({
      kind: 'pull_request',
      action: 'opened',
      repo: 'acme/app',
      number: pr.number,
    });

    const { body } =
      await post(`{ repository(owner: "acme", name: "app") { pullRequest(number: ${pr.number}) {
      isCrossRepository headRefName headRepository { nameWithOwner } baseRepository { nameWithOwner }
      commits(last: 1) { nodes { commit { checkSuites(first: 5) { nodes { status conclusion branch { name } } } } } }
    } } }`);

    expect(runs).toHaveLength(1);
    expect(body).toEqual({
      data: {
        repository: {
          pullRequest: {
            isCrossRepository: true,
            headRefName: 'patch',
            headRepository: { nameWithOwner: 'mona/app' },
            baseRepository: { nameWithOwner: 'acme/app' },
            commits: {
              nodes: [
                {
                  commit: {
                    checkSuites: {
                      nodes: [{ status: 'QUEUED', conclusion: null, branch: null }],
                    },
                  },
                },
              ],
            },
          },
        },
      },
    });
  });

  it('pages check suites with cursors and insists on first or last, as GitHub does', async () => {
    const { app, pr } = await seedFailedPullRequest();
    const page = async (args: string) =>
      await post(
        `{ repository(owner: "acme", name: "app") { pullRequest(number: ${pr.number}) { commits(last: 1) { nodes { commit {
          checkSuites${args} { totalCount pageInfo { hasNextPage endCursor } nodes { app { slug } } } } } } } } }`,
      );
    const suitesIn = (answer: GraphqlAnswer) => commitSuites(answer.body.data);

    const first = suitesIn(await page('(first: 1)'));
    const second = suitesIn(await page(`(first: 1, after: "${first.pageInfo.endCursor ?? ''}")`));
    const unbounded = await page('');

    expect(first).toMatchObject({
      totalCount: 2,
      pageInfo: { hasNextPage: true },
      nodes: [{ app: { slug: 'github-actions' } }],
    });
    expect(second).toMatchObject({
      pageInfo: { hasNextPage: false },
      nodes: [{ app: { slug: app.slug } }],
    });
    expect(unbounded.body.errors).toMatchObject([
      {
        type: 'MISSING_PAGINATION_BOUNDARIES',
        message:
          'You must provide a `first` or `last` value to properly paginate the `checkSuites` connection.',
      },
    ]);
    expect(gh.takeViolations().map((violation) => [violation.kind, violation.subject])).toEqual([
      ['request', 'graphql'],
    ]);
  });

  it('reads blobs at HEAD, a branch or a sha, and null for an absent file or ref', async () => {
    gh.commitFiles(
      'acme/app',
      { '.github/gh-retry.yml': 'max-attempts: 1\n' },
      { branch: 'tuning' },
    );
    const mainSha = gh.headSha('acme/app');
    const octokit = new Octokit({ auth: gh.userToken('acme'), baseUrl: gh.url });
    const { data: rest } = await octokit.repos.getContent({
      owner: 'acme',
      repo: 'app',
      path: '.github/gh-retry.yml',
    });
    const { body } = await post(`{ repository(owner: "acme", name: "app") {
      head: object(expression: "HEAD:.github/gh-retry.yml") { ... on Blob { text byteSize isBinary oid } }
      branch: object(expression: "tuning:.github/gh-retry.yml") { ... on Blob { text } }
      sha: object(expression: "${mainSha}:.github/gh-retry.yml") { ... on Blob { text } }
      absentFile: object(expression: "HEAD:.github/nope.yml") { ... on Blob { text } }
      absentRef: object(expression: "nope:.github/gh-retry.yml") { ... on Blob { text } }
      commit: object(expression: "tuning") { __typename oid }
      tree: object(expression: "HEAD:.github") { __typename }
    } }`);

    expect(body).toEqual({
      data: {
        repository: {
          head: {
            text: 'max-attempts: 3\n',
            byteSize: 16,
            isBinary: false,
            oid: (rest as { sha: string }).sha,
          },
          branch: { text: 'max-attempts: 1\n' },
          sha: { text: 'max-attempts: 3\n' },
          absentFile: null,
          absentRef: null,
          commit: { __typename: 'Commit', oid: gh.headSha('acme/app', 'tuning') },
          tree: { __typename: 'Tree' },
        },
      },
    });
  });

  it("answers a missing repository or pull request with GitHub's NOT_FOUND errors", async () => {
    const missingRepo = await post('{ repository(owner: "acme", name: "nope") { name } }');
    const missingPull = await post(
      'query { repository(owner: "acme", name: "app") { name pullRequest(number: 7) { number } } }',
    );

    expect(missingRepo).toEqual({
      status: 200,
      body: {
        data: { repository: null },
        errors: [
          {
            type: 'NOT_FOUND',
            path: ['repository'],
            locations: [{ line: 1, column: 3 }],
            message: "Could not resolve to a Repository with the name 'acme/nope'.",
          },
        ],
      },
    });
    expect(missingPull.body).toEqual({
      data: { repository: { name: 'app', pullRequest: null } },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['repository', 'pullRequest'],
          locations: [{ line: 1, column: 55 }],
          message: 'Could not resolve to a PullRequest with the number of 7.',
        },
      ],
    });
  });

  it('hides private repositories the token cannot see and forbids data it has no permission for', async () => {
    gh.seedRepo({ repo: 'acme/secret', private: true });
    const narrow = gh.installApp({
      permissions: { checks: 'read' },
      events: [],
      repositories: ['acme/app'],
    });
    const token = gh.installationToken(narrow.installationId);

    const hidden = await post('{ repository(owner: "acme", name: "secret") { name } }', { token });
    const forbidden = await post(
      '{ repository(owner: "acme", name: "app") { name object(expression: "HEAD:x") { oid } } }',
      { token },
    );

    expect(hidden.body.errors).toMatchObject([{ type: 'NOT_FOUND', path: ['repository'] }]);
    expect(forbidden.body).toMatchObject({
      data: { repository: { name: 'app', object: null } },
      errors: [
        {
          type: 'FORBIDDEN',
          path: ['repository', 'object'],
          message: 'Resource not accessible by integration',
        },
      ],
    });
  });

  it('rejects a query that breaks the schema and records it as a violation', async () => {
    const answer = await post('{ repository(owner: "acme", name: "app") { nme } }');

    expect(answer).toEqual({
      status: 200,
      body: {
        errors: [
          {
            locations: [{ line: 1, column: 44 }],
            message: "Field 'nme' doesn't exist on type 'Repository'",
            extensions: { code: 'undefinedField', typeName: 'Repository', fieldName: 'nme' },
          },
        ],
      },
    });
    const violations = gh.takeViolations();
    expect(violations.map((violation) => [violation.kind, violation.subject])).toEqual([
      ['request', 'graphql'],
    ]);
    expect(violations[0]?.message).toContain('Cannot query field "nme" on type "Repository"');
  });

  it('answers a field the emulator does not model with an error and a violation, never a silent null', async () => {
    const answer = await post('{ repository(owner: "acme", name: "app") { name stargazerCount } }');

    expect(answer.body).toMatchObject({
      data: { repository: null },
      errors: [
        {
          path: ['repository', 'stargazerCount'],
          message: 'Repository.stargazerCount is not emulated',
        },
      ],
    });
    expect(gh.takeViolations().map((violation) => violation.message)).toEqual([
      'unimplemented graphql (POST /graphql): Repository.stargazerCount is not emulated',
    ]);
  });

  it('requires a valid token like GitHub', async () => {
    const anonymous = await post('{ repository(owner: "acme", name: "app") { name } }', {
      token: null,
    });
    const wrong = await post('{ repository(owner: "acme", name: "app") { name } }', {
      token: 'ghs_nope',
    });

    expect(anonymous).toMatchObject({
      status: 401,
      body: { message: 'This endpoint requires you to be authenticated.' },
    });
    expect(wrong).toMatchObject({ status: 401, body: { message: 'Bad credentials' } });
    expect(gh.requests().map((request) => [request.operationId, request.status])).toEqual([
      ['graphql', 401],
      ['graphql', 401],
    ]);
  });

  it('serves GHE-style clients at /api/graphql and injects faults for operation graphql', async () => {
    const ghe = new Octokit({
      auth: gh.userToken('acme'),
      baseUrl: `${gh.url}/api/v3`,
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    });
    gh.failNext('graphql', { status: 502, message: 'Bad Gateway' });

    await expect(ghe.graphql('{ viewer { login } }')).rejects.toMatchObject({ status: 502 });
    const data = await ghe.graphql<{ repository: { nameWithOwner: string } }>(
      '{ repository(owner: "acme", name: "app") { nameWithOwner } }',
    );

    expect(data.repository.nameWithOwner).toBe('acme/app');
    expect(
      gh.requests().map((request) => [request.path, request.operationId, request.status]),
    ).toEqual([
      ['/api/graphql', 'graphql', 502],
      ['/api/graphql', 'graphql', 200],
    ]);
  });
});
