export const id = 204;
export const ids = [204];
export const modules = {

/***/ 7931:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  retryCommand: () => (/* binding */ retryCommand),
  runCommand: () => (/* binding */ runCommand)
});

// EXTERNAL MODULE: ./lib/src/adapters/local/fs-state-workspace.js
var fs_state_workspace = __webpack_require__(8292);
// EXTERNAL MODULE: ./node_modules/execa/index.js + 132 modules
var execa = __webpack_require__(4434);
;// CONCATENATED MODULE: ./lib/src/adapters/local/git-info.js

/** Read HEAD's sha and branch name with git; a missing git or repository gives nulls. */
async function readGitInfo(cwd) {
    const [sha, ref] = await Promise.all([
        readGit(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD']),
        readGit(cwd, ['symbolic-ref', '--quiet', 'HEAD']),
    ]);
    return { sha: sha !== null && /^[0-9a-f]{40,64}$/.test(sha) ? sha : null, ref };
}
async function readGit(cwd, args) {
    const result = await (0,execa/* execa */.Ho)('git', args, { cwd, reject: false, stdin: 'ignore', timeout: 10_000 });
    const out = typeof result.stdout === 'string' ? result.stdout.trim() : '';
    return result.exitCode === 0 && out !== '' ? out : null;
}
//# sourceMappingURL=git-info.js.map
// EXTERNAL MODULE: ./lib/src/adapters/local/process-runner.js
var process_runner = __webpack_require__(3293);
// EXTERNAL MODULE: ./lib/src/adapters/local/system-clock.js
var system_clock = __webpack_require__(2797);
// EXTERNAL MODULE: ./lib/src/core/report/text.js
var report_text = __webpack_require__(8136);
// EXTERNAL MODULE: ./lib/src/execution/plan-from-parent.js
var plan_from_parent = __webpack_require__(558);
// EXTERNAL MODULE: ./lib/src/core/run-record/schema.js + 1 modules
var schema = __webpack_require__(6097);
// EXTERNAL MODULE: ./lib/src/core/retry/flaky.js
var flaky = __webpack_require__(2704);
// EXTERNAL MODULE: ./lib/src/core/retry/planner.js
var planner = __webpack_require__(6377);
// EXTERNAL MODULE: ./lib/src/core/run-record/record.js
var run_record_record = __webpack_require__(9287);
;// CONCATENATED MODULE: ./lib/src/execution/carry-forward.js
/**
 * The results a step keeps from its parent run when it produces none of its own: the parent
 * step's state files copied into this run's state root (so a later retry finds them here), its
 * node picture and failed tests, and the run they came from.
 */
async function carryFromParent(params) {
    const { parent, parentStep, stateRoot, workspace } = params;
    const state = await workspace.carryState({
        from: parent.stateRoot,
        to: stateRoot,
        files: parentStep.state,
    });
    return {
        state,
        nodes: parentStep.nodes,
        failedTests: parentStep.failedTests,
        exitCode: parentStep.exitCode,
        signal: parentStep.signal,
        carriedFrom: parentStep.carriedFrom ?? parent.record.id,
    };
}
/** Whether a step of a parent run ended failed or cut short. */
function failedStep(step) {
    return step?.status === 'failed' || step?.status === 'cancelled';
}
//# sourceMappingURL=carry-forward.js.map
;// CONCATENATED MODULE: ./lib/src/execution/kept-failures.js

/**
 * A failure is never lost: a step the plan skips (a retry `only` that names other steps) whose
 * parent step failed keeps that failure in the new record, with its results and state files, so
 * the run stays failed and the next from-failure retry still retries it. Rewrites `steps` in place.
 */
async function keepFailures(params) {
    const { steps, parent } = params;
    const parentSteps = new Map(parent.record.steps.map((step) => [step.id, step]));
    for (const [index, step] of steps.entries()) {
        const parentStep = parentSteps.get(step.id);
        if (step.action !== 'skip' || !failedStep(parentStep))
            continue;
        const carried = await carryFromParent({
            parent,
            parentStep,
            stateRoot: params.params.slot.stateRoot,
            workspace: params.params.workspace,
        });
        steps[index] = {
            ...step,
            ...carried,
            status: parentStep.status,
            reason: `${step.reason}; still ${parentStep.status} from run ${carried.carriedFrom ?? parent.record.id}`,
            outputTail: parentStep.outputTail,
            outputTruncated: parentStep.outputTruncated,
        };
    }
}
/** Whether a failure kept from the parent fails this run (a continue-on-error step does not). */
function keptFailure(steps) {
    return steps.some((step) => step.carriedFrom != null && step.action === 'skip' && !step.continueOnError);
}
//# sourceMappingURL=kept-failures.js.map
// EXTERNAL MODULE: ./lib/src/core/errors.js
var errors = __webpack_require__(7657);
// EXTERNAL MODULE: ./lib/src/core/tools/index.js + 9 modules
var tools = __webpack_require__(3825);
// EXTERNAL MODULE: ./lib/src/execution/fix-aware.js
var fix_aware = __webpack_require__(9991);
// EXTERNAL MODULE: ./lib/src/core/retry/conditions.js + 1 modules
var retry_conditions = __webpack_require__(3100);
// EXTERNAL MODULE: ./lib/src/core/retry/duration.js
var duration = __webpack_require__(2161);
// EXTERNAL MODULE: ./lib/src/core/retry/in-run.js
var in_run = __webpack_require__(5062);
;// CONCATENATED MODULE: ./lib/src/execution/in-run-attempts.js






/** Waits `ms`, or less when the signal aborts; the default of `StepContext.sleep`. */
function abortableSleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal?.aborted === true) {
            resolve();
            return;
        }
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}
/**
 * Run the step, and again after a failure while `retries` allow and `retry-on` matches. `save`
 * saves and reads the state the working directory holds now (called between attempts).
 */
