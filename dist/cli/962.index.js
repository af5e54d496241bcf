export const id = 962;
export const ids = [962];
export const modules = {

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

/***/ }),

/***/ 1637:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ scheduleForRetry),
/* harmony export */   Y: () => (/* binding */ rememberScheduleSource)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2857);
/* harmony import */ var _src_core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7657);
/* harmony import */ var _schedule_source_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1062);
// The local store remembers where each run's schedule came from (`schedule-source.json` beside its
// record), so `gh-retry retry RUN` retries the run's own schedule without it being typed again.
// The store is the user's own; the Action never takes commands from a record or an artifact.





const FILE = 'schedule-source.json';
const sourceSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    schedule: zod__WEBPACK_IMPORTED_MODULE_3__/* .discriminatedUnion */ .gMt('kind', [
        zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ kind: zod__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz('file'), file: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().min(1).max(4096) }),
        zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
            kind: zod__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz('commands'),
            commands: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().max(65_536)).min(1).max(500),
        }),
    ]),
    name: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().max(4096),
});
const fileOf = (stateRoot) => node_path__WEBPACK_IMPORTED_MODULE_1__.join(node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(stateRoot), FILE);
/** Remember where a new run's schedule came from (next to its record). */
async function rememberScheduleSource(params) {
    const content = { schedule: params.source, name: params.name };
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(fileOf(params.stateRoot), `${JSON.stringify(content, null, 2)}\n`);
}
async function recall(run) {
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(fileOf(run.stateRoot), 'utf8').catch(() => null);
    if (text === null)
        return null;
    try {
        const parsed = sourceSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : null;
    }
    catch {
        return null;
    }
}
/**
 * The schedule a retry of `parent` plans from, and one line saying which it is: the schedule the
 * options name (with the steps that matched the run), else the run's own remembered schedule,
 * else (a run from before schedules were remembered) the default schedule file.
 */
async function scheduleForRetry(params) {
    const { options, cwd, parent } = params;
    const id = parent.record.id;
    const given = options.schedule !== undefined || options.command !== undefined;
    const own = given ? null : await recall(parent);
    if (own === null) {
        const read = await (0,_schedule_source_js__WEBPACK_IMPORTED_MODULE_2__/* .readScheduleWithSource */ .po)(options, cwd);
        const what = given
            ? `${options.schedule ?? '--command'} (given)`
            : `${read.source.kind === 'file' ? read.source.file : ''} (run ${id} did not record its schedule)`;
        return { ...read, said: `schedule: ${what}; ${describeMatch(read.schedule, parent)}` };
    }
    const { schedule: source } = own;
    if (source.kind === 'commands') {
        const schedule = { ...(0,_schedule_source_js__WEBPACK_IMPORTED_MODULE_2__/* .scheduleOfCommands */ .Xq)(source.commands), name: options.name ?? own.name };
        return { schedule, source, said: `schedule: the commands run ${id} was given` };
    }
    const schedule = await (0,_schedule_source_js__WEBPACK_IMPORTED_MODULE_2__/* .readScheduleFile */ .iH)(source.file, source.file).catch((error) => {
        if (!(error instanceof _src_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ScheduleError */ .iX))
            throw error;
        throw new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ScheduleError */ .iX(`${error.message}; run ${id} was made from it: restore it, or pass --schedule FILE`);
    });
    const named = options.name === undefined ? schedule : { ...schedule, name: options.name };
    return {
        schedule: named,
        source,
        said: `schedule: ${source.file}, the file run ${id} was made from`,
    };
}
function describeMatch(schedule, parent) {
    const inRun = (id, run) => parent.record.steps.some((step) => step.id === id && step.command === run);
    const matched = schedule.steps.filter((s) => inRun(s.id, s.run)).map((s) => s.id);
    const unmatched = schedule.steps.filter((s) => !inRun(s.id, s.run)).map((s) => s.id);
    const list = (ids) => (ids.length === 0 ? 'none' : ids.join(', '));
    return `steps matched with run ${parent.record.id}: ${list(matched)}; new or changed: ${list(unmatched)}`;
}
//# sourceMappingURL=run-schedule-memory.js.map

