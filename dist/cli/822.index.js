export const id = 822;
export const ids = [822];
export const modules = {

/***/ 1062:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Cu: () => (/* binding */ readSchedule),
  iH: () => (/* binding */ readScheduleFile),
  po: () => (/* binding */ readScheduleWithSource),
  Xq: () => (/* binding */ scheduleOfCommands)
});

// UNUSED EXPORTS: DEFAULT_SCHEDULE_FILES

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/src/core/errors.js
var errors = __webpack_require__(7657);
// EXTERNAL MODULE: ./lib/src/core/run-record/schema.js + 1 modules
var schema = __webpack_require__(6097);
// EXTERNAL MODULE: ./lib/src/core/schedule/step-ids.js
var step_ids = __webpack_require__(2131);
;// CONCATENATED MODULE: ./lib/src/core/schedule/drafts.js

/** A draft with every option at its default. */
function defaultDraft(command) {
    return {
        command,
        id: null,
        name: null,
        setup: null,
        continueOnError: false,
        retries: 0,
        retryWith: null,
        state: [],
        inRun: {},
    };
}
/** Turn drafts into a schedule: assign ids, detect setup steps, fill names. */
function buildSchedule(name, drafts) {
    const ids = (0,step_ids/* assignStepIds */.Cw)(drafts);
    const steps = drafts.map((draft, index) => {
        const step = {
            id: ids[index] ?? draft.command,
            name: draft.name ?? draft.command,
            run: draft.command,
            setup: draft.setup ?? (0,step_ids/* isSetupCommand */.fO)(draft.command),
            continueOnError: draft.continueOnError,
            retries: draft.retries,
            state: draft.state,
            ...draft.inRun,
        };
        const withFix = draft.fixAware === false ? { ...step, fixAware: false } : step;
        return draft.retryWith === null ? withFix : { ...withFix, retryWith: draft.retryWith };
    });
    return { name, steps };
}
//# sourceMappingURL=drafts.js.map
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./lib/src/core/schedule/yaml-reader.js


/** A non-empty string. */
const isText = (value) => typeof value === 'string' && value.trim() !== '';
/** A YAML boolean (`true` / `false`; `yes` is a string in YAML 1.2). */
const isBoolean = (value) => typeof value === 'boolean';
/** Reads one YAML document, turning every problem into a `file:line: message` ScheduleError. */
class ScheduleReader {
    fileName;
    lines = new dist.LineCounter();
    constructor(fileName) {
        this.fileName = fileName;
    }
    /** The document's root node; a syntax error is reported with its line. */
    parse(text) {
        const doc = (0,dist.parseDocument)(text, { lineCounter: this.lines, uniqueKeys: true });
        const error = doc.errors[0];
        if (error !== undefined) {
            const message = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
            throw this.fail(error.linePos?.[0].line ?? 1, `invalid YAML: ${message ?? error.code}`);
        }
        return doc.contents;
    }
    /** The line a node starts on (1 when unknown). */
    lineOf(node) {
        const range = node?.range;
        return range === undefined || range === null ? 1 : this.lines.linePos(range[0]).line;
    }
    /** An error at a line of the file. */
    fail(line, message) {
        return new errors/* ScheduleError */.iX(`${this.fileName}:${line}: ${message}`);
    }
    /** The map's pairs keyed by their (string) key; unknown keys are an error naming the allowed ones. */
    pairs(map, allowed, where) {
        const byKey = new Map();
        for (const pair of map.items) {
            const key = (0,dist.isScalar)(pair.key) ? String(pair.key.value) : '?';
            if (!allowed.includes(key)) {
                throw this.fail(this.lineOf(pair.key), `unknown key "${key}" ${where}; allowed: ${allowed.join(', ')}`);
            }
            byKey.set(key, pair);
        }
        return byKey;
    }
    /** A scalar of the expected JS type, or an error saying what is allowed. */
    scalar(pair, check, expected) {
        const value = (0,dist.isScalar)(pair.value) ? pair.value.value : undefined;
        if (!check(value))
            throw this.fail(this.lineOf(pair.value ?? pair.key), expected);
        return value;
    }
}
//# sourceMappingURL=yaml-reader.js.map
// EXTERNAL MODULE: ./lib/src/core/retry/conditions.js + 1 modules
var conditions = __webpack_require__(3100);
// EXTERNAL MODULE: ./lib/src/core/retry/duration.js
var duration = __webpack_require__(2161);
;// CONCATENATED MODULE: ./lib/src/core/schedule/in-run-keys.js
/**
 * A schedule step's in-run retry settings besides `retries`: `retry-delay`, `attempt-timeout` and
 * `retry-on` (the failure conditions of the bot's retry policies). Every problem names the line.
 */



/** The longest `attempt-timeout`: six hours, GitHub's job limit. */
const MAX_ATTEMPT_TIMEOUT_SECONDS = 6 * 3600;
/** The largest `factor` of an exponential `retry-delay`. */
const MAX_DELAY_FACTOR = 10;
const DELAY_KEYS = ['initial', 'factor', 'max'];
const DURATION_FORM = 'seconds or a duration like "30s", "2m"';
/** Read `retry-delay`, `attempt-timeout` and `retry-on` from a step's pairs. */
function readInRunSettings(params) {
    const { reader, pairs, where, retries } = params;
    for (const key of ['retry-delay', 'retry-on']) {
        const pair = pairs.get(key);
        if (pair !== undefined && retries === 0) {
            throw reader.fail(reader.lineOf(pair.key), `"${key}" ${where} is only used with "retries"; add "retries: N" (1–10) or remove "${key}"`);
        }
    }
    const delay = pairs.get('retry-delay');
    const timeout = pairs.get('attempt-timeout');
    const on = pairs.get('retry-on');
    return {
        ...(delay === undefined ? {} : { retryDelay: readDelay(reader, delay, where) }),
        ...(timeout === undefined
            ? {}
            : { attemptTimeoutSeconds: readTimeout(reader, timeout, where) }),
        ...(on === undefined ? {} : { retryOn: readConditions(reader, on, where) }),
    };
}
function readSeconds(reader, node, what, range) {
    const value = (0,dist.isScalar)(node) ? node.value : undefined;
    const seconds = typeof value === 'number' || typeof value === 'string' ? (0,duration/* parseSeconds */.fL)(value, range.max) : null;
    if (seconds === null || seconds < range.min) {
        throw reader.fail(reader.lineOf(node), `${what} must be ${DURATION_FORM}, from ${(0,duration/* formatSeconds */.Xo)(range.min)} to ${(0,duration/* formatSeconds */.Xo)(range.max)}`);
    }
    return seconds;
}
function readTimeout(reader, pair, where) {
    return readSeconds(reader, pair.value ?? pair.key, `"attempt-timeout" ${where}`, {
        min: 1,
        max: MAX_ATTEMPT_TIMEOUT_SECONDS,
    });
}
/** `retry-delay: 30s` (fixed) or `retry-delay: { initial: 10s, factor: 2, max: 2m }`. */
function readDelay(reader, pair, where) {
    const what = `"retry-delay" ${where}`;
    const range = { min: 0, max: duration/* MAX_DELAY_SECONDS */.L6 };
    const node = pair.value;
    if (!(0,dist.isMap)(node)) {
        if (!(0,dist.isScalar)(node)) {
            throw reader.fail(reader.lineOf(node ?? pair.key), `${what} must be ${DURATION_FORM}, or a map with initial, factor and max`);
        }
        const seconds = readSeconds(reader, node, what, range);
        return { initialSeconds: seconds, factor: 1, maxSeconds: seconds };
    }
    const keys = reader.pairs(node, DELAY_KEYS, `in ${what}`);
    const initial = keys.get('initial');
    const max = keys.get('max');
    if (initial === undefined || max === undefined) {
        throw reader.fail(reader.lineOf(node), `${what} needs "initial" and "max" (e.g. { initial: 10s, factor: 2, max: 2m })`);
    }
    const initialSeconds = readSeconds(reader, initial.value, `"initial" of ${what}`, range);
    const maxSeconds = readSeconds(reader, max.value, `"max" of ${what}`, range);
    const factor = readFactor(reader, keys.get('factor'), what);
    if (maxSeconds < initialSeconds) {
        throw reader.fail(reader.lineOf(max.value), `"max" of ${what} (${(0,duration/* formatSeconds */.Xo)(maxSeconds)}) is shorter than "initial" (${(0,duration/* formatSeconds */.Xo)(initialSeconds)}); the cap must be at least the first delay`);
    }
    return { initialSeconds, factor, maxSeconds };
}
function readFactor(reader, pair, what) {
    if (pair === undefined)
        return 2;
    const value = (0,dist.isScalar)(pair.value) ? pair.value.value : undefined;
    if (typeof value !== 'number' || !(value >= 1 && value <= MAX_DELAY_FACTOR)) {
        throw reader.fail(reader.lineOf(pair.value ?? pair.key), `"factor" of ${what} must be a number from 1 to ${MAX_DELAY_FACTOR}`);
    }
    return value;
}
/** `retry-on`: the conditions mapping of the bot's retry policies, checked by the same schema. */
function readConditions(reader, pair, where) {
    const node = pair.value;
    const value = (0,dist.isMap)(node) ? node.toJSON() : (0,dist.isScalar)(node) ? node.value : undefined;
    const parsed = conditions/* conditionsSchema */.Yz.safeParse(value);
    if (parsed.success)
        return parsed.data;
    const issue = parsed.error.issues[0];
    const path = issue?.path.filter((k) => typeof k === 'string' || typeof k === 'number') ?? [];
    const at = (0,dist.isMap)(node) && path.length > 0 ? node.getIn(path, true) : node;
    const shown = path.length === 0 ? '' : `.${path.map(String).join('.')}`;
    const message = issue?.message ?? 'invalid';
    const hint = message.includes('allowed:') ? '' : ` (retry-on takes ${conditions/* CONDITION_KEYS */.$Q.join(', ')})`;
    throw reader.fail(reader.lineOf(at ?? node ?? pair.key), `"retry-on${shown}" ${where}: ${message}${hint}`);
}
//# sourceMappingURL=in-run-keys.js.map
;// CONCATENATED MODULE: ./lib/src/core/schedule/yaml-file.js






