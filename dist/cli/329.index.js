export const id = 329;
export const ids = [329];
export const modules = {

/***/ 8329:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  remoteRetryCommand: () => (/* binding */ remoteRetryCommand)
});

;// CONCATENATED MODULE: ./lib/src/retry-service/recent.js
/**
 * The retries one bot process started lately, by parent run. A retry is looked for on GitHub
 * before each dispatch, but what a delivery read before it waited for another delivery of the
 * same event cannot know of the retry that one started; this memory does.
 */
/** How long a retry is remembered (GitHub lists it well within that). */
const REMEMBER_MS = 15 * 60 * 1000;
class RecentRetries {
    now;
    retries = new Map();
    constructor(now = Date.now) {
        this.now = now;
    }
    /** Remember that `runId` retries the parent `key`. */
    remember(key, runId) {
        this.retries.set(key, { runId, until: this.now() + REMEMBER_MS });
    }
    /** Forget the retry of the parent `key` (it was cancelled: a new one may start). */
    forget(key) {
        this.retries.delete(key);
    }
    /** The retry of the parent `key` started lately, or null. */
    find(key) {
        const now = this.now();
        for (const [parent, entry] of this.retries)
            if (entry.until <= now)
                this.retries.delete(parent);
        return this.retries.get(key)?.runId ?? null;
    }
}
//# sourceMappingURL=recent.js.map
// EXTERNAL MODULE: ./lib/src/core/retry/mode.js
var mode = __webpack_require__(4786);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./lib/src/core/bot/retry-title.js
var retry_title = __webpack_require__(4379);
;// CONCATENATED MODULE: ./lib/src/core/bot/dispatch-trigger.js



/**
 * Whether a workflow file can be dispatched as a gh-retry retry: it needs a `workflow_dispatch`
 * trigger that declares the `retry-of` input (GitHub answers 422 to undeclared inputs).
 */
/**
 * The dispatch inputs gh-retry sends: the contract between the App (which dispatches) and the
 * Action (which reads them as its own inputs of the same names, action/inputs.ts).
 */
const dispatch_trigger_RETRY_OF_INPUT = 'retry-of';
const dispatch_trigger_RETRY_MODE_INPUT = 'retry-mode';
/** The lines to add to a workflow so that gh-retry can dispatch retries of it (YAML). */
const DISPATCH_TRIGGER_YAML = [
    'on:',
    '  workflow_dispatch:',
    '    inputs:',
    `      ${dispatch_trigger_RETRY_OF_INPUT}:`,
    '        description: Run id or URL of the run to retry',
    '        required: false',
    `      ${dispatch_trigger_RETRY_MODE_INPUT}:`,
    `        description: '${(0,mode/* listRetryModeForms */.hW)()}'`,
    '        required: false',
    '        default: from-failure',
    // Quoted: ` #` would start a YAML comment. The title lets gh-retry find a retry while it is queued.
    `run-name: "${retry_title/* RETRY_RUN_NAME */.ny}"`,
].join('\n');
/** Read the `workflow_dispatch` trigger of a workflow file (YAML text). */
function parseDispatchTrigger(text) {
    const doc = (0,dist.parseDocument)(text, { uniqueKeys: false });
    const error = doc.errors[0];
    if (error !== undefined)
        return { kind: 'invalid', message: error.message };
    const root = doc.toJS({ maxAliasCount: 100 });
    if (!isMapping(root))
        return { kind: 'invalid', message: 'the file is not a mapping' };
    // YAML 1.1 readers turn an unquoted `on` key into `true`.
    const on = root.on ?? root.true;
    if (on === 'workflow_dispatch')
        return { kind: 'declared', inputs: [] };
    if (Array.isArray(on)) {
        return on.includes('workflow_dispatch') ? { kind: 'declared', inputs: [] } : { kind: 'none' };
    }
    if (!isMapping(on) || !('workflow_dispatch' in on))
        return { kind: 'none' };
    const dispatch = on.workflow_dispatch;
    const inputs = isMapping(dispatch) && isMapping(dispatch.inputs) ? dispatch.inputs : {};
    return { kind: 'declared', inputs: Object.keys(inputs) };
}
/**
 * The dispatch inputs for a retry, or null when the workflow does not declare what the retry
 * needs: `retry-of` always, `retry-mode` unless the mode is the Action's default.
 */
