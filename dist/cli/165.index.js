export const id = 165;
export const ids = [165];
export const modules = {

/***/ 5037:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  UY: () => (/* binding */ connectGitHub)
});

// UNUSED EXPORTS: resolveApi, resolveToken

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./node_modules/@octokit/rest/dist-src/index.js + 21 modules
var dist_src = __webpack_require__(9988);
;// CONCATENATED MODULE: ./lib/src/adapters/github/client.js



/*
 * What every GitHub adapter shares: the REST client, the one reader of an HTTP failure, and the
 * one mapping of a REST workflow run.
 */
const ResilientOctokit = dist_src/* Octokit */.E.plugin(dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
/** Build the REST client: retries transient errors with backoff and waits out rate limits a bounded number of times. */
function createGitHubClient(options) {
    const maxRetries = options.maxRateLimitRetries ?? 2;
    return new ResilientOctokit({
        auth: options.token,
        baseUrl: options.baseUrl.replace(/\/+$/, ''),
        userAgent: options.userAgent ?? 'gh-retry',
        log: {
            debug: () => undefined,
            info: () => undefined,
            warn: () => undefined,
            error: () => undefined,
        },
        throttle: {
            onRateLimit: (_after, _options, _octokit, retryCount) => retryCount < maxRetries,
            onSecondaryRateLimit: (_after, _options, _octokit, retryCount) => retryCount < maxRetries,
        },
    });
}
/** Read an Octokit `RequestError` (status and GitHub's `message`); null for anything else. */
function readHttpFailure(error) {
    if (typeof error !== 'object' || error === null || !('status' in error))
        return null;
    const { status } = error;
    if (typeof status !== 'number')
        return null;
    const data = error.response?.data;
    const fromBody = typeof data === 'object' &&
        data !== null &&
        'message' in data &&
        typeof data.message === 'string'
        ? data.message
        : null;
    return {
        status,
        message: fromBody ?? (error instanceof Error ? error.message : `HTTP ${status}`),
    };
}
/** Run a read that answers null on 404 (missing, or not visible to the token). */
async function orNullOn404(read) {
    try {
        return await read();
    }
    catch (error) {
        if (readHttpFailure(error)?.status === 404)
            return null;
        throw error;
    }
}
//# sourceMappingURL=client.js.map
;// CONCATENATED MODULE: ./lib/src/adapters/github/bot-checks.js

function toCheckRun(data) {
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
function checkRunBody(fields) {
    return {
        ...(fields.name === undefined ? {} : { name: fields.name }),
        ...(fields.externalId === undefined ? {} : { external_id: fields.externalId }),
        ...(fields.detailsUrl === undefined ? {} : { details_url: fields.detailsUrl }),
        ...(fields.conclusion === undefined
            ? {}
            : { status: 'completed', conclusion: fields.conclusion }),
        ...(fields.output === undefined ? {} : { output: { ...fields.output } }),
        ...(fields.actions === undefined ? {} : { actions: fields.actions.map((a) => ({ ...a })) }),
    };
}
/** {@link BotChecks} over GitHub's REST API (a GitHub App or a `GITHUB_TOKEN` with `checks: write`). */
function restBotChecks(octokit) {
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
            const response = await orNullOn404(async () => await octokit.rest.checks.get({ owner, repo, check_run_id: checkRunId }));
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
//# sourceMappingURL=bot-checks.js.map
;// CONCATENATED MODULE: ./lib/src/adapters/github/pull-request-checks.js
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
/**
 * Send the query. A missing owner `.github` repository (or one the token cannot see) and a
 * missing pull request come back as NOT_FOUND errors beside the data; any other error throws.
 */
async function ask(octokit, variables) {
    try {
        return { answer: await octokit.graphql(QUERY, variables), ownerConfigUnread: false };
    }
    catch (error) {
        const partial = readPartialAnswer(error);
        if (partial === null)
            throw error;
        return partial;
    }
}
/** The data beside errors that are all expected ones; null for any other failure. */
function readPartialAnswer(error) {
    if (!(error instanceof Error) || error.name !== 'GraphqlResponseError')
        return null;
    const { errors, data } = error;
    // The owner's `.github` may be missing or out of reach (then Probot's loader asks for it itself);
    // a missing pull request is answered as such.
    const owner = (e) => e.path?.[0] === 'ownerConfig';
    const expected = errors.every((e) => owner(e) || (e.type === 'NOT_FOUND' && e.path?.[1] === 'pullRequest'));
    if (!expected || data === undefined || data === null)
        return null;
    return {
        answer: data,
        ownerConfigUnread: errors.some((e) => owner(e) && e.type !== 'NOT_FOUND'),
    };
}
/** A config blob: its text; null when absent; undefined when the path is not a file. */
function blobText(blob) {
    if (blob === null)
        return null;
    return typeof blob.text === 'string' ? blob.text : undefined;
}
function toCommitRun(suite, headSha) {
    const run = suite.workflowRun;
    if (run === null || run.databaseId === null || run.workflow.databaseId === null)
        return null;
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
function toCheckRuns(reports, headSha) {
    return reports.flatMap((suite) => (suite?.checkRuns?.nodes ?? []).flatMap((check) => check === null || check.databaseId === null
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
        ]));
}
/** {@link PullRequestChecks} of a pull request through GitHub's GraphQL API. */
async function readPullRequestChecks(octokit, params) {
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
    if (answer.repository === null || pull === null || commit === undefined)
        return null;
    const configFiles = new Map();
    const own = blobText(answer.repository.config);
    if (own !== undefined)
        configFiles.set(`${params.owner}/${params.repo}`, own);
    const shared = answer.ownerConfig === null ? null : blobText(answer.ownerConfig.config);
    if (shared !== undefined && !ownerConfigUnread)
        configFiles.set(`${params.owner}/.github`, shared);
    if (commit.oid !== pull.headRefOid)
        throw new Error(`the head commit of pull request #${pull.number} could not be read (${commit.oid} is not ${pull.headRefOid})`);
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
//# sourceMappingURL=pull-request-checks.js.map
;// CONCATENATED MODULE: ./lib/src/adapters/github/bot-conversation.js


function toPull(data) {
    return {
        number: data.number,
        headSha: data.head.sha,
        headRef: data.head.ref,
        // The schema says non-null, but a deleted fork leaves `head.repo` null.
        headRepository: data.head.repo?.full_name ?? null,
        baseRepository: data.base.repo.full_name,
    };
}
/** {@link BotConversation} over GitHub's REST API. */
function restBotConversation(octokit) {
    return {
        async getPullRequestChecks(params) {
            return await readPullRequestChecks(octokit, params);
        },
        async getPullRequest({ owner, repo, number }) {
            const response = await orNullOn404(async () => await octokit.rest.pulls.get({ owner, repo, pull_number: number }));
            return response === null ? null : toPull(response.data);
        },
        async listPullRequestsByHead({ owner, repo, head }) {
            const { data } = await octokit.rest.pulls.list({
                owner,
                repo,
                head,
                state: 'open',
                per_page: 10,
            });
            return data.map(toPull);
        },
        async getPermission({ owner, repo, username }) {
            try {
                const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
                    owner,
                    repo,
                    username,
                });
                return { kind: 'found', permission: data.permission, roleName: data.role_name };
            }
            catch (error) {
                const failure = readHttpFailure(error);
                // 404: not a user GitHub knows on this repository, so no access; anything else is a failed lookup.
                if (failure?.status === 404)
                    return { kind: 'found', permission: 'none', roleName: null };
                const reason = failure === null ? 'the lookup failed' : `GitHub answered HTTP ${failure.status}`;
                return { kind: 'failed', reason };
            }
        },
        async createComment({ owner, repo, issueNumber, body }) {
            const { data } = await octokit.rest.issues.createComment({
                owner,
                repo,
                issue_number: issueNumber,
                body,
            });
            return { id: data.id };
        },
        async updateComment({ owner, repo, commentId, body }) {
            await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
        },
        async listComments({ owner, repo, issueNumber, limit }) {
            const comments = [];
            const iterator = octokit.paginate.iterator(octokit.rest.issues.listComments, {
                owner,
                repo,
                issue_number: issueNumber,
                per_page: 100,
            });
            for await (const page of iterator) {
                for (const comment of page.data) {
                    if (comments.length >= limit)
                        return comments;
                    comments.push({
                        id: comment.id,
                        body: comment.body ?? '',
                        author: comment.user?.login ?? '',
                        appId: comment.performed_via_github_app?.id ?? null,
                    });
                }
            }
            return comments;
        },
        async addReaction({ owner, repo, commentId, content }) {
            const response = await octokit.rest.reactions.createForIssueComment({
                owner,
                repo,
                comment_id: commentId,
                content,
            });
            return { created: response.status === 201 };
        },
    };
}
//# sourceMappingURL=bot-conversation.js.map
// EXTERNAL MODULE: ./node_modules/@probot/octokit-plugin-config/dist-src/compose-config-get.js + 3 modules
var compose_config_get = __webpack_require__(3443);
;// CONCATENATED MODULE: ./lib/src/adapters/github/bot-config.js


/*
 * The bot's configuration read through Probot's config loader (`_extends`, the organisation's
 * `.github` repository), and the glue that lets it answer from files already read.
 */
/**
 * Read and compose a configuration file with Probot's loader; `known` answers the reads of
 * `path` it already has (see {@link answeringFrom}).
 */
async function readConfig(octokit, { owner, repo, path, known, }) {
    try {
        const loader = known === undefined ? octokit : answeringFrom(octokit, { path, known });
        const { files, config } = await (0,compose_config_get/* composeConfigGet */.r)(loader, { owner, repo, path });
        const found = files.some((file) => file.config !== null);
        return { kind: 'found', value: found ? config : null };
    }
    catch (error) {
        const failure = readHttpFailure(error);
        const message = failure !== null
            ? `GitHub answered HTTP ${failure.status}: ${failure.message}`
            : error instanceof Error
                ? error.message
                : String(error);
        return { kind: 'failed', message };
    }
}
/**
 * The client Probot's config loader is given: its reads of `path` on the default branch of a
 * repository in `known` are answered from there (the loader treats a 404 as "no file"); every
 * other request goes to GitHub.
 */
function answeringFrom(octokit, params) {
    const request = async (endpoint) => {
        const { owner, repo, path, ref } = endpoint;
        const text = path === params.path && ref === undefined
            ? params.known.get(`${String(owner)}/${String(repo)}`)
            : undefined;
        if (text === undefined)
            return await octokit.request(endpoint);
        if (text === null)
            throw Object.assign(new Error('Not Found'), { status: 404 });
        return { status: 200, url: '', headers: { 'content-type': 'text/plain' }, data: text };
    };
    return {
        request: Object.assign(request, { endpoint: octokit.request.endpoint }),
    };
}
//# sourceMappingURL=bot-config.js.map
;// CONCATENATED MODULE: ./lib/src/core/workflow-path.js
/**
 * The workflow file of a run, from the forms GitHub writes it in: a run's REST `path`
 * (`.github/workflows/x.yml`, `.github/workflows/x.yml@main`,
 * `owner/repo/.github/workflows/x.yml@refs/heads/main`) and `GITHUB_WORKFLOW_REF` (always
 * `owner/repo/<path>@<ref>`). One normaliser, so a parent run and the retry run compare equal.
 */
/** Where the ref starts: the first `@` after a `.yml`/`.yaml` name (a ref may hold `@` too), else the first `@`. */
function refStart(text) {
    const afterYaml = /\.ya?ml@/i.exec(text);
    if (afterYaml !== null)
        return afterYaml.index + afterYaml[0].length - 1;
    return text.indexOf('@');
}
/** The text without its `@ref`, and without a leading `<repository>/` (in any case). */
function workflowPathOf(text, repository) {
    const at = refStart(text);
    const withoutRef = at === -1 ? text : text.slice(0, at);
    const prefix = `${repository}/`;
    return withoutRef.toLowerCase().startsWith(prefix.toLowerCase())
        ? withoutRef.slice(prefix.length)
        : withoutRef;
}
/** Whether `text` names a workflow of `repository` with its `owner/repo/` prefix (as `GITHUB_WORKFLOW_REF` does). */
function namesRepository(text, repository) {
    return text.toLowerCase().startsWith(`${repository}/`.toLowerCase());
}
//# sourceMappingURL=workflow-path.js.map
;// CONCATENATED MODULE: ./lib/src/adapters/github/workflow-run.js
/**
 * A workflow run as GitHub describes it (the REST API and the `workflow_run` webhook payload share
 * the shape), mapped once to what the Action and the bot read, with the one workflow-path
 * normaliser.
 */

/** A run as the Action's reads need it. */
function toWorkflowRunInfo(data) {
    return {
        id: data.id,
        attempt: data.run_attempt ?? 1,
        runNumber: data.run_number,
        repository: data.repository.full_name,
        workflowPath: workflowPathOf(data.path, data.repository.full_name),
        status: data.status,
        conclusion: data.conclusion,
        htmlUrl: data.html_url,
        displayTitle: data.display_title,
        headSha: data.head_sha,
        headBranch: data.head_branch,
        event: data.event,
    };
}
/** A run as the bot needs it: {@link toWorkflowRunInfo} and what the bot decides on besides. */
function toBotWorkflowRun(data) {
    return {
        ...toWorkflowRunInfo(data),
        workflowId: data.workflow_id,
        workflowName: data.name ?? data.path,
        headRepository: data.head_repository?.full_name ?? null,
        createdAt: data.created_at,
        updatedAt: data.updated_at,
        pullRequests: (data.pull_requests ?? []).map((pull) => pull.number),
    };
}
//# sourceMappingURL=workflow-run.js.map
;// CONCATENATED MODULE: ./lib/src/adapters/github/bot-runs.js



/**
 * The dispatch error that means the workflow at that ref cannot be dispatched at all ("Workflow
 * does not have 'workflow_dispatch' trigger"), not that it is disabled ("Cannot trigger a
 * 'workflow_dispatch' on a disabled workflow"), which a native re-run would not fix either.
 */
const NO_DISPATCH_TRIGGER = /does not have 'workflow_dispatch' trigger/i;
/** A GitHub that predates `return_run_details` (GHES ≤ 3.20) refuses the field. */
const UNKNOWN_RUN_DETAILS = /return_run_details/i;
/** {@link BotRuns} over GitHub's REST API. */
function restBotRuns(octokit) {
    return {
        async getRun({ owner, repo, runId }) {
            const response = await orNullOn404(async () => await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId }));
            return response === null ? null : toBotWorkflowRun(response.data);
        },
        async listRuns(params) {
            const query = {
                owner: params.owner,
                repo: params.repo,
                per_page: Math.min(100, Math.max(1, params.limit)),
                ...(params.headSha === undefined ? {} : { head_sha: params.headSha }),
                ...(params.event === undefined ? {} : { event: params.event }),
                ...(params.branch === undefined ? {} : { branch: params.branch }),
            };
            const iterator = params.workflow === undefined
                ? octokit.paginate.iterator(octokit.rest.actions.listWorkflowRunsForRepo, query)
                : octokit.paginate.iterator(octokit.rest.actions.listWorkflowRuns, {
                    ...query,
                    workflow_id: params.workflow,
                });
            const runs = [];
            for await (const page of iterator) {
                for (const run of page.data) {
                    // Runs come newest first: the `created` filter is done here, as every GitHub version can.
                    const tooOld = params.createdSince !== undefined && run.created_at < params.createdSince;
                    if (runs.length >= params.limit || tooOld)
                        return runs;
                    runs.push(toBotWorkflowRun(run));
                }
            }
            return runs;
        },
        async dispatchWorkflow(params) {
            const request = {
                owner: params.owner,
                repo: params.repo,
                workflow_id: params.workflowId,
                ref: params.ref,
                inputs: { ...params.inputs },
            };
            try {
                const response = await octokit.rest.actions.createWorkflowDispatch({
                    ...request,
                    return_run_details: true,
                });
                const data = response.data;
                const runId = typeof data?.workflow_run_id === 'number' ? data.workflow_run_id : null;
                return { kind: 'dispatched', runId };
            }
            catch (error) {
                const failure = readHttpFailure(error);
                if (failure === null || failure.status >= 500)
                    throw error;
                if (UNKNOWN_RUN_DETAILS.test(failure.message)) {
                    await octokit.rest.actions.createWorkflowDispatch(request);
                    return { kind: 'dispatched', runId: null };
                }
                if (failure.status === 422 && NO_DISPATCH_TRIGGER.test(failure.message))
                    return { kind: 'no-dispatch-trigger', message: failure.message };
                return { kind: 'rejected', status: failure.status, message: failure.message };
            }
        },
        async rerunFailedJobs({ owner, repo, runId }) {
            try {
                await octokit.rest.actions.reRunWorkflowFailedJobs({ owner, repo, run_id: runId });
                return { kind: 'rerun' };
            }
            catch (error) {
                const failure = readHttpFailure(error);
                // 403 "already running" / "cannot be retried", 404: answers to show, not errors of the bot.
                if (failure === null || failure.status >= 500)
                    throw error;
                return { kind: 'refused', status: failure.status, message: failure.message };
            }
        },
        async readFile({ owner, repo, path, ref }) {
            const response = await orNullOn404(async () => await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
                owner,
                repo,
                path,
                ref,
                headers: { accept: 'application/vnd.github.raw' },
            }));
            if (response === null)
                return null;
            const data = response.data;
            if (typeof data !== 'string')
                throw new Error(`${path} is not a file`);
            return data;
        },
        readConfig: async (params) => await readConfig(octokit, params),
    };
}
//# sourceMappingURL=bot-runs.js.map
;// CONCATENATED MODULE: ./lib/src/adapters/github/runs.js