const TOP_KEYS = ['name', 'steps'];
const STEP_KEYS = [
    'run',
    'id',
    'name',
    'setup',
    'continue-on-error',
    'retries',
    'retry-delay',
    'attempt-timeout',
    'retry-on',
    'retry-with',
    'state',
    'fix-aware',
];
const MAX_RETRIES = 10;
const isRetries = (value) => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_RETRIES;
/**
 * Parse a YAML schedule file: `name` (optional) and `steps`, each a command or a map with `run`,
 * `id`, `name`, `setup`, `continue-on-error`, `retries` (with `retry-delay`, `attempt-timeout`,
 * `retry-on`), `retry-with`, `state` and `fix-aware`. Every problem is a ScheduleError naming the
 * file, the line and what is allowed.
 */
function parseScheduleFile(params) {
    const reader = new ScheduleReader(params.fileName);
    const root = reader.parse(params.text);
    if (!(0,dist.isMap)(root)) {
        throw reader.fail(reader.lineOf(root), 'a schedule is a map with "steps" (a list of commands) and an optional "name"');
    }
    const top = reader.pairs(root, TOP_KEYS, 'at the top level');
    const namePair = top.get('name');
    const name = namePair === undefined
        ? defaultName(params.fileName)
        : reader.scalar(namePair, isText, '"name" must be a non-empty string').trim();
    const stepsPair = top.get('steps');
    if (stepsPair === undefined) {
        throw reader.fail(1, 'no "steps"; a schedule lists its commands under "steps"');
    }
    const steps = stepsPair.value;
    if (!(0,dist.isSeq)(steps) || steps.items.length === 0) {
        throw reader.fail(reader.lineOf(steps ?? stepsPair.key), '"steps" must be a non-empty list of commands');
    }
    if (steps.items.length > schema/* RECORD_LIMITS */.xA.maxSteps) {
        throw reader.fail(reader.lineOf(steps), `"steps" has ${steps.items.length} steps; at most ${schema/* RECORD_LIMITS */.xA.maxSteps} are allowed`);
    }
    const drafts = steps.items.map((item, index) => readStep(reader, item, index + 1));
    checkUniqueIds(reader, drafts, steps.items);
    return buildSchedule(name, drafts);
}
/** A schedule file without `name` is named after the file (`nightly.yml` → `nightly`). */
function defaultName(fileName) {
    const base = fileName.slice(fileName.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, '');
    return base === '' ? 'schedule' : base;
}
function readStep(reader, item, number) {
    const where = `in step ${number}`;
    if ((0,dist.isScalar)(item) && isText(item.value)) {
        return defaultDraft(readCommand(reader, item, item.value, `step ${number}`));
    }
    if (!(0,dist.isMap)(item)) {
        throw reader.fail(reader.lineOf(item), `step ${number} must be a command (a string) or a map with "run"`);
    }
    const options = new StepOptions(reader, reader.pairs(item, STEP_KEYS, where), where);
    const command = options.command('run');
    if (command === null) {
        throw reader.fail(reader.lineOf(item), `step ${number} has no "run"; every step needs the command to run (allowed keys: ${STEP_KEYS.join(', ')})`);
    }
    const retries = options.retries() ?? 0;
    const draft = {
        command,
        id: options.id(),
        name: options.text('name'),
        setup: options.boolean('setup'),
        continueOnError: options.boolean('continue-on-error') ?? false,
        retries,
        retryWith: options.command('retry-with'),
        state: options.state() ?? [],
        fixAware: options.boolean('fix-aware') ?? true,
        inRun: readInRunSettings({ reader, pairs: options.pairs, where, retries }),
    };
    if (draft.state.length > 0 && draft.retryWith === null) {
        throw reader.fail(options.line('state'), `"state" ${where} is only used by "retry-with"; add "retry-with" or remove "state"`);
    }
    return draft;
}
/** The keys of one step map, each read with its type check; null when the key is absent. */
class StepOptions {
    reader;
    pairs;
    where;
    constructor(reader, pairs, where) {
        this.reader = reader;
        this.pairs = pairs;
        this.where = where;
    }
    line(key) {
        return this.reader.lineOf(this.pairs.get(key)?.key);
    }
    text(key) {
        const pair = this.pairs.get(key);
        if (pair === undefined)
            return null;
        return this.reader
            .scalar(pair, isText, `"${key}" ${this.where} must be a non-empty string`)
            .trim();
    }
    command(key) {
        const pair = this.pairs.get(key);
        if (pair === undefined)
            return null;
        const what = key === 'run' ? 'the command' : 'a command';
        const text = this.reader.scalar(pair, isText, `"${key}" ${this.where} must be a non-empty string (${what})`);
        return readCommand(this.reader, pair.value, text, `"${key}" ${this.where}`);
    }
    boolean(key) {
        const pair = this.pairs.get(key);
        if (pair === undefined)
            return null;
        return this.reader.scalar(pair, isBoolean, `"${key}" ${this.where} must be true or false`);
    }
    retries() {
        const pair = this.pairs.get('retries');
        if (pair === undefined)
            return null;
        const expected = `"retries" ${this.where} must be a whole number from 0 to ${MAX_RETRIES}`;
        return this.reader.scalar(pair, isRetries, expected);
    }
    id() {
        const pair = this.pairs.get('id');
        if (pair === undefined)
            return null;
        const value = (0,dist.isScalar)(pair.value) ? pair.value.value : undefined;
        if (typeof value === 'string' && (0,step_ids/* isValidStepId */.oo)(value))
            return value;
        const shown = typeof value === 'string' ? `"${value}"` : String(value);
        throw this.reader.fail(this.reader.lineOf(pair.value ?? pair.key), `invalid id ${shown} ${this.where}; ${step_ids/* STEP_ID_RULE */.S_}`);
    }
    state() {
        const pair = this.pairs.get('state');
        if (pair === undefined)
            return null;
        const { reader, where } = this;
        const list = pair.value;
        const expected = `"state" ${where} must be a list of relative paths`;
        if (!(0,dist.isSeq)(list))
            throw reader.fail(reader.lineOf(list ?? pair.key), expected);
        if (list.items.length > schema/* RECORD_LIMITS */.xA.maxStateFilesPerStep) {
            throw reader.fail(reader.lineOf(list), `"state" ${where} lists ${list.items.length} paths; at most ${schema/* RECORD_LIMITS */.xA.maxStateFilesPerStep} are allowed`);
        }
        return list.items.map((item) => {
            const value = (0,dist.isScalar)(item) ? item.value : undefined;
            if (typeof value !== 'string')
                throw reader.fail(reader.lineOf(item), expected);
            if (!schema/* safeRelativePath */.lV.safeParse(value).success) {
                throw reader.fail(reader.lineOf(item), `"state" path "${value}" ${where} must be relative to the working directory, without "..", "." or empty segments`);
            }
            return value;
        });
    }
}
function readCommand(reader, node, text, what) {
    const command = text.trim();
    if (command.length > schema/* RECORD_LIMITS */.xA.maxStringLength) {
        throw reader.fail(reader.lineOf(node), `${what} has ${command.length} characters; at most ${schema/* RECORD_LIMITS */.xA.maxStringLength} are allowed (move it into a script)`);
    }
    return command;
}
function checkUniqueIds(reader, drafts, items) {
    const seen = new Map();
    for (const [index, draft] of drafts.entries()) {
        if (draft.id === null)
            continue;
        const first = seen.get(draft.id);
        if (first !== undefined) {
            throw reader.fail(reader.lineOf(items[index]), `duplicate id "${draft.id}" in step ${index + 1} (also step ${first}); step ids must be unique`);
        }
        seen.set(draft.id, index + 1);
    }
}
//# sourceMappingURL=yaml-file.js.map
;// CONCATENATED MODULE: ./lib/src/core/schedule/command-list.js





/** The name of a schedule given as a bare command list. */
const DEFAULT_SCHEDULE_NAME = 'schedule';
/**
 * Parse a command list: one command a line; blank lines and lines starting with `#` are ignored.
 * Step ids are derived from the commands (`dbt-run`, `dbt-run-2`, …).
 */
function parseCommandList(text, params = {}) {
    const drafts = [];
    for (const [index, raw] of text.split(/\r?\n/).entries()) {
        const command = raw.trim();
        if (command === '' || command.startsWith('#'))
            continue;
        if (command.length > schema/* RECORD_LIMITS */.xA.maxStringLength) {
            throw new errors/* ScheduleError */.iX(`commands line ${index + 1}: the command has ${command.length} characters; at most ${schema/* RECORD_LIMITS */.xA.maxStringLength} are allowed (move it into a script)`);
        }
        drafts.push(defaultDraft(command));
    }
    if (drafts.length === 0) {
        throw new errors/* ScheduleError */.iX('the command list is empty; give one command a line');
    }
    if (drafts.length > schema/* RECORD_LIMITS */.xA.maxSteps) {
        throw new errors/* ScheduleError */.iX(`the command list has ${drafts.length} commands; at most ${schema/* RECORD_LIMITS */.xA.maxSteps} are allowed`);
    }
    return buildSchedule(params.name ?? DEFAULT_SCHEDULE_NAME, drafts);
}
//# sourceMappingURL=command-list.js.map
;// CONCATENATED MODULE: ./lib/cli/schedule-source.js





/** Schedule files picked up from the working directory when no flag names one. */
const DEFAULT_SCHEDULE_FILES = ['gh-retry.yml', 'gh-retry.yaml'];
/**
 * Read the current schedule from `--schedule FILE`, `--command CMD…` or `gh-retry.yml`.
 * A retry plans from the schedule as it is now: commands are never taken from a run record.
 */