function retryInputs(params) {
    const { trigger } = params;
    if (trigger.kind !== 'declared' || !trigger.inputs.includes(dispatch_trigger_RETRY_OF_INPUT))
        return null;
    const inputs = { [dispatch_trigger_RETRY_OF_INPUT]: String(params.parentRunId) };
    if (trigger.inputs.includes(dispatch_trigger_RETRY_MODE_INPUT))
        inputs[dispatch_trigger_RETRY_MODE_INPUT] = params.mode;
    else if (params.mode !== 'from-failure')
        return null;
    return inputs;
}
function isMapping(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
//# sourceMappingURL=dispatch-trigger.js.map
;// CONCATENATED MODULE: ./lib/src/core/bot/route.js



/** The workflow of a run, as replies name it. */
function workflowOf(run) {
    return { name: run.workflowName, path: run.workflowPath };
}
/** Walk the ladder for one parent run. */
function routeLadder(facts) {
    const { parent, mode } = facts;
    const base = { workflow: workflowOf(parent), parentRunId: parent.id };
    if (parent.status !== 'completed')
        return { kind: 'stop', result: { ...base, kind: 'not-finished' } };
    if (!facts.madeRecords)
        return { kind: 'native', why: 'not-gh-retry' };
    if (facts.fork)
        return { kind: 'native', why: 'fork' };
    // `all` re-runs everything as written: it needs no record of the parent.
    if (mode.kind !== 'all' && facts.expiredAt !== null)
        return { kind: 'stop', result: { ...base, kind: 'expired', expiredAt: facts.expiredAt } };
    if (parent.headBranch === null) {
        const message = 'the run has no branch to start a new run on';
        return { kind: 'stop', result: { ...base, kind: 'failed', message } };
    }
    return { kind: 'dispatch-on', ref: parent.headBranch };
}
/**
 * Decide how to retry a run of a pull request's head commit from what one read of the commit
 * told (no request): `records` is the note on the bot's check run of the run, so the run is a
 * gh-retry run. The dispatch is unchecked: it sends the inputs the documented trigger declares.
 */
function routeFromCommitChecks(params) {
    const { parent, mode, records } = params;
    const step = routeLadder({
        parent,
        mode,
        madeRecords: true,
        fork: params.forkPullRequest,
        expiredAt: recordsExpired(records, params.now) ? (records.expiresAt ?? parent.updatedAt) : null,
    });
    if (step.kind !== 'dispatch-on')
        return step;
    // The documented trigger declares both; a workflow that declares only `retry-of` is refused
    // (422) and then retried with what its file declares.
    const inputs = { [RETRY_OF_INPUT]: String(parent.id), [RETRY_MODE_INPUT]: formatRetryMode(mode) };
    return { kind: 'dispatch', ref: step.ref, inputs, mode, checked: false };
}
//# sourceMappingURL=route.js.map
// EXTERNAL MODULE: ./lib/src/retry-service/run-records.js
var run_records = __webpack_require__(5475);
;// CONCATENATED MODULE: ./lib/src/retry-service/route.js
/**
 * How to retry one parent run, for a comment, a check-run button, a policy and the remote CLI:
 * gathers the facts from the run's artifacts, walks the one ladder in `core/bot/route.ts`, and
 * builds the dispatch (checked against the workflow file). The route from the bot's check run
 * alone needs no request: it is `routeFromCommitChecks` in `core/bot/route.ts`.
 */





/** Decide how to retry `parent` in `mode` (reads its artifacts and its workflow file). */
async function chooseRoute(ctx, params) {
    const { parent, mode } = params;
    const found = parent.status === 'completed'
        ? await (0,run_records/* findRecordArtifacts */.q)({ github: ctx.github, repo: ctx.repo, run: parent })
        : null;
    const artifacts = found?.kind === 'found' ? found.artifacts : [];
    const step = routeLadder({
        parent,
        mode,
        madeRecords: found?.kind !== 'not-gh-retry',
        fork: params.forkPullRequest === true ||
            parent.headRepository?.toLowerCase() !== parent.repository.toLowerCase(),
        expiredAt: artifacts.some((a) => !a.expired)
            ? null
            : (artifacts[0]?.expiresAt ?? parent.updatedAt),
    });
    return step.kind === 'dispatch-on'
        ? await checkedDispatch(ctx, { parent, mode, ref: step.ref })
        : step;
}
/**
 * The run a retry of `run` should start from: `run` itself, or — when `run` is a retry that was
 * cancelled before it uploaded a record (e.g. by a newer run of its concurrency group) — the
 * parent its title names, so that it is retried again rather than re-run as a plain workflow.
 */
async function retryStartingPoint(ctx, run) {
    const parentId = parseRetryTitle(run.displayTitle);
    if (run.conclusion !== 'cancelled' || parentId === null || parentId === run.id)
        return run;
    const found = await findRecordArtifacts({ github: ctx.github, repo: ctx.repo, run });
    if (found.kind !== 'not-gh-retry')
        return run;
    return (await ctx.github.getRun({ ...ctx.repo, runId: parentId })) ?? run;
}
/** A dispatch route whose inputs were checked against the workflow file on `ref`. */
async function checkedDispatch(ctx, params) {
    const { parent, ref } = params;
    const text = await ctx.github.readFile({ ...ctx.repo, path: parent.workflowPath, ref });
    if (text === null) {
        const message = `${parent.workflowPath} is not on branch ${ref} any more`;
        const base = { workflow: workflowOf(parent), parentRunId: parent.id };
        return { kind: 'stop', result: { ...base, kind: 'failed', message } };
    }
    const inputs = retryInputs({
        trigger: parseDispatchTrigger(text),
        parentRunId: parent.id,
        mode: (0,mode/* formatRetryMode */.Zj)(params.mode),
    });
    return inputs === null
        ? { kind: 'native', why: 'no-dispatch-trigger' }
        : { kind: 'dispatch', ref, inputs, mode: params.mode, checked: true };
}
//# sourceMappingURL=route.js.map
;// CONCATENATED MODULE: ./lib/src/retry-service/context.js
/** The web URL of a run of the context's repository. */
function runUrlOf(ctx) {
    return (runId) => `${ctx.serverUrl}/${ctx.repo.owner}/${ctx.repo.repo}/actions/runs/${runId}`;
}
//# sourceMappingURL=context.js.map
// EXTERNAL MODULE: ./lib/src/core/retry/in-run.js
var in_run = __webpack_require__(5062);
// EXTERNAL MODULE: ./lib/src/core/run-record/record.js
var record = __webpack_require__(9287);
// EXTERNAL MODULE: ./lib/src/core/report/flaky-report.js
var flaky_report = __webpack_require__(9321);
// EXTERNAL MODULE: ./lib/src/core/report/markdown.js + 1 modules
var markdown = __webpack_require__(536);
;// CONCATENATED MODULE: ./lib/src/core/report/run-summary.js









/**
 * GitHub-flavoured Markdown for one run: the Action's job summary and the App's check run.
 * Everything taken from a record is untrusted: it is shown in code spans or escaped, so it cannot
 * mention people, link elsewhere, or break the layout. The bot's replies are in `retry-reply.ts`.
 */
/** Failed nodes or tests named per step before "+N more". */
const LISTED_FAILURES_PER_STEP = 20;
/** The report of one run: status, steps, what was flaky, failed nodes and tests, lineage, how to retry. */
function run_summary_renderRunSummary(params) {
    const { record } = params;
    const link = (recordId) => runLabel(recordId, params.runUrl);
    const head = [renderHeader(record), ...renderContext(record, link)].join('\n\n');
    const body = [
        renderStepsTable(record, link),
        renderFlakySection(record, link),
        renderFailedNodes(record),
        renderFailedTests(record),
    ];
    const tail = isRetryable(record) ? renderHowToRetry(record) : '';
    return fitMarkdown({
        head,
        body: body.filter((s) => s !== ''),
        tail,
        max: params.maxLength ?? MARKDOWN_LIMIT,
    });
}
function renderHeader(record) {
    if (record.nothingToRetry)
        return `## ✅ ${plain(record.name)}: nothing to retry`;
    const verb = { success: 'succeeded in', failed: 'failed in', cancelled: 'was cancelled after' }[record.status];
    return `## ${STATUS_ICONS[record.status]} ${plain(record.name)} ${verb} ${formatDuration(record.durationMs)}`;
}
function renderContext(record, link) {
    const facts = [];
    if (record.github !== null)
        facts.push(`Run ${link(String(record.github.runId))}`);
    if (record.github !== null && record.github.runAttempt > 1)
        facts.push(`attempt ${record.github.runAttempt}`);
    if (record.git.sha !== null)
        facts.push(`commit ${code(record.git.sha.slice(0, 7))}`);
    if (record.git.ref !== null)
        facts.push(code(record.git.ref.replace(/^refs\/heads\//, '')));
    const lines = facts.length > 0 ? [facts.join(' · ')] : [];
    const { lineage } = record;
    if (lineage.parent !== null) {
        const parts = [
            lineage.root === lineage.parent
                ? `**Retry ${lineage.retryNumber} of ${link(lineage.root)}**`
                : `**Retry ${lineage.retryNumber} of ${link(lineage.root)}, from ${link(lineage.parent)}**`,
            ...(lineage.mode === null ? [] : [`mode ${code(formatRetryMode(lineage.mode))}`]),
            `trigger ${lineage.trigger}`,
            ...(lineage.requestedBy === null ? [] : [`requested by ${login(lineage.requestedBy)}`]),
        ];
        lines.push(parts.join(' · '));
    }
    if (record.nothingToRetry && lineage.parent !== null) {
        lines.push(`Nothing to retry: ${link(lineage.parent)} had succeeded, so every step was reused.`);
    }
    return lines;
}
function renderStepsTable(record, link) {
    if (record.steps.length === 0)
        return '_No steps._';
    const rows = record.steps.map((step) => [
        code(step.id),
        `${STATUS_ICONS[step.status]} ${step.status}`,
        step.executed === null ? '—' : formatDuration(step.durationMs),
        describeWhatRan(step, link),
    ]
        .map((cell) => cell.replace(/\|/g, '\\|'))
        .join(' | '));
    return [
        '| Step | Status | Duration | What ran |',
        '| --- | --- | --- | --- |',
        ...rows.map((r) => `| ${r} |`),
    ].join('\n');
}
function describeWhatRan(step, link) {
    if (step.status === 'reused')
        return step.reusedFrom === null ? 'reused' : `reused from ${link(step.reusedFrom)}`;
    if (step.executed === null)
        return 'not run';
    const how = step.action === 'retry'
        ? toolRetryFormName(step.tool)
        : step.setup || step.action === 'setup'
            ? 'as written (setup)'
            : 'as written';
    const detail = describeOutcome(step);
    const attempts = (step.attemptLog ?? []).map((attempt, _, all) => describeAttempt(attempt, all.length, step.tool));
    return [detail === '' ? how : `${how} (${detail})`, ...attempts].join('<br>');
}
/** What a step's nodes or tests came to, e.g. "3 failed, 5 skipped nodes"; '' when nothing to say. */
function describeOutcome(step) {
    if (step.nodes !== null) {
        const failed = countFailedNodes(step.nodes);
        const skipped = Math.max(step.nodes.counts.skipped ?? 0, step.nodes.skipped.length);
        if (failed === 0 && skipped === 0)
            return `${sum(Object.values(step.nodes.counts))} nodes ok`;
        const parts = [
            ...(failed > 0 ? [`${failed} failed`] : []),
            ...(skipped > 0 ? [`${skipped} skipped`] : []),
        ];
        return `${parts.join(', ')} nodes`;
    }
    const tests = step.failedTests?.length ?? 0;
    return tests > 0 ? counted(tests, 'failed test') : '';
}
function renderFailedNodes(record) {
    const blocks = record.steps.flatMap((step) => {
        const nodes = step.nodes;
        if (nodes === null || nodes.failed.length === 0)
            return [];
        const items = nodes.failed.map((node) => {
            const message = node.message === null ? '' : `: ${code(oneLine(node.message, 200))}`;
            return `- ${code(node.id)} (${plain(node.status)})${message}`;
        });
        return [
            `**${code(step.id)}**: ${describeOutcome(step)}\n${listWithMore(items, countFailedNodes(nodes))}`,
        ];
    });
    return blocks.length === 0 ? '' : ['### Failed dbt nodes', ...blocks].join('\n\n');
}
function renderFailedTests(record) {
    const blocks = record.steps.flatMap((step) => {
        const tests = step.failedTests ?? [];
        if (tests.length === 0 || step.status === 'reused')
            return [];
        const items = tests.map((test) => `- ${code(oneLine(test, 300))}`);
        return [`**${code(step.id)}**: ${describeOutcome(step)}\n${listWithMore(items, tests.length)}`];
    });
    return blocks.length === 0 ? '' : ['### Failed tests', ...blocks].join('\n\n');
}
function renderHowToRetry(record) {
    const lines = ['### How to retry', ''];
    if (record.github === null) {
        lines.push(`- Run ${code(`gh-retry retry ${record.id}`)} to retry from failure, or ${code(`gh-retry retry ${record.id} --all`)} to run every step again.`);
        return lines.join('\n');
    }
    const runId = String(record.github.runId);
    lines.push('- Comment `/retry` on the pull request to retry from failure: steps that succeeded are reused and only what failed runs again. `/retry all` runs every step again; `/retry help` lists every form.', `- Or, in the Actions tab, open this workflow, choose **Run workflow** and set \`retry-of\` to ${code(runId)} (\`retry-mode\`: ${listRetryModeForms(code)}).`, '- Or choose **Re-run failed jobs** on this run: the gh-retry Action resumes it from failure.');
    return lines.join('\n');
}
function listWithMore(items, total) {
    const shown = items.slice(0, LISTED_FAILURES_PER_STEP);
    const more = Math.max(total, items.length) - shown.length;
    return [...shown, ...(more > 0 ? [`- +${more} more`] : [])].join('\n');
}
function countFailedNodes(nodes) {
    const counted = sum(FAILED_NODE_STATUSES.map((status) => nodes.counts[status] ?? 0));
    return Math.max(counted, nodes.failed.length);
}
function sum(values) {
    return values.reduce((a, b) => a + b, 0);
}
//# sourceMappingURL=run-summary.js.map
;// CONCATENATED MODULE: ./lib/src/core/report/check-run.js


/** The longest untrusted text (a reason, a path) shown in a check run's lists and retry log. */
const CHECK_RUN_TEXT_MAX = 500;


/** The name of the bot's check runs; one per workflow run, its id in `external_id`. */
const CHECK_RUN_NAME = 'gh-retry';
const RETRIES_HEADING = '### Retries';
/** Check-run buttons: identifier → what it retries and how it is shown (labels ≤ 20, descriptions ≤ 40). */
const RETRY_BUTTONS = {
    'retry-failed': {
        mode: { kind: 'from-failure' },
        label: 'Retry from failure',
        description: 'Reuse what succeeded, re-run the rest',
    },
    'retry-all': { mode: { kind: 'all' }, label: 'Retry all', description: 'Run every step again' },
};
/** The mode of a check-run button; null for an identifier the bot never offered. */
function modeForButton(identifier) {
    return identifier === 'retry-failed' || identifier === 'retry-all'
        ? RETRY_BUTTONS[identifier].mode
        : null;
}
/** Build the check run for a completed run. */
function renderCheckRun(report) {
    const { records } = report;
    const failed = records.some(isRetryable);
    const summary = records.length === 0
        ? 'gh-retry could not read the record of this run, so it cannot be retried from failure. Comment `/retry all` on the pull request, or choose **Re-run all jobs** on the run.'
        : records
            .map((record) => renderRunSummary({
            record,
            runUrl: report.runUrl,
            // Room for the separators and the records note.
            maxLength: Math.floor(MARKDOWN_LIMIT / records.length) - 100,
        }))
            .join('\n\n---\n\n');
    const sections = [
        ...(report.policyNote === null ? [] : [`### Automatic retry\n\n${report.policyNote}`]),
        ...listSection('Records that could not be read', report.recordProblems),
        ...listSection('Configuration problems', report.configProblems, 'Fix `.github/gh-retry.yml`; a policy with a problem is off, and a bad `permission` means `write`.'),
    ];
    const log = retryLogOf(report.previousText ?? '');
    return {
        name: CHECK_RUN_NAME,
        externalId: String(report.run.id),
        detailsUrl: report.run.htmlUrl,
        conclusion: conclusionOf(records),
        output: {
            title: `${runLabelOf(report)}${titleOf(records)}`.slice(0, 200),
            summary: `${aboutRun(report)}${summary}\n\n${renderRecordsNote(report.recordsNote)}`,
            text: fitNewest([...sections, ...(log === '' ? [] : [log])].join('\n\n')),
        },
        actions: report.buttons ? buttonsFor(failed) : [],
    };
}
function runLabelOf(report) {
    const named = report.nameRun;
    return named === undefined ? '' : `${named.workflowName} #${named.runNumber}: `;
}
function aboutRun(report) {
    const named = report.nameRun;
    if (named === undefined)
        return '';
    const label = `${escapeMarkdown(named.workflowName)} #${named.runNumber}`;
    return `About the run [${label}](${report.run.htmlUrl}) (this check run may show under another workflow's run).\n\n`;
}
/** Add one entry (Markdown, may span lines) to a check run's retry log. */
function appendRetryLog(text, line) {
    const at = text.indexOf(RETRIES_HEADING);
    const before = at === -1 ? text : text.slice(0, at);
    const log = at === -1 ? RETRIES_HEADING : text.slice(at);
    // Later lines are indented so that a multi-line entry (a YAML block) stays one list item.
    const item = line
        .split('\n')
        .map((text, index) => (index === 0 || text === '' ? text : `  ${text}`))
        .join('\n');
    const parts = [before.trimEnd(), `${log.trimEnd()}\n\n- ${item}`].filter((p) => p !== '');
    return (0,markdown/* fitNewest */.SR)(parts.join('\n\n'));
}
/** Untrusted text as plain Markdown on one line: punctuation escaped, mentions defused. */
function escapeMarkdown(text) {
    return plain(text, CHECK_RUN_TEXT_MAX);
}
function retryLogOf(text) {
    const at = text.indexOf(RETRIES_HEADING);
    return at === -1 ? '' : text.slice(at).trimEnd();
}
function listSection(title, items, advice) {
    if (items.length === 0)
        return [];
    const list = items.map((item) => `- ${escapeMarkdown(item)}`).join('\n');
    return [`### ${title}\n\n${list}${advice === undefined ? '' : `\n\n${advice}`}`];
}
function buttonsFor(failed) {
    const ids = failed ? ['retry-failed', 'retry-all'] : ['retry-all'];
    return ids.map((identifier) => ({
        identifier,
        label: RETRY_BUTTONS[identifier].label,
        description: RETRY_BUTTONS[identifier].description,
    }));
}
function conclusionOf(records) {
    if (records.length === 0)
        return 'neutral';
    if (records.some((r) => r.status === 'failed'))
        return 'failure';
    if (records.some((r) => r.status === 'cancelled'))
        return 'cancelled';
    return 'success';
}
function titleOf(records) {
    const [first] = records;
    if (first === undefined)
        return 'The run record could not be read';
    if (records.length > 1) {
        const failed = records.filter((r) => r.status !== 'success').length;
        return failed === 0
            ? `${records.length} schedules succeeded`
            : `${failed} of ${records.length} schedules did not succeed`;
    }
    if (first.nothingToRetry)
        return `${first.name}: nothing to retry`;
    const stopped = stoppedStep(first);
    const word = { success: 'succeeded', failed: 'failed', cancelled: 'was cancelled' }[first.status];
    return `${first.name} ${word}${stopped === undefined ? '' : ` at ${stopped.id}`}`.slice(0, 200);
}
//# sourceMappingURL=check-run.js.map
;// CONCATENATED MODULE: ./lib/src/retry-service/claim.js
/** How long a request waits for another one that is starting a retry of the same run. */
const WAIT_ATTEMPTS = 40;
const WAIT_MS = 250;
/** Run `work` (check for a retry, then dispatch) only while holding the claim on `key`. */
async function withRetryClaim(claims, params, work, 
/** Whether a retry was cancelled: a claim naming it is dropped and taken anew. */
cancelled = () => Promise.resolve(false)) {
    const { base } = params;
    for (let attempt = 0; attempt < WAIT_ATTEMPTS; attempt++) {
        const claim = await claims.claim(params.key);
        if (claim.kind === 'claimed')
            return await holding(claim, work);
        if (claim.runId !== null && (await cancelled(claim.runId))) {
            await claims.forget(params.key, claim.runId);
            continue;
        }
        if (claim.runId !== null)
            return { ...base, kind: 'already-retried', runId: claim.runId };
        if (claim.settled)
            return {
                ...base,
                kind: 'failed',
                message: 'a retry of this run was already started (see the Actions tab)',
            };
        await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
    }
    return {
        ...base,
        kind: 'failed',
        message: 'another request is starting a retry of this run; see the Actions tab',
    };
}
async function holding(claim, work) {
    let result;
    try {
        result = await work();
    }
    catch (error) {
        await claim.release().catch(() => undefined);
        throw error;
    }
    if (result.kind === 'dispatched' || result.kind === 'already-retried')
        await claim.settle(result.runId);
    else
        await claim.release();
    return result;
}
//# sourceMappingURL=claim.js.map
;// CONCATENATED MODULE: ./lib/src/core/bot/markers.js
/**
 * The hidden `<!-- gh-retry:… -->` notes, one protocol:
 * - `parent=RUN` ends the line of a `/retry` reply about retries of run RUN (edited with its outcome);
 * - `reply-to=COMMENT` ends a `/retry` reply: it answers comment COMMENT (answer once);
 * - `retry run=… trigger=… by=… [of=…]`: a retry the bot started (below);
 * - `records expires=…`: when a run's records expire (on its check run).
 *
 * Hidden notes the bot leaves in the text of a run's check run when it starts a retry of that
 * run: which run, what started it and for whom. GitHub's runs API does not say why a dispatched
 * run exists, and the Action records every dispatched retry as `dispatch`; these notes let the
 * bot tell its own automatic retries from manual ones without a database, and find a retry that
 * was already started.
 */
const MARKER = /<!-- gh-retry:retry run=(\d{1,16}) trigger=(comment|check|policy|cli) by=([A-Za-z0-9-]{1,39}(?:\[bot\])?)(?: of=(\d{1,16}))? -->/g;
/** The note for one retry (an HTML comment: invisible in the rendered check run or reply). */
function renderRetryMarker(marker) {
    const by = /^[A-Za-z0-9-]{1,39}(?:\[bot\])?$/.test(marker.requestedBy)
        ? marker.requestedBy
        : 'unknown';
    const of = marker.parentRunId === undefined ? '' : ` of=${marker.parentRunId}`;
    return `<!-- gh-retry:retry run=${marker.runId} trigger=${marker.trigger} by=${by}${of} -->`;
}
/** Every note in a check run's text or a reply. */
function parseRetryMarkers(text) {
    return [...text.matchAll(MARKER)].map((match) => ({
        runId: Number(match[1]),
        trigger: match[2],
        requestedBy: match[3] ?? 'unknown',
        ...(match[4] === undefined ? {} : { parentRunId: Number(match[4]) }),
    }));
}
// Only at the very end of the summary, where the bot writes it: the summary above quotes tool
// output (dbt messages, test names) that could spell a note of its own.
const RECORDS = /<!-- gh-retry:records expires=(never|\d{4}-\d{2}-\d{2}T[0-9:.]{8,15}Z) -->\s*$/;
/**
 * The note that the run has gh-retry records and when they expire, so that a `/retry` can choose
 * how to retry it from the check run alone, without listing the run's artifacts.
 */
function markers_renderRecordsNote(note) {
    const time = note.expiresAt === null ? Number.NaN : Date.parse(note.expiresAt);
    const at = Number.isNaN(time) ? 'never' : new Date(time).toISOString();
    return `<!-- gh-retry:records expires=${at} -->`;
}
/** The records note ending a check run's summary; null when there is none (an older check run). */
function parseRecordsNote(text) {
    const match = RECORDS.exec(text);
    if (match === null)
        return null;
    const at = match[1] ?? 'never';
    return { expiresAt: at === 'never' ? null : at };
}
/** Whether the records a note describes have expired at `now`. */
function markers_recordsExpired(note, now) {
    return note.expiresAt !== null && Date.parse(note.expiresAt) <= now.getTime();
}
/** The note that ends a reply's line about retries of `parentRunId`. */
function replyMarker(parentRunId) {
    return `<!-- gh-retry:parent=${parentRunId} -->`;
}
/** True when a reply carries the line for retries of `parentRunId`: the comment to edit with its outcome. */
function isReplyFor(body, parentRunId) {
    return body.includes(replyMarker(parentRunId));
}
/** The note that ends the bot's reply to comment `commentId`. */
function replyToMarker(commentId) {
    return `<!-- gh-retry:reply-to=${commentId} -->`;
}
/** True when `body` is the bot's reply to comment `commentId`. */
function isReplyTo(body, commentId) {
    return body.includes(replyToMarker(commentId));
}
const REPLY_END = /<!-- gh-retry:reply-to=\d{1,16} -->\s*$/;
/**
 * The notes block a `/retry` reply ends with (the notes, then the reply-to marker); empty for any
 * other comment. Only there are notes read: the text above quotes what runs and tools said.
 */
function replyNotes(body) {
    if (!REPLY_END.test(body))
        return '';
    return body.slice(body.trimEnd().lastIndexOf('\n\n') + 2);
}
//# sourceMappingURL=markers.js.map
;// CONCATENATED MODULE: ./lib/src/retry-service/own-comments.js

/** Comments read per pull request; a conversation longer than this is read from its start. */
const MAX_COMMENTS = 500;
/** Pull requests of one run looked at. */
const MAX_PULL_REQUESTS = 5;
/** A reader of the bot's comments that asks GitHub once per pull request. */
function ownComments(ctx) {
    const read = new Map();
    return async (number) => {
        const pending = read.get(number) ??
            ctx.github
                .listComments({ ...ctx.repo, issueNumber: number, limit: MAX_COMMENTS })
                .then((comments) => comments.filter((c) => isOwn(ctx, c)));
        read.set(number, pending);
        return await pending;
    };
}
/** Whether a comment is the bot's own (its login, and its App when both are known). */
function isOwn(ctx, comment) {
    return (comment.author === ctx.identity.login &&
        (ctx.identity.appId === null || comment.appId === null || comment.appId === ctx.identity.appId));
}
/** The retries of `parentRunId` noted in the bot's replies on these pull requests. */
async function repliedRetries(comments, params) {
    const found = [];
    for (const number of params.pullRequests.slice(0, MAX_PULL_REQUESTS)) {
        for (const comment of await comments(number))
            found.push(...parseRetryMarkers(replyNotes(comment.body)).filter((m) => m.parentRunId === params.parentRunId));
    }
    return found;
}
//# sourceMappingURL=own-comments.js.map
;// CONCATENATED MODULE: ./lib/src/core/bot/rerun-limits.js
/**
 * GitHub's limits on re-running a run's jobs, checked before asking so that a person reads why in
 * one plain line instead of GitHub's refusal (source: GitHub's docs, "Re-running workflows and
 * jobs"). Past 50 re-runs GitHub accepts the request and fails the attempt at once, so only this
 * check can say why.
 */
/** "A workflow run can be re-run a maximum of 50 times." */
const MAX_RERUNS = 50;
/** "You can re-run a workflow run … up to 30 days after its initial run." */
const RERUN_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;
/** Why GitHub cannot re-run a run's jobs any more, or null. `attempt` is unknown to some callers. */
function rerunProblem(run, now) {
    const created = Date.parse(run.createdAt);
    if (now.getTime() - created > RERUN_WINDOW_DAYS * DAY_MS)
        return `GitHub re-runs jobs only within ${RERUN_WINDOW_DAYS} days of a run's start, and run ${run.id} started on ${run.createdAt.slice(0, 10)}; push a commit or start the workflow again to get a new run`;
    if (run.attempt !== undefined && run.attempt > MAX_RERUNS)
        return `GitHub re-runs a run at most ${MAX_RERUNS} times, and run ${run.id} has been re-run ${run.attempt - 1} times; push a commit or start the workflow again to get a new run`;
    return null;
}
//# sourceMappingURL=rerun-limits.js.map
;// CONCATENATED MODULE: ./lib/src/retry-service/execute.js









/** GitHub's refusal of a re-run past its limits (30 days, 50 re-runs). */
const CANNOT_RERUN = /cannot be (retried|rerun)/i;
/** Runs of the parent's workflow looked at when searching for an existing retry. */
const MAX_CANDIDATES = 300;
/** Carry out a route: dispatch (once per parent), re-run failed jobs, or report why not. */
async function executeRoute(ctx, params) {
    const { parent, route } = params;
    const base = { workflow: workflowOf(parent), parentRunId: parent.id };
    switch (route.kind) {
        case 'stop':
            return route.result;
        case 'native':
            return await rerunNatively(ctx, { parent, why: route.why });
        case 'dispatch': {
            const key = `${ctx.repo.owner}/${ctx.repo.repo}#${parent.id}`;
            return await withParentLock(key, async () => {
                // What was read before the lock cannot know of a retry started while this waited for it.
                const recent = await liveRecentRetry(ctx, key);
                if (recent !== null)
                    return { ...base, kind: 'already-retried', runId: recent };
                const checkAndDispatch = async () => {
                    const { existing, check } = params.known === undefined
                        ? await findRetryOf(ctx, parent)
                        : { existing: await notedRetry(ctx, parent, params.known.check), check: null };
                    if (existing !== null)
                        return { ...base, kind: 'already-retried', runId: existing };
                    return await dispatch(ctx, { ...params, route, check });
                };
                // Across processes (the App with Redis), only the holder of the parent's claim dispatches.
                const result = ctx.claims === undefined
                    ? await checkAndDispatch()
                    : await withRetryClaim(ctx.claims, { key, base }, checkAndDispatch, async (runId) => {
                        const run = await ctx.github.getRun({ ...ctx.repo, runId });
                        return run !== null && isCancelled(run);
                    });
                if (result.kind === 'dispatched' && result.runId !== null)
                    ctx.recentRetries.remember(key, result.runId);
                return result;
            });
        }
    }
}
async function dispatch(ctx, params) {
    const { parent, route } = params;
    const base = { workflow: workflowOf(parent), parentRunId: parent.id };
    const outcome = await ctx.github.dispatchWorkflow({
        ...ctx.repo,
        workflowId: parent.workflowId,
        ref: route.ref,
        inputs: route.inputs,
    });
    switch (outcome.kind) {
        case 'dispatched':
            await noteRetry(ctx, { ...params, runId: outcome.runId });
            return { ...base, kind: 'dispatched', runId: outcome.runId };
        case 'no-dispatch-trigger':
            return await rerunNatively(ctx, { parent, why: 'no-dispatch-trigger' });
        case 'rejected': {
            // Unchecked inputs GitHub refused (e.g. undeclared): read the workflow file to know why.
            if (route.checked || outcome.status !== 422)
                return { ...base, kind: 'failed', message: outcome.message };
            const checked = await checkedDispatch(ctx, { parent, mode: route.mode, ref: route.ref });
            // Still under the parent's lock: dispatch again directly, never through executeRoute.
            if (checked.kind !== 'dispatch')
                return await executeRoute(ctx, { ...params, route: checked });
            if (sameInputs(checked.inputs, route.inputs))
                return { ...base, kind: 'failed', message: outcome.message };
            return await dispatch(ctx, { ...params, route: checked });
        }
    }
}
function sameInputs(a, b) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
/** A retry of `parent` noted on its check run and not cancelled, if any. */
async function notedRetry(ctx, parent, check) {
    const notes = parseRetryMarkers(check?.output.text ?? '');
    const ids = [...new Set(notes.map((note) => note.runId))];
    const runs = await Promise.all(ids.map(async (runId) => await ctx.github.getRun({ ...ctx.repo, runId })));
    return existingRetry(parent, { runs: runs.filter((run) => run !== null), notes });
}
/** The retry this process started lately for the parent `key`, unless it was cancelled since. */
async function liveRecentRetry(ctx, key) {
    const recent = ctx.recentRetries.find(key);
    if (recent === null)
        return null;
    const run = await ctx.github.getRun({ ...ctx.repo, runId: recent });
    if (run === null || !isCancelled(run))
        return recent;
    ctx.recentRetries.forget(key);
    return null;
}
function isCancelled(run) {
    return run.status === 'completed' && run.conclusion === 'cancelled';
}
/** The retry of `parent` among dispatched runs (by title) and the bot's notes of retries of it. */
function existingRetry(parent, found) {
    const cancelled = new Set(found.runs.filter(isCancelled).map((run) => run.id));
    const candidates = [
        ...found.runs.map((run) => ({
            runId: run.id,
            displayTitle: run.displayTitle,
            cancelled: cancelled.has(run.id),
        })),
        ...found.notes.map((note) => ({
            runId: note.runId,
            displayTitle: '',
            recordParentRunId: parent.id,
            cancelled: cancelled.has(note.runId),
        })),
    ];
    const existing = (0,retry_title/* findExistingRetry */.hl)({ parentRunId: parent.id, candidates });
    return existing.kind === 'found' ? existing.runId : null;
}
async function rerunNatively(ctx, params) {
    const base = { workflow: workflowOf(params.parent), parentRunId: params.parent.id };
    const problem = rerunProblem(params.parent, new Date());
    if (problem !== null)
        return { ...base, kind: 'refused', reason: problem };
    const outcome = await ctx.github.rerunFailedJobs({ ...ctx.repo, runId: params.parent.id });
    if (outcome.kind === 'rerun')
        return { ...base, kind: 'native-rerun', why: params.why };
    if (outcome.status === 403 && CANNOT_RERUN.test(outcome.message)) {
        const reason = `GitHub will not re-run its failed jobs (${outcome.message}): it re-runs a run only within 30 days of its start and at most 50 times; push a commit or start the workflow again to get a new run`;
        return { ...base, kind: 'refused', reason };
    }
    return {
        ...base,
        kind: 'failed',
        message: `GitHub refused to re-run its failed jobs (${outcome.message})`,
    };
}
/** The bot's check run describing `parent`, if it made one. */
async function findCheckRunOf(ctx, parent) {
    const checks = await ctx.github.listCheckRuns({
        ...ctx.repo,
        headSha: parent.headSha,
        name: CHECK_RUN_NAME,
        ...(ctx.identity.appId === null ? {} : { appId: ctx.identity.appId }),
    });
    return checkRunDescribing(ctx, checks, parent.id);
}
/** The bot's check run of run `runId` among `checks`: its name, its App, the run in `external_id`. */
function checkRunDescribing(ctx, checks, runId) {
    return (checks.find((check) => check.name === CHECK_RUN_NAME &&
        check.externalId === String(runId) &&
        (ctx.identity.appId === null || check.appId === ctx.identity.appId)) ?? null);
}
/**
 * An existing retry of `parent`: a dispatched run of its workflow whose title names it (the
 * `run-name` the example workflows declare), a retry noted on the parent's check run, or one
 * noted in a `/retry` reply on the parent's pull requests.
 */
async function findRetryOf(ctx, parent) {
    const runs = await ctx.github.listRuns({
        ...ctx.repo,
        workflow: parent.workflowId,
        event: 'workflow_dispatch',
        createdSince: parent.createdAt,
        limit: MAX_CANDIDATES,
    });
    const check = await findCheckRunOf(ctx, parent);
    const replied = await repliedRetries(ownComments(ctx), {
        pullRequests: parent.pullRequests ?? [],
        parentRunId: parent.id,
    });
    const notes = [...parseRetryMarkers(check?.output.text ?? ''), ...replied];
    return { existing: existingRetry(parent, { runs, notes }), check };
}
/**
 * Note the new retry on the parent's check run, so its outcome can be told apart later. The
 * check run is the one read just before the dispatch (under the parent's lock), not read again.
 */
async function noteRetry(ctx, params) {
    const { check } = params;
    if (params.runId === null || check === null)
        return;
    const link = `[#${params.runId}](${runUrlOf(ctx)(params.runId)})`;
    const by = `@${params.requestedBy}`;
    const words = {
        comment: `by ${by} with a /retry comment`,
        check: `by ${by} with a check-run button`,
        policy: 'by a retry policy',
        cli: 'from the command line (gh-retry retry)',
    };
    const line = `${link} started ${words[params.trigger]}. ${renderRetryMarker({ runId: params.runId, trigger: params.trigger, requestedBy: params.requestedBy })}`;
    await ctx.github.updateCheckRun({
        ...ctx.repo,
        checkRunId: check.id,
        output: { ...check.output, text: appendRetryLog(check.output.text, line) },
    });
}
const locks = new Map();
/** Serialise work on one parent run inside this process (two deliveries of one event at once). */
async function withParentLock(key, work) {
    const previous = locks.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    locks.set(key, next);
    try {
        return await next;
    }
    finally {
        if (locks.get(key) === next)
            locks.delete(key);
    }
}
//# sourceMappingURL=execute.js.map
// EXTERNAL MODULE: ./lib/cli/json-output.js
var json_output = __webpack_require__(1142);
// EXTERNAL MODULE: ./lib/cli/retry-mode-options.js
var retry_mode_options = __webpack_require__(5353);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./lib/src/core/errors.js
var errors = __webpack_require__(7657);
;// CONCATENATED MODULE: ./lib/cli/remote/follow-jobs.js
/** A fresh watch. */
function watchJobs() {
    return { etag: null, shown: new Map() };
}
/** Read the jobs of the run's latest attempt and return the lines of those that changed. */
async function readJobChanges(params) {
    const { access, target, watch } = params;
    let jobs;
    try {
        const response = await access.client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs', {
            owner: target.owner,
            repo: target.repo,
            run_id: params.runId,
            per_page: 100,
            headers: watch.etag === null ? {} : { 'if-none-match': watch.etag },
        });
        watch.etag = response.headers.etag ?? null;
        jobs = response.data.jobs;
    }
    catch (error) {
        if (typeof error === 'object' && error !== null && 'status' in error && error.status === 304)
            return [];
        throw error;
    }
    const lines = [];
    for (const job of jobs) {
        if ((job.run_attempt ?? params.attempt) !== params.attempt || job.status === 'queued')
            continue;
        const state = job.status === 'completed'
            ? `completed, ${job.conclusion ?? 'no conclusion'}`
            : job.status.replace(/_/g, ' ');
        const line = `  job ${job.name}: ${state}`;
        if (watch.shown.get(String(job.id)) === line)
            continue;
        watch.shown.set(String(job.id), line);
        lines.push(line);
    }
    return lines;
}
//# sourceMappingURL=follow-jobs.js.map
// EXTERNAL MODULE: ./lib/cli/remote/record-summary.js
var record_summary = __webpack_require__(6769);
;// CONCATENATED MODULE: ./lib/cli/remote/follow-run.js
/**
 * `--follow`: watch a run until it completes, within GitHub's guidance for polling: conditional
 * requests (`If-None-Match` with the last ETag; a 304 does not count against the rate limit), an
 * interval that grows while nothing changes, and a bounded wait. Then the run's records tell
 * what each step did.
 */






/** Seconds between polls at first (`GH_RETRY_POLL_SECONDS`), and at most while nothing changes. */
const FIRST_INTERVAL_S = 5;
const MAX_INTERVAL_S = 30;
const DEFAULT_TIMEOUT_MIN = 360;
/** Follow `run` to its end; prints progress with `say`, returns how it ended. */
async function followRun(params) {
    const { access, target, run, say } = params;
    const last = await waitForCompletion(params);
    const records = await (0,run_records/* readRunRecords */.Y)({
        github: access.github,
        repo: target,
        run: { id: run.id, attempt: last.attempt, repository: `${target.owner}/${target.repo}` },
    });
    const read = records.kind === 'read'
        ? records
        : { records: [], problems: ['the run uploaded no gh-retry record'] };
    say((0,record_summary/* describeRecords */.cI)(read));
    return {
        json: {
            conclusion: last.conclusion,
            records: read.records.map(json_output/* toShowJson */.TE),
            problems: read.problems,
        },
    };
}
/** Poll the run until it (its awaited attempt, for a re-run) completes; bounded by the timeout. */
async function waitForCompletion(params) {
    const { access, target, run, say } = params;
    const timeoutMin = readTimeout(params.options.timeout);
    const deadline = Date.now() + timeoutMin * 60_000;
    const first = params.options.pollSeconds ?? FIRST_INTERVAL_S;
    let interval = first;
    let etag = null;
    let last = null;
    const watch = watchJobs();
    for (;;) {
        const read = await readRun(access, target, run.id, etag);
        etag = read.etag ?? etag;
        const state = read.state ?? last;
        const changed = read.state !== null && JSON.stringify(state) !== JSON.stringify(last);
        last = state;
        // A re-run's run reads as the previous attempt, completed, until GitHub starts the next one.
        if (state !== null && (run.attempt === null || state.attempt >= run.attempt)) {
            if (changed)
                say(`run ${run.id}: ${describe(state)}\n`);
            const jobs = await readJobChanges({
                ...params,
                runId: run.id,
                attempt: state.attempt,
                watch,
            });
            for (const line of jobs)
                say(`${line}\n`);
            if (state.status === 'completed')
                return state;
        }
        if (Date.now() + interval * 1000 > deadline)
            throw new errors/* UserError */.yo(`run ${run.id} is still running after ${timeoutMin} minutes: watch it with "gh run watch ${run.id}", or open ${run.url}`);
        interval = changed ? first : Math.min(interval * 1.5, Math.max(first, MAX_INTERVAL_S));
        await (0,promises_.setTimeout)(interval * 1000);
    }
}
/** One conditional read of a run: its state, or null when unchanged since `etag` (304). */
async function readRun(access, target, runId, etag) {
    try {
        const response = await access.client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
            owner: target.owner,
            repo: target.repo,
            run_id: runId,
            headers: etag === null ? {} : { 'if-none-match': etag },
        });
        const { data } = response;
        return {
            state: {
                status: data.status ?? 'unknown',
                conclusion: data.conclusion,
                attempt: data.run_attempt ?? 1,
            },
            etag: response.headers.etag ?? null,
        };
    }
    catch (error) {
        if (typeof error === 'object' && error !== null && 'status' in error && error.status === 304)
            return { state: null, etag };
        throw error;
    }
}
function describe(state) {
    const attempt = state.attempt > 1 ? ` (attempt ${state.attempt})` : '';
    const status = state.status.replace(/_/g, ' ');
    return state.status === 'completed'
        ? `completed, ${state.conclusion ?? 'no conclusion'}${attempt}`
        : `${status}${attempt}`;
}
function readTimeout(text) {
    if (text === undefined)
        return DEFAULT_TIMEOUT_MIN;
    const minutes = Number(text);
    if (!Number.isFinite(minutes) || minutes <= 0)
        throw new errors/* UserError */.yo(`--timeout takes minutes (a positive number), not "${text}"`);
    return minutes;
}
//# sourceMappingURL=follow-run.js.map
;// CONCATENATED MODULE: ./lib/cli/remote/locate-retry.js
/**
 * The run a dispatch started, when GitHub did not say which (GitHub Enterprise Server before
 * 3.21): the parent workflow's newest dispatched run whose title names the parent (the
 * documented `run-name: Retry of #ID`), looked for a bounded number of times.
 */