async function runAttempts(params) {
    const { step, context, log } = params;
    const { spec, planned } = step;
    const maxAttempts = 1 + spec.retries;
    const attemptLog = [];
    let next = {
        exec: planned.exec,
        form: planned.action === 'retry' ? firstForm(step) : 'as-written',
        successCodes: params.successCodes,
    };
    let result = null;
    let successCodes = params.successCodes;
    let durationMs = 0;
    while (attemptLog.length < maxAttempts && !aborted(context)) {
        const number = attemptLog.length + 1;
        const ran = await runOne({ step, context, log, attempt: next, number });
        result = ran.result;
        successCodes = next.successCodes;
        durationMs += result.durationMs;
        attemptLog.push(ran.record);
        const succeeded = result.kind === 'exited' && successCodes.includes(result.exitCode);
        if (succeeded || result.kind === 'cancelled' || number === maxAttempts)
            break;
        const results = await params.save();
        attemptLog[number - 1] = {
            ...ran.record,
            nodes: results.nodes,
            failedTests: results.failedTests,
        };
        if (!shouldRetry({ step, log, record: ran.record, results, tail: ran.tail }))
            break;
        next = nextAttempt({ step, context, log, record: ran.record, results });
        const delay = (0,in_run/* inRunDelaySeconds */.tj)(spec.retryDelay, number);
        const how = next.form === 'as-written' ? ' as written' : `: ${next.exec}`;
        const wait = delay > 0 ? `waiting ${(0,duration/* formatSeconds */.Xo)(delay)}, then ` : '';
        log.note(`attempt ${number} ${describeEnd(ran.record)}; ${wait}attempt ${number + 1} of ${maxAttempts}${how}`);
        if (delay > 0)
            await context.sleep(delay * 1000, context.signal);
        if (aborted(context)) {
            result = { kind: 'cancelled', exitCode: null, signal: null, durationMs: 0 };
            break;
        }
    }
    return { result, durationMs, attemptLog, successCodes };
}
/** The form of a step's first attempt when the plan retries it (a new-run retry). */
function firstForm(step) {
    return step.planned.tool === 'custom' ? 'retry-with' : 'tool-retry';
}
async function runOne(params) {
    const { step, context, log, attempt, number } = params;
    const { planned, spec, index, total } = step;
    const startedAt = context.now();
    const shown = {
        ...planned,
        exec: attempt.exec,
        action: number > 1 && attempt.form !== 'as-written' ? 'retry' : planned.action,
    };
    context.reporter.report({ kind: 'step-started', step: shown, index, total, attempt: number });
    let tail = { text: '', truncated: false };
    const timeoutMs = spec.attemptTimeoutSeconds === undefined ? null : spec.attemptTimeoutSeconds * 1000;
    const controller = new AbortController();
    const forward = () => {
        controller.abort();
    };
    context.signal?.addEventListener('abort', forward, { once: true });
    const timing = { timedOut: false };
    const timer = timeoutMs === null
        ? null
        : setTimeout(() => {
            timing.timedOut = true;
            controller.abort();
        }, timeoutMs);
    let result = await context.runner.run({
        command: attempt.exec,
        cwd: context.cwd,
        env: context.env,
        signal: controller.signal,
        onOutput: (chunk) => {
            log.append(chunk.text);
            tail = (0,run_record_record/* appendOutputTail */.sc)(tail, chunk.text);
            context.reporter.report({ kind: 'step-output', stepId: planned.id, chunk });
        },
    });
    if (timer !== null)
        clearTimeout(timer);
    context.signal?.removeEventListener('abort', forward);
    if (result.kind === 'cancelled' && timing.timedOut && context.signal?.aborted !== true) {
        log.note(`attempt ${number} ran longer than attempt-timeout ${(0,duration/* formatSeconds */.Xo)(spec.attemptTimeoutSeconds ?? 0)} and was stopped`);
        result = { kind: 'killed', signal: 'timeout', durationMs: result.durationMs };
    }
    if (result.kind === 'spawn-failed')
        log.note(`the command could not start: ${result.message}`);
    const record = {
        number,
        executed: attempt.exec,
        form: attempt.form,
        exitCode: 'exitCode' in result ? result.exitCode : null,
        signal: 'signal' in result ? result.signal : null,
        startedAt: startedAt.toISOString(),
        durationMs: result.durationMs,
        nodes: null,
        failedTests: null,
    };
    return { result, record, tail: tail.text };
}
/** Whether `retry-on` (when set) matches the failed attempt; says so when it does not. */
function shouldRetry(params) {
    const { step, log, record, results, tail } = params;
    const conditions = step.spec.retryOn;
    if (conditions === undefined)
        return true;
    const facts = {
        id: step.planned.id,
        exitCode: record.exitCode,
        outputTail: tail,
        nodes: results.nodes,
    };
    if ((0,retry_conditions/* findConditionMatch */.O4)(conditions, [facts]) !== null)
        return true;
    log.note(`attempt ${record.number} ${describeEnd(record)}, which matches none of retry-on (${(0,retry_conditions/* describeConditions */.GT)(conditions)}); not retried in this run`);
    return false;
}
/** The next attempt: the tool's retry form from the state the failed attempt left, else as written. */
function nextAttempt(params) {
    const { step, context, record, results } = params;
    const asWritten = { exec: step.spec.run, form: 'as-written', successCodes: [0] };
    if (step.planned.tool === null)
        return asWritten;
    const failed = {
        ...baseRecord(step, null),
        status: 'failed',
        exitCode: record.exitCode,
        signal: record.signal,
        state: results.state,
        nodes: results.nodes,
        failedTests: results.failedTests,
    };
    const form = (0,tools/* retryFormFor */.E2)({
        step: step.spec,
        parent: failed,
        parentState: results.contents,
        stateRoot: context.stateRoot,
        env: context.env,
    });
    if (form.kind === 'as-written') {
        params.log.note(`the next attempt runs as written: ${form.reason}`);
        return asWritten;
    }
    return {
        exec: form.exec,
        form: step.planned.tool === 'custom' ? 'retry-with' : 'tool-retry',
        successCodes: form.successExitCodes,
    };
}
/** Read through a call: the signal may abort during an await, which narrowing cannot know. */
function aborted(context) {
    return context.signal?.aborted === true;
}
function describeEnd(record) {
    if (record.exitCode !== null)
        return `exited ${record.exitCode}`;
    if (record.signal === 'timeout')
        return 'timed out';
    return record.signal === null ? 'did not finish' : `was stopped by ${record.signal}`;
}
//# sourceMappingURL=in-run-attempts.js.map
;// CONCATENATED MODULE: ./lib/src/execution/execute-step.js






