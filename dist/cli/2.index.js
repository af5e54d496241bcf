export const id = 2;
export const ids = [2];
export const modules = {

/***/ 1142:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TE: () => (/* binding */ toShowJson),
/* harmony export */   s$: () => (/* binding */ jsonText),
/* harmony export */   xu: () => (/* binding */ toPlanJson)
/* harmony export */ });
/* harmony import */ var _src_core_retry_mode_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4786);

/** The text of every `--json` output: the value, indented by two, and a newline. */
function jsonText(value) {
    return `${JSON.stringify(value, null, 2)}\n`;
}
/** The plan as `plan --json` prints it, with what each fix-aware step's probe found. */
function toPlanJson(plan, fixAware = new Map()) {
    return {
        parent: plan.parent,
        mode: (0,_src_core_retry_mode_js__WEBPACK_IMPORTED_MODULE_0__/* .formatRetryMode */ .Zj)(plan.mode),
        nothingToRetry: plan.nothingToRetry,
        steps: plan.steps.map((step) => {
            const found = fixAware.get(step.id);
            return {
                id: step.id,
                command: step.command,
                action: step.action,
                exec: step.exec,
                reason: step.reason,
                ...(step.inRunRetries === undefined ? {} : { inRunRetries: step.inRunRetries }),
                ...(found === undefined ? {} : { fixAware: found }),
            };
        }),
    };
}
/** A run record as `show --json` prints it. */
function toShowJson(record) {
    const { lineage } = record;
    return {
        id: record.id,
        status: record.status,
        lineage: {
            parent: lineage.parent,
            root: lineage.root,
            retryNumber: lineage.retryNumber,
            mode: lineage.mode === null ? null : (0,_src_core_retry_mode_js__WEBPACK_IMPORTED_MODULE_0__/* .formatRetryMode */ .Zj)(lineage.mode),
        },
        steps: record.steps.map((step) => ({
            id: step.id,
            command: step.command,
            executed: step.executed,
            status: step.status,
            exitCode: step.exitCode,
            ...(step.fixAware == null
                ? {}
                : { fixAware: { added: step.fixAware.added, reason: step.fixAware.reason } }),
            ...(step.nodes === null
                ? {}
                : {
                    nodes: {
                        counts: step.nodes.counts,
                        failed: step.nodes.failed.map((node) => node.id),
                        skipped: step.nodes.skipped,
                    },
                }),
            ...(step.flaky === undefined || step.flaky.length === 0 ? {} : { flaky: step.flaky }),
            ...(step.attemptLog === undefined
                ? {}
                : {
                    attempts: step.attemptLog.map((attempt) => ({
                        number: attempt.number,
                        executed: attempt.executed,
                        form: attempt.form,
                        exitCode: attempt.exitCode,
                        durationMs: attempt.durationMs,
                        failedTests: attempt.failedTests,
                        nodes: attempt.nodes?.counts ?? null,
                    })),
                }),
        })),
    };
}
//# sourceMappingURL=json-output.js.map

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
