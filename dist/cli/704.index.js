export const id = 704;
export const ids = [704];
export const modules = {

/***/ 9704:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   remotePlanCommand: () => (/* binding */ remotePlanCommand),
/* harmony export */   remoteShowCommand: () => (/* binding */ remoteShowCommand),
/* harmony export */   scheduleOf: () => (/* binding */ scheduleOf),
/* harmony export */   withRun: () => (/* binding */ withRun)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _src_retry_service_run_records_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5475);
/* harmony import */ var _src_adapters_github_record_artifacts_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5376);
/* harmony import */ var _src_core_run_record_artifact_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(748);
/* harmony import */ var _src_core_errors_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(7657);
/* harmony import */ var _src_core_report_text_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8136);
/* harmony import */ var _src_core_retry_planner_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6377);
/* harmony import */ var _json_output_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1142);
/* harmony import */ var _retry_mode_options_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5353);
/* harmony import */ var _schedule_source_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1062);
/* harmony import */ var _github_access_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(5037);
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(4292);
/* harmony import */ var _record_summary_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(6769);
/* harmony import */ var _run_target_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(2164);
/**
 * `gh-retry show RUN` and `gh-retry plan RUN` for a GitHub run: its record artifacts, read and
 * checked as the bot and the Action check them (`src/retry-service/run-records.ts` for the record alone,
 * `loadParentRun` of `adapters/github/record-artifacts.ts` when the plan needs the state files too),
 * printed with the same tables and `--json` contracts as for local runs.
 */
















/** `gh-retry show RUN [--json]` for a GitHub run. */
async function remoteShowCommand(ref, options, context) {
    const target = (0,_run_target_js__WEBPACK_IMPORTED_MODULE_13__/* .parseRunTarget */ ._i)(ref, options);
    return await withRun(target, context, async (access, run) => {
        const read = await (0,_src_retry_service_run_records_js__WEBPACK_IMPORTED_MODULE_3__/* .readRunRecords */ .Y)(recordSource(access, target, run));
        if (read.kind === 'not-gh-retry')
            throw notGhRetry(run);
        if (read.records.length === 0)
            throw unreadable(run, read.problems);
        for (const problem of read.problems)
            context.stderr(`gh-retry: note: ${problem}\n`);
        if (options.json === true)
            context.stdout(json(read.records.map(_json_output_js__WEBPACK_IMPORTED_MODULE_8__/* .toShowJson */ .TE)));
        else
            context.stdout((0,_record_summary_js__WEBPACK_IMPORTED_MODULE_12__/* .describeRecords */ .cI)({ records: read.records, problems: [] }).trimStart());
        return 0;
    });
}
/** `gh-retry plan RUN [mode] [--json]`: what a retry of a GitHub run would do. */
async function remotePlanCommand(ref, options, context) {
    const mode = (0,_retry_mode_options_js__WEBPACK_IMPORTED_MODULE_9__/* .readRetryMode */ .m)(options);
    const target = (0,_run_target_js__WEBPACK_IMPORTED_MODULE_13__/* .parseRunTarget */ ._i)(ref, options);
    const given = options.schedule !== undefined || options.command !== undefined
        ? await (0,_schedule_source_js__WEBPACK_IMPORTED_MODULE_10__/* .readSchedule */ .Cu)(options, context.cwd)
        : null;
    return await withRun(target, context, async (access, run) => {
        const found = await (0,_src_retry_service_run_records_js__WEBPACK_IMPORTED_MODULE_3__/* .findRecordArtifacts */ .q)(recordSource(access, target, run));
        if (found.kind === 'not-gh-retry')
            throw notGhRetry(run);
        const keys = [
            ...new Set(found.artifacts.map((a) => (0,_src_core_run_record_artifact_js__WEBPACK_IMPORTED_MODULE_5__/* .parseRecordArtifactName */ .o5)(a.name)?.key ?? '')),
        ];
        const plans = [];
        for (const key of keys.filter((k) => k !== '')) {
            const destination = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_2__.join((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'gh-retry-plan-'));
            try {
                const parent = await (0,_src_adapters_github_record_artifacts_js__WEBPACK_IMPORTED_MODULE_4__/* .loadParentRun */ .si)({
                    github: access.github,
                    repo: target,
                    workflowPath: run.workflowPath,
                    runId: run.id,
                    maxAttempt: target.attempt,
                    key,
                    requireCompleted: true,
                    destination,
                });
                if (parent.kind === 'unavailable')
                    throw new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_14__/* .UserError */ .yo(parent.reason.replace(/use retry-mode all$/, 'retry everything with --all'));
                const schedule = given ?? scheduleOf(parent.record);
                plans.push((0,_src_core_retry_planner_js__WEBPACK_IMPORTED_MODULE_7__/* .planRetry */ .M)({
                    schedule,
                    parent: parent.record,
                    mode,
                    parentState: parent.parentState,
                    stateRoot: destination,
                    env: context.env,
                }));
            }
            finally {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(destination, { recursive: true, force: true });
            }
        }
        if (options.json === true)
            context.stdout(json(plans.map((plan) => (0,_json_output_js__WEBPACK_IMPORTED_MODULE_8__/* .toPlanJson */ .xu)(plan))));
        else
            for (const plan of plans)
                context.stdout(`${(0,_src_core_report_text_js__WEBPACK_IMPORTED_MODULE_6__/* .renderPlanTable */ .Qi)(plan)}\n`);
        return 0;
    });
}
/**
 * The schedule a parent ran, as its record tells it: a plan of a remote run uses it unless
 * `--schedule`/`--command` give the current one (a step's custom `retry-with` is not recorded).
 */