/** Read a response body, stopping as soon as it passes `maxBytes`. */
async function readBounded(response, maxBytes) {
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes)
        return null;
    if (response.body === null)
        return new Uint8Array();
    const chunks = [];
    let total = 0;
    for await (const chunk of response.body) {
        total += chunk.length;
        if (total > maxBytes)
            return null;
        chunks.push(chunk);
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.length;
    }
    return bytes;
}
/** {@link RunArtifactReader} over GitHub's REST API. */
function createRestRunReader(octokit) {
    return {
        async getWorkflowRun(params) {
            const response = await orNullOn404(async () => await octokit.rest.actions.getWorkflowRun({
                owner: params.owner,
                repo: params.repo,
                run_id: params.runId,
                exclude_pull_requests: true,
            }));
            return response === null ? null : toWorkflowRunInfo(response.data);
        },
        async listRunArtifacts(params) {
            const artifacts = await octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, {
                owner: params.owner,
                repo: params.repo,
                run_id: params.runId,
                per_page: 100,
            });
            return artifacts
                .filter((a) => params.namePrefix === undefined || a.name.startsWith(params.namePrefix))
                .map((a) => ({
                id: a.id,
                name: a.name,
                sizeInBytes: a.size_in_bytes,
                expired: a.expired,
                expiresAt: a.expires_at,
                createdAt: a.created_at,
            }));
        },
        async downloadArtifactZip(params) {
            let location;
            try {
                // The zip lives behind a short-lived signed URL: take the redirect by hand so the token never follows it.
                const response = await octokit.rest.actions.downloadArtifact({
                    owner: params.owner,
                    repo: params.repo,
                    artifact_id: params.artifactId,
                    archive_format: 'zip',
                    request: { redirect: 'manual' },
                });
                location = response.headers.location;
            }
            catch (error) {
                const failure = readHttpFailure(error);
                if (failure?.status === 410)
                    return { kind: 'expired', message: failure.message };
                if (failure?.status === 404)
                    return { kind: 'not-found' };
                throw error;
            }
            if (location === undefined || !/^https?:\/\//.test(location)) {
                throw new Error(`GitHub did not redirect the download of artifact ${params.artifactId} to a URL`);
            }
            const response = await fetch(location, { redirect: 'follow' });
            if (!response.ok) {
                throw new Error(`downloading artifact ${params.artifactId} failed with HTTP ${response.status}`);
            }
            const bytes = await readBounded(response, params.maxBytes);
            return bytes === null
                ? { kind: 'too-large', maxBytes: params.maxBytes }
                : { kind: 'downloaded', bytes };
        },
    };
}
//# sourceMappingURL=runs.js.map
;// CONCATENATED MODULE: ./lib/src/adapters/github/bot.js