function createStepLog(stepId, reporter) {
    let tail = { text: '', truncated: false };
    const append = (text) => {
        tail = (0,run_record_record/* appendOutputTail */.sc)(tail, text);
    };
    return {
        tail: () => tail,
        append,
        note: (message) => {
            append(`[gh-retry] ${message}\n`);
            reporter.report({ kind: 'note', stepId, message });
        },
    };
}
/**
 * Run one step: restore its state files, run it (again in its retry form while `retries` allow),
 * save the files its tool leaves behind right away (the next step may overwrite them) and
 * summarise them.
 */
async function executeStep(planned, context) {
    const startedAt = context.now();
    const log = createStepLog(planned.planned.id, context.reporter);
    const fixAware = planned.planned.fixAware === undefined
        ? null
        : await (0,fix_aware/* chooseFixAware */.z4)(planned.planned, planned.planned.fixAware, context, log.note);
    const step = fixAware === null
        ? planned
        : { ...planned, planned: { ...planned.planned, exec: fixAware.exec } };
    const restored = await restoreFiles(step, context).catch((error) => {
        if (!(error instanceof errors/* UserError */.yo))
            throw error;
        log.note(error.message);
        return false;
    });
    if (!restored) {
        return { ...baseRecord(step, startedAt), status: 'failed', outputTail: log.tail().text };
    }
    const successCodes = (0,tools/* successExitCodesFor */.zp)({
        tool: step.planned.tool,
        action: step.planned.action,
    });
    const save = () => saveAndSummarise(step, context, log.note);
    const outcome = await runAttempts({ step, context, log, successCodes, save });
    const { result, durationMs, attemptLog } = outcome;
    const status = result === null || result.kind === 'cancelled'
        ? 'cancelled'
        : isSuccess(result, outcome.successCodes)
            ? 'success'
            : 'failed';
    const exitCode = result !== null && 'exitCode' in result ? result.exitCode : null;
    const carried = await carryWhenNoResults({ step, context, status, exitCode });
    if (carried !== null) {
        log.note(`no new results from this retry; the next retry resumes from run ${carried.carriedFrom}`);
    }
    const rebuilt = fixAware?.record?.added.length ?? 0;
    const results = carried ?? (await save());
    const last = attemptLog.at(-1);
    if (carried === null && last !== undefined) {
        attemptLog[attemptLog.length - 1] = {
            ...last,
            nodes: results.nodes,
            failedTests: results.failedTests,
        };
    }
    return {
        ...baseRecord(step, startedAt),
        status,
        exitCode,
        signal: result !== null && 'signal' in result ? result.signal : null,
        attempts: attemptLog.length,
        durationMs,
        state: results.state,
        nodes: carried === null ? mergedNodes(step, context, attemptLog, rebuilt) : results.nodes,
        failedTests: results.failedTests,
        ...(carried === null ? {} : { carriedFrom: carried.carriedFrom }),
        ...(fixAware?.record == null ? {} : { fixAware: fixAware.record }),
        outputTail: log.tail().text,
        outputTruncated: log.tail().truncated,
        ...(attemptLog.length > 1 ? { attemptLog } : {}),
    };
}
function isSuccess(result, successCodes) {
    return result.kind === 'exited' && successCodes.includes(result.exitCode);
}
async function restoreFiles(step, context) {
    const files = step.planned.restore;
    if (files.length === 0)
        return true;
    if (context.parent === null)
        throw new errors/* UserError */.yo('the plan restores state files but there is no parent run');
    await context.workspace.restoreState({ stateRoot: context.parent.stateRoot, files });
    return true;
}
async function saveAndSummarise(step, context, note) {
    const { planned, spec } = step;
    const { env, workspace } = context;
    const config = await workspace.readWorkingFiles({ paths: (0,tools/* configPathsFor */.cZ)({ step: spec, env }) });
    const refusal = (0,tools/* stateRefusalFor */.po)({ step: spec, env, config });
    if (refusal !== null)
        note(refusal);
    const paths = (0,tools/* statePathsFor */.vH)({ step: spec, env, config });
    if (paths.length === 0)
        return { state: [], nodes: null, failedTests: null, contents: new Map() };
    const saved = await context.workspace.saveState({
        stateRoot: context.stateRoot,
        stepId: planned.id,
        paths,
    });
    for (const skipped of saved.skipped)
        note(`state file ${skipped.path} not saved: ${skipped.reason}`);
    const state = saved.files.map((entry) => entry.file);
    const contents = await context.workspace.readState({
        stateRoot: context.stateRoot,
        files: state,
    });
    const files = new Map();
    for (const entry of saved.files) {
        const content = contents.get(entry.file.stored);
        if (content !== undefined)
            files.set(entry.requested, content);
    }
    const summary = (0,tools/* summariseStepState */.Ot)({ step: spec, files });
    return { state, nodes: summary.nodes, failedTests: summary.failedTests, contents };
}
/**
 * The step's dbt node picture over all its attempts, as a new-run retry merges: a `dbt retry`
 * (the plan's, or an in-run attempt's) holds only the nodes it re-ran, so it is shown over the
 * picture before it; an attempt as written replaces it.
 */
function mergedNodes(step, context, attemptLog, rebuilt) {
    const { planned } = step;
    const parentNodes = context.parent?.record.steps.find((s) => s.id === planned.id)?.nodes ?? null;
    let merged = planned.action === 'retry' && planned.tool === 'dbt' ? parentNodes : null;
    for (const attempt of attemptLog) {
        const resumes = attempt.form === 'tool-retry' && planned.tool === 'dbt';
        // A fix-aware first attempt also rebuilt nodes that had succeeded in the parent.
        const rebuiltHere = attempt.number === 1 ? rebuilt : 0;
        merged =
            resumes && merged !== null && attempt.nodes !== null
                ? (0,tools/* mergeNodeSummaries */.XP)(merged, attempt.nodes, rebuiltHere)
                : (attempt.nodes ?? (resumes ? merged : null));
    }
    return merged;
}
/**
 * A tool retry that ended without node results (it did not succeed and did not exit 1: dbt's exit
 * 2 on a connection error, a cancel) keeps its parent's results, so progress is never lost: the
 * next retry resumes from the last node results in the chain, not from the command as written.
 * Its saved files would otherwise be whatever an earlier command left in the working directory.
 */