/***/ }),

/***/ 4364:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ej: () => (/* binding */ createTerminalReporter),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony exports MAX_HELD_LINE, describeOutcome */
/** Step output lines are indented under their step so the progress lines stand out. */
const OUTPUT_PREFIX = '  │ ';
/**
 * Longest partial line held back waiting for its newline; a longer one is written as it comes, so
 * output without newlines (a 50 MB progress line) streams in linear time and bounded memory.
 */
const MAX_HELD_LINE = 8 * 1024;
/**
 * A `RunReporter` for a terminal: a line when each step starts and ends (status, duration), and
 * the step's output streamed live, line by line, under it.
 */
function createTerminalReporter(write) {
    const output = createOutputLines(write);
    return {
        report: (event) => {
            switch (event.kind) {
                case 'step-started': {
                    output.flush();
                    const position = `[${event.index + 1}/${event.total}]`;
                    if (event.attempt > 1) {
                        write(`${position} ${event.step.id}: attempt ${event.attempt}: ${event.step.exec ?? ''}\n`);
                        return;
                    }
                    const form = event.step.action === 'retry' ? ' (retry form)' : '';
                    write(`${position} ${event.step.id}: ${event.step.exec ?? ''}${form}\n`);
                    return;
                }
                case 'step-output':
                    output.add(event.chunk);
                    return;
                case 'step-finished':
                    output.flush();
                    write(`[${event.index + 1}/${event.total}] ${event.step.id}: ${describeOutcome(event.step)}\n`);
                    return;
                case 'note':
                    output.flush();
                    write(`  ! ${event.stepId === null ? '' : `${event.stepId}: `}${event.message}\n`);
                    return;
            }
        },
    };
}
/**
 * A step's output as indented lines. Each stream's partial line waits for its newline (so stdout
 * and stderr lines do not mix) up to `MAX_HELD_LINE` characters; past that it is written as it
 * comes. Only the new chunk is ever scanned, never the output so far.
 */
function createOutputLines(write) {
    const held = new Map();
    // The stream whose line was begun on the terminal and not ended yet.
    let open = null;
    const begin = (stream) => {
        if (open === stream)
            return '';
        if (open !== null)
            write('\n');
        open = stream;
        return OUTPUT_PREFIX;
    };
    const writeLines = (stream, text) => {
        const lines = text.split('\n');
        write(`${begin(stream)}${lines.join(`\n${OUTPUT_PREFIX}`)}\n`);
        open = null;
    };
    const writePartial = (stream, text) => {
        write(`${begin(stream)}${text}`);
    };
    return {
        add: ({ stream, text }) => {
            const before = held.get(stream) ?? '';
            const newline = text.lastIndexOf('\n');
            let rest = text;
            if (newline !== -1) {
                writeLines(stream, before + text.slice(0, newline));
                rest = text.slice(newline + 1);
            }
            else {
                rest = before + text;
            }
            if (rest.length > MAX_HELD_LINE) {
                writePartial(stream, rest);
                rest = '';
            }
            held.set(stream, rest);
        },
        flush: () => {
            for (const [stream, rest] of held)
                if (rest !== '')
                    writeLines(stream, rest);
            held.clear();
            if (open !== null)
                write('\n');
            open = null;
        },
    };
}
/** "success in 1.2s", "failed (exit 1) in 3.0s", "reused from r-…", "skipped". */
function describeOutcome(step) {
    const tries = step.attemptLog === undefined ? '' : ` after ${step.attemptLog.length} attempts`;
    const took = `in ${formatDuration(step.durationMs)}${tries}`;
    switch (step.status) {
        case 'success':
            return `success ${took}`;
        case 'failed': {
            const why = step.exitCode !== null ? `exit ${step.exitCode}` : (step.signal ?? 'did not run');
            return `failed (${why}) ${took}`;
        }
        case 'cancelled':
            return `cancelled ${took}`;
        case 'reused':
            return `reused from ${step.reusedFrom ?? 'the parent run'}`;
        case 'skipped':
            return 'skipped';
    }
}
/** Milliseconds as a short human duration: 850ms, 3.2s, 2m05s. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)}s`;
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round((ms % 60_000) / 1000);
    return `${minutes}m${String(seconds).padStart(2, '0')}s`;
}
//# sourceMappingURL=terminal-reporter.js.map

/***/ }),

