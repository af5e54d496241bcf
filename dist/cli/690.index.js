export const id = 690;
export const ids = [690];
export const modules = {

/***/ 4690:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  historyCommand: () => (/* binding */ historyCommand),
  planCommand: () => (/* binding */ planCommand),
  renderHistory: () => (/* binding */ renderHistory),
  showCommand: () => (/* binding */ showCommand)
});

// EXTERNAL MODULE: ./lib/src/core/words.js
var words = __webpack_require__(6341);
// EXTERNAL MODULE: ./lib/src/adapters/local/fs-state-workspace.js
var fs_state_workspace = __webpack_require__(8292);
// EXTERNAL MODULE: ./lib/src/core/retry/mode.js
var retry_mode = __webpack_require__(4786);
// EXTERNAL MODULE: ./lib/src/core/report/text.js
var report_text = __webpack_require__(8136);
// EXTERNAL MODULE: ./lib/src/execution/plan-from-parent.js
var plan_from_parent = __webpack_require__(558);
// EXTERNAL MODULE: ./lib/cli/cli-context.js + 2 modules
var cli_context = __webpack_require__(6588);
// EXTERNAL MODULE: ./lib/cli/json-output.js
var json_output = __webpack_require__(1142);
// EXTERNAL MODULE: ./lib/src/adapters/local/process-runner.js
var process_runner = __webpack_require__(3293);
// EXTERNAL MODULE: ./lib/src/execution/fix-aware.js
var fix_aware = __webpack_require__(9991);
// EXTERNAL MODULE: ./lib/cli/retry-mode-options.js
var retry_mode_options = __webpack_require__(5353);
// EXTERNAL MODULE: ./lib/cli/run-liveness.js
var run_liveness = __webpack_require__(7005);
// EXTERNAL MODULE: ./lib/cli/run-schedule-memory.js
var run_schedule_memory = __webpack_require__(1637);
// EXTERNAL MODULE: ./lib/cli/terminal-reporter.js
var terminal_reporter = __webpack_require__(4364);
;// CONCATENATED MODULE: ./lib/cli/visible-text.js
// Text from a record (a step's saved output, a command, a name) shown on a terminal: control
// characters are made visible instead of being replayed, so a saved tail cannot move the cursor,
// clear the screen, set the window title or write the clipboard (ESC, CSI and OSC sequences).
/** C0 controls except tab and newline, DEL, and the C1 controls (0x9b is a one-byte CSI). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/**
 * `text` with each control character other than newline and tab written as `\xNN` (a CRLF line
 * end becomes a plain newline), so ESC [ 2 J shows as `\x1b[2J` and does nothing.
 */