/*
 * The bot's GitHub operations over the REST API, one file per port group (`bot-runs.ts`,
 * `bot-conversation.ts`, `bot-checks.ts`), assembled here on the same client as the Action's reads.
 */
/**
 * {@link GitHubBot} over GitHub's REST API: the Action's run and artifact reads
 * ({@link createRestRunReader}) plus the bot's runs, conversation and check runs, on one client.
 */
function createRestGitHubBot(octokit) {
    return {
        ...createRestRunReader(octokit),
        ...restBotRuns(octokit),
        ...restBotConversation(octokit),
        ...restBotChecks(octokit),
    };
}
//# sourceMappingURL=bot.js.map
// EXTERNAL MODULE: ./lib/src/core/errors.js
var errors = __webpack_require__(7657);
;// CONCATENATED MODULE: ./lib/cli/remote/github-access.js
/**
 * How the remote commands reach GitHub: the token (`GH_TOKEN`, `GITHUB_TOKEN`, else
 * `gh auth token`) and the REST base (`GITHUB_API_URL`, else the run URL's host or `GH_HOST`:
 * `https://api.github.com` for github.com, `https://HOST/api/v3` for GitHub Enterprise Server).
 * The token is only ever handed to the client; no message names it.
 */




const GH_AUTH_TIMEOUT_MS = 10_000;
/** The REST base and the host whose token to use. */
function resolveApi(env, urlHost) {
    const host = (urlHost ?? nonEmpty(env['GH_HOST']) ?? 'github.com').toLowerCase();
    const fromEnv = nonEmpty(env['GITHUB_API_URL']);
    if (fromEnv !== undefined)
        return { apiUrl: fromEnv.replace(/\/+$/, ''), host };
    const apiUrl = host === 'github.com' ? 'https://api.github.com' : `https://${host}/api/v3`;
    return { apiUrl, host };
}
/** The token: `GH_TOKEN`, `GITHUB_TOKEN`, else what `gh auth token` prints for the host. */
async function resolveToken(env, host) {
    const given = nonEmpty(env['GH_TOKEN']) ?? nonEmpty(env['GITHUB_TOKEN']);
    if (given !== undefined)
        return given;
    const fromGh = await ghAuthToken(env, host);
    if (fromGh !== null)
        return fromGh;
    throw new errors/* UserError */.yo(`no GitHub token: set GH_TOKEN, or install the GitHub CLI and run "gh auth login --hostname ${host}"`);
}
/** Connect to the server of a run. */
async function connectGitHub(env, urlHost) {
    const { apiUrl, host } = resolveApi(env, urlHost);
    const token = await resolveToken(env, host);
    const client = createGitHubClient({ token, baseUrl: apiUrl, userAgent: 'gh-retry-cli' });
    return { apiUrl, host, client, github: createRestGitHubBot(client) };
}
function ghAuthToken(env, host) {
    return new Promise((resolve) => {
        (0,external_node_child_process_.execFile)('gh', ['auth', 'token', '--hostname', host], { env: { ...env }, timeout: GH_AUTH_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
            const token = stdout.trim();
            // Not installed, not logged in, or no answer in time: no token from gh.
            resolve(error === null && /^\S+$/.test(token) ? token : null);
        });
    });
}
function nonEmpty(value) {
    return value === undefined || value.trim() === '' ? undefined : value.trim();
}
//# sourceMappingURL=github-access.js.map