/***/ 8292:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ createFsStateWorkspace)
/* harmony export */ });
/* unused harmony export MAX_STATE_FILE_BYTES */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7657);
/* harmony import */ var _core_run_record_schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6097);





/** The largest state file saved or read (a run_results.json of 10,000 nodes is a few MB). */
const MAX_STATE_FILE_BYTES = 64 * 1024 * 1024;
const STEP_ID = /^[a-z0-9][a-z0-9._-]*$/;
/** A `StateWorkspace` over a working directory on disk. */
function createFsStateWorkspace(params) {
    const workDir = node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(params.workDir);
    return {
        saveState: async ({ stateRoot, stepId, paths }) => await saveState({ workDir, stateRoot, stepId, paths }),
        readWorkingFiles: async ({ paths }) => await readWorkingFiles(workDir, paths),
        readState: async ({ stateRoot, files }) => {
            const contents = new Map();
            for (const file of files) {
                const content = await readSavedFile(stateRoot, file);
                if (content !== null)
                    contents.set(file.stored, content);
            }
            return contents;
        },
        restoreState: async ({ stateRoot, files }) => {
            for (const file of files)
                await restoreFile({ workDir, stateRoot, file });
        },
        carryState: async ({ from, to, files }) => {
            const carried = [];
            for (const file of files) {
                const content = await readSavedBytes(from, file);
                if (content === null)
                    continue;
                const target = node_path__WEBPACK_IMPORTED_MODULE_2__.join(to, ...file.stored.split('/'));
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(target), { recursive: true });
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(target, content);
                carried.push(file);
            }
            return carried;
        },
    };
}
async function saveState(params) {
    const { workDir, stateRoot, stepId } = params;
    if (!STEP_ID.test(stepId))
        throw new Error(`invalid step id for a state folder: ${stepId}`);
    const files = [];
    const requested = [];
    const skipped = [];
    for (const wanted of params.paths) {
        const relative = toWorkDirRelative(workDir, wanted);
        if (relative === null) {
            skipped.push({ path: wanted, reason: 'outside the working directory' });
            continue;
        }
        if (files.length >= _core_run_record_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .RECORD_LIMITS */ .xA.maxStateFilesPerStep) {
            skipped.push({ path: wanted, reason: 'too many state files for one step' });
            continue;
        }
        const source = await resolveInside(workDir, relative);
        if (source.kind === 'missing')
            continue;
        if (source.kind === 'unsafe') {
            skipped.push({ path: wanted, reason: source.reason });
            continue;
        }
        const content = await readBounded(source.file);
        if (content === null) {
            skipped.push({ path: wanted, reason: `larger than ${MAX_STATE_FILE_BYTES} bytes` });
            continue;
        }
        const stored = `${stepId}/${relative}`;
        const target = node_path__WEBPACK_IMPORTED_MODULE_2__.join(stateRoot, ...stored.split('/'));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(target), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(target, content);
        requested.push(wanted);
        files.push({ path: relative, stored, bytes: content.length, sha256: sha256(content) });
    }
    return {
        files: files.map((file, i) => ({ requested: requested[i] ?? file.path, file })),
        skipped,
    };
}
/** The largest project file read to find state paths (a dbt_project.yml is a few KB). */
const MAX_WORKING_FILE_BYTES = 1024 * 1024;
async function readWorkingFiles(workDir, paths) {
    const contents = new Map();
    for (const wanted of paths) {
        const relative = toWorkDirRelative(workDir, wanted);
        const source = relative === null ? null : await resolveInside(workDir, relative);
        if (source?.kind !== 'file')
            continue;
        const content = await readBounded(source.file, MAX_WORKING_FILE_BYTES);
        if (content !== null)
            contents.set(wanted, content.toString('utf8'));
    }
    return contents;
}
/** A path inside the working directory as a clean `a/b/c`, or null when it leaves it. */
function toWorkDirRelative(workDir, wanted) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_2__.relative(workDir, node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(workDir, wanted)).split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep).join('/');
    return _core_run_record_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .safeRelativePath */ .lV.safeParse(relative).success ? relative : null;
}
/**
 * Walk `relative` down from `root` without following links: every folder on the way must be a
 * real folder and the last part a regular file, so nothing outside the root is ever touched.
 */