const LOOKS = 5;
const RUNS_READ = 20;
/** The id of the retry of `parent`, or null when none shows up after a few looks. */
async function locateRetry(params) {
    const { github, target, parent } = params;
    for (let look = 0; look < LOOKS; look += 1) {
        if (look > 0)
            await (0,promises_.setTimeout)(params.intervalSeconds * 1000);
        const runs = await github.listRuns({
            owner: target.owner,
            repo: target.repo,
            workflow: parent.workflowId,
            event: 'workflow_dispatch',
            createdSince: parent.createdAt,
            limit: RUNS_READ,
        });
        const candidates = runs.map((run) => ({ runId: run.id, displayTitle: run.displayTitle }));
        const found = (0,retry_title/* findExistingRetry */.hl)({ parentRunId: parent.id, candidates });
        if (found.kind === 'found')
            return found.runId;
    }
    return null;
}
//# sourceMappingURL=locate-retry.js.map
// EXTERNAL MODULE: ./lib/cli/remote/github-access.js + 10 modules
var github_access = __webpack_require__(5037);
// EXTERNAL MODULE: ./lib/cli/remote/github-errors.js
var github_errors = __webpack_require__(4292);
;// CONCATENATED MODULE: ./lib/cli/remote/retry-outcome.js

const NATIVE_WHY = {
    fork: 'the run comes from a fork, and a new run would run its code with this repository’s secrets',
    'no-dispatch-trigger': 'its workflow has no workflow_dispatch trigger with a retry-of input (add it to retry with a new run: see docs/app.md)',
    'not-gh-retry': 'the run uploaded no gh-retry record',
};
/** The outcome, reason and one-line message of a result. */
function describeResult(result, params) {
    const parent = `run ${result.parentRunId}`;
    const at = params.run === null ? '' : `: ${params.run.url}`;
    switch (result.kind) {
        case 'dispatched':
            return {
                outcome: 'dispatched',
                reason: null,
                message: params.run === null
                    ? `started a retry of ${parent}; GitHub did not name the new run: look for "Retry of #${result.parentRunId}" among the workflow’s runs`
                    : `started a retry of ${parent}${at}`,
            };
        case 'already-retried':
            return {
                outcome: 'already-retried',
                reason: null,
                message: `${parent} was already retried${at}; follow it with --follow, or retry that run`,
            };
        case 'native-rerun':
            return {
                outcome: 'rerun-failed-jobs',
                reason: result.why,
                message: `GitHub re-runs the failed jobs of ${parent}${at} (the gh-retry Action resumes them from failure), because ${NATIVE_WHY[result.why]}`,
            };
        case 'not-finished':
            return refused('not-finished', `${parent} has not finished: wait for it, then retry`);
        case 'expired':
            return refused('expired', `the record of ${parent} expired on ${result.expiredAt.slice(0, 10)}: retry everything with --all`);
        case 'refused':
            return refused('github-limit', `cannot retry ${parent}: ${result.reason}`);
        case 'failed':
            return /not accessible|must have|permission|\b403\b/i.test(result.message)
                ? refused('no-permission', noPermission(params.repository, result.message))
                : refused('failed', `could not retry ${parent}: ${result.message}`);
    }
}
/** The refusal of a token that may not start runs. */
function noPermission(repository, detail) {
    return `your token may not start runs in ${repository} (GitHub: ${detail}): use a token with Actions write access (gh auth refresh, or a fine-grained token with "Actions: read and write")`;
}
function refused(reason, message) {
    return { outcome: 'refused', reason, message };
}
/** The `--json` object. */
function toRetryJson(params) {
    return {
        repository: params.repository,
        parent: params.parent,
        mode: (0,mode/* formatRetryMode */.Zj)(params.mode),
        outcome: params.described.outcome,
        reason: params.described.reason,
        message: params.described.message,
        run: params.run,
        result: params.result,
    };
}
//# sourceMappingURL=retry-outcome.js.map
// EXTERNAL MODULE: ./lib/cli/remote/run-target.js
var run_target = __webpack_require__(2164);
;// CONCATENATED MODULE: ./lib/cli/remote/remote-retry.js
/**
 * `gh-retry retry RUN` for a GitHub run: the route (`chooseRoute`) and the way of carrying it out
 * (`executeRoute`: one retry per parent, GitHub's re-run of failed jobs for forks and workflows
 * without a dispatch trigger) that the bot uses too, from `src/retry-service/`; then, with
 * `--follow`, the new run to its end.
 */