/***/ }),

/***/ 4292:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ withGitHubErrors)
/* harmony export */ });
/* harmony import */ var _src_core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7657);
/**
 * GitHub's refusals during a remote command as one line saying what to do next (exit 2): a bad
 * token, a token that may not read or write, a repository it cannot see, a server not reached.
 */

/** Run `work`, turning GitHub's and the network's refusals into a {@link UserError}. */
async function withGitHubErrors(params, work) {
    try {
        return await work();
    }
    catch (error) {
        if (error instanceof _src_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo)
            throw error;
        const status = statusOf(error);
        const detail = messageOf(error);
        if (status === 401)
            throw new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`GitHub refused the token (${detail}): set GH_TOKEN to a valid token, or run "gh auth login"`);
        if (status === 403)
            throw new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`your token may not do this in ${params.repository} (GitHub: ${detail}): use a token with Actions and Checks access to it`);
        if (status === 404)
            throw new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${params.repository} or its run was not found, or your token cannot see it: check the run, or use a token with access to ${params.repository}`);
        if (status === null && error instanceof Error && /fetch failed|ECONN|ENOTFOUND/i.test(detail))
            throw new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`cannot reach the GitHub API at ${params.apiUrl} (${detail}): check GITHUB_API_URL / GH_HOST and your network`);
        throw error;
    }
}
function statusOf(error) {
    if (typeof error !== 'object' || error === null || !('status' in error))
        return null;
    return typeof error.status === 'number' ? error.status : null;
}
function messageOf(error) {
    const data = error.response?.data;
    if (typeof data?.message === 'string')
        return data.message.split('\n')[0] ?? data.message;
    const message = (0,_src_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error);
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${message.split('\n')[0] ?? message}${cause}`.replace(/ - https:\/\/docs\.github\.com\S*/, '');
}
//# sourceMappingURL=github-errors.js.map