async function resolveInside(root, relative) {
    const parts = relative.split('/');
    let current = root;
    for (const [i, part] of parts.entries()) {
        current = node_path__WEBPACK_IMPORTED_MODULE_2__.join(current, part);
        const stat = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(current).catch((error) => {
            if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR'))
                return null;
            throw error;
        });
        if (stat === null)
            return { kind: 'missing' };
        if (stat.isSymbolicLink())
            return { kind: 'unsafe', reason: `${parts.slice(0, i + 1).join('/')} is a link` };
        const last = i === parts.length - 1;
        if (last && !stat.isFile())
            return { kind: 'unsafe', reason: 'not a regular file' };
        if (!last && !stat.isDirectory())
            return { kind: 'unsafe', reason: `${parts.slice(0, i + 1).join('/')} is not a folder` };
    }
    return { kind: 'file', file: current };
}
/** Read a file up to `limit` bytes (MAX_STATE_FILE_BYTES); null when it is larger. */
async function readBounded(file, limit = MAX_STATE_FILE_BYTES) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, 'r');
    try {
        const { size } = await handle.stat();
        if (size > limit)
            return null;
        const content = await handle.readFile();
        return content.length > limit ? null : content;
    }
    finally {
        await handle.close();
    }
}
/** A saved file's text, or null when it is missing, unsafe, too large or not what was recorded. */
async function readSavedFile(stateRoot, file) {
    return (await readSavedBytes(stateRoot, file))?.toString('utf8') ?? null;
}
async function readSavedBytes(stateRoot, file) {
    if (!_core_run_record_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .safeRelativePath */ .lV.safeParse(file.stored).success)
        return null;
    const source = await resolveInside(stateRoot, file.stored);
    if (source.kind !== 'file')
        return null;
    const content = await readBounded(source.file);
    if (content === null || sha256(content) !== file.sha256)
        return null;
    return content;
}
async function restoreFile(params) {
    const { workDir, stateRoot, file } = params;
    for (const p of [file.from, file.to]) {
        if (!_core_run_record_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .safeRelativePath */ .lV.safeParse(p).success) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RunRecordError */ .Rt(`refusing to restore state file "${p}": not a safe relative path`);
        }
    }
    const source = await resolveInside(stateRoot, file.from);
    if (source.kind !== 'file') {
        const why = source.kind === 'missing' ? 'it is missing' : source.reason;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RunRecordError */ .Rt(`cannot restore saved state ${file.from}: ${why}`);
    }
    const content = await readBounded(source.file);
    if (content === null)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RunRecordError */ .Rt(`saved state ${file.from} is too large`);
    const target = await prepareTarget(workDir, file.to);
    // Write next to the target and rename over it: a link at the target is replaced, never followed.
    const temp = `${target}.gh-retry-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}.tmp`;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(temp, content, { flag: 'wx' });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, target);
}
/** Create the folders of `relative` under `root`, refusing any link or non-folder on the way. */
async function prepareTarget(root, relative) {
    const parts = relative.split('/');
    let current = root;
    for (const part of parts.slice(0, -1)) {
        current = node_path__WEBPACK_IMPORTED_MODULE_2__.join(current, part);
        const stat = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(current).catch(() => null);
        if (stat === null) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(current);
        }
        else if (!stat.isDirectory() || stat.isSymbolicLink()) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RunRecordError */ .Rt(`refusing to restore ${relative}: ${node_path__WEBPACK_IMPORTED_MODULE_2__.relative(root, current)} is not a folder`);
        }
    }
    const target = node_path__WEBPACK_IMPORTED_MODULE_2__.join(current, parts.at(-1) ?? '');
    const existing = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(target).catch(() => null);
    if (existing?.isDirectory() === true) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .RunRecordError */ .Rt(`refusing to restore ${relative}: a folder is in the way`);
    }
    if (existing?.isSymbolicLink() === true)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(target);
    return target;
}
function sha256(content) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(content).digest('hex');
}
function isCode(error, code) {
    return error instanceof Error && error.code === code;
}
//# sourceMappingURL=fs-state-workspace.js.map