async function readSchedule(options, cwd) {
    return (await readScheduleWithSource(options, cwd)).schedule;
}
/** The schedule the options name, and where it came from (remembered with each run). */
async function readScheduleWithSource(options, cwd) {
    const { schedule, source } = await readScheduleFrom(options, cwd);
    const named = options.name === undefined ? schedule : { ...schedule, name: options.name };
    return { schedule: named, source };
}
/** The schedule of a list of commands, each one step. */
function scheduleOfCommands(commands) {
    const schedule = parseCommandList(commands.join('\n'));
    if (schedule.steps.length === 0)
        throw new errors/* ScheduleError */.iX('--command was given no command to run');
    return schedule;
}
async function readScheduleFrom(options, cwd) {
    if (options.schedule !== undefined && options.command !== undefined) {
        throw new errors/* UserError */.yo('give either --schedule FILE or --command CMD…, not both');
    }
    if (options.command !== undefined) {
        const commands = [...options.command];
        return { schedule: scheduleOfCommands(commands), source: { kind: 'commands', commands } };
    }
    const file = options.schedule ?? DEFAULT_SCHEDULE_FILES.find((name) => (0,external_node_fs_.existsSync)(external_node_path_.join(cwd, name)));
    if (file === undefined) {
        throw new errors/* UserError */.yo('no schedule: pass --schedule FILE or --command CMD…, or add gh-retry.yml to this folder');
    }
    const absolute = external_node_path_.resolve(cwd, file);
    return {
        schedule: await readScheduleFile(absolute, file),
        source: { kind: 'file', file: absolute },
    };
}
/** Read and parse a schedule file; `shown` is how messages name it. */
async function readScheduleFile(file, shown) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code ?? 'unreadable';
        throw new errors/* ScheduleError */.iX(`cannot read the schedule file ${shown} (${code})`);
    }
    return parseScheduleFile({ text, fileName: shown });
}
//# sourceMappingURL=schedule-source.js.map

/***/ }),

/***/ 4396:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BB: () => (/* binding */ dirName),
/* harmony export */   C3: () => (/* binding */ joinRelativePath),
/* harmony export */   Fl: () => (/* binding */ baseName)
/* harmony export */ });
/**
 * Join path parts into a normalised relative path (`a/./b/../c` → `a/c`), or null when the result
 * is absolute or climbs out of the working directory: such paths cannot be saved in a run record.
 */
function joinRelativePath(...parts) {
    const segments = [];
    for (const part of parts) {
        // `~` is the home directory once a shell or the tool expands it: outside the working directory.
        if (part.includes('\0') || part.includes('\\') || part.startsWith('~'))
            return null;
        if (part.startsWith('/') || /^[A-Za-z]:/.test(part))
            return null;
        for (const segment of part.split('/')) {
            if (segment === '' || segment === '.')
                continue;
            if (segment === '..') {
                if (segments.length === 0)
                    return null;
                segments.pop();
            }
            else {
                segments.push(segment);
            }
        }
    }
    return segments.length === 0 ? null : segments.join('/');
}
/** The last segment of a path (`a/b/run_results.json` → `run_results.json`). */
function baseName(path) {
    const trimmed = path.replace(/\/+$/, '');
    return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
/** Everything before the last segment (`a/b/c.json` → `a/b`, `c.json` → `.`). */
function dirName(path) {
    const index = path.lastIndexOf('/');
    return index <= 0 ? '.' : path.slice(0, index);
}
//# sourceMappingURL=relative-path.js.map

/***/ }),

/***/ 6377:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ planFirstRun),
/* harmony export */   M: () => (/* binding */ planRetry)
/* harmony export */ });
/* harmony import */ var _in_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5062);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7657);
/* harmony import */ var _tools_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3825);



/** A plan of every step as written: setup steps as `setup`, the others as `run`. */
function planFirstRun(schedule) {
    return schedule.steps.map((step) => planned(step, step.setup ? 'setup' : 'run', 'first run'));
}
/**
 * Plan a retry of `parent` with the current schedule (PRODUCT.md §3). Commands always come from
 * the schedule, never from the parent's record; a step whose id or command text differs from the
 * parent's runs as written.
 */
function planRetry(params) {
    const steps = matchSteps(params.schedule, params.parent);
    const plan = (nothingToRetry, planned) => ({
        parent: params.parent.id,
        root: params.parent.lineage.root,
        mode: params.mode,
        nothingToRetry,
        steps: planned,
    });
    const { mode } = params;
    switch (mode.kind) {
        case 'all':
            return plan(false, steps.map(({ step, parent, unmatched }) => step.setup
                ? setupStep(step)
                : planned(step, 'run', parent === null ? unmatched : 'retry all')));
        case 'from':
            checkKnownSteps(steps, [mode.step]);
            return plan(false, planFrom(steps, mode.step, params.parent.id));
        case 'only':
            checkKnownSteps(steps, mode.steps);
            return plan(false, planOnly(steps, mode.steps, params.parent.id));
        case 'from-failure': {
            // A successful run can still hold failures: continue-on-error steps that failed.
            const anyFailed = params.parent.steps.some(failed);
            const fromFailure = params.parent.status === 'success' && !anyFailed ? null : planFromFailure(steps, params);
            const runsSomething = fromFailure?.some((step) => step.action === 'run' || step.action === 'retry');
            if (fromFailure !== null && runsSomething === true)
                return plan(false, fromFailure);
            return plan(true, planNothingToRetry(steps, params.parent.id));
        }
    }
}
function matchSteps(schedule, parent) {
    const parentSteps = new Map(parent.steps.map((step) => [step.id, step]));
    return schedule.steps.map((step) => {
        const previous = parentSteps.get(step.id);
        if (previous === undefined)
            return { step, parent: null, unmatched: newStepReason(step, parent) };
        if (previous.command !== step.run) {
            return { step, parent: null, unmatched: `command changed since run ${parent.id}` };
        }
        return { step, parent: previous, unmatched: '' };
    });
}
/**
 * Why a step has no parent record. Ids derived from commands follow their order (`dbt-run`,
 * `dbt-run-2`), so a step of the same tool inserted before one shifts its id: say so, and how to
 * keep it matched.
 */
function newStepReason(step, parent) {
    const same = parent.steps.find((p) => p.command === step.run && p.id !== step.id);
    if (same === undefined)
        return 'new step';
    return `new step: run ${parent.id} ran this command as step "${same.id}"; derived ids follow the order of the commands, so give the step an explicit id to keep it matched`;
}
const succeeded = (parent) => parent.status === 'success' || parent.status === 'reused';
const failed = (parent) => parent?.status === 'failed' || parent?.status === 'cancelled';
function planFromFailure(steps, params) {
    const runId = params.parent.id;
    const firstFailure = steps.findIndex(({ parent }) => failed(parent));
    const failedId = steps[firstFailure]?.step.id;
    return steps.map(({ step, parent, unmatched }, index) => {
        if (step.setup)
            return setupStep(step);
        if (parent === null)
            return planned(step, 'run', unmatched);
        if (failed(parent)) {
            const form = (0,_tools_index_js__WEBPACK_IMPORTED_MODULE_1__/* .retryFormFor */ .E2)({ ...params, step, parent: resultsOf(parent), parentRun: runId });
            const status = `${parent.status} in run ${runId}${resumesFrom(parent)}`;
            return form.kind === 'retry'
                ? {
                    ...planned(step, 'retry', `${status}; ${form.reason}`),
                    exec: form.exec,
                    restore: form.restore,
                    ...(form.fixAware === undefined ? {} : { fixAware: form.fixAware }),
                }
                : planned(step, 'run', `${status}; ${form.reason}; runs as written`);
        }
        if (firstFailure !== -1 && index > firstFailure) {
            return planned(step, 'run', `${parent.status} in run ${runId}; runs again after the failure of ${failedId ?? ''}`);
        }
        if (succeeded(parent))
            return reuseStep(step, parent, runId);
        return planned(step, 'run', `${parent.status} in run ${runId}`);
    });
}
/**
 * The step whose results a retry form reads. A tool retry that ended without results (exit 2, a
 * cancel) carries the results it was retrying from, which ended with exit 1 (node failures).
 */