/***/ }),

/***/ 748:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LI: () => (/* binding */ pickRecordArtifact),
/* harmony export */   N5: () => (/* binding */ checkRecordSize),
/* harmony export */   N8: () => (/* binding */ recordArtifactName),
/* harmony export */   Sm: () => (/* binding */ RECORD_ARTIFACT_PREFIX),
/* harmony export */   Yr: () => (/* binding */ checkRecordOfRun),
/* harmony export */   lt: () => (/* binding */ RECORD_FILE),
/* harmony export */   o5: () => (/* binding */ parseRecordArtifactName)
/* harmony export */ });
/* unused harmony exports recordIdOf, slugifyArtifactKey */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7657);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9287);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6097);
/**
 * A run record as a GitHub artifact: how the artifact is named, which one holds a job's record,
 * and the trust check every reader applies before using a record it downloaded (the Action's
 * parent load and the App's record reads). Artifacts are untrusted input: a record is used only
 * when it is small enough, valid, and belongs to the run and attempt its artifact name says.
 */



/** Prefix of every record artifact's name. */
const RECORD_ARTIFACT_PREFIX = 'gh-retry-';
/** The record's file inside its artifact (beside `state/<step-id>/<path>`). */
const RECORD_FILE = 'record.json';
/** The record id of a GitHub run attempt: `<run_id>-<attempt>`. */
function recordIdOf(runId, attempt) {
    return `${runId}-${attempt}`;
}
/** Turn a schedule or job name into the readable, collision-safe part of an artifact name. */
function slugifyArtifactKey(text) {
    const slug = text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 64)
        .replace(/-+$/, '');
    return slug === '' ? 'schedule' : slug;
}
/** The artifact name of one job attempt's record: `gh-retry-<key>-<attempt>`. */
function recordArtifactName(params) {
    return `${RECORD_ARTIFACT_PREFIX}${params.key}-${params.attempt}`;
}
/** The key and attempt of a record artifact's name, or null for any other artifact. */
function parseRecordArtifactName(name) {
    const match = /^gh-retry-([a-z0-9][a-z0-9-]*)-(\d{1,6})$/.exec(name);
    if (match === null)
        return null;
    return { key: match[1] ?? '', attempt: Number(match[2]) };
}
/**
 * The record artifact for `key` from the latest attempt at or before `maxAttempt`: a job that was
 * not re-run in a later attempt keeps the record of the attempt that ran it.
 */