async function carryWhenNoResults(params) {
    const { step, context, status, exitCode } = params;
    if (step.planned.action !== 'retry' || status === 'success' || exitCode === 1)
        return null;
    const parentStep = context.parent?.record.steps.find((s) => s.id === step.planned.id);
    if (context.parent === null || parentStep === undefined || parentStep.state.length === 0) {
        return null;
    }
    return await carryFromParent({
        parent: context.parent,
        parentStep,
        stateRoot: context.stateRoot,
        workspace: context.workspace,
    });
}
/** The fields of a step record known before it runs; a step that never started keeps them. */
function baseRecord(step, startedAt) {
    const { planned, spec } = step;
    return {
        id: planned.id,
        name: planned.name,
        command: planned.command,
        executed: planned.exec,
        action: planned.action,
        reason: planned.reason,
        status: 'skipped',
        exitCode: null,
        signal: null,
        setup: spec.setup,
        continueOnError: spec.continueOnError,
        attempts: 0,
        startedAt: startedAt?.toISOString() ?? null,
        durationMs: 0,
        tool: planned.tool,
        reusedFrom: null,
        nodes: null,
        failedTests: null,
        state: [],
        outputTail: '',
        outputTruncated: false,
    };
}
//# sourceMappingURL=execute-step.js.map
;// CONCATENATED MODULE: ./lib/src/execution/run-schedule.js







const silent = { report: () => undefined };
/**
 * Execute a schedule step by step and record what happened. The first failed step stops the
 * schedule unless it may continue on error; the record is saved before every step (as if the run
 * ended there, so a killed run still leaves a truthful record) and once more at the end.
 */
async function runSchedule(params) {
    const { schedule, run, clock } = params;
    const reporter = params.reporter ?? silent;
    const planned = run.kind === 'first-run' ? (0,planner/* planFirstRun */.B)(schedule) : run.plan.steps;
    const specs = new Map(schedule.steps.map((spec) => [spec.id, spec]));
    const startedAt = clock.now();
    const context = {
        cwd: params.cwd,
        env: params.env,
        stateRoot: params.slot.stateRoot,
        parent: run.kind === 'retry' ? run.parent : null,
        runner: params.runner,
        workspace: params.workspace,
        reporter,
        signal: params.signal,
        now: () => clock.now(),
        sleep: params.sleep ?? abortableSleep,
    };
    const steps = planned.map((p) => stepNotRun(p, specOf(specs, p), run));
    if (run.kind === 'retry')
        await keepFailures({ steps, parent: run.parent, params });
    const assemble = (status) => assembleRecord({ params, startedAt, finishedAt: clock.now(), status, steps });
    let stop = null;
    for (const [index, p] of planned.entries()) {
        const spec = specOf(specs, p);
        const exec = p.action === 'reuse' || p.action === 'skip' ? null : p.exec;
        if (exec !== null && params.signal?.aborted === true)
            stop = 'cancelled';
        if (exec === null || stop !== null) {
            // Not run: the step keeps the record it was given (not run, reused, or a kept failure).
            const step = steps[index] ?? stepNotRun(p, spec, run);
            reporter.report({ kind: 'step-finished', step, index, total: planned.length });
            continue;
        }
        // Saved as if the run ended now: if this process dies, the record says the step was cut short.
        steps[index] = { ...baseRecord({ planned: p, spec }, clock.now()), status: 'cancelled' };
        const saving = saveOnNextTurn(params.recordWriter, assemble('cancelled'));
        let record;
        try {
            record = await executeStep({ planned: { ...p, exec }, spec, index, total: planned.length }, context);
        }
        finally {
            await saving;
        }
        steps[index] = record;
        reporter.report({ kind: 'step-finished', step: record, index, total: planned.length });
        if (record.status === 'cancelled')
            stop = 'cancelled';
        else if (record.status === 'failed' && !spec.continueOnError)
            stop = 'failed';
    }
    const final = (0,flaky/* markFlaky */.Tt)({
        record: assemble(stop ??
            (params.signal?.aborted === true ? 'cancelled' : keptFailure(steps) ? 'failed' : 'success')),
        parent: run.kind === 'retry' ? run.parent.record : null,
        ...(params.modifiedNodes === undefined ? {} : { modified: params.modifiedNodes }),
    });
    await params.recordWriter.saveRecord(final);
    return final;
}
/**
 * Save a record on the next turn of the event loop: by then the step's process has been started,
 * so the save (the record is checked and serialised) overlaps the step instead of delaying it. The
 * caller waits for it before the next save, so saves land in order.
 */
async function saveOnNextTurn(recordWriter, record) {
    await new Promise((resolve) => {
        setImmediate(resolve);
    });
    await recordWriter.saveRecord(record);
}
function specOf(specs, planned) {
    const spec = specs.get(planned.id);
    if (spec === undefined)
        throw new Error(`planned step ${planned.id} is not in the schedule`);
    return spec;
}
/** A step as recorded when it does not run: reused from the parent lineage, or skipped. */
function stepNotRun(planned, spec, run) {
    const base = baseRecord({ planned, spec }, null);
    if (planned.action !== 'reuse' || run.kind !== 'retry')
        return base;
    const parentStep = run.parent.record.steps.find((s) => s.id === planned.id);
    return {
        ...base,
        status: 'reused',
        reusedFrom: planned.reusedFrom ?? parentStep?.reusedFrom ?? run.parent.record.id,
        // A reused step keeps the picture it had, so the record always shows the whole chain.
        nodes: parentStep?.nodes ?? null,
        failedTests: parentStep?.failedTests ?? null,
    };
}
function assembleRecord(params) {
    const { params: run, startedAt, finishedAt, status, steps } = params;
    return (0,run_record_record/* newRunRecord */.pB)({
        id: run.slot.id,
        name: run.schedule.name,
        status,
        nothingToRetry: run.run.kind === 'retry' && run.run.plan.nothingToRetry,
        startedAt,
        finishedAt,
        git: run.git,
        github: run.github ?? null,
        lineage: lineageOf(run),
        steps,
    });
}
function lineageOf(params) {
    const { run, slot } = params;
    const common = { trigger: params.trigger, requestedBy: params.requestedBy ?? null };
    if (run.kind === 'first-run') {
        return { parent: null, root: slot.id, retryNumber: 0, mode: null, ...common };
    }
    return {
        parent: run.plan.parent,
        root: run.plan.root,
        retryNumber: run.parent.record.lineage.retryNumber + 1,
        mode: run.plan.mode.kind === 'only'
            ? { kind: 'only', steps: [...run.plan.mode.steps] }
            : run.plan.mode,
        ...common,
    };
}
/** Record strings are bounded; a very long command is kept whole in the schedule, cut here. */
//# sourceMappingURL=run-schedule.js.map
// EXTERNAL MODULE: ./lib/cli/cli-context.js + 2 modules
var cli_context = __webpack_require__(6588);
// EXTERNAL MODULE: ./lib/cli/retry-mode-options.js
var retry_mode_options = __webpack_require__(5353);
// EXTERNAL MODULE: ./lib/cli/run-liveness.js
var run_liveness = __webpack_require__(7005);
// EXTERNAL MODULE: ./lib/cli/run-schedule-memory.js
var run_schedule_memory = __webpack_require__(1637);
// EXTERNAL MODULE: ./lib/cli/schedule-source.js + 5 modules
var schedule_source = __webpack_require__(1062);
// EXTERNAL MODULE: ./lib/cli/terminal-reporter.js
var terminal_reporter = __webpack_require__(4364);
;// CONCATENATED MODULE: ./lib/cli/execute-commands.js