/***/ }),

/***/ 3293:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ej: () => (/* binding */ createProcessRunner)
/* harmony export */ });
/* unused harmony exports findShell, readProcStat */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6193);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8500);





/**
 * After a command exits, how long a background child it left (`sleep 100 &`) may go on holding its
 * output pipes before the process group is stopped; then how long the output may take to drain.
 */
const STREAM_DRAIN_MS = 2_000;
const GROUP_POLL_MS = 50;
/** A `CommandRunner` that runs each command through a shell in its own process group. */
function createProcessRunner(options = {}) {
    const shell = options.shell ?? findShell(process.env.PATH ?? '');
    const graceMs = options.graceMs ?? 3_000;
    const urgent = options.urgent;
    return { run: async (request) => await runCommand({ request, shell, graceMs, urgent }) };
}
/** bash when it is on PATH, else POSIX sh; both stop at the first failing line of a script. */
function findShell(searchPath) {
    for (const dir of searchPath.split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter).filter(Boolean)) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, 'bash');
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
            return { file, args: ['--noprofile', '--norc', '-eo', 'pipefail'] };
        }
        catch {
            // not in this directory
        }
    }
    return { file: '/bin/sh', args: ['-e'] };
}
async function runCommand(params) {
    const { request, shell, graceMs, urgent } = params;
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    // A function, not a property read: the signal changes while we await.
    const isAborted = () => request.signal?.aborted === true;
    if (isAborted()) {
        return { kind: 'cancelled', exitCode: null, signal: null, durationMs: 0 };
    }
    const launched = await launch(shell, request);
    if (launched.kind === 'failed') {
        return { kind: 'spawn-failed', message: launched.message, durationMs: elapsed() };
    }
    const { child, pid, ended } = launched;
    let stopping;
    const stopGroup = () => (stopping ??= stopProcessGroup({ pid, graceMs }));
    const onAbort = () => void stopGroup();
    const onUrgent = () => {
        signalGroup(pid, 'SIGKILL');
        void stopGroup();
    };
    request.signal?.addEventListener('abort', onAbort, { once: true });
    if (urgent?.aborted === true)
        onUrgent();
    else
        urgent?.addEventListener('abort', onUrgent, { once: true });
    try {
        const exit = await ended;
        if (!(await waitAtMost(launched.closed, STREAM_DRAIN_MS)) && !isAborted()) {
            await stopLeftovers({ pid, request, stop: stopGroup });
            await waitAtMost(launched.closed, STREAM_DRAIN_MS);
        }
        child.stdout.destroy();
        child.stderr.destroy();
        if (isAborted()) {
            await stopGroup();
            return { kind: 'cancelled', exitCode: exit.code, signal: exit.signal, durationMs: elapsed() };
        }
        if (exit.code !== null)
            return { kind: 'exited', exitCode: exit.code, durationMs: elapsed() };
        return { kind: 'killed', signal: exit.signal ?? 'unknown', durationMs: elapsed() };
    }
    finally {
        request.signal?.removeEventListener('abort', onAbort);
        urgent?.removeEventListener('abort', onUrgent);
    }
}
/** Start the shell in its own process group, streaming its output; a shell that cannot start is a `failed` launch. */
async function launch(shell, request) {
    let child;
    try {
        child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(shell.file, [...shell.args, '-c', request.command], {
            cwd: request.cwd,
            env: request.env,
            // Its own process group: a terminal's Ctrl-C reaches us, and we decide what the step gets.
            detached: true,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
    }
    catch (error) {
        return { kind: 'failed', message: messageOf(error) };
    }
    // A spawn error (missing shell, bad cwd) comes as an event; one once the process runs (none is
    // expected: signals are sent with process.kill) is ignored, as the exit still comes.
    const spawnError = new Promise((resolve) => child.on('error', resolve));
    const ended = new Promise((resolve) => {
        child.once('exit', (code, signal) => {
            resolve({ code, signal });
        });
    });
    const closed = new Promise((resolve) => {
        child.once('close', () => {
            resolve();
        });
    });
    streamOutput(child.stdout, 'stdout', request.onOutput);
    streamOutput(child.stderr, 'stderr', request.onOutput);
    const pid = child.pid;
    if (pid === undefined) {
        const error = await spawnError;
        child.stdout.destroy();
        child.stderr.destroy();
        return { kind: 'failed', message: messageOf(error) };
    }
    return { kind: 'started', child, pid, ended, closed };
}
/** Wait for a promise, but no longer than `ms`, without leaving a timer behind; false on timeout. */
async function waitAtMost(promise, ms) {
    let timer;
    const timeout = new Promise((resolve) => {
        timer = setTimeout(() => {
            resolve(false);
        }, ms);
    });
    return await Promise.race([promise.then(() => true), timeout]).finally(() => {
        clearTimeout(timer);
    });
}
/**
 * The command exited but processes it started in the background still hold its output: stop its
 * process group (no orphan outlives the step) and say so in the step's output, which goes on being
 * read until the pipes close, so nothing they wrote is dropped.
 */
async function stopLeftovers(params) {
    if (!isGroupAlive(params.pid))
        return;
    params.request.onOutput({
        stream: 'stderr',
        text: `[gh-retry] the command exited but left processes running in the background; stopped them after ${String(STREAM_DRAIN_MS / 1000)} s\n`,
    });
    await params.stop();
}
function streamOutput(stream, name, onOutput) {
    if (stream === null)
        return;
    const decoder = new node_string_decoder__WEBPACK_IMPORTED_MODULE_3__.StringDecoder('utf8');
    stream.on('data', (data) => {
        const text = decoder.write(data);
        if (text !== '')
            onOutput({ stream: name, text });
    });
    stream.on('end', () => {
        const rest = decoder.end();
        if (rest !== '')
            onOutput({ stream: name, text: rest });
    });
}
/**
 * Ask the whole process group to stop: SIGINT (what Ctrl-C sends), then SIGTERM, then SIGKILL,
 * each after a grace period; resolves when no process of the group is left.
 */
async function stopProcessGroup(params) {
    const { pid, graceMs } = params;
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGKILL']) {
        if (!signalGroup(pid, signal))
            return;
        const deadline = performance.now() + graceMs;
        while (performance.now() < deadline) {
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_4__.setTimeout)(GROUP_POLL_MS);
            if (!isGroupAlive(pid))
                return;
        }
    }
}
/**
 * Whether a process group still has a running member. On Linux, read /proc: a killed orphan
 * stays a zombie until its new parent reaps it, and `kill(-pgid, 0)` still counts zombies.
 */