function pickRecordArtifact(params) {
    let best = null;
    for (const artifact of params.artifacts) {
        const parsed = parseRecordArtifactName(artifact.name);
        if (parsed === null || parsed.key !== params.key || parsed.attempt > params.maxAttempt)
            continue;
        const better = best === null ||
            parsed.attempt > best.attempt ||
            (parsed.attempt === best.attempt && artifact.id > best.artifact.id);
        if (better)
            best = { artifact, attempt: parsed.attempt };
    }
    return best?.artifact ?? null;
}
/**
 * Refuse a `record.json` of `bytes` bytes (as found, or as a zip declares it before it is
 * decompressed) that is larger than a record may be.
 */
function checkRecordSize(artifactName, bytes) {
    if (bytes > _schema_js__WEBPACK_IMPORTED_MODULE_1__/* .RECORD_LIMITS */ .xA.maxRecordBytes) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RunRecordError */ .Rt(`the record in "${artifactName}" is ${bytes} bytes; at most ${_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .RECORD_LIMITS */ .xA.maxRecordBytes} are read`);
    }
}
/**
 * The trust check of a record artifact: its `record.json` (`undefined` when the artifact has
 * none) must be small enough, a valid record, and belong to the run and to the attempt the
 * artifact's name gives (`github` block and `record.id` alike).
 */
function checkRecordOfRun(params) {
    const { bytes, run, artifactName } = params;
    if (bytes === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RunRecordError */ .Rt(`the record artifact "${artifactName}" has no ${RECORD_FILE}`);
    checkRecordSize(artifactName, bytes.length);
    const record = (0,_record_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRunRecord */ .Yz)(new TextDecoder('utf-8', { fatal: false }).decode(bytes), {
        source: `${RECORD_FILE} of "${artifactName}"`,
    });
    const attempt = parseRecordArtifactName(artifactName)?.attempt;
    const github = record.github;
    const belongs = attempt !== undefined &&
        github !== null &&
        github.runId === run.id &&
        github.runAttempt === attempt &&
        github.repository.toLowerCase() === run.repository.toLowerCase() &&
        record.id === recordIdOf(run.id, attempt);
    if (!belongs) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RunRecordError */ .Rt(`the record in "${artifactName}" does not belong to run ${run.id} (it names ${record.id}); it is not used`);
    }
    return record;
}
//# sourceMappingURL=artifact.js.map

/***/ })

};