/** `gh-retry run`: run the schedule, print progress and a summary; exit 0 on success, 1 on failure. */
async function runCommand(options, context) {
    const { schedule, source } = await (0,schedule_source/* readScheduleWithSource */.po)(options, context.cwd);
    const store = (0,cli_context/* openRunStore */.$)(options, context);
    return await execute({ context, store, schedule, source, run: { kind: 'first-run' } });
}
/** `gh-retry retry [RUN|last]`: plan from that run, print the plan, execute it, record the lineage. */
async function retryCommand(ref, options, context) {
    const mode = (0,retry_mode_options/* readRetryMode */.m)(options);
    const store = (0,cli_context/* openRunStore */.$)(options, context);
    const parent = await store.loadRun(ref ?? 'last');
    (0,run_liveness/* refuseRunning */.cZ)(parent, await (0,run_liveness/* livenessOf */.l8)(parent));
    const release = await (0,run_liveness/* claimRetry */.Z3)(parent);
    try {
        return await retryClaimed({ options, context, store, parent, mode });
    }
    finally {
        await release();
    }
}
async function retryClaimed(params) {
    const { options, context, store, parent, mode } = params;
    const { schedule, source, said } = await (0,run_schedule_memory/* scheduleForRetry */.V)({ options, cwd: context.cwd, parent });
    const workspace = (0,fs_state_workspace/* createFsStateWorkspace */.G)({ workDir: context.cwd });
    const plan = await (0,plan_from_parent/* planFromParent */.k)({ schedule, parent, mode, workspace, env: context.env });
    context.stdout(`${said}\n${(0,report_text/* renderPlanTable */.Qi)(plan)}\n\n`);
    if (plan.nothingToRetry) {
        context.stdout(`nothing to retry: run ${plan.parent} succeeded\n`);
    }
    return await execute({ context, store, schedule, source, run: { kind: 'retry', plan, parent } });
}
async function execute(params) {
    const { context, store, schedule, run } = params;
    const slot = await store.createRun();
    await (0,run_schedule_memory/* rememberScheduleSource */.Y)({
        stateRoot: slot.stateRoot,
        source: params.source,
        name: schedule.name,
    });
    await (0,run_liveness/* startRunning */.Es)(slot.stateRoot, slot.id);
    const count = schedule.steps.length;
    context.stdout(`run ${slot.id}: ${schedule.name} (${count} ${count === 1 ? 'step' : 'steps'})\n`);
    const stop = stopOnSignals(context);
    let record;
    try {
        record = await runSchedule({
            schedule,
            run,
            slot,
            cwd: context.cwd,
            env: context.env,
            git: await readGitInfo(context.cwd),
            trigger: 'local',
            requestedBy: context.env['USER'] ?? null,
            runner: (0,process_runner/* createProcessRunner */.Ej)({ urgent: stop.urgent }),
            workspace: (0,fs_state_workspace/* createFsStateWorkspace */.G)({ workDir: context.cwd }),
            recordWriter: store,
            clock: system_clock/* systemClock */.m,
            reporter: (0,terminal_reporter/* createTerminalReporter */.Ej)(context.stdout),
            signal: stop.signal,
        });
    }
    finally {
        stop.unsubscribe();
        await (0,run_liveness/* endRunning */.$r)(slot.stateRoot);
    }
    context.stdout(`\n${(0,report_text/* renderRunTable */.Am)(record)}\n`);
    context.stdout(`run ${record.id}: ${record.status}\n`);
    if (record.status !== 'success') {
        context.stdout(`retry from failure with: gh-retry retry ${record.id}\n`);
    }
    const by = stop.by();
    if (by !== null)
        return (0,cli_context/* exitCodeOf */.FO)(by);
    return record.status === 'success' ? 0 : 1;
}
/**
 * While a schedule runs: the first stopping signal asks the running step's process group to stop
 * (SIGINT, then SIGTERM, then SIGKILL, each after a grace period); a second one kills the group at
 * once. Either way gh-retry itself lives on to save the record.
 */
function stopOnSignals(context) {
    const gentle = new AbortController();
    const urgent = new AbortController();
    let by = null;
    const unsubscribe = context.onSignal((signal) => {
        if (by === null) {
            by = signal;
            context.stderr(`\ngh-retry: ${signal} received, stopping the running step\n`);
            gentle.abort();
            return;
        }
        context.stderr(`\ngh-retry: ${signal} received again, killing the running step\n`);
        urgent.abort();
    });
    return { signal: gentle.signal, urgent: urgent.signal, by: () => by, unsubscribe };
}
//# sourceMappingURL=execute-commands.js.map

/***/ }),

/***/ 1609:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EJ: () => (/* binding */ truncateText),
/* harmony export */   K$: () => (/* binding */ renderTextTable),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/** Render rows as a plain-text table with left-aligned, space-padded columns and a header row. */
function renderTextTable(headers, rows) {
    const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
    const line = (cells) => cells
        .map((cell, column) => column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd();
    return [line(headers), ...rows.map(line)].join('\n');
}
/** A duration the way people read it: `850ms`, `12.3s`, `4m 05s`, `1h 02m`. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    const seconds = ms / 1000;
    if (seconds < 59.95)
        return `${seconds.toFixed(1)}s`;
    const totalSeconds = Math.round(seconds);
    const minutes = Math.floor(totalSeconds / 60);
    if (minutes < 60)
        return `${minutes}m ${String(totalSeconds % 60).padStart(2, '0')}s`;
    return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}
/** Shorten text to `max` characters on one line, marking the cut with `…`. */
function truncateText(text, max) {
    const oneLine = text.replace(/\s*\n\s*/g, ' ');
    return oneLine.length <= max ? oneLine : `${oneLine.slice(0, Math.max(0, max - 1))}…`;
}
//# sourceMappingURL=text-table.js.map

/***/ }),