function isGroupAlive(pgid) {
    let entries;
    try {
        entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)('/proc');
    }
    catch {
        return signalGroup(pgid, 0);
    }
    return entries.some((entry) => {
        if (!/^\d+$/.test(entry))
            return false;
        const stat = readProcStat(entry);
        return stat !== null && stat.pgrp === pgid && stat.state !== 'Z' && stat.state !== 'X';
    });
}
/** State and process group from `/proc/<pid>/stat`, or null when the process is gone. */
function readProcStat(pid) {
    try {
        const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // The command name is in parentheses and may contain spaces: fields start after the last ')'.
        const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
        return { state: fields[0] ?? '', pgrp: Number(fields[2]) };
    }
    catch {
        return null;
    }
}
function messageOf(error) {
    return error instanceof Error ? error.message : 'the shell could not start';
}
/** Send a signal to a process group; false when the group no longer exists. */
function signalGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
        return true;
    }
    catch {
        return false;
    }
}
//# sourceMappingURL=process-runner.js.map

/***/ }),

/***/ 9991:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OP: () => (/* binding */ probeFixAware),
/* harmony export */   Qo: () => (/* binding */ describeAdded),
/* harmony export */   z4: () => (/* binding */ chooseFixAware)
/* harmony export */ });
/* harmony import */ var _core_tools_dbt_fix_aware_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2335);