function resultsOf(parent) {
    const carried = parent.carriedFrom != null && parent.action === 'retry' && parent.exitCode !== 1;
    return carried ? { ...parent, exitCode: 1, signal: null } : parent;
}
function resumesFrom(parent) {
    return parent.carriedFrom == null
        ? ''
        : `, resuming from the results of run ${parent.carriedFrom}`;
}
function planFrom(steps, from, runId) {
    const start = steps.findIndex(({ step }) => step.id === from);
    return steps.map(({ step, parent, unmatched }, index) => {
        if (step.setup)
            return setupStep(step);
        if (index >= start)
            return planned(step, 'run', `retry from ${from}`);
        if (parent !== null && succeeded(parent))
            return reuseStep(step, parent, runId);
        const what = parent === null ? unmatched : `has status ${parent.status} in run ${runId}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .PlanError */ .W6(`cannot retry from "${from}": step "${step.id}" before it did not succeed (${what}); retry from "${step.id}" or use from-failure`);
    });
}
function planOnly(steps, only, runId) {
    return steps.map(({ step, parent, unmatched }) => {
        if (step.setup)
            return setupStep(step);
        if (only.includes(step.id))
            return planned(step, 'run', 'named in only');
        if (parent !== null && succeeded(parent))
            return reuseStep(step, parent, runId);
        const what = parent === null ? unmatched : `${parent.status} in run ${runId}`;
        return planned(step, 'skip', `not named in only (${what})`);
    });
}
function planNothingToRetry(steps, runId) {
    return steps.map(({ step, parent, unmatched }) => {
        if (!step.setup && parent !== null && succeeded(parent))
            return reuseStep(step, parent, runId);
        const what = step.setup
            ? 'setup step'
            : parent === null
                ? unmatched
                : `${parent.status} in run ${runId}`;
        return planned(step, 'skip', `nothing to retry (${what})`);
    });
}
function checkKnownSteps(steps, ids) {
    const known = steps.map(({ step }) => step.id);
    const unknown = ids.filter((id) => !known.includes(id));
    if (unknown.length === 0)
        return;
    const names = unknown.map((id) => `"${id}"`).join(', ');
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .PlanError */ .W6(`unknown step ${names}; steps in this schedule: ${known.join(', ')}`);
}
function planned(step, action, reason) {
    const runs = action === 'setup' || action === 'run';
    const tool = (0,_tools_index_js__WEBPACK_IMPORTED_MODULE_1__/* .recogniseTool */ .qO)(step);
    const inRunRetries = (0,_in_run_js__WEBPACK_IMPORTED_MODULE_0__/* .describeInRunRetries */ .KZ)(step, tool);
    return {
        id: step.id,
        name: step.name,
        command: step.run,
        action,
        exec: runs ? step.run : null,
        reason,
        restore: [],
        tool,
        ...(inRunRetries === undefined || action === 'reuse' || action === 'skip'
            ? {}
            : { inRunRetries }),
    };
}
function setupStep(step) {
    return planned(step, 'setup', 'setup step: always runs');
}
function reuseStep(step, parent, runId) {
    const reusedFrom = parent.reusedFrom ?? runId;
    return { ...planned(step, 'reuse', `succeeded in run ${reusedFrom}`), reusedFrom };
}
//# sourceMappingURL=planner.js.map

/***/ }),

/***/ 2335:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ planFixAware),
/* harmony export */   TZ: () => (/* binding */ describeNodes),
/* harmony export */   VP: () => (/* binding */ parseProbeOutput),
/* harmony export */   e0: () => (/* binding */ MANIFEST)
/* harmony export */ });
/* unused harmony exports whyManifestUnusable, whyNotFixAware, fixAwareSelectors, selectableStatuses, fixAwareCommands */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2857);
/* harmony import */ var _schedule_command_line_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8312);
/* harmony import */ var _run_record_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6097);
/* harmony import */ var _tool_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2320);




/**
 * A fix-aware dbt retry (dbt-core #10164): `dbt retry` re-runs a failed test against a table that
 * was never rebuilt, so fixing the model does not fix the retry. When the project changed since the
 * parent (dbt's `state:modified` against the parent's saved manifest.json), the retry also rebuilds
 * the nodes on the way from a changed node to a failed or skipped one. dbt computes both sets with
 * its own selectors against `--state <parent dir>` (run_results.json + manifest.json):
 *
 * - what `dbt retry` runs: `result:fail result:skipped …` (the statuses in the parent's retry set);
 * - what the fix adds: `state:modified+,+result:fail,result:success` per status, i.e. changed
 *   nodes and their descendants that lead to a retried node and succeeded in the parent, so never a
 *   node outside the parent's selection, never a changed node nothing retried depends on.
 *
 * `--exclude "result:pass result:warn"` keeps dbt from adding the tests of rebuilt models that
 * passed in the parent, so the selection is exactly the two sets. Indirect selection is `cautious`:
 * dbt 1.8 drops the parents a `+` selects under `empty`. A `dbt ls` of the second set decides at run
 * time: empty, the step runs as `dbt retry`; otherwise as the `dbt build` with both sets.
 */
const MANIFEST = 'manifest.json';
/** Subcommands whose retry can rebuild changed nodes (`dbt test` cannot build models). */
const FIX_AWARE_SUBCOMMANDS = new Set(['build']);
/** Flags that choose nodes; the fix-aware form replaces them with its own selection. */
const SELECTION_FLAGS = new Set([
    '--select',
    '-s',
    '--models',
    '-m',
    '--selector',
    '--exclude',
    '--indirect-selection',
]);
/** Statuses of tests that passed in the parent: not re-run when the model they test is rebuilt. */
const PASSED_TEST_STATUSES = ['pass', 'warn'];
/** Flags and variables that use dbt's state themselves; the fix-aware form needs `--state`. */
const STATE_FLAGS = ['--state', '--defer', '--defer-state', '--favor-state'];
const STATE_VARIABLES = ['DBT_STATE', 'DBT_DEFER', 'DBT_DEFER_STATE', 'DBT_FAVOR_STATE'];
/** Flags copied to the `dbt ls` probe so it reads the same project, profile and vars. */
const PROBE_FLAGS = new Set([
    '--project-dir',
    '--profiles-dir',
    '--target-path',
    '--target',
    '-t',
    '--profile',
    '--vars',
]);
/** Statuses a result: selector can name (one word); `dbt retry` statuses with a space cannot. */
const SELECTABLE_STATUS = /^[a-z_]+$/;
const manifestSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    metadata: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ dbt_schema_version: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().regex(/\/manifest\/v\d+\.json$/) }),
    nodes: zod__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J()),
});
/** Why the saved manifest.json cannot be used, or null when it is a dbt manifest. */
function whyManifestUnusable(content) {
    if (content === undefined)
        return `no ${MANIFEST} was saved beside run_results.json`;
    let data;
    try {
        data = JSON.parse(content);
    }
    catch {
        return `the saved ${MANIFEST} is not valid JSON`;
    }
    return manifestSchema.safeParse(data).success
        ? null
        : `the saved ${MANIFEST} is not a dbt manifest`;
}
/** Why a step cannot be retried fix-aware (before looking at files), or null. */
function whyNotFixAware(dbt, words, env) {
    if (!FIX_AWARE_SUBCOMMANDS.has(dbt.which))
        return `dbt ${dbt.subcommand} does not build models`;
    const flags = [...dbt.globalFlags, ...dbt.args].map(flagName);
    const scoped = (0,_tool_js__WEBPACK_IMPORTED_MODULE_2__/* .programEnv */ .qV)(words, env);
    const used = [
        ...STATE_FLAGS.filter((flag) => flags.includes(flag)),
        ...STATE_VARIABLES.filter((name) => (scoped[name] ?? '') !== ''),
    ];
    return used.length === 0 ? null : `the step uses dbt state itself (${used.join(', ')})`;
}
/** The dbt selectors of both sets and of passed tests, from the statuses of the retry set. */
function fixAwareSelectors(statuses) {
    const unique = [...new Set(statuses)].sort();
    const passed = PASSED_TEST_STATUSES.filter((status) => !unique.includes(status));
    const results = (list) => list.map((status) => `result:${status}`).join(' ');
    return {
        retry: results(unique),
        added: unique.map((status) => `state:modified+,+result:${status},result:success`).join(' '),
        passed: results(passed),
    };
}
/** Whether every status of the retry set can be named by a `result:` selector. */
function selectableStatuses(statuses) {
    return statuses.every((status) => SELECTABLE_STATUS.test(status));
}
/** The `dbt ls` probe and the `dbt build` run when it lists nodes. */
function fixAwareCommands(params) {
    const { words, dbt, stateDir } = params;
    const selectors = fixAwareSelectors(params.statuses);
    const state = ['--indirect-selection', 'cautious', '--state', stateDir];
    const probe = (0,_schedule_command_line_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteWords */ .AD)([
        ...words.prefix,
        words.program,
        '--quiet',
        '--log-format',
        'text',
        'ls',
        ...copyFlags([...dbt.globalFlags, ...dbt.args], (flag) => PROBE_FLAGS.has(flag)),
        '--select',
        selectors.added,
        '--exclude',
        `${selectors.passed} ${selectors.retry}`,
        ...state,
        '--output',
        'json',
        '--output-keys',
        'unique_id',
    ]);
    const exec = (0,_schedule_command_line_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteWords */ .AD)([
        ...words.prefix,
        words.program,
        ...dbt.globalFlags,
        ...dbt.subcommand.split(' '),
        ...withoutSelection(dbt.args),
        '--select',
        `${selectors.retry} ${selectors.added}`,
        '--exclude',
        selectors.passed,
        ...state,
    ]);
    return { probe, exec, parentRun: params.parentRun };
}
/** The node ids a probe printed (`{"unique_id": "…"}` lines); other lines are ignored. */
function parseProbeOutput(stdout) {
    const ids = new Set();
    for (const line of stdout.split('\n')) {
        if (ids.size >= _run_record_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .RECORD_LIMITS */ .xA.maxNodeIds)
            break;
        const text = line.trim();
        if (!text.startsWith('{'))
            continue;
        let data;
        try {
            data = JSON.parse(text);
        }
        catch {
            continue;
        }
        const id = data?.unique_id;
        if (typeof id === 'string' && id.length <= _run_record_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .RECORD_LIMITS */ .xA.maxStringLength)
            ids.add(id);
    }
    return [...ids];
}
/** `model fct_orders, seed raw_orders`: node ids as users read them. */
function describeNodes(ids, max = 10) {
    const shown = ids.slice(0, max).map((id) => {
        const [type = '', , name = id] = id.split('.');
        return `${type} ${name}`;
    });
    return ids.length > max ? `${shown.join(', ')} and ${ids.length - max} more` : shown.join(', ');
}
const flagName = (word) => word.split('=', 1)[0] ?? word;
/** The flags `wanted` names, with their values (`--flag value` or `--flag=value`). */
function copyFlags(words, wanted) {
    const copied = [];
    for (let at = 0; at < words.length; at += 1) {
        const word = words[at] ?? '';
        if (!wanted(flagName(word)))
            continue;
        const next = words[at + 1];
        if (word.includes('='))
            copied.push(word);
        else if (next !== undefined) {
            copied.push(word, next);
            at += 1;
        }
    }
    return copied;
}
/** The words without selection flags; `--select a b` takes every word up to the next flag. */
function withoutSelection(args) {
    const kept = [];
    for (let at = 0; at < args.length; at += 1) {
        const word = args[at] ?? '';
        if (!SELECTION_FLAGS.has(flagName(word))) {
            kept.push(word);
            continue;
        }
        if (word.includes('='))
            continue;
        while (args[at + 1] !== undefined && !(args[at + 1] ?? '').startsWith('-'))
            at += 1;
    }
    return kept;
}
/** The fix-aware form of a dbt retry and the words the plan's reason gets, or nothing. */
function planFixAware(params) {
    if (!params.enabled)
        return { form: null, reason: '; fix-aware: false, so exactly dbt retry' };
    // Older records and other subcommands: plain dbt retry, as before, without a word about it.
    if (whyNotFixAware(params.dbt, params.words, params.env) !== null)
        return { form: null, reason: '' };
    if (params.manifest === undefined)
        return { form: null, reason: '' };
    const unusable = whyManifestUnusable(params.manifest);
    if (unusable !== null)
        return { form: null, reason: `; not fix-aware: ${unusable}` };
    if (!selectableStatuses(params.statuses)) {
        return { form: null, reason: '; not fix-aware: a node status has no dbt result: selector' };
    }
    return {
        form: fixAwareCommands(params),
        reason: `; if nodes changed since run ${params.parentRun} lead to them (dbt ls --state), they are rebuilt first`,
    };
}
//# sourceMappingURL=dbt-fix-aware.js.map

/***/ }),

/***/ 3825:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cZ: () => (/* binding */ configPathsFor),
  XP: () => (/* reexport */ mergeNodeSummaries),
  qO: () => (/* binding */ recogniseTool),
  E2: () => (/* binding */ retryFormFor),
  vH: () => (/* binding */ statePathsFor),
  po: () => (/* binding */ stateRefusalFor),
  zp: () => (/* binding */ successExitCodesFor),
  Ot: () => (/* binding */ summariseStepState)
});

// UNUSED EXPORTS: customTool, dbtTool, parseRunResults, playwrightTool, pytestTool, summariseRunResults

// EXTERNAL MODULE: ./lib/src/core/schedule/command-line.js
var command_line = __webpack_require__(8312);
// EXTERNAL MODULE: ./lib/src/core/tools/tool.js
var tool = __webpack_require__(2320);
;// CONCATENATED MODULE: ./lib/src/core/tools/custom.js

const RETRY_SUCCESS_EXIT_CODES = [0];
/** custom: a step's own `retry-with` command, after its `state` files are put back. */
const customTool = {
    name: 'custom',
    recognise(step) {
        return step.retryWith === undefined ? null : { retryWith: step.retryWith, state: step.state };
    },
    statePaths(match) {
        return [...match.state];
    },
    retryForm({ match, parent, files }) {
        if (parent.status === 'cancelled') {
            return { kind: 'as-written', reason: 'it was cancelled, so its state may be incomplete' };
        }
        const restore = [];
        for (const path of match.state) {
            const file = files.find((saved) => saved.path === path);
            if (file?.content === undefined) {
                return {
                    kind: 'as-written',
                    reason: `its state file ${path} is missing from the parent run`,
                };
            }
            restore.push({ from: file.stored, to: path });
        }
        return {
            kind: 'retry',
            exec: match.retryWith,
            restore,
            reason: 'runs its retry-with command',
            successExitCodes: RETRY_SUCCESS_EXIT_CODES,
        };
    },
    retrySuccessExitCodes: RETRY_SUCCESS_EXIT_CODES,
    summarise() {
        return tool/* NO_SUMMARY */.Nw;
    },
};
//# sourceMappingURL=custom.js.map
// EXTERNAL MODULE: ./lib/src/core/relative-path.js
var relative_path = __webpack_require__(4396);
// EXTERNAL MODULE: ./lib/src/core/tools/dbt-command.js
var dbt_command = __webpack_require__(1814);
// EXTERNAL MODULE: ./lib/src/core/tools/dbt-fix-aware.js
var dbt_fix_aware = __webpack_require__(2335);
;// CONCATENATED MODULE: ./lib/src/core/tools/dbt-retry-flags.js
/** Flags `dbt retry` takes from its own command line, so they are copied from the step. */
const RETRY_FLAGS = ['--project-dir', '--profiles-dir', '--target-path', '--vars', '--threads'];
/**
 * Flags dbt takes from the retry's own invocation, not the parent's (retry.py IGNORE_PARENT_FLAGS,
 * and logging), written after the subcommand in the step: they go before `retry`, where every
 * dbt 1.8+ accepts them. Value flags map to true, switches to false.
 */
const BEFORE_RETRY_FLAGS = new Map([
    ['--warn-error', false],
    ['--warn-error-options', true],
    ['--defer-state', true],
    ['--log-path', true],
    ['--log-format', true],
    ['--log-level', true],
    ['--debug', false],
    ['--quiet', false],
    ['-q', false],
]);
/** `--flag value` / `--flag=value` words of the retry flags, copied as written. */
function copyRetryFlags(args) {
    const copied = [];
    for (const [index, word] of args.entries()) {
        const next = args[index + 1];
        if (RETRY_FLAGS.includes(word) && next !== undefined)
            copied.push(word, next);
        else if (RETRY_FLAGS.some((flag) => word.startsWith(`${flag}=`)))
            copied.push(word);
    }
    return copied;
}
/** The name of a flag word (`--log-path=x` → `--log-path`). */
const flagName = (word) => word.split('=', 1)[0] ?? word;
/**
 * The words before `retry`: the step's global flags without `--state` (dbt replays the parent's
 * state, and a second `--state` is a usage error), then the flags dbt takes from the retry that the
 * step wrote after its subcommand, unless already given before it (duplicates are usage errors).
 */
function flagsBeforeRetry(dbt) {
    const words = [];
    const global = dbt.globalFlags;
    for (let at = 0; at < global.length; at += 1) {
        const word = global[at] ?? '';
        if (word === '--state')
            at += 1;
        else if (!word.startsWith('--state='))
            words.push(word);
    }
    const given = new Set(words.map(flagName));
    for (let at = 0; at < dbt.args.length; at += 1) {
        const word = dbt.args[at] ?? '';
        const takesValue = BEFORE_RETRY_FLAGS.get(flagName(word));
        if (takesValue === undefined || given.has(flagName(word)))
            continue;
        const value = takesValue && !word.includes('=') ? dbt.args[at + 1] : undefined;
        if (takesValue && !word.includes('=') && value === undefined)
            continue;
        words.push(word, ...(value === undefined ? [] : [value]));
        given.add(flagName(word));
        if (value !== undefined)
            at += 1;
    }
    return words;
}
//# sourceMappingURL=dbt-retry-flags.js.map
;// CONCATENATED MODULE: ./lib/src/core/tools/dbt-interrupted.js

/**
 * Why a dbt step stopped by Ctrl-C (or a cancelled job) runs as written and not as `dbt retry`.
 *
 * On KeyboardInterrupt dbt writes run_results.json with `self.node_results`: the nodes that had
 * finished, and no row for the node it was running or for those it had not started (dbt-core
 * task/runnable.py `execute_nodes`, `except (KeyboardInterrupt, SystemExit)`, the same in 1.8 and
 * 1.11), then exits 2. `dbt retry` re-runs only the failed and skipped rows of that file, so it can
 * never run the nodes that had not finished: with only successes in it, dbt says "Nothing to do"
 * and exits 0, a pass that ran nothing. Checked with real dbt 1.8 and 1.11
 * (test/real-dbt/interrupt.test.ts).
 */
/** Whether the parent step was cut short (cancelled) before dbt could report node failures. */
function wasInterrupted(parent) {
    return parent.status === 'cancelled' && parent.exitCode !== 1;
}
/** What dbt's file says about an interrupted run, for the plan's reason. */
function readInterruptedFile(runResults, retrySet) {
    if (runResults === null)
        return { kind: 'none', why: 'wrote no run_results.json' };
    if (runResults.kind === 'unreadable') {
        return { kind: 'none', why: `its run_results.json is unreadable (${runResults.reason})` };
    }
    return {
        kind: 'read',
        finished: runResults.results.length,
        retried: retrySet(runResults).length,
    };
}
const nodes = (count) => `${count} node${count === 1 ? '' : 's'}`;
/** One line: what dbt did on the interrupt and why `dbt retry` cannot resume from it. */
function interruptedReason(parent, file) {
    const stopped = `dbt was interrupted (it ${(0,tool/* describeEnd */.lA)(parent)})`;
    if (file.kind === 'none') {
        return `${stopped} and ${file.why}, so there is nothing dbt retry could resume from`;
    }
    const would = file.retried === 0
        ? 'dbt retry would run none of them: it would say "Nothing to do" and exit 0'
        : `dbt retry would re-run only the ${nodes(file.retried)} listed as failed or skipped`;
    return `${stopped}: on an interrupt dbt writes to run_results.json only the nodes that finished (${nodes(file.finished)} here), never the one it was running or those not yet started, so ${would}`;
}
//# sourceMappingURL=dbt-interrupted.js.map
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./lib/src/core/tools/dbt-project.js


/** The project file dbt reads `target-path:` from (dbt-core config/project.py). */
const DBT_PROJECT_FILE = 'dbt_project.yml';
const UNSET = { kind: 'unset' };
/**
 * The `target-path:` of a `dbt_project.yml`, relative to the project folder. The file is the
 * user's, so a path that leaves the project (absolute, `..`, `~`) or that Jinja would render is
 * refused with a one-line reason instead of being followed. A file that is not YAML is left to dbt.
 */
function projectTargetPath(content) {
    const document = (0,dist.parseDocument)(content, { uniqueKeys: false });
    if (document.errors.length > 0)
        return UNSET;
    const value = document.get('target-path');
    if (value === undefined || value === null || value === '')
        return UNSET;
    const written = JSON.stringify(value);
    const where = `target-path ${written} in ${DBT_PROJECT_FILE}`;
    if (typeof value !== 'string')
        return refused(`${where} is not a path`);
    if (value.includes('{'))
        return refused(`${where} is rendered by Jinja`);
    if (climbsOut(value) || ((0,relative_path/* joinRelativePath */.C3)(value) === null && value.replace(/[./]/g, '') !== '')) {
        return refused(`${where} is outside the dbt project`);
    }
    return { kind: 'path', path: (0,relative_path/* joinRelativePath */.C3)(value) ?? '.' };
}
function refused(reason) {
    return { kind: 'refused', reason: `${reason}, so gh-retry does not save run_results.json` };
}
/** Whether a relative path's `..` segments ever leave the folder it starts in (`a/../../b`). */
function climbsOut(path) {
    let depth = 0;
    for (const segment of path.split('/')) {
        if (segment === '..')
            depth -= 1;
        else if (segment !== '' && segment !== '.')
            depth += 1;
        if (depth < 0)
            return true;
    }
    return false;
}
//# sourceMappingURL=dbt-project.js.map
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
// EXTERNAL MODULE: ./lib/src/core/run-record/schema.js + 1 modules
var schema = __webpack_require__(6097);
// EXTERNAL MODULE: ./lib/src/core/tools/dbt-node-status.js
var dbt_node_status = __webpack_require__(5370);
;// CONCATENATED MODULE: ./lib/src/core/tools/dbt-run-results.js



/** Node statuses that `dbt retry` runs again (dbt-core 1.9+; `partial success` is microbatch). */
const RETRYABLE_NODE_STATUSES = [
    'error',
    'fail',
    'skipped',
    'runtime error',
    'partial success',
];
/** Statuses listed as failed nodes (with their message). */
const FAILED_STATUSES = new Set(dbt_node_status/* FAILED_NODE_STATUSES */.c);
/** run_results.json schema versions `dbt retry` can read (dbt 1.8+ reads v4–v6). */
const READABLE_VERSIONS = { min: 4, max: 6 };
/** Failed nodes that keep their message; beyond this only ids, so a record stays small. */
const MAX_NODE_MESSAGES = 100;
const MAX_MESSAGE_LENGTH = 1000;
// Only the fields gh-retry needs. Unknown fields are allowed and dropped (z.object strips them):
// copying them, as looseObject does, costs ~100× more on a 10,000-result file.
const resultSchema = schemas/* object */.Ikc({
    status: schemas/* string */.YjP(),
    unique_id: schemas/* string */.YjP(),
    message: schemas/* string */.YjP().nullish(),
});
const envelope = {
    metadata: schemas/* object */.Ikc({ dbt_schema_version: schemas/* string */.YjP(), dbt_version: schemas/* string */.YjP().optional() }),
    args: schemas/* object */.Ikc({ which: schemas/* string */.YjP().optional() }).optional(),
};
const runResultsSchema = schemas/* object */.Ikc({ ...envelope, results: schemas/* array */.YOg(resultSchema) });
// The results of a large project (50,000 of them) are checked by a plain loop, many times faster
// than the schema; the schema runs only to word what is wrong when the loop finds a bad result.
const envelopeSchema = schemas/* object */.Ikc({ ...envelope, results: schemas/* array */.YOg(schemas/* unknown */.L5J()) });
/** The results as gh-retry reads them, or null when one is not a result `resultSchema` accepts. */
function readResults(raw) {
    const results = new Array(raw.length);
    for (let i = 0; i < raw.length; i += 1) {
        const result = raw[i];
        if (typeof result !== 'object' || result === null || Array.isArray(result))
            return null;
        const { status, unique_id: uniqueId, message } = result;
        if (typeof status !== 'string' || typeof uniqueId !== 'string')
            return null;
        if (message !== undefined && message !== null && typeof message !== 'string')
            return null;
        results[i] = { uniqueId, status, message: message ?? null };
    }
    return results;
}
/** Read a run_results.json (schema v4–v6), tolerant of fields it does not need. */
function parseRunResults(text) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        return { kind: 'unreadable', reason: 'it is not valid JSON' };
    }
    const parsed = envelopeSchema.safeParse(data);
    const results = parsed.success ? readResults(parsed.data.results) : null;
    if (!parsed.success || results === null) {
        const issue = runResultsSchema.safeParse(data).error?.issues[0];
        const where = issue === undefined ? '' : ` (${issue.path.map(String).join('.')}: ${issue.message})`;
        return { kind: 'unreadable', reason: `it is not a dbt run_results.json${where}` };
    }
    const version = /run-results\/v(\d+)\.json$/.exec(parsed.data.metadata.dbt_schema_version)?.[1];
    const schemaVersion = version === undefined ? NaN : Number(version);
    if (!(schemaVersion >= READABLE_VERSIONS.min && schemaVersion <= READABLE_VERSIONS.max)) {
        return {
            kind: 'unreadable',
            reason: `its schema version ${parsed.data.metadata.dbt_schema_version} is not v4–v6`,
        };
    }
    return {
        kind: 'run-results',
        schemaVersion,
        dbtVersion: parsed.data.metadata.dbt_version ?? null,
        which: parsed.data.args?.which ?? null,
        results,
    };
}
/**
 * The node picture of a run_results.json: exact counts by status, the failed nodes (with
 * messages for the first ones) and the skipped ids; ids listed up to RECORD_LIMITS.maxNodeIds.
 */
function summariseRunResults(runResults) {
    // A Map, then fromEntries: statuses come from untrusted files (a status "__proto__" stays data).
    const counts = new Map();
    const failed = [];
    const skipped = [];
    let listed = 0;
    for (const result of runResults.results) {
        const status = clip(result.status, schema/* RECORD_LIMITS */.xA.maxStringLength);
        const hook = isHook(result.uniqueId);
        // Hooks are not nodes (dbt's own PASS/ERROR/TOTAL line leaves them out); a failed one is listed.
        if (!hook)
            counts.set(status, (counts.get(status) ?? 0) + 1);
        if (listed >= schema/* RECORD_LIMITS */.xA.maxNodeIds || (hook && !FAILED_STATUSES.has(status)))
            continue;
        const id = clip(result.uniqueId, schema/* RECORD_LIMITS */.xA.maxStringLength);
        if (FAILED_STATUSES.has(status)) {
            const message = failed.length < MAX_NODE_MESSAGES && result.message !== null
                ? clip(result.message, MAX_MESSAGE_LENGTH)
                : null;
            failed.push({ id, status, message });
            listed += 1;
        }
        else if (status === 'skipped') {
            skipped.push(id);
            listed += 1;
        }
    }
    return {
        which: runResults.which,
        counts: Object.fromEntries(counts),
        failed,
        skipped,
        merged: false,
    };
}
/**
 * The node picture after a `dbt retry`: the parent's picture with every node the retry ran
 * replaced by its new status. `dbt retry` runs exactly the parent's retryable nodes (error, fail,
 * skipped, runtime error, partial success), so those leave the parent's counts and the retry's
 * counts take their place. Only merge a summary read after the step ran in its dbt retry form.
 * Hooks (`operation.*` rows) are in neither picture's counts: dbt runs them again on every
 * invocation, so only the retry's failed hooks are listed. A fix-aware retry also re-ran `rebuilt`
 * nodes that succeeded in the parent (its selector asks for `result:success`): they leave the
 * parent's `success` count.
 */
function mergeNodeSummaries(parent, retry, rebuilt = 0) {
    const counts = new Map();
    for (const [status, count] of Object.entries(parent.counts)) {
        const left = status === 'success' ? Math.max(0, count - rebuilt) : count;
        if (!RETRYABLE_NODE_STATUSES.includes(status))
            counts.set(status, left);
    }
    for (const [status, count] of Object.entries(retry.counts)) {
        counts.set(status, (counts.get(status) ?? 0) + count);
    }
    return {
        which: parent.which ?? retry.which,
        counts: Object.fromEntries(counts),
        failed: retry.failed,
        skipped: retry.skipped,
        merged: true,
    };
}
/** How many of a summary's nodes `dbt retry` would run, by status (`2 error, 1 skipped`). */
function describeRetryableNodes(summary) {
    const parts = RETRYABLE_NODE_STATUSES.flatMap((status) => {
        const count = summary.counts[status] ?? 0;
        return count > 0 ? [`${count} ${status}`] : [];
    });
    return parts.length === 0 ? 'no failed nodes' : parts.join(', ');
}
/** An on-run-start/end hook row (dbt 1.9+ writes them; `dbt retry` never re-runs them as nodes). */
function isHook(uniqueId) {
    return uniqueId.startsWith('operation.');
}
/**
 * The ids `dbt retry` would re-run from this file (retry.py): retryable statuses, plus `warn` when
 * the retry runs with `--warn-error`; hook rows only when the file is from `run-operation`.
 */
function dbtRetrySet(runResults, options) {
    const statuses = options.warnError
        ? [...RETRYABLE_NODE_STATUSES, 'warn']
        : RETRYABLE_NODE_STATUSES;
    return runResults.results
        .filter((result) => statuses.includes(result.status))
        .filter((result) => runResults.which === 'run-operation' || !isHook(result.uniqueId))
        .map((result) => result.uniqueId);
}
function clip(text, max) {
    return text.length <= max ? text : text.slice(0, max);
}
//# sourceMappingURL=dbt-run-results.js.map
;// CONCATENATED MODULE: ./lib/src/core/tools/dbt.js









const dbt_RETRY_SUCCESS_EXIT_CODES = [0];
const RUN_RESULTS = 'run_results.json';
/** Subcommands `dbt retry` can resume, by how users write them (dbt-core 1.6+ TASK_DICT). */
const RETRYABLE_SUBCOMMANDS = new Set([
    'build',
    'run',
    'test',
    'seed',
    'snapshot',
    'compile',
    'clone',
    'docs generate',
    'run-operation',
]);
/** The oldest dbt-core whose `dbt retry` gh-retry drives (see README "Supported dbt versions"). */
const DBT_FLOOR = { major: 1, minor: 8 };
/** The flags that say where dbt writes: global flags first, then the subcommand's (last wins). */
function flagValue(match, flag, env) {
    const value = (0,command_line/* findFlagValue */.HH)([...match.dbt.globalFlags, ...match.dbt.args], [flag]);
    return value === null ? null : (0,command_line/* expandWord */.Vo)(value, env);
}
/** The project folder: `--project-dir`, else DBT_PROJECT_DIR, else the working directory. */
function projectDir(match, scoped) {
    return (flagValue(match, '--project-dir', scoped) ?? scoped['DBT_PROJECT_DIR'] ?? '.') || '.';
}
/** `<project-dir>/dbt_project.yml`, whose `target-path:` says where dbt writes when no flag does. */
function configPaths(match, env) {
    const path = (0,relative_path/* joinRelativePath */.C3)(projectDir(match, (0,tool/* programEnv */.qV)(match.words, env)), DBT_PROJECT_FILE);
    return path === null ? [] : [path];
}
/** What the project file read before saving (`config`, by path) says about `target-path:`. */
function projectTarget(match, env, config) {
    const [file] = configPaths(match, env);
    const content = file === undefined ? undefined : config.get(file);
    return content === undefined ? { kind: 'unset' } : projectTargetPath(content);
}
/**
 * The target path as dbt resolves it: `--target-path`, else DBT_TARGET_PATH, else the project
 * file's `target-path:` (when the shell read it into `config`), else `target`.
 */
function targetPath(match, env, config) {
    const scoped = (0,tool/* programEnv */.qV)(match.words, env);
    const given = flagValue(match, '--target-path', scoped) ?? scoped['DBT_TARGET_PATH'];
    if (given !== undefined && given !== '')
        return { kind: 'path', path: given };
    const fromProject = projectTarget(match, env, config);
    return fromProject.kind === 'unset' ? { kind: 'path', path: 'target' } : fromProject;
}
/** run_results.json and manifest.json in `<project-dir>/<target-path>/`, honouring flags, DBT_* variables and the project file. */
function statePaths(match, env, config = new Map()) {
    const target = targetPath(match, env, config);
    if (target.kind !== 'path')
        return [];
    const dir = projectDir(match, (0,tool/* programEnv */.qV)(match.words, env));
    return [RUN_RESULTS, dbt_fix_aware/* MANIFEST */.e0].flatMap((name) => {
        const path = (0,relative_path/* joinRelativePath */.C3)(dir, target.path, name);
        return path === null ? [] : [path];
    });
}
/** Why run_results.json is not saved although the step's flags allow it (the project file's path). */
function stateRefusal(match, env, config) {
    const target = targetPath(match, env, config);
    return target.kind === 'refused' ? target.reason : null;
}
/** Whether the retry runs with `--warn-error` (so dbt retries `warn` rows too). */
function warnsAsErrors(match, env) {
    const words = [...match.dbt.globalFlags, ...match.dbt.args];
    if (words.includes('--warn-error'))
        return true;
    const value = (0,tool/* programEnv */.qV)(match.words, env)['DBT_WARN_ERROR']?.toLowerCase();
    return value === '1' || value === 'true';
}
/** Why a file dbt could read is still not resumed with `dbt retry`, or null when it can be. */
function whyNotRetry(match, runResults, retrySet) {
    const version = /^(\d+)\.(\d+)/.exec(runResults.dbtVersion ?? '');
    if (version !== null &&
        Number(version[1]) * 1000 + Number(version[2]) < DBT_FLOOR.major * 1000 + DBT_FLOOR.minor) {
        return `${RUN_RESULTS} was written by dbt ${runResults.dbtVersion ?? ''}; gh-retry uses dbt retry from dbt ${DBT_FLOOR.major}.${DBT_FLOOR.minor}`;
    }
    if (match.dbt.which === 'generate') {
        return 'dbt retry of docs generate would write a catalog of only the retried nodes';
    }
    if (retrySet.length === 0) {
        return `dbt retry would re-run nothing (no failed or skipped nodes besides hooks in ${RUN_RESULTS}; dbt would say "Nothing to do" and exit 0)`;
    }
    return null;
}
/** `2 error, 1 skipped`: the statuses of the nodes dbt retry re-runs. */
function describeStatuses(runResults, ids) {
    const wanted = new Set(ids);
    const counts = new Map();
    for (const result of runResults.results) {
        if (wanted.has(result.uniqueId))
            counts.set(result.status, (counts.get(result.status) ?? 0) + 1);
    }
    return [...counts].map(([status, count]) => `${count} ${status}`).join(', ');
}
/** The statuses of the nodes dbt retry re-runs. */
function statusesOf(runResults, ids) {
    const wanted = new Set(ids);
    return [
        ...new Set(runResults.results.filter((r) => wanted.has(r.uniqueId)).map((r) => r.status)),
    ];
}
/** The parent's saved run_results.json, read; or why there is none to use. */
function savedRunResults(context) {
    const paths = statePaths(context.match, context.env);
    if (paths.length === 0) {
        return {
            kind: 'none',
            reason: `${RUN_RESULTS} is outside the working directory, so it was not saved`,
        };
    }
    const file = (0,tool/* findParentFile */.WY)(context.files, paths, RUN_RESULTS);
    if (file?.content === undefined) {
        return { kind: 'none', reason: `${RUN_RESULTS} missing from the parent run` };
    }
    return { kind: 'found', file, runResults: parseRunResults(file.content) };
}
/** Why an interrupted step runs as written, from what dbt wrote before it stopped. */
function interruptedForm(context) {
    const saved = savedRunResults(context);
    const warnError = warnsAsErrors(context.match, context.env);
    const file = readInterruptedFile(saved.kind === 'found' ? saved.runResults : null, (read) => dbtRetrySet(read, { warnError }));
    return { kind: 'as-written', reason: interruptedReason(context.parent, file) };
}
function retryForm(context) {
    const { match, parent } = context;
    const asWritten = (reason) => ({ kind: 'as-written', reason });
    if (wasInterrupted(parent))
        return interruptedForm(context);
    if (parent.exitCode !== 1) {
        return asWritten(parent.exitCode === 2
            ? 'dbt exited 2 (an error, not node failures), so there are no failed nodes to retry'
            : `dbt ${(0,tool/* describeEnd */.lA)(parent)}; only exit 1 (node failures) is retried node by node`);
    }
    const saved = savedRunResults(context);
    if (saved.kind === 'none')
        return asWritten(saved.reason);
    const { file, runResults } = saved;
    if (runResults.kind === 'unreadable') {
        return asWritten(`${RUN_RESULTS} is unreadable: ${runResults.reason}`);
    }
    if (runResults.results.length === 0)
        return asWritten(`${RUN_RESULTS} has no results`);
    if (runResults.which !== match.dbt.which) {
        return asWritten(runResults.which === null
            ? `${RUN_RESULTS} does not say which command wrote it (args.which)`
            : `${RUN_RESULTS} is from \`dbt ${runResults.which}\`, not \`dbt ${match.dbt.subcommand}\``);
    }
    const retrySet = dbtRetrySet(runResults, { warnError: warnsAsErrors(match, context.env) });
    const notRetried = whyNotRetry(match, runResults, retrySet);
    if (notRetried !== null)
        return asWritten(notRetried);
    const stateRoot = context.stateRoot.replace(/\/+$/, '');
    const storedDir = (0,relative_path/* dirName */.BB)(file.stored);
    const stateDir = storedDir === '.' ? stateRoot : `${stateRoot}/${storedDir}`;
    const { words } = match;
    const exec = (0,command_line/* quoteWords */.AD)([
        ...words.prefix,
        words.program,
        ...flagsBeforeRetry(match.dbt),
        'retry',
        '--state',
        stateDir,
        ...copyRetryFlags(match.dbt.args),
    ]);
    const manifestStored = storedDir === '.' ? dbt_fix_aware/* MANIFEST */.e0 : `${storedDir}/${dbt_fix_aware/* MANIFEST */.e0}`;
    const fixAware = (0,dbt_fix_aware/* planFixAware */.$r)({
        ...match,
        env: context.env,
        enabled: context.step.fixAware !== false,
        statuses: statusesOf(runResults, retrySet),
        manifest: context.files.find((saved) => saved.stored === manifestStored)?.content,
        stateDir,
        parentRun: context.parentRun ?? 'the parent run',
    });
    return {
        kind: 'retry',
        exec,
        restore: [],
        reason: `dbt retry re-runs only the failed and skipped nodes (${describeStatuses(runResults, retrySet)})${fixAware.reason}`,
        successExitCodes: dbt_RETRY_SUCCESS_EXIT_CODES,
        ...(fixAware.form === null ? {} : { fixAware: fixAware.form }),
    };
}
/** dbt 1.8+: node commands resume with `dbt retry --state <saved run_results.json dir>`. */
const dbtTool = {
    name: 'dbt',
    recognise(step) {
        const words = (0,tool/* simpleCommand */.s7)((0,command_line/* parseCommandLine */.Du)(step.run));
        const dbt = words === null ? null : (0,dbt_command/* parseDbtCommand */.V)(words);
        if (words === null || dbt === null || !RETRYABLE_SUBCOMMANDS.has(dbt.subcommand))
            return null;
        return { words, dbt };
    },
    configPaths,
    statePaths,
    stateRefusal,
    retryForm,
    retrySuccessExitCodes: dbt_RETRY_SUCCESS_EXIT_CODES,
    summarise(_match, files) {
        const content = (0,tool/* findFileContent */.de)(files, RUN_RESULTS);
        const runResults = content === null ? null : parseRunResults(content);
        if (runResults?.kind !== 'run-results')
            return tool/* NO_SUMMARY */.Nw;
        return { nodes: summariseRunResults(runResults), failedTests: null };
    },
};
//# sourceMappingURL=dbt.js.map
;// CONCATENATED MODULE: ./lib/src/core/tools/failed-tests.js
/**
 * What the test runners that re-run only their failed tests share (pytest and Playwright, both
 * with `--last-failed`): how a step is recognised, the retry form from the parent's state file,
 * the summary of that file, and the caps a record keeps test ids to. Each runner names only its
 * program, its state file and how to read it.
 */