/***/ 4786:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O4: () => (/* binding */ MAX_ONLY_STEPS),
/* harmony export */   Zj: () => (/* binding */ formatRetryMode),
/* harmony export */   hW: () => (/* binding */ listRetryModeForms),
/* harmony export */   nK: () => (/* binding */ readStepList)
/* harmony export */ });
/* unused harmony exports RETRY_MODE_TABLE, modeForm, formOfKeyword, RETRY_MODE_FORMS, toRetryMode, parseRetryMode, describeRetryMode */
/* harmony import */ var _schedule_step_ids_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2131);


/** The most step ids one `only` accepts. */
const MAX_ONLY_STEPS = 50;
/** The mode forms, in the order help texts list them. */
const RETRY_MODE_TABLE = [
    {
        kind: 'from-failure',
        keyword: 'from-failure',
        argument: 'none',
        usage: 'from-failure',
        description: 'Retry from failure: reuse the steps that succeeded, re-run only what failed (failed dbt models, failed tests).',
    },
    {
        kind: 'all',
        keyword: 'all',
        argument: 'none',
        usage: 'all',
        description: 'Run every step again, as written.',
    },
    {
        kind: 'from',
        keyword: 'from',
        argument: 'step',
        usage: 'from STEP',
        description: 'Reuse the steps before STEP (they must have succeeded); run STEP and every later step.',
    },
    {
        kind: 'only',
        keyword: 'only',
        argument: 'step-list',
        usage: 'only STEP[,STEP…]',
        description: 'Run the setup steps and the named steps only.',
    },
];
/** The form of a mode kind. */
function modeForm(kind) {
    const form = RETRY_MODE_TABLE.find((f) => f.kind === kind);
    if (form === undefined)
        throw new Error(`unknown retry mode ${kind}`);
    return form;
}
/** The form a keyword selects (case-insensitive), if any. */
function formOfKeyword(word) {
    const lower = word.toLowerCase();
    return RETRY_MODE_TABLE.find((f) => f.keyword === lower);
}
/** The forms a retry mode can take, for messages: `from-failure, all, from STEP, only STEP[,STEP…]`. */
const RETRY_MODE_FORMS = RETRY_MODE_TABLE.map((f) => f.usage).join(', ');
/** The forms as a sentence list, each through `show`: `a, b, c or d`. */
function listRetryModeForms(show = (u) => u) {
    const usages = RETRY_MODE_TABLE.map((f) => show(f.usage));
    return `${usages.slice(0, -1).join(', ')} or ${usages[usages.length - 1] ?? ''}`;
}
/** The mode built from a form and its checked arguments. */
function toRetryMode(form, args) {
    switch (form.kind) {
        case 'from-failure':
        case 'all':
            return { kind: form.kind };
        case 'from':
            return { kind: 'from', step: args[0] ?? '' };
        case 'only':
            return { kind: 'only', steps: args };
    }
}
/**
 * The one rule for `only A,B`: comma-separated, spaces around commas allowed, no empty item, at
 * most {@link MAX_ONLY_STEPS} ids, each a valid step id; repeats collapse, order kept.
 */
function readStepList(text) {
    if (text.trim() === '')
        return { ok: false, problem: { kind: 'no-steps' } };
    const items = text.split(',').map((s) => s.trim());
    if (items.some((s) => s === ''))
        return { ok: false, problem: { kind: 'empty-item' } };
    if (items.length > MAX_ONLY_STEPS)
        return { ok: false, problem: { kind: 'too-many' } };
    const bad = items.find((s) => !(0,_schedule_step_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidStepId */ .oo)(s));
    if (bad !== undefined)
        return { ok: false, problem: { kind: 'bad-id', id: bad } };
    return { ok: true, steps: [...new Set(items)] };
}
/**
 * Parse a retry mode as users type it: `from-failure`, `all`, `from STEP` or `only A,B`.
 * Anything else is a PlanError listing the forms.
 */
function parseRetryMode(text) {
    const [keyword = '', ...rest] = text.trim().split(/\s+/);
    const argument = rest.join(' ');
    const form = formOfKeyword(keyword);
    if (form?.argument === 'none' && argument === '')
        return toRetryMode(form, []);
    if (form?.argument === 'step' && argument !== '' && isValidStepId(argument)) {
        return toRetryMode(form, [argument]);
    }
    if (form?.argument === 'step-list') {
        const steps = readStepList(argument);
        if (steps.ok)
            return toRetryMode(form, steps.steps);
    }
    const trimmed = text.trim();
    const shown = trimmed === ''
        ? 'an empty retry mode'
        : `"${trimmed.length > 80 ? `${trimmed.slice(0, 80)}…` : trimmed}"`;
    throw new PlanError(`${shown} is not a retry mode; use one of: ${RETRY_MODE_FORMS}`);
}
/** Render a retry mode the way users type it (`from-failure`, `all`, `from dbt-run`, `only a,b`). */
function formatRetryMode(mode) {
    switch (mode.kind) {
        case 'from-failure':
        case 'all':
            return modeForm(mode.kind).keyword;
        case 'from':
            return `${modeForm('from').keyword} ${mode.step}`;
        case 'only':
            return `${modeForm('only').keyword} ${mode.steps.join(',')}`;
    }
}
/** Describe a retry in words (`Retrying only a, b`), each step id through `showStep`. */
function describeRetryMode(mode, showStep = (id) => id) {
    switch (mode.kind) {
        case 'from-failure':
            return 'Retrying from failure';
        case 'all':
            return 'Retrying every step';
        case 'from':
            return `Retrying from step ${showStep(mode.step)}`;
        case 'only':
            return `Retrying only ${mode.steps.map(showStep).join(', ')}`;
    }
}
//# sourceMappingURL=mode.js.map

/***/ }),

/***/ 8312:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AD: () => (/* binding */ quoteWords),
/* harmony export */   Du: () => (/* binding */ parseCommandLine),
/* harmony export */   F7: () => (/* binding */ isPlainWord),
/* harmony export */   HH: () => (/* binding */ findFlagValue),
/* harmony export */   Vo: () => (/* binding */ expandWord)
/* harmony export */ });
/* harmony import */ var shell_quote__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6591);