/** The most probe output kept (a `{"unique_id": …}` line per node). */
const MAX_PROBE_OUTPUT = 4 * 1024 * 1024;
/** List with `dbt ls` the nodes changed since the parent that lead to a failed or skipped node. */
async function probeFixAware(form, context) {
    let stdout = '';
    const result = await context.runner.run({
        command: form.probe,
        cwd: context.cwd,
        env: context.env,
        ...(context.signal === undefined ? {} : { signal: context.signal }),
        onOutput: (chunk) => {
            if (chunk.stream === 'stdout' && stdout.length < MAX_PROBE_OUTPUT)
                stdout += chunk.text;
        },
    });
    if (result.kind !== 'exited' || result.exitCode !== 0) {
        return {
            kind: 'failed',
            how: result.kind === 'exited' ? `dbt ls exited ${result.exitCode}` : `dbt ls ${result.kind}`,
        };
    }
    return { kind: 'listed', added: (0,_core_tools_dbt_fix_aware_js__WEBPACK_IMPORTED_MODULE_0__/* .parseProbeOutput */ .VP)(stdout) };
}
/** Why the added nodes are rebuilt, in words. */
function describeAdded(added, parentRun) {
    return `${(0,_core_tools_dbt_fix_aware_js__WEBPACK_IMPORTED_MODULE_0__/* .describeNodes */ .TZ)(added)} changed since run ${parentRun} (or built from a changed node); rebuilt before the nodes dbt retry re-runs`;
}
/**
 * Decide a fix-aware dbt retry right before it runs. No added node (or a probe that fails): the
 * planned `dbt retry`. Some: the `dbt build` that rebuilds them before what `dbt retry` would run.
 */
async function chooseFixAware(planned, form, context, note) {
    const probe = await probeFixAware(form, context);
    if (probe.kind === 'failed') {
        note(`could not list the nodes changed since run ${form.parentRun} (${probe.how}); running dbt retry`);
        return { exec: planned.exec, record: null };
    }
    if (probe.added.length === 0) {
        note(`no node changed since run ${form.parentRun} leads to a failed node; running dbt retry`);
        return { exec: planned.exec, record: null };
    }
    const reason = describeAdded(probe.added, form.parentRun);
    note(reason);
    return { exec: form.exec, record: { added: probe.added, parentRun: form.parentRun, reason } };
}
//# sourceMappingURL=fix-aware.js.map

/***/ }),

/***/ 558:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ planFromParent)
/* harmony export */ });
/* unused harmony export readParentState */
/* harmony import */ var _core_retry_planner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6377);

/** The contents of a parent run's saved state files, keyed by their `stored` path. */
async function readParentState(params) {
    const { workspace, parent } = params;
    const files = parent.record.steps.flatMap((step) => step.state);
    return await workspace.readState({ stateRoot: parent.stateRoot, files });
}
/** Read a parent run's saved state and plan a retry of it against the current schedule. */
async function planFromParent(params) {
    const { schedule, parent, mode, env } = params;
    const parentState = await readParentState(params);
    return (0,_core_retry_planner_js__WEBPACK_IMPORTED_MODULE_0__/* .planRetry */ .M)({
        schedule,
        parent: parent.record,
        mode,
        parentState,
        stateRoot: parent.stateRoot,
        env,
    });
}
//# sourceMappingURL=plan-from-parent.js.map

/***/ })

};
