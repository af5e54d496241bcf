/**
 * What a `/retry` comment needs to know, in one GraphQL query: the pull request, the workflow
 * runs of its head commit (GitHub Actions check suites), the bot's own check runs there, and
 * the configuration file where Probot's loader looks for it. The REST API needs five or six
 * requests for the same.
 *
 * Over 300 lines on purpose: it is one cohesive piece (the query, about 90 lines, and the code that
 * reads its answer), and splitting the query from its reader would make both harder to change.
 */
import type {
  CheckRunInfo,
  CommitRun,
  PullRequestChecks,
  PullRequestChecksQuery,
} from '../../ports/github-bot.js';
import type { GitHubClient } from './client.js';

/** GitHub answers at most 100 nodes a connection. */
const MAX_PAGE = 100;
/** The bot's check suites on one commit (one per App; more only after re-requests). */
const MAX_REPORT_SUITES = 10;

const QUERY = /* GraphQL */ `
  query RetryTargets(
    $owner: String!
    $repo: String!
    $number: Int!
    $configExpression: String!
    $checkName: String!
    $appId: Int
    $runs: Int!
  ) {
    repository(owner: $owner, name: $repo) {
      config: object(expression: $configExpression) {
        ... on Blob {
          text
        }
      }
      pullRequest(number: $number) {
        number
        headRefOid
        headRefName
        headRepository {
          nameWithOwner
        }
        baseRepository {
          nameWithOwner
        }
        commits(last: 1) {
          nodes {
            commit {
              oid
              runs: checkSuites(last: $runs) {
                pageInfo {
                  hasPreviousPage
                }
                nodes {
                  status
                  conclusion
                  branch {
                    name
                  }
                  workflowRun {
                    databaseId
                    runNumber
                    createdAt
                    updatedAt
                    event
                    file {
                      path
                    }
                    workflow {
                      databaseId
                      name
                    }
                  }
                }
              }
              reports: checkSuites(
                first: ${MAX_REPORT_SUITES}
                filterBy: { appId: $appId, checkName: $checkName }
              ) {
                nodes {
                  app {
                    databaseId
                  }
                  checkRuns(first: ${MAX_PAGE}, filterBy: { checkName: $checkName, checkType: ALL }) {
                    nodes {
                      databaseId
                      name
                      externalId
                      conclusion
                      title
                      summary
                      text
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    ownerConfig: repository(owner: $owner, name: ".github") {
      config: object(expression: $configExpression) {
        ... on Blob {
          text
        }
      }
    }
  }
`;

interface Blob {
  readonly text?: string | null;
}

interface SuiteNode {
  readonly status: string;
  readonly conclusion: string | null;
  readonly branch: { readonly name: string } | null;
  readonly workflowRun: {
    readonly databaseId: number | null;
    readonly runNumber: number;
    readonly createdAt: string;
    readonly updatedAt: string;
    readonly event: string;
    readonly file: { readonly path: string } | null;
    readonly workflow: { readonly databaseId: number | null; readonly name: string };
  } | null;
}

interface ReportNode {
  readonly app: { readonly databaseId: number | null } | null;
  readonly checkRuns: {
    readonly nodes: readonly ({
      readonly databaseId: number | null;
      readonly name: string;
      readonly externalId: string | null;
      readonly conclusion: string | null;
      readonly title: string | null;
      readonly summary: string | null;
      readonly text: string | null;
    } | null)[];
  } | null;
}

interface Answer {
  readonly repository: {
    readonly config: Blob | null;
    readonly pullRequest: {
      readonly number: number;
      readonly headRefOid: string;
      readonly headRefName: string;
      readonly headRepository: { readonly nameWithOwner: string } | null;
      readonly baseRepository: { readonly nameWithOwner: string } | null;
      readonly commits: {
        readonly nodes: readonly ({
          readonly commit: {
            readonly oid: string;
            readonly runs: {
              readonly pageInfo: { readonly hasPreviousPage: boolean };
              readonly nodes: readonly (SuiteNode | null)[];
            };
            readonly reports: { readonly nodes: readonly (ReportNode | null)[] };
          };
        } | null)[];
      };
    } | null;
  } | null;
  readonly ownerConfig: { readonly config: Blob | null } | null;
}

/**
 * Send the query. A missing owner `.github` repository (or one the token cannot see) and a
 * missing pull request come back as NOT_FOUND errors beside the data; any other error throws.
 */
async function ask(octokit: GitHubClient, variables: Record<string, unknown>): Promise<Reading> {
  try {
    return { answer: await octokit.graphql<Answer>(QUERY, variables), ownerConfigUnread: false };
  } catch (error) {
    const partial = readPartialAnswer(error);
    if (partial === null) throw error;
    return partial;
  }
}

/** The answer, and whether the owner's `.github` could not be read (not merely absent). */
interface Reading {
  readonly answer: Answer;
  readonly ownerConfigUnread: boolean;
}