function scheduleOf(record) {
    return {
        name: record.name,
        steps: record.steps.map((step) => ({
            id: step.id,
            name: step.name,
            run: step.command,
            setup: step.setup,
            continueOnError: step.continueOnError,
            retries: 0,
            state: step.state.map((file) => file.path),
        })),
    };
}
/** Connect, read the run, and run `work` with GitHub's refusals as one line. */
async function withRun(target, context, work) {
    const access = await (0,_github_access_js__WEBPACK_IMPORTED_MODULE_11__/* .connectGitHub */ .UY)(context.env, target.host);
    const repository = `${target.owner}/${target.repo}`;
    return await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_15__/* .withGitHubErrors */ .V)({ repository, apiUrl: access.apiUrl }, async () => {
        const run = await access.github.getWorkflowRun({ ...target, runId: target.runId });
        if (run === null)
            throw (0,_run_target_js__WEBPACK_IMPORTED_MODULE_13__/* .runNotFound */ .b3)(target);
        return await work(access, run);
    });
}
/** Where a run's records are read: the run's repository, and the attempt the target names. */
function recordSource(access, target, run) {
    const attempt = Math.min(target.attempt ?? run.attempt, run.attempt);
    return {
        github: access.github,
        repo: target,
        run: { id: run.id, attempt, repository: run.repository },
    };
}
/** One run's contract as locally (an object); a run of several gh-retry jobs gives an array. */
function json(items) {
    return (0,_json_output_js__WEBPACK_IMPORTED_MODULE_8__/* .jsonText */ .s$)(items.length === 1 ? items[0] : items);
}
function notGhRetry(run) {
    return new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_14__/* .UserError */ .yo(`run ${run.id} uploaded no gh-retry record: it does not use the gh-retry Action, or ran before it was added`);
}
function unreadable(run, problems) {
    const first = (problems[0] ?? 'its record could not be read').replace(/; use \/retry all$/, '');
    const expired = /expired/.test(first);
    return new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_14__/* .UserError */ .yo(expired
        ? `${first.replace(/^the record artifact "[^"]*"/, `the record of run ${run.id}`)}: retry everything with "gh-retry retry ${run.htmlUrl} --all"`
        : `run ${run.id}: ${first}`);
}
//# sourceMappingURL=inspect-remote.js.map

/***/ })

};