/** Exit code of a refusal, a usage or an access error. */
const EXIT_REFUSED = 2;
/** `gh-retry retry RUN [--all|--from S|--only A,B] [--follow] [--json]` for a GitHub run. */
async function remoteRetryCommand(ref, options, context) {
    const mode = (0,retry_mode_options/* readRetryMode */.m)(options);
    const target = (0,run_target/* parseRunTarget */._i)(ref, options);
    const access = await (0,github_access/* connectGitHub */.UY)(context.env, target.host);
    const repository = `${target.owner}/${target.repo}`;
    return await (0,github_errors/* withGitHubErrors */.V)({ repository, apiUrl: access.apiUrl }, async () => {
        const parent = await readParent(access, target);
        const ctx = cliRetryContext(access, target, parent);
        const route = await chooseRoute(ctx, { parent, mode });
        const result = await executeRoute(ctx, {
            parent,
            route,
            trigger: 'cli',
            requestedBy: 'unknown',
        });
        const run = retryRun(parent, await located(access, target, parent, result, context));
        const described = describeResult(result, { run, repository });
        const json = options.json === true;
        const say = json ? context.stderr : context.stdout;
        if (described.outcome === 'refused')
            context.stderr(`gh-retry: ${described.message}\n`);
        else
            say(`${described.message}\n`);
        const followed = options.follow === true && run !== null
            ? await followRun({
                access,
                target,
                parent,
                run,
                options: { ...options, ...pollSeconds(context) },
                say,
            })
            : null;
        if (json) {
            const parentRef = { id: parent.id, url: parent.htmlUrl };
            const object = toRetryJson({
                repository,
                parent: parentRef,
                mode,
                described,
                run,
                result: followed?.json ?? null,
            });
            context.stdout((0,json_output/* jsonText */.s$)(object));
        }
        if (described.outcome === 'refused')
            return EXIT_REFUSED;
        if (followed === null)
            return 0;
        return followed.json.conclusion === 'success' ? 0 : 1;
    });
}
async function readParent(access, target) {
    const parent = await access.github.getRun({ ...target, runId: target.runId });
    if (parent === null)
        throw (0,run_target/* runNotFound */.b3)(target);
    return parent;
}
/** The retry context of one command: the App's identity, this process's memory of retries. */
function cliRetryContext(access, target, parent) {
    return {
        github: access.github,
        // The App's login: its replies and check runs are where earlier retries are noted.
        identity: { login: 'gh-retry[bot]', appId: null },
        recentRetries: new RecentRetries(),
        repo: { owner: target.owner, repo: target.repo },
        serverUrl: serverUrlOf(parent),
    };
}
/** The web address of the server, from the run's own address. */
function serverUrlOf(run) {
    const at = run.htmlUrl.indexOf(`/${run.repository}/`);
    return at === -1 ? 'https://github.com' : run.htmlUrl.slice(0, at);
}
/** The run that retries the parent: a new run, the parent's next attempt, or none. */
function retryRun(parent, result) {
    const base = `${serverUrlOf(parent)}/${parent.repository}/actions/runs`;
    switch (result.kind) {
        case 'dispatched':
        case 'already-retried':
            return result.runId === null
                ? null
                : { id: result.runId, attempt: null, url: `${base}/${result.runId}` };
        case 'native-rerun': {
            const attempt = parent.attempt + 1;
            return { id: parent.id, attempt, url: `${base}/${parent.id}/attempts/${attempt}` };
        }
        default:
            return null;
    }
}
/** A dispatch GitHub did not name the run of: find that run by its title. */
async function located(access, target, parent, result, context) {
    if (result.kind !== 'dispatched' || result.runId !== null)
        return result;
    const intervalSeconds = pollSeconds(context).pollSeconds ?? 3;
    const runId = await locateRetry({ github: access.github, target, parent, intervalSeconds });
    return { ...result, runId };
}
/** `GH_RETRY_POLL_SECONDS`: the first interval between polls of `--follow` (default 5). */
function pollSeconds(context) {
    const value = Number(context.env['GH_RETRY_POLL_SECONDS'] ?? '');
    return Number.isFinite(value) && value > 0 ? { pollSeconds: value } : {};
}
//# sourceMappingURL=remote-retry.js.map

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