/** An error answer of GraphQL (Octokit's `GraphqlResponseError`): its errors and partial data. */
interface GraphqlFailure {
  readonly errors: readonly {
    readonly type?: string;
    readonly path?: readonly (string | number)[];
  }[];
  readonly data: Answer | null | undefined;
}

/** The data beside errors that are all expected ones; null for any other failure. */
function readPartialAnswer(error: unknown): Reading | null {
  if (!(error instanceof Error) || error.name !== 'GraphqlResponseError') return null;
  const { errors, data } = error as unknown as GraphqlFailure;
  // The owner's `.github` may be missing or out of reach (then Probot's loader asks for it itself);
  // a missing pull request is answered as such.
  const owner = (e: GraphqlFailure['errors'][number]) => e.path?.[0] === 'ownerConfig';
  const expected = errors.every(
    (e) => owner(e) || (e.type === 'NOT_FOUND' && e.path?.[1] === 'pullRequest'),
  );
  if (!expected || data === undefined || data === null) return null;
  return {
    answer: data,
    ownerConfigUnread: errors.some((e) => owner(e) && e.type !== 'NOT_FOUND'),
  };
}

/** A config blob: its text; null when absent; undefined when the path is not a file. */
function blobText(blob: Blob | null): string | null | undefined {
  if (blob === null) return null;
  return typeof blob.text === 'string' ? blob.text : undefined;
}

function toCommitRun(suite: SuiteNode, headSha: string): CommitRun | null {
  const run = suite.workflowRun;
  if (run === null || run.databaseId === null || run.workflow.databaseId === null) return null;
  const path = run.file?.path ?? '';
  return {
    id: run.databaseId,
    runNumber: run.runNumber,
    workflowId: run.workflow.databaseId,
    workflowName: run.workflow.name === '' ? path : run.workflow.name,
    workflowPath: path,
    status: suite.status.toLowerCase(),
    conclusion: suite.conclusion === null ? null : suite.conclusion.toLowerCase(),
    headSha,
    headBranch: suite.branch?.name ?? null,
    event: run.event,
    createdAt: run.createdAt,
    updatedAt: run.updatedAt,
  };
}

function toCheckRuns(reports: readonly (ReportNode | null)[], headSha: string): CheckRunInfo[] {
  return reports.flatMap((suite) =>
    (suite?.checkRuns?.nodes ?? []).flatMap((check) =>
      check === null || check.databaseId === null
        ? []
        : [
            {
              id: check.databaseId,
              name: check.name,
              headSha,
              externalId: check.externalId,
              appId: suite?.app?.databaseId ?? null,
              conclusion: check.conclusion === null ? null : check.conclusion.toLowerCase(),
              output: {
                title: check.title ?? '',
                summary: check.summary ?? '',
                text: check.text ?? '',
              },
            },
          ],
    ),
  );
}

/** {@link PullRequestChecks} of a pull request through GitHub's GraphQL API. */
export async function readPullRequestChecks(
  octokit: GitHubClient,
  params: PullRequestChecksQuery,
): Promise<PullRequestChecks | null> {
  const { answer, ownerConfigUnread } = await ask(octokit, {
    owner: params.owner,
    repo: params.repo,
    number: params.number,
    configExpression: `HEAD:${params.configPath}`,
    checkName: params.checkName,
    appId: params.appId,
    runs: Math.min(MAX_PAGE, Math.max(1, params.limit)),
  });
  const pull = answer.repository?.pullRequest ?? null;
  const commit = pull?.commits.nodes.at(-1)?.commit;
  if (answer.repository === null || pull === null || commit === undefined) return null;
  const configFiles = new Map<string, string | null>();
  const own = blobText(answer.repository.config);
  if (own !== undefined) configFiles.set(`${params.owner}/${params.repo}`, own);
  const shared = answer.ownerConfig === null ? null : blobText(answer.ownerConfig.config);
  if (shared !== undefined && !ownerConfigUnread)
    configFiles.set(`${params.owner}/.github`, shared);
  if (commit.oid !== pull.headRefOid)
    throw new Error(
      `the head commit of pull request #${pull.number} could not be read (${commit.oid} is not ${pull.headRefOid})`,
    );
  const base = pull.baseRepository?.nameWithOwner ?? `${params.owner}/${params.repo}`;
  return {
    pull: {
      number: pull.number,
      headSha: pull.headRefOid,
      headRef: pull.headRefName,
      headRepository: pull.headRepository?.nameWithOwner ?? null,
      baseRepository: base,
    },
    runs: commit.runs.nodes.flatMap((suite) => {
      const run = suite === null ? null : toCommitRun(suite, pull.headRefOid);
      return run === null ? [] : [run];
    }),
    truncated: commit.runs.pageInfo.hasPreviousPage,
    checkRuns: toCheckRuns(commit.reports.nodes, pull.headRefOid),
    configFiles,
  };
}