/**
 * Splitting a command into words to recognise the tool it runs (never to run it: commands always
 * run through a real shell). `$VAR` references stay unexpanded inside words, between VAR marks,
 * so a word can be expanded with an environment or quoted back with its variables intact.
 */
const VAR_MARK = '\u0001';
/** Prefixes an unquoted glob pattern, which must be written back unquoted to stay a glob. */
const GLOB_MARK = '\u0002';
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** Split a command into words and take its first simple command apart (pure; runs nothing). */
function parseCommandLine(command) {
    let compound = null;
    if (command.replace(/\\\r?\n/g, '').includes('\n'))
        compound = 'spans several lines';
    let hasComment = false;
    const words = [];
    for (const entry of (0,shell_quote__WEBPACK_IMPORTED_MODULE_0__.parse)(command, (key) => `${VAR_MARK}${key}${VAR_MARK}`)) {
        if (typeof entry === 'string') {
            if (entry.includes('`') || entry.includes(`${VAR_MARK}${VAR_MARK}`)) {
                compound ??= 'uses command substitution';
            }
            if (compound === null)
                words.push(entry);
        }
        else if ('comment' in entry) {
            hasComment = true;
        }
        else if (entry.op === 'glob') {
            if (compound === null)
                words.push(GLOB_MARK + entry.pattern);
        }
        else {
            compound ??= `uses the shell operator "${entry.op}"`;
        }
    }
    return { first: words.length === 0 ? null : splitPrefix(words), compound, hasComment };
}
/** The value of a word once the shell has expanded it with `env` (unset variables are empty). */
function expandWord(word, env) {
    const parts = word.replace(GLOB_MARK, '').split(VAR_MARK);
    return parts.map((part, index) => (index % 2 === 0 ? part : (env[part] ?? ''))).join('');
}
/** Quote words for a shell, keeping `$VAR` references and glob patterns as they were written. */
function quoteWords(words) {
    return words.map(quoteWord).join(' ');
}
function quoteWord(word) {
    if (word.startsWith(GLOB_MARK))
        return word.slice(1);
    // A `NAME=value` word keeps `NAME=` bare: quoted whole, a shell would run it as a command name.
    const name = ASSIGNMENT.exec(word)?.[0] ?? '';
    return name + quoteText(word.slice(name.length));
}
/** Characters a shell takes literally outside quotes. */
const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;
function quoteText(text) {
    if (text.includes(VAR_MARK)) {
        const body = text
            .split(VAR_MARK)
            .map((part, index) => (index % 2 === 0 ? part.replace(/["\\$`]/g, '\\$&') : `\${${part}}`))
            .join('');
        return `"${body}"`;
    }
    if (SHELL_SAFE.test(text))
        return text;
    return `'${text.replace(/'/g, "'\\''")}'`;
}
/** A word that reads as a subcommand (`run`, `ci`, `generate`), not a path, flag or pattern. */
function isPlainWord(word) {
    return word !== undefined && /^[A-Za-z][A-Za-z0-9_-]*$/.test(word);
}
/** Read a flag's value from words: `--flag value` or `--flag=value`; the last one wins, as with click. */
function findFlagValue(words, flags) {
    let value = null;
    for (const [index, word] of words.entries()) {
        for (const flag of flags) {
            if (word === flag && index + 1 < words.length)
                value = words[index + 1] ?? null;
            else if (word.startsWith(`${flag}=`))
                value = word.slice(flag.length + 1);
        }
    }
    return value;
}
/** The lower-case base name of a program word; `py.test` is pytest's old name. */
function programNameOf(word) {
    const plain = expandWord(word, {});
    const name = plain.slice(plain.lastIndexOf('/') + 1).toLowerCase();
    return name === 'py.test' ? 'pytest' : name;
}
/** Wrapper flags that take the next word as their value. */
const WRAPPER_VALUE_FLAGS = new Set([
    '-p',
    '--package',
    '-u',
    '--unset',
    '--with',
    '--python',
    '--directory',
    '--project',
    '--env-file',
    '--extra',
    '--group',
    '--with-requirements',
    '--index',
]);
/** Python interpreter flags that take the next word as their value (`-X dev`). */
const PYTHON_VALUE_FLAGS = new Set(['-X', '-W']);
/** How many words a wrapper takes (`npx`, `uv run`, `python -m`, `env`) at `words[at]`, or 0. */
function wrapperLength(words, at) {
    const name = programNameOf(words[at] ?? '');
    const next = words[at + 1];
    if (name === 'env' || name === 'npx')
        return 1 + countFlags(words, at + 1);
    if ((name === 'uv' || name === 'poetry' || name === 'pipenv') && next === 'run') {
        return 2 + countFlags(words, at + 2);
    }
    if (/^python[0-9.]*$/.test(name)) {
        let index = at + 1;
        while (words[index]?.startsWith('-') === true) {
            if (words[index] === '-m')
                return index + 1 - at;
            index += PYTHON_VALUE_FLAGS.has(words[index] ?? '') ? 2 : 1;
        }
    }
    return 0;
}
/** Leading flags (with their values) of a wrapper, from `words[at]`. */
function countFlags(words, at) {
    let index = at;
    while (words[index]?.startsWith('-') === true) {
        index += WRAPPER_VALUE_FLAGS.has(words[index] ?? '') ? 2 : 1;
    }
    return index - at;
}
function splitPrefix(words) {
    const assignments = new Map();
    let at = 0;
    for (;;) {
        const word = words[at];
        if (word !== undefined && ASSIGNMENT.test(word) && at + 1 < words.length) {
            const equals = word.indexOf('=');
            assignments.set(word.slice(0, equals), word.slice(equals + 1));
            at += 1;
            continue;
        }
        const length = wrapperLength(words, at);
        if (length === 0 || at + length >= words.length)
            break;
        at += length;
    }
    const program = words[at] ?? '';
    return {
        prefix: words.slice(0, at),
        assignments,
        program,
        programName: programNameOf(program),
        args: words.slice(at + 1),
    };
}
//# sourceMappingURL=command-line.js.map

/***/ }),

/***/ 2131:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cw: () => (/* binding */ assignStepIds),
/* harmony export */   S_: () => (/* binding */ STEP_ID_RULE),
/* harmony export */   fO: () => (/* binding */ isSetupCommand),
/* harmony export */   oo: () => (/* binding */ isValidStepId)
/* harmony export */ });
/* unused harmony exports STEP_ID_PATTERN, MAX_STEP_ID_LENGTH, deriveBaseStepId */
/* harmony import */ var _command_line_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8312);
/* harmony import */ var _tools_dbt_command_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1814);


