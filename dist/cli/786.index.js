export const id = 786;
export const ids = [786];
export const modules = {

/***/ 5786:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseAge: () => (/* binding */ parseAge),
/* harmony export */   pruneCommand: () => (/* binding */ pruneCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _src_core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7657);
/* harmony import */ var _cli_context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6588);
/* harmony import */ var _run_liveness_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7005);
// `gh-retry prune`: remove old runs from the local store so it does not grow without bound. It
// never removes a run that is still running, nor the last run of a chain that did not succeed
// (the one a `gh-retry retry` of that chain starts from), and says which it kept and why.





const DAY_MS = 86_400_000;
/** `30d`, `12h` as milliseconds; a usage error otherwise. */
function parseAge(text) {
    const match = /^(\d{1,5})([dh])$/.exec(text.trim());
    if (match === null) {
        throw new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`--older-than takes a number of days or hours, such as 30d or 12h, not "${text}"`);
    }
    return Number(match[1]) * (match[2] === 'd' ? DAY_MS : DAY_MS / 24);
}
function parseKeep(text) {
    if (!/^\d{1,6}$/.test(text.trim())) {
        throw new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`--keep takes a number of runs, such as 100, not "${text}"`);
    }
    return Number(text);
}
/** Whether each run may be pruned by the flags: outside the newest `keep` and older than the age. */
function byFlags(runs, options, now) {
    const keep = options.keep === undefined ? null : parseKeep(options.keep);
    const age = options.olderThan === undefined ? null : parseAge(options.olderThan);
    if (keep === null && age === null) {
        throw new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo('say what to prune: --keep N (the newest runs to keep) and/or --older-than 30d');
    }
    return runs.filter((run, index) => {
        const outsideKept = keep === null || index < runs.length - keep;
        const old = age === null || Date.parse(run.summary.startedAt) < now - age;
        return outsideKept && old;
    });
}
/** Why a run must stay whatever the flags say, or null. */
async function keptBecause(run, lastOfChain) {
    const { summary } = run;
    if (summary.status === 'cancelled' && (await (0,_run_liveness_js__WEBPACK_IMPORTED_MODULE_3__/* .livenessOf */ .l8)(run))?.kind === 'running') {
        return 'it is still running';
    }
    if (lastOfChain.has(summary.id) && summary.status !== 'success') {
        return `it is the last run of its chain and ${summary.status}: "gh-retry retry ${summary.id}" starts from it`;
    }
    return null;
}
/** `gh-retry prune --keep N | --older-than 30d [--dry-run]`. */
async function pruneCommand(options, context) {
    const store = (0,_cli_context_js__WEBPACK_IMPORTED_MODULE_2__/* .openRunStore */ .$)(options, context);
    const runs = await store.listSummaries();
    const candidates = byFlags(runs, options, Date.now());
    const lastOfChain = new Map();
    for (const run of runs)
        lastOfChain.set(run.summary.lineage.root, run.summary.id);
    const lasts = new Set(lastOfChain.values());
    const verb = options.dryRun === true ? 'would remove' : 'removed';
    let removed = 0;
    for (const run of candidates) {
        const why = await keptBecause(run, lasts);
        if (why !== null) {
            context.stdout(`kept ${run.summary.id}: ${why}\n`);
            continue;
        }
        if (options.dryRun !== true)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(run.stateRoot), { recursive: true, force: true });
        context.stdout(`${verb} ${run.summary.id}\n`);
        removed += 1;
    }
    context.stdout(`${verb} ${String(removed)} of ${String(runs.length)} runs\n`);
    return 0;
}
//# sourceMappingURL=prune-command.js.map

/***/ }),

/***/ 7005:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ endRunning),
/* harmony export */   Es: () => (/* binding */ startRunning),
/* harmony export */   O4: () => (/* binding */ shownStatus),
/* harmony export */   Z3: () => (/* binding */ claimRetry),
/* harmony export */   cZ: () => (/* binding */ refuseRunning),
/* harmony export */   l8: () => (/* binding */ livenessOf)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _src_core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7657);
// Whether a run in the local store is still running, or was interrupted because its gh-retry
// process died (SIGKILL, a crash), and an exclusive claim so two retries of one parent never run
// at once. A running run's record already says `cancelled` (it is saved as if the run ended at
// each step), so these marks beside the record tell a live run from a dead one.



const RUNNING = 'running.json';
const RETRY_CLAIM = 'retry-claim.json';
const runDir = (stateRoot) => node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(stateRoot);
function alive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}
async function readMark(file) {
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8').catch(() => null);
    if (text === null)
        return null;
    try {
        const value = JSON.parse(text);
        if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0)
            return null;
        return { pid: value.pid, run: typeof value.run === 'string' ? value.run : '' };
    }
    catch {
        return null;
    }
}
/** Mark a run as running in this process until `endRunning`. */
async function startRunning(stateRoot, id) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(runDir(stateRoot), RUNNING), 'w');
    await handle.writeFile(JSON.stringify({ pid: process.pid, run: id }));
    await handle.close();
}
async function endRunning(stateRoot) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(runDir(stateRoot), RUNNING), { force: true });
}
/** Whether the run is still running or its process died; null when it ended normally. */
async function livenessOf(run) {
    const mark = await readMark(node_path__WEBPACK_IMPORTED_MODULE_1__.join(runDir(run.stateRoot), RUNNING));
    if (mark === null)
        return null;
    return { kind: alive(mark.pid) ? 'running' : 'interrupted', pid: mark.pid };
}
/** A short word for listings: `running`, `interrupted`, or the record's status. */
function shownStatus(status, liveness) {
    return liveness === null ? status : liveness.kind;
}
/** Refuse to retry a run that is still running, as the Action does. */
function refuseRunning(run, liveness) {
    if (liveness?.kind !== 'running')
        return;
    throw new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`run ${run.record.id} is still running (process ${liveness.pid}); retry it when it has ended`);
}
/**
 * Claim the right to retry `parent` (exclusive create of a file beside its record), so of two
 * concurrent retries one wins and the other is told. A claim whose process died is taken over.
 * Returns the release function.
 */
async function claimRetry(parent) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_1__.join(runDir(parent.stateRoot), RETRY_CLAIM);
    for (let attempt = 0; attempt < 2; attempt += 1) {
        try {
            const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(file, 'wx');
            await handle.writeFile(JSON.stringify({ pid: process.pid }));
            await handle.close();
            return async () => {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(file, { force: true });
            };
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
            const holder = await readMark(file);
            if (holder !== null && alive(holder.pid)) {
                throw new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`run ${parent.record.id} is being retried by another gh-retry (process ${holder.pid}); wait for it, then retry its run`);
            }
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(file, { force: true });
        }
    }
    throw new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`could not claim run ${parent.record.id} for a retry; try again`);
}
//# sourceMappingURL=run-liveness.js.map

/***/ })

};
