export const id = 596;
export const ids = [596];
export const modules = {

/***/ 8596:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   remoteHistoryCommand: () => (/* binding */ remoteHistoryCommand)
/* harmony export */ });
/* harmony import */ var _src_core_run_record_artifact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(748);
/* harmony import */ var _src_core_bot_retry_title_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4379);
/* harmony import */ var _src_core_report_text_table_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1609);
/* harmony import */ var _json_output_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1142);
/* harmony import */ var _github_access_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5037);
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4292);
/* harmony import */ var _run_target_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2164);
/**
 * `gh-retry history --repo O/R [--workflow W]`: the repository's recent gh-retry runs, newest
 * first, with their lineage as GitHub shows it: a dispatched retry names its parent in its title
 * (`Retry of #123`, the documented `run-name`), a re-run of failed jobs is a later attempt.
 */







const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
/** The recent gh-retry runs of a repository (runs that uploaded a record artifact). */
async function remoteHistoryCommand(options, context) {
    const repo = (0,_run_target_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRepoOption */ .di)(options.repo);
    const limit = readLimit(options.limit);
    const access = await (0,_github_access_js__WEBPACK_IMPORTED_MODULE_2__/* .connectGitHub */ .UY)(context.env, null);
    const repository = `${repo.owner}/${repo.repo}`;
    return await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .withGitHubErrors */ .V)({ repository, apiUrl: access.apiUrl }, async () => {
        const runs = await access.github.listRuns({
            ...repo,
            limit,
            ...(options.workflow === undefined ? {} : { workflow: options.workflow }),
        });
        const used = [];
        for (const run of runs) {
            if (run.status !== 'completed')
                continue;
            const artifacts = await access.github.listRunArtifacts({
                ...repo,
                runId: run.id,
                namePrefix: _src_core_run_record_artifact_js__WEBPACK_IMPORTED_MODULE_0__/* .RECORD_ARTIFACT_PREFIX */ .Sm,
            });
            if (artifacts.length > 0)
                used.push(run);
        }
        const entries = lineage(used);
        if (options.json === true)
            context.stdout((0,_json_output_js__WEBPACK_IMPORTED_MODULE_1__/* .jsonText */ .s$)(entries));
        else if (entries.length === 0)
            context.stdout(`no finished gh-retry runs among the last ${limit} runs of ${repository}\n`);
        else
            context.stdout(`${renderEntries(entries)}\n`);
        return 0;
    });
}
function lineage(runs) {
    const parentOf = new Map(runs.map((run) => [run.id, (0,_src_core_bot_retry_title_js__WEBPACK_IMPORTED_MODULE_5__/* .parseRetryTitle */ .qW)(run.displayTitle)]));
    const rootOf = (id) => {
        let current = id;
        // Bounded: a chain is at most as long as the list.
        for (let hops = 0; hops < runs.length; hops += 1) {
            const parent = parentOf.get(current);
            if (parent === null || parent === undefined)
                return current;
            current = parent;
        }
        return current;
    };
    return runs.map((run) => ({
        id: run.id,
        attempt: run.attempt,
        workflow: run.workflowName,
        status: run.status,
        conclusion: run.conclusion,
        createdAt: run.createdAt,
        url: run.htmlUrl,
        retryOf: parentOf.get(run.id) ?? null,
        root: rootOf(run.id),
    }));
}
function renderEntries(entries) {
    const rows = entries.map((entry) => [
        String(entry.id),
        entry.conclusion ?? entry.status ?? '-',
        entry.createdAt.slice(0, 19).replace('T', ' '),
        entry.workflow,
        describe(entry),
    ]);
    return (0,_src_core_report_text_table_js__WEBPACK_IMPORTED_MODULE_6__/* .renderTextTable */ .K$)(['RUN', 'CONCLUSION', 'CREATED (UTC)', 'WORKFLOW', 'LINEAGE'], rows);
}
function describe(entry) {
    const rerun = entry.attempt > 1 ? `, ${entry.attempt - 1} re-run(s) of failed jobs` : '';
    if (entry.retryOf === null)
        return `first run${rerun}`;
    const root = entry.root === entry.retryOf ? '' : ` (root ${entry.root})`;
    return `retry of ${entry.retryOf}${root}${rerun}`;
}
function readLimit(text) {
    if (text === undefined)
        return DEFAULT_LIMIT;
    const limit = Number(text);
    return Number.isInteger(limit) && limit > 0 ? Math.min(limit, MAX_LIMIT) : DEFAULT_LIMIT;
}
//# sourceMappingURL=history-remote.js.map

/***/ }),

/***/ 4379:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hl: () => (/* binding */ findExistingRetry),
/* harmony export */   ny: () => (/* binding */ RETRY_RUN_NAME),
/* harmony export */   qW: () => (/* binding */ parseRetryTitle)
/* harmony export */ });
/**
 * The retry-title convention: a retry's `run-name` names its parent (`Retry of #123`), so a retry
 * can be found while it is still queued, before it has uploaded a record.
 */
/**
 * The `run-name` a workflow declares so that a retry's title names its parent while it is still
 * queued (inputs are not in the runs API): `Retry of #<retry-of>`, else GitHub's usual title.
 */
const RETRY_RUN_NAME = "${{ inputs.retry-of && format('Retry of #{0}', inputs.retry-of) || '' }}";
/** The parent run id a retry's title names (`Retry of #123`, or a `…/actions/runs/123` URL); null if none. */
function parseRetryTitle(displayTitle) {
    const match = /\bretry of #?(\d{1,16})\b/i.exec(displayTitle) ??
        /\/actions\/runs\/(\d{1,16})\b/.exec(displayTitle);
    const id = match ? Number(match[1]) : NaN;
    return Number.isSafeInteger(id) && id > 0 ? id : null;
}
/**
 * Find a run that already retries `parentRunId`, so that a redelivered webhook or a second App
 * instance does not dispatch twice. Correlation: the candidate's record lineage when known, else
 * its title per RETRY_RUN_NAME. A cancelled candidate is no retry. The shell lists the parent workflow's `workflow_dispatch` runs
 * created since the parent finished and checks again right before dispatching.
 */
function findExistingRetry(params) {
    const found = params.candidates.find((c) => c.runId !== params.parentRunId &&
        c.cancelled !== true &&
        (c.recordParentRunId === params.parentRunId ||
            parseRetryTitle(c.displayTitle) === params.parentRunId));
    return found === undefined ? { kind: 'none' } : { kind: 'found', runId: found.runId };
}
//# sourceMappingURL=retry-title.js.map

/***/ })

};