/** What a step id may look like (explicit or derived). */
const STEP_ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
/** The longest step id. */
const MAX_STEP_ID_LENGTH = 64;
/** The rule for step ids, in words, for error messages. */
const STEP_ID_RULE = 'an id is lower-case letters, digits, ".", "_" and "-", starts with a letter or digit, and has at most 64 characters';
/** True when `id` is a valid step id. */
function isValidStepId(id) {
    return id.length <= MAX_STEP_ID_LENGTH && STEP_ID_PATTERN.test(id);
}
/**
 * The readable id a command would get before collisions are resolved: the program and its first
 * plain-word subcommand, past assignments and wrappers (`python -m pytest -q` → `pytest`,
 * `dbt docs generate` → `dbt-docs-generate`, `./scripts/load.sh` → `load-sh`).
 */
function deriveBaseStepId(command) {
    const words = (0,_command_line_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCommandLine */ .Du)(command).first;
    if (words === null)
        return 'step';
    const dbt = (0,_tools_dbt_command_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDbtCommand */ .V)(words);
    const subcommand = dbt?.subcommand ?? ((0,_command_line_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainWord */ .F7)(words.args[0]) ? words.args[0] : '');
    const slug = `${words.programName} ${subcommand}`
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .slice(0, MAX_STEP_ID_LENGTH - 4)
        .replace(/^-+|-+$/g, '');
    return slug === '' ? 'step' : slug;
}
/**
 * Give every step an id: explicit ids are kept as they are (never renamed); derived ids take
 * `-2`, `-3`, … in schedule order when they collide with an id already taken.
 */
function assignStepIds(steps) {
    const taken = new Set(steps.flatMap((step) => (step.id === null ? [] : [step.id])));
    return steps.map((step) => {
        if (step.id !== null)
            return step.id;
        const base = deriveBaseStepId(step.command);
        let id = base;
        for (let suffix = 2; taken.has(id); suffix += 1)
            id = `${base}-${suffix}`;
        taken.add(id);
        return id;
    });
}
/** Subcommands that make a command a setup step, by program (PRODUCT.md §2). */
const SETUP_SUBCOMMANDS = {
    dbt: ['deps', 'debug', 'parse', 'clean'],
    npm: ['ci', 'install', 'i'],
    pip: ['install'],
    pip3: ['install'],
    uv: ['sync'],
    poetry: ['install'],
    git: ['clone'],
    yarn: ['install'],
    pnpm: ['install', 'i'],
    bundle: ['install'],
    playwright: ['install'],
};
/**
 * True for infrastructure commands that always run and are never skipped or retried:
 * `dbt deps|debug|parse|clean`, `npm ci|install`, `pip install …`, `uv sync`, `poetry install`,
 * `git clone`, `yarn [install]`, `pnpm install`, `bundle install`, `npx playwright install`, also
 * behind wrappers (`python -m pip install`), and `cd DIR && SETUP`. Other compound lines are not.
 */
function isSetupCommand(command) {
    const parts = command.split('&&');
    // `cd DIR && … && SETUP`: a compound line whose last command is setup and whose others only
    // change folder (or are setup too). Quotes make the split unreliable, so they rule it out.
    if (parts.length > 1 && !/['"`\\]/.test(command)) {
        const last = parts.at(-1) ?? '';
        return (parts.slice(0, -1).every((part) => isSetupCommand(part) || isCd(part)) && isSetupCommand(last));
    }
    const line = (0,_command_line_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCommandLine */ .Du)(command);
    if (line.first === null || line.compound !== null)
        return false;
    const words = line.first;
    if (words.programName === 'yarn' && words.args.length === 0)
        return true;
    const subcommand = (0,_tools_dbt_command_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDbtCommand */ .V)(words)?.subcommand ?? words.args[0];
    if (words.programName === 'uv' && subcommand === 'pip' && words.args[1] === 'install') {
        return true;
    }
    const setup = SETUP_SUBCOMMANDS[words.programName];
    return setup !== undefined && subcommand !== undefined && setup.includes(subcommand);
}
function isCd(command) {
    const line = (0,_command_line_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCommandLine */ .Du)(command);
    return line.compound === null && line.first?.programName === 'cd';
}
//# sourceMappingURL=step-ids.js.map

/***/ }),

/***/ 1814:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ parseDbtCommand)
/* harmony export */ });
/** dbt flags that take the next word as their value (so that word is not the subcommand). */
const VALUE_FLAGS = new Set([
    '--log-format',
    '--log-format-file',
    '--log-level',
    '--log-level-file',
    '--log-path',
    '--log-file-max-bytes',
    '--printer-width',
    '--profiles-dir',
    '--project-dir',
    '--target-path',
    '--state',
    '--defer-state',
    '--target',
    '-t',
    '--profile',
    '--vars',
    '--threads',
    '--warn-error-options',
    '--record-timing-info',
    '--indirect-selection',
    '--partial-parse-file-path',
    '-r',
]);
/** Subcommands with a second word (`dbt docs generate`, `dbt source freshness`). */
const TWO_WORD_SUBCOMMANDS = new Set(['docs', 'source']);
/** Take a dbt invocation apart, or null when the program is not dbt or has no subcommand. */
function parseDbtCommand(words) {
    if (words.programName !== 'dbt')
        return null;
    const { args } = words;
    let at = 0;
    while (args[at]?.startsWith('-') === true) {
        const flag = args[at] ?? '';
        at += VALUE_FLAGS.has(flag) ? 2 : 1;
    }
    const first = args[at];
    if (first === undefined)
        return null;
    const second = TWO_WORD_SUBCOMMANDS.has(first) ? args[at + 1] : undefined;
    const end = second === undefined ? at + 1 : at + 2;
    return {
        subcommand: second === undefined ? first : `${first} ${second}`,
        which: second ?? first,
        globalFlags: args.slice(0, at),
        args: args.slice(end),
    };
}
//# sourceMappingURL=dbt-command.js.map

/***/ })

};