/** Test ids as a record keeps them: at most `maxNodeIds`, each cut to `maxStringLength`. */
function capTestIds(ids) {
    return ids
        .slice(0, schema/* RECORD_LIMITS */.xA.maxNodeIds)
        .map((id) => id.slice(0, schema/* RECORD_LIMITS */.xA.maxStringLength));
}
/** The tool declaration of a test runner that re-runs its failed tests. */
function failedTestsTool(runner) {
    return {
        name: runner.name,
        recognise(step) {
            const line = (0,command_line/* parseCommandLine */.Du)(step.run);
            const words = (0,tool/* simpleCommand */.s7)(line);
            if (words === null || !runner.runs(words))
                return null;
            return { words, hasComment: line.hasComment };
        },
        statePaths: runner.statePaths,
        retryForm: (context) => failed_tests_retryForm(runner, context),
        retrySuccessExitCodes: runner.retrySuccessExitCodes,
        summarise(_match, files) {
            const content = (0,tool/* findFileContent */.de)(files, runner.stateFile);
            return { nodes: null, failedTests: content === null ? null : runner.readFailed(content) };
        },
    };
}
function failed_tests_retryForm(runner, context) {
    const { match, parent } = context;
    const asWritten = (reason) => ({ kind: 'as-written', reason });
    if (parent.exitCode !== 1) {
        return asWritten(`${runner.command} ${(0,tool/* describeEnd */.lA)(parent)}; only exit 1 (test failures) re-runs the failed tests`);
    }
    const [path] = runner.statePaths(match, context.env);
    if (path === undefined)
        return asWritten(runner.noStatePath);
    const file = (0,tool/* findParentFile */.WY)(context.files, [path], runner.stateFile);
    if (file?.content === undefined)
        return asWritten(`${runner.stateLabel} missing from the parent run`);
    const failed = runner.readFailed(file.content);
    if (failed === null)
        return asWritten(runner.unreadable);
    if (failed.length === 0)
        return asWritten(`${runner.stateLabel} lists no failed tests`);
    return {
        kind: 'retry',
        exec: (0,tool/* appendArguments */.Tc)(context.step.run, match, runner.retryArguments),
        restore: [{ from: file.stored, to: path }],
        reason: `${runner.command} --last-failed re-runs only the ${failed.length} failed test(s)`,
        successExitCodes: runner.retrySuccessExitCodes,
    };
}
//# sourceMappingURL=failed-tests.js.map
;// CONCATENATED MODULE: ./lib/src/core/tools/playwright.js