function visibleText(text) {
    return text
        .replace(/\r\n/g, '\n')
        .replace(CONTROL, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
//# sourceMappingURL=visible-text.js.map
;// CONCATENATED MODULE: ./lib/cli/inspect-commands.js














/** Lines of a failed step's output that `show` prints under the table. */
const SHOWN_OUTPUT_LINES = 20;
/** `gh-retry plan [RUN|last]`: what a retry would do, without running anything. */
async function planCommand(ref, options, context) {
    const mode = (0,retry_mode_options/* readRetryMode */.m)(options);
    const parent = await (0,cli_context/* openRunStore */.$)(options, context).loadRun(ref ?? 'last');
    const { schedule, said } = await (0,run_schedule_memory/* scheduleForRetry */.V)({ options, cwd: context.cwd, parent });
    const workspace = (0,fs_state_workspace/* createFsStateWorkspace */.G)({ workDir: context.cwd });
    const plan = await (0,plan_from_parent/* planFromParent */.k)({ schedule, parent, mode, workspace, env: context.env });
    if (options.json === true) {
        const fixAware = await probeFixAwareSteps(plan, context);
        context.stdout((0,json_output/* jsonText */.s$)((0,json_output/* toPlanJson */.xu)(plan, fixAware)));
    }
    else {
        context.stdout(visibleText(`${said}\n${(0,report_text/* renderPlanTable */.Qi)(plan)}\n`));
        if (plan.nothingToRetry)
            context.stdout(`nothing to retry: run ${plan.parent} succeeded\n`);
    }
    return 0;
}
/**
 * For `plan --json`: run each fix-aware dbt step's `dbt ls` probe (it reads the project, builds
 * nothing) to show the nodes the retry would add.
 */
async function probeFixAwareSteps(plan, context) {
    const found = new Map();
    const runner = (0,process_runner/* createProcessRunner */.Ej)();
    for (const step of plan.steps) {
        const form = step.fixAware;
        if (form === undefined)
            continue;
        const probe = await (0,fix_aware/* probeFixAware */.OP)(form, { runner, cwd: context.cwd, env: context.env });
        const reason = probe.kind === 'failed'
            ? `could not list the nodes changed since run ${form.parentRun} (${probe.how}); runs dbt retry`
            : probe.added.length === 0
                ? `no node changed since run ${form.parentRun} leads to a failed node; runs dbt retry`
                : (0,fix_aware/* describeAdded */.Qo)(probe.added, form.parentRun);
        const added = probe.kind === 'failed' ? null : probe.added;
        found.set(step.id, { added, reason, exec: added?.length ? form.exec : (step.exec ?? '') });
    }
    return found;
}
/** `gh-retry show [RUN|last]`: one run, its steps and the end of each failed step's output. */
async function showCommand(ref, options, context) {
    const run = await (0,cli_context/* openRunStore */.$)(options, context).loadRun(ref ?? 'last');
    const { record } = run;
    // Commands, names and saved output come from a record: never replay their control characters.
    const stdout = (text) => {
        context.stdout(visibleText(text));
    };
    if (options.json === true) {
        context.stdout((0,json_output/* jsonText */.s$)((0,json_output/* toShowJson */.TE)(record)));
        return 0;
    }
    const liveness = await (0,run_liveness/* livenessOf */.l8)(run);
    if (liveness !== null) {
        stdout(liveness.kind === 'running'
            ? `run ${record.id} is still running (process ${liveness.pid}); the steps so far:\n`
            : `run ${record.id} was interrupted: its gh-retry process (${liveness.pid}) died before the run ended\n`);
    }
    stdout(`${(0,report_text/* renderRunTable */.Am)(record)}\n`);
    for (const step of record.steps) {
        if (step.status !== 'failed' && step.status !== 'cancelled')
            continue;
        const lines = step.outputTail.trimEnd().split('\n').slice(-SHOWN_OUTPUT_LINES);
        stdout(`\n--- ${step.id}: last ${(0,words/* counted */.h)(lines.length, 'line')} of output ---\n`);
        stdout(`${lines.join('\n')}\n`);
    }
    return 0;
}
/** `gh-retry history`: every run in the store, oldest first, with its lineage. */
async function historyCommand(options, context) {
    const listed = await (0,cli_context/* openRunStore */.$)(options, context).listSummaries();
    const runs = listed.map((run) => run.summary);
    const statuses = new Map();
    // A run still running, or whose process died, has a record that says cancelled: only those
    // can be running or interrupted, so only their marks are read.
    for (const run of listed.filter((r) => r.summary.status === 'cancelled')) {
        statuses.set(run.summary.id, (0,run_liveness/* shownStatus */.O4)(run.summary.status, await (0,run_liveness/* livenessOf */.l8)(run)));
    }
    if (options.json === true) {
        const entries = runs.map((record) => ({
            id: record.id,
            name: record.name,
            status: record.status,
            startedAt: record.startedAt,
            durationMs: record.durationMs,
            lineage: {
                parent: record.lineage.parent,
                root: record.lineage.root,
                retryNumber: record.lineage.retryNumber,
                mode: record.lineage.mode === null ? null : (0,retry_mode/* formatRetryMode */.Zj)(record.lineage.mode),
            },
        }));
        context.stdout((0,json_output/* jsonText */.s$)(entries));
        return 0;
    }
    if (runs.length === 0) {
        context.stdout('no runs yet; start one with "gh-retry run"\n');
        return 0;
    }
    context.stdout(`${visibleText(renderHistory(runs, statuses))}\n`);
    return 0;
}
/** A plain table of runs: id, status, start, duration, name and lineage. */
function renderHistory(runs, statuses = new Map()) {
    const rows = runs.map((record) => [
        record.id,
        statuses.get(record.id) ?? record.status,
        record.startedAt.slice(0, 19).replace('T', ' '),
        (0,terminal_reporter/* formatDuration */.a3)(record.durationMs),
        record.name,
        describeLineage(record),
    ]);
    const header = ['RUN', 'STATUS', 'STARTED (UTC)', 'DURATION', 'NAME', 'LINEAGE'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
    return [header, ...rows]
        .map((row) => row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd())
        .join('\n');
}
function describeLineage(record) {
    const { lineage } = record;
    if (lineage.parent === null)
        return 'first run';
    const mode = lineage.mode === null ? '' : ` (${(0,retry_mode/* formatRetryMode */.Zj)(lineage.mode)})`;
    const nothing = record.nothingToRetry ? ', nothing to retry' : '';
    return `retry ${lineage.retryNumber} of ${lineage.root}, from ${lineage.parent}${mode}${nothing}`;
}
//# sourceMappingURL=inspect-commands.js.map

/***/ })

};