const LAST_RUN = '.last-run.json';
/** `<output dir>/.last-run.json`, honouring `--output` (default `test-results`). */
function playwright_statePaths(match, env) {
    const output = (0,command_line/* findFlagValue */.HH)(match.words.args, ['--output']);
    const dir = output === null ? 'test-results' : (0,command_line/* expandWord */.Vo)(output, (0,tool/* programEnv */.qV)(match.words, env));
    const path = (0,relative_path/* joinRelativePath */.C3)(dir, LAST_RUN);
    return path === null ? [] : [path];
}
/** The failed test ids of a `.last-run.json`, or null when it is not one. */
function readLastRun(content) {
    const data = (0,tool/* parseJson */.qF)(content);
    if (typeof data !== 'object' || data === null)
        return null;
    const failedTests = data.failedTests;
    if (!Array.isArray(failedTests))
        return null;
    return capTestIds(failedTests.filter((id) => typeof id === 'string'));
}
/** Playwright test (1.44+): re-runs only the failed tests with `--last-failed`. */
const playwrightTool = failedTestsTool({
    name: 'playwright',
    command: 'playwright test',
    // `playwright test`, `npx playwright test`.
    runs: (words) => words.programName === 'playwright' && words.args[0] === 'test',
    stateFile: LAST_RUN,
    stateLabel: LAST_RUN,
    statePaths: playwright_statePaths,
    noStatePath: `${LAST_RUN} is outside the working directory`,
    readFailed: readLastRun,
    unreadable: `${LAST_RUN} has no failedTests list`,
    retryArguments: ['--last-failed'],
    retrySuccessExitCodes: [0],
});
//# sourceMappingURL=playwright.js.map
;// CONCATENATED MODULE: ./lib/src/core/tools/pytest.js




const LAST_FAILED = 'lastfailed';
/** The `cache_dir` given with `-o cache_dir=X`, `-ocache_dir=X` or `--override-ini[=]cache_dir=X`. */
function cacheDirOverride(args) {
    let cacheDir = null;
    for (const [index, word] of args.entries()) {
        let setting;
        if (word === '-o' || word === '--override-ini')
            setting = args[index + 1];
        else if (word.startsWith('--override-ini='))
            setting = word.slice('--override-ini='.length);
        else if (word.startsWith('-o'))
            setting = word.slice(2);
        if (setting?.startsWith('cache_dir=') === true)
            cacheDir = setting.slice('cache_dir='.length);
    }
    return cacheDir;
}
/** True when the cache plugin is switched off (`-p no:cacheprovider`): pytest keeps no lastfailed. */
function cacheDisabled(args) {
    return args.some((word, index) => word === '-pno:cacheprovider' || (word === '-p' && args[index + 1] === 'no:cacheprovider'));
}
/** `<rootdir>/<cache_dir>/v/cache/lastfailed`; cache_dir is relative to rootdir. */
function pytest_statePaths(match, env) {
    const { args } = match.words;
    if (cacheDisabled(args))
        return [];
    const scoped = (0,tool/* programEnv */.qV)(match.words, env);
    const rootdir = (0,command_line/* findFlagValue */.HH)(args, ['--rootdir']);
    const cacheDir = cacheDirOverride(args);
    const path = (0,relative_path/* joinRelativePath */.C3)(rootdir === null ? '.' : (0,command_line/* expandWord */.Vo)(rootdir, scoped), cacheDir === null ? '.pytest_cache' : (0,command_line/* expandWord */.Vo)(cacheDir, scoped), 'v/cache', LAST_FAILED);
    return path === null ? [] : [path];
}
/** The test ids in a lastfailed file (`{"tests/test_a.py::test_x": true}`), or null if unreadable. */
function readLastFailed(content) {
    const data = (0,tool/* parseJson */.qF)(content);
    if (typeof data !== 'object' || data === null || Array.isArray(data))
        return null;
    return capTestIds(Object.keys(data));
}
/** pytest: re-runs only the failed tests with `--last-failed` from the restored cache. */
const pytestTool = failedTestsTool({
    name: 'pytest',
    command: 'pytest',
    // `pytest`, `py.test`, `python -m pytest`, also behind wrappers.
    runs: (words) => words.programName === 'pytest',
    stateFile: LAST_FAILED,
    stateLabel: 'pytest lastfailed',
    statePaths: pytest_statePaths,
    noStatePath: "pytest's cache is disabled or outside the working directory",
    readFailed: readLastFailed,
    unreadable: 'pytest lastfailed is not a JSON object',
    retryArguments: ['--last-failed', '--last-failed-no-failures', 'none'],
    // Exit 5 (no tests collected) after `--last-failed-no-failures none`: nothing is left failing.
    retrySuccessExitCodes: [0, 5],
});
//# sourceMappingURL=pytest.js.map
;// CONCATENATED MODULE: ./lib/src/core/tools/index.js








const TOOLS_BY_NAME = {
    custom: customTool,
    dbt: dbtTool,
    pytest: pytestTool,
    playwright: playwrightTool,
};
function bind(tool, step) {
    const match = tool.recognise(step);
    if (match === null)
        return null;
    return {
        name: tool.name,
        configPaths: (env) => tool.configPaths?.(match, env) ?? [],
        statePaths: (env, config) => tool.statePaths(match, env, config),
        stateRefusal: (env, config) => tool.stateRefusal?.(match, env, config) ?? null,
        retryForm: (context) => tool.retryForm({ ...context, match }),
        summarise: (files) => tool.summarise(match, files),
    };
}
/** In order of precedence: a step's own `retry-with` beats the tool its command runs. */
const BINDERS = [
    (step) => bind(customTool, step),
    (step) => bind(dbtTool, step),
    (step) => bind(pytestTool, step),
    (step) => bind(playwrightTool, step),
];
function findTool(step) {
    for (const binder of BINDERS) {
        const tool = binder(step);
        if (tool !== null)
            return tool;
    }
    return null;
}
/** The tool with a retry form that runs this step, or null (commands with shell operators have none). */
function recogniseTool(step) {
    return findTool(step)?.name ?? null;
}
/** Working-directory files to read before `statePathsFor` (dbt_project.yml), relative paths. */
function configPathsFor(params) {
    return findTool(params.step)?.configPaths(params.env) ?? [];
}
/**
 * The state files to save right after the step runs, relative to the working directory; `config`
 * holds the `configPathsFor` files that could be read, by path.
 */
function statePathsFor(params) {
    const config = params.config ?? new Map();
    return [...new Set(findTool(params.step)?.statePaths(params.env, config) ?? [])];
}
/** One line saying why the step's state is not saved although it could be, or null. */
function stateRefusalFor(params) {
    return findTool(params.step)?.stateRefusal(params.env, params.config) ?? null;
}
/** What the step's saved state files (keyed by the paths statePathsFor gave) say about it. */
function summariseStepState(params) {
    return findTool(params.step)?.summarise(params.files) ?? tool/* NO_SUMMARY */.Nw;
}
/**
 * How a step that failed in the parent is retried: its tool's retry form when that is safe,
 * else the command as written with the reason. `parentState` maps stored paths to contents.
 */
function retryFormFor(params) {
    const tool = findTool(params.step);
    if (tool === null) {
        const { compound } = (0,command_line/* parseCommandLine */.Du)(params.step.run);
        return {
            kind: 'as-written',
            reason: compound === null
                ? 'no tool retry form for this command'
                : `the command ${compound}, so no tool retry form applies`,
        };
    }
    const files = params.parent.state.map((file) => ({
        path: file.path,
        stored: file.stored,
        content: params.parentState.get(file.stored),
    }));
    return tool.retryForm({
        step: params.step,
        parent: params.parent,
        files,
        stateRoot: params.stateRoot,
        env: params.env,
        ...(params.parentRun === undefined ? {} : { parentRun: params.parentRun }),
    });
}
/** Exit codes that count as success for a planned step (pytest's retry form also accepts 5: nothing left). */
function successExitCodesFor(params) {
    if (params.action !== 'retry' || params.tool === null)
        return [0];
    return TOOLS_BY_NAME[params.tool].retrySuccessExitCodes;
}
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 2320:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nw: () => (/* binding */ NO_SUMMARY),
/* harmony export */   Tc: () => (/* binding */ appendArguments),
/* harmony export */   WY: () => (/* binding */ findParentFile),
/* harmony export */   de: () => (/* binding */ findFileContent),
/* harmony export */   lA: () => (/* binding */ describeEnd),
/* harmony export */   qF: () => (/* binding */ parseJson),
/* harmony export */   qV: () => (/* binding */ programEnv),
/* harmony export */   s7: () => (/* binding */ simpleCommand)
/* harmony export */ });
/* harmony import */ var _schedule_command_line_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8312);
/* harmony import */ var _relative_path_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4396);


/** The summary of a step whose tool leaves nothing to summarise. */
const NO_SUMMARY = { nodes: null, failedTests: null };
/** The first simple command of a line that is one command and nothing else, or null. */
function simpleCommand(line) {
    return line.compound === null ? line.first : null;
}
/** `env` with the command's own `VAR=value` assignments applied, as the program sees it. */
function programEnv(words, env) {
    const scoped = { ...env };
    for (const [name, value] of words.assignments)
        scoped[name] = (0,_schedule_command_line_js__WEBPACK_IMPORTED_MODULE_0__/* .expandWord */ .Vo)(value, env);
    return scoped;
}
/** The parent's saved copy of a state file: at one of `paths`, else any file with that base name. */
function findParentFile(files, paths, fileName) {
    return (files.find((file) => paths.includes(file.path)) ??
        files.find((file) => (0,_relative_path_js__WEBPACK_IMPORTED_MODULE_1__/* .baseName */ .Fl)(file.path) === fileName) ??
        null);
}
/** The content of the state file with that base name among files keyed by path. */
function findFileContent(files, fileName) {
    for (const [path, content] of files)
        if ((0,_relative_path_js__WEBPACK_IMPORTED_MODULE_1__/* .baseName */ .Fl)(path) === fileName)
            return content;
    return null;
}
/** The step's command with arguments appended; rebuilt from its words when a comment ends it. */
function appendArguments(command, line, extra) {
    const { words } = line;
    const base = line.hasComment
        ? (0,_schedule_command_line_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteWords */ .AD)([...words.prefix, words.program, ...words.args])
        : command.trimEnd();
    return `${base} ${(0,_schedule_command_line_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteWords */ .AD)(extra)}`;
}
/** Parse JSON without throwing: undefined when the text is not JSON. */
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** How a failed parent step ended, for reasons: "exited 2", "was stopped by SIGTERM". */
function describeEnd(parent) {
    if (parent.exitCode !== null)
        return `exited ${parent.exitCode}`;
    return parent.signal === null ? 'did not finish' : `was stopped by ${parent.signal}`;
}
//# sourceMappingURL=tool.js.map

/***/ })

};
