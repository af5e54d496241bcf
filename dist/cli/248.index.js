export const id = 248;
export const ids = [248];
export const modules = {

/***/ 5353:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ readRetryMode)
/* harmony export */ });
/* harmony import */ var _src_core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7657);
/* harmony import */ var _src_core_retry_mode_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4786);
/* harmony import */ var _src_core_schedule_step_ids_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2131);



/** The retry mode the flags ask for; more than one mode flag is a usage error. */
function readRetryMode(options) {
    const given = [options.all === true, options.from !== undefined, options.only !== undefined];
    if (given.filter(Boolean).length > 1) {
        throw new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('give at most one of --all, --from STEP and --only STEP,…');
    }
    if (options.all === true)
        return { kind: 'all' };
    if (options.from !== undefined)
        return { kind: 'from', step: readStep(options.from.trim()) };
    if (options.only !== undefined)
        return { kind: 'only', steps: readOnly(options.only) };
    return { kind: 'from-failure' };
}
function readStep(step) {
    if (step === '')
        throw new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('--from needs a step id: --from dbt-run');
    if (!(0,_src_core_schedule_step_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidStepId */ .oo)(step))
        throw new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--from: "${step}" is not a step id; ${_src_core_schedule_step_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .STEP_ID_RULE */ .S_}`);
    return step;
}
/** `--only` follows the one `only` rule of the retry-mode grammar (src/core/retry/mode.ts). */
function readOnly(text) {
    const list = (0,_src_core_retry_mode_js__WEBPACK_IMPORTED_MODULE_0__/* .readStepList */ .nK)(text);
    if (list.ok)
        return list.steps;
    switch (list.problem.kind) {
        case 'no-steps':
            throw new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('--only needs at least one step id: --only a,b');
        case 'empty-item':
            throw new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--only "${text}" has an empty step id: separate step ids with single commas`);
        case 'too-many':
            throw new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--only accepts at most ${_src_core_retry_mode_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_ONLY_STEPS */ .O4} step ids`);
        case 'bad-id':
            throw new _src_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--only: "${list.problem.id}" is not a step id; ${_src_core_schedule_step_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .STEP_ID_RULE */ .S_}`);
    }
}
//# sourceMappingURL=retry-mode-options.js.map

/***/ }),

/***/ 9321:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ET: () => (/* binding */ describeFlakyLines)
/* harmony export */ });
/* unused harmony exports LISTED_FLAKY, LISTED_FLAKY_INLINE, renderFlakySection, renderFlakyInline */
/* harmony import */ var _retry_flaky_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2704);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(536);


/**
 * What a run showed to be flaky (a node or test that failed, then passed on the same code), for
 * every report: the job summary and check run (Markdown), `gh-retry show` (text) and the bot's
 * `/retry` outcome line. Always bounded: the first few, then "+N more".
 */
/** Flaky nodes and tests a summary or check run names before "+N more". */
const LISTED_FLAKY = 20;
/** Flaky nodes and tests a one-line outcome (reply, terminal) names before "+N more". */
const LISTED_FLAKY_INLINE = 5;
/** The Markdown section of a run summary; '' when nothing was flaky. */
function renderFlakySection(record, link) {
    const all = listFlaky(record);
    if (all.length === 0)
        return '';
    const items = all.slice(0, LISTED_FLAKY).map(({ step, entry }) => {
        const message = entry.message === null ? '' : `: ${code(oneLine(entry.message, 200))}`;
        return `- ${code(entry.id)} (${entry.kind}, step ${code(step)}) failed in ${where(entry, link)}${message}, then passed`;
    });
    const more = all.length - items.length;
    return [
        `### Flaky (${all.length})`,
        'Failed, then passed on the same code: worth fixing, not just retrying.',
        [...items, ...(more > 0 ? [`- +${more} more`] : [])].join('\n'),
    ].join('\n\n');
}
/** Flaky ids as inline code, "+N more" past the first few: `` `a`, `b` +3 more``. */
function renderFlakyInline(record) {
    const all = listFlaky(record);
    const shown = all.slice(0, LISTED_FLAKY_INLINE).map(({ entry }) => code(entry.id));
    const more = all.length - shown.length;
    return `${shown.join(', ')}${more > 0 ? ` +${more} more` : ''}`;
}
/** Plain-text lines for a terminal: one per flaky node or test, bounded. */
function describeFlakyLines(record) {
    const all = (0,_retry_flaky_js__WEBPACK_IMPORTED_MODULE_0__/* .listFlaky */ .WP)(record);
    if (all.length === 0)
        return [];
    const lines = all.slice(0, LISTED_FLAKY).map(({ step, entry }) => {
        const message = entry.message === null ? '' : `: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(entry.message, 120)}`;
        return `  ${entry.id} (${entry.kind}, step ${step}) failed in ${entry.failedIn.run} attempt ${entry.failedIn.attempt}${message}`;
    });
    const more = all.length - lines.length;
    return [
        `flaky (failed, then passed on the same code): ${all.length}`,
        ...lines,
        ...(more > 0 ? [`  +${more} more`] : []),
    ];
}
function where(entry, link) {
    return `${link(entry.failedIn.run)}, attempt ${entry.failedIn.attempt}`;
}
//# sourceMappingURL=flaky-report.js.map

/***/ }),

/***/ 536:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SR: () => (/* binding */ fitNewest),
  TN: () => (/* binding */ oneLine)
});

// UNUSED EXPORTS: INLINE_TEXT_MAX, JOB_SUMMARY_LIMIT, MARKDOWN_LIMIT, SHORTENED_NOTE, STATUS_ICONS, code, fitMarkdown, login, plain, runLabel, runLink, summaryRoom

;// CONCATENATED MODULE: ./lib/src/core/utf8.js
/**
 * UTF-8 sizes: GitHub limits a check run's summary and text in bytes, not characters, and an
 * icon or a non-Latin name takes several bytes per character.
 */
/** The UTF-8 length of a code point. */
function codePointBytes(codePoint) {
    if (codePoint < 0x80)
        return 1;
    if (codePoint < 0x800)
        return 2;
    return codePoint < 0x10000 ? 3 : 4;
}
/** The UTF-8 length of a string. */
function utf8_utf8Length(text) {
    let bytes = 0;
    for (const char of text)
        bytes += codePointBytes(char.codePointAt(0) ?? 0);
    return bytes;
}
/** The longest start of `text`, in whole characters, that fits in `max` bytes. */
function utf8_startWithinBytes(text, max) {
    let bytes = 0;
    let end = 0;
    for (const char of text) {
        bytes += codePointBytes(char.codePointAt(0) ?? 0);
        if (bytes > max)
            break;
        end += char.length;
    }
    return text.slice(0, end);
}
/** The longest end of `text`, in whole characters, that fits in `max` bytes. */
function endWithinBytes(text, max) {
    const chars = Array.from(text);
    let bytes = 0;
    let start = chars.length;
    while (start > 0) {
        bytes += codePointBytes(chars[start - 1]?.codePointAt(0) ?? 0);
        if (bytes > max)
            break;
        start -= 1;
    }
    return chars.slice(start).join('');
}
//# sourceMappingURL=utf8.js.map
;// CONCATENATED MODULE: ./lib/src/core/report/markdown.js


/**
 * The Markdown-safety primitives every surface that writes Markdown goes through (job summary,
 * check run, reply). Everything taken from a record or an API answer is untrusted: it is shown in
 * code spans or escaped, so it cannot mention people, link elsewhere, or break the layout.
 *
 * Two fit policies, on purpose: {@link fitMarkdown} keeps the head and tail of a report and cuts
 * its body (a summary's end says how to retry); {@link fitNewest} keeps the newest part of a log
 * and drops the oldest (a check run's retry log grows at the end).
 */
/** The longest untrusted text shown inline (a code span or an escaped name) in a report. */
const INLINE_TEXT_MAX = 300;
/** GitHub's limit for a check run's `output.summary` and for a comment body. */
const MARKDOWN_LIMIT = 65_535;
/**
 * GitHub's limit for one step's job summary (`GITHUB_STEP_SUMMARY`): past 1 MiB the runner drops
 * the step's whole summary ("upload aborted, supports content up to a size of 1024k").
 */
const JOB_SUMMARY_LIMIT = (/* unused pure expression or super */ null && (1024 * 1024));
/** Below this much room, a summary would say nothing useful: better none, and a warning. */
const MIN_SUMMARY_ROOM = 1024;
/**
 * The bytes a report may take in a step summary that already holds `usedBytes` (what the step's
 * commands wrote to it), or null when too little room is left for one.
 */
function summaryRoom(usedBytes) {
    const room = Math.min(MARKDOWN_LIMIT, JOB_SUMMARY_LIMIT - usedBytes - 2);
    return room < MIN_SUMMARY_ROOM ? null : room;
}
/** One icon per step or run status, for every report. */
const STATUS_ICONS = {
    success: '✅',
    failed: '❌',
    skipped: '⏭️',
    reused: '♻️',
    cancelled: '🚫',
};
const SHORTENED_NOTE = '_Shortened to fit GitHub’s size limit; the run record has every detail._';
/** Join head, body and tail; past `max`, cut the body at a line end and say so, keeping head and tail. */
function fitMarkdown(params) {
    const join = (parts) => parts.filter((p) => p !== '').join('\n\n');
    const full = join([params.head, ...params.body, params.tail]);
    // Limits are in UTF-8 bytes (GitHub's check-run limit), which also keeps character limits.
    if (utf8Length(full) <= params.max)
        return full;
    const fixed = utf8Length(join([params.head, SHORTENED_NOTE, params.tail])) + 4;
    const room = startWithinBytes(join(params.body), Math.max(0, params.max - fixed));
    const cut = room.lastIndexOf('\n');
    const shortened = join([
        params.head,
        cut > 0 ? room.slice(0, cut) : '',
        SHORTENED_NOTE,
        params.tail,
    ]);
    return utf8Length(shortened) <= params.max
        ? shortened
        : `${startWithinBytes(shortened, params.max - 3)}…`;
}
/** A run named by a record id: linked `#123` for a GitHub run, else the id as code. */
function runLabel(recordId, runUrl) {
    const run = parseRecordRunId(recordId);
    if (run === null)
        return code(recordId);
    const attempt = run.attempt !== null && run.attempt > 1 ? ` (attempt ${run.attempt})` : '';
    return `${runLink(run.runId, runUrl)}${attempt}`;
}
/** `[#123](url)`; without a URL `run 123` as code, because a bare `#123` links to an issue. */
function runLink(runId, runUrl) {
    return runUrl === undefined ? `run ${code(String(runId))}` : `[#${runId}](${runUrl(runId)})`;
}
/** A GitHub login as a mention; anything that is not a login, as code. */
function login(name) {
    return /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/.test(name) ? `@${name}` : code(name);
}
/** Untrusted text as an inline code span on one line. */
function code(text) {
    const clean = oneLine(text, INLINE_TEXT_MAX);
    const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    return clean.startsWith('`') || clean.endsWith('`') || longest > 0
        ? `${fence} ${clean} ${fence}`
        : `${fence}${clean}${fence}`;
}
/** Untrusted text as plain Markdown: punctuation escaped, mentions defused, one line. */
function plain(text, max = INLINE_TEXT_MAX) {
    return oneLine(text, max)
        .replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&')
        .replace(/@/g, '@\u2060');
}
/** Text on one line (whitespace runs become one space), cut to `max` characters with `…`. */
function oneLine(text, max) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
/** Past `max`, drop the oldest part of `text` at a line end and say so: the newest lines matter. */
function fitNewest(text, max = MARKDOWN_LIMIT) {
    if (utf8_utf8Length(text) <= max)
        return text;
    const end = endWithinBytes(text, max - 40);
    const cut = end.indexOf('\n');
    return `_Older entries were dropped._\n\n${end.slice(cut + 1)}`;
}
//# sourceMappingURL=markdown.js.map

/***/ }),

/***/ 8136:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Am: () => (/* binding */ renderRunTable),
/* harmony export */   Qi: () => (/* binding */ renderPlanTable),
/* harmony export */   kr: () => (/* binding */ listWithMore)
/* harmony export */ });
/* unused harmony exports LISTED_FAILURES, describeLineage, describeNodeCounts, reusedFilesNote */
/* harmony import */ var _retry_in_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5062);
/* harmony import */ var _retry_mode_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4786);
/* harmony import */ var _tools_dbt_node_status_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5370);
/* harmony import */ var _flaky_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9321);
/* harmony import */ var _text_table_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1609);





/** How many failed nodes or tests a report names before "+N more". */
const LISTED_FAILURES = 10;
const MAX_COMMAND_WIDTH = 100;
/** The lineage of a run in one line: `retry 2 of r-1, from r-3 (mode from-failure)`. */
function describeLineage(lineage) {
    if (lineage.parent === null)
        return `first run (${lineage.trigger})`;
    const mode = lineage.mode === null ? '' : ` (mode ${(0,_retry_mode_js__WEBPACK_IMPORTED_MODULE_1__/* .formatRetryMode */ .Zj)(lineage.mode)})`;
    return `retry ${lineage.retryNumber} of ${lineage.root}, from ${lineage.parent}${mode}`;
}
/** dbt node counts in one line, most common status first: `10 success, 1 error, 2 skipped`. */
function describeNodeCounts(nodes) {
    const counts = Object.entries(nodes.counts)
        .filter(([, count]) => count > 0)
        .sort(([, a], [, b]) => b - a)
        .map(([status, count]) => `${count} ${status}`);
    return counts.length === 0 ? 'no nodes' : counts.join(', ');
}
/** Names with "+N more" past the first LISTED_FAILURES. */
function listWithMore(names, total = names.length) {
    const shown = names.slice(0, LISTED_FAILURES).join(', ');
    const more = total - Math.min(names.length, LISTED_FAILURES);
    return more > 0 ? `${shown} +${more} more` : shown;
}
/** What ran for a step: the executed command (retry form marked), or where its success came from. */
function describeExecuted(step) {
    if (step.executed === null) {
        return step.status === 'reused' && step.reusedFrom !== null
            ? `reused from ${step.reusedFrom}`
            : '-';
    }
    const command = (0,_text_table_js__WEBPACK_IMPORTED_MODULE_3__/* .truncateText */ .EJ)(step.executed, MAX_COMMAND_WIDTH);
    return step.action === 'retry' ? `${command} (retry form)` : command;
}
/** Extra lines under a step: dbt nodes and failed tests. */
function detailRows(step) {
    const rows = [];
    const { nodes } = step;
    if (nodes !== null) {
        rows.push([
            '',
            '',
            '',
            `nodes: ${describeNodeCounts(nodes)}${nodes.merged ? mergedWith(step) : ''}`,
        ]);
        const failedCount = Object.entries(nodes.counts)
            .filter(([status]) => (0,_tools_dbt_node_status_js__WEBPACK_IMPORTED_MODULE_4__/* .isFailedNodeStatus */ .I)(status))
            .reduce((sum, [, count]) => sum + count, 0);
        if (nodes.failed.length > 0) {
            const names = nodes.failed.map((node) => `${node.id} (${node.status})`);
            rows.push([
                '',
                '',
                '',
                `failed: ${listWithMore(names, Math.max(failedCount, names.length))}`,
            ]);
        }
    }
    if (step.failedTests !== null && step.failedTests.length > 0) {
        rows.push(['', '', '', `failed tests: ${listWithMore(step.failedTests)}`]);
    }
    const attempts = step.attemptLog ?? [];
    for (const attempt of attempts) {
        rows.push(['', '', '', (0,_retry_in_run_js__WEBPACK_IMPORTED_MODULE_0__/* .describeAttempt */ .Be)(attempt, attempts.length, step.tool)]);
    }
    return rows;
}
function mergedWith(step) {
    return step.action === 'retry'
        ? ' (merged with the parent run)'
        : ' (merged across its attempts)';
}
/** A plain-text report of a run for a terminal: header, lineage, and one row per step, what was flaky. */
function renderRunTable(record) {
    const header = `Run ${record.id} (${record.name}): ${record.status} in ${(0,_text_table_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(record.durationMs)}`;
    const lines = [header, describeLineage(record.lineage)];
    if (record.nothingToRetry)
        lines.push('nothing to retry');
    const rows = record.steps.flatMap((step) => [
        [
            step.id,
            step.status,
            step.executed === null ? '-' : (0,_text_table_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(step.durationMs),
            describeExecuted(step),
        ],
        ...detailRows(step),
    ]);
    const flaky = (0,_flaky_report_js__WEBPACK_IMPORTED_MODULE_2__/* .describeFlakyLines */ .ET)(record);
    return [
        ...lines,
        '',
        (0,_text_table_js__WEBPACK_IMPORTED_MODULE_3__/* .renderTextTable */ .K$)(['STEP', 'STATUS', 'DURATION', 'WHAT RAN'], rows),
        ...(flaky.length === 0 ? [] : ['', ...flaky]),
    ].join('\n');
}
/** A plain-text retry plan: one row per step with its action, the exact command and the reason. */
function renderPlanTable(plan) {
    const header = `Plan: retry of ${plan.parent} (root ${plan.root}), mode ${(0,_retry_mode_js__WEBPACK_IMPORTED_MODULE_1__/* .formatRetryMode */ .Zj)(plan.mode)}`;
    const lines = plan.nothingToRetry ? [header, 'nothing to retry'] : [header];
    const rows = plan.steps.flatMap((step) => [
        [
            step.id,
            step.action,
            step.exec === null ? '-' : (0,_text_table_js__WEBPACK_IMPORTED_MODULE_3__/* .truncateText */ .EJ)(step.exec, MAX_COMMAND_WIDTH),
            step.reason,
        ],
        ...step.restore.map((file) => ['', '', `restores ${file.to}`, '']),
        ...(step.inRunRetries === undefined ? [] : [['', '', `in-run: ${step.inRunRetries}`, '']]),
    ]);
    return [...lines, '', (0,_text_table_js__WEBPACK_IMPORTED_MODULE_3__/* .renderTextTable */ .K$)(['STEP', 'ACTION', 'EXEC', 'REASON'], rows)].join('\n');
}
/**
 * When a plan reuses steps, the plain words a retry on a fresh runner needs: reused steps do not
 * run, so the files they made are not there. Null when nothing is reused.
 */
function reusedFilesNote(plan) {
    const reused = plan.steps.filter((step) => step.action === 'reuse').map((step) => step.id);
    if (reused.length === 0)
        return null;
    return `Reused steps do not run on this fresh runner, so files they made are not here: ${reused.join(', ')}. Mark a step "setup: true" if later steps need its files.`;
}
//# sourceMappingURL=text.js.map

/***/ }),

/***/ 3100:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $Q: () => (/* binding */ CONDITION_KEYS),
  Yz: () => (/* binding */ conditionsSchema),
  GT: () => (/* binding */ describeConditions),
  O4: () => (/* binding */ findConditionMatch)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(2857);
;// CONCATENATED MODULE: ./lib/src/core/retry/patterns.js
/** Condition patterns of `.github/gh-retry.yml` (`output-patterns`, `dbt-errors`), compiled safely. */
/** Longest pattern in `output-patterns` / `dbt-errors`. */
const MAX_PATTERN_LENGTH = 200;
/**
 * Compile a condition pattern. `/body/flags` (flags from `imsu`; `g` and `y` would make matching
 * stateful) is always a regular expression;
 * otherwise `style` decides. Nested quantifiers such as `(a+)+` are refused: they can take
 * exponential time on a crafted output tail.
 */
function compilePattern(text, style) {
    if (text.length === 0 || text.length > MAX_PATTERN_LENGTH) {
        return { kind: 'invalid', message: `must be 1 to ${MAX_PATTERN_LENGTH} characters` };
    }
    const slashed = /^\/(.+)\/([imsu]*)$/s.exec(text);
    if (slashed === null && style === 'substring') {
        return { kind: 'ok', regex: new RegExp(text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'i') };
    }
    const body = slashed?.[1] ?? text;
    const flags = slashed?.[2] ?? '';
    if (!/^[imsu]*$/.test(flags))
        return { kind: 'invalid', message: 'flags may only be i, m, s and u' };
    if (/\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\d*\})/.test(body)) {
        return { kind: 'invalid', message: 'nested quantifiers such as (a+)+ are not allowed' };
    }
    try {
        return { kind: 'ok', regex: new RegExp(body, flags) };
    }
    catch (error) {
        return {
            kind: 'invalid',
            message: `not a valid regular expression (${error.message})`,
        };
    }
}
//# sourceMappingURL=patterns.js.map
;// CONCATENATED MODULE: ./lib/src/core/retry/conditions.js
/**
 * Failure conditions, one grammar for the bot's retry policies (`conditions:` in
 * `.github/gh-retry.yml`) and a schedule step's in-run retries (`retry-on:`):
 *
 *   exit-codes: [1]                                   # exit code of the failed command
 *   output-patterns: ["Connection reset", "/timeout/i"]   # regular expressions on its output tail
 *   dbt-errors: ["deadlock", "/could not serialize/i"]    # failed dbt node messages: substring or /regex/flags
 *
 * Any single match counts; a key left out is not used.
 */


/** The keys of a conditions mapping. */
const CONDITION_KEYS = ['exit-codes', 'output-patterns', 'dbt-errors'];
const patternList = (style) => schemas/* array */.YOg(schemas/* string */.YjP({ error: 'each pattern must be a string' }).superRefine((text, ctx) => {
    const compiled = compilePattern(text, style);
    if (compiled.kind === 'invalid')
        ctx.addIssue({ code: 'custom', message: compiled.message });
}), { error: 'must be a list of patterns' })
    .min(1, 'list at least one pattern, or leave the key out')
    .max(20, 'at most 20 patterns');
const conditionsShape = {
    'exit-codes': schemas/* array */.YOg(schemas/* number */.aig({ error: 'each exit code must be a number' })
        .int('exit codes are whole numbers')
        .min(0, 'exit codes are 0–255')
        .max(255, 'exit codes are 0–255'), { error: 'must be a list of exit codes' })
        .min(1, 'list at least one exit code, or leave the key out')
        .max(50, 'at most 50 exit codes')
        .optional(),
    'output-patterns': patternList('regex').optional(),
    'dbt-errors': patternList('substring').optional(),
};
/** A conditions mapping: unknown keys name the allowed ones; at least one key must be set. */
const conditionsSchema = schemas/* strictObject */.rej(conditionsShape, {
    error: (issue) => issue.code === 'unrecognized_keys'
        ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}; allowed: ${CONDITION_KEYS.join(', ')}`
        : 'must be a mapping',
})
    .refine((c) => Object.values(c).some((v) => v !== undefined), {
    message: `set at least one of ${CONDITION_KEYS.join(', ')}`,
    // Only for an otherwise valid mapping: an unknown key already says what is wrong.
    when: (payload) => payload.issues.length === 0,
})
    .transform((c) => ({
    exitCodes: c['exit-codes'] ?? [],
    outputPatterns: c['output-patterns'] ?? [],
    dbtErrors: c['dbt-errors'] ?? [],
}));
/** The first failure fact that meets a condition, in words; null when none does. */
function findConditionMatch(conditions, failures) {
    const output = compileAll(conditions.outputPatterns, 'regex');
    const dbt = compileAll(conditions.dbtErrors, 'substring');
    for (const step of failures) {
        if (step.exitCode !== null && conditions.exitCodes.includes(step.exitCode)) {
            return `step ${step.id} exited ${step.exitCode}`;
        }
        const outputHit = output.find((p) => p.regex.test(step.outputTail));
        if (outputHit)
            return `output of step ${step.id} matches ${outputHit.text}`;
        for (const node of step.nodes?.failed ?? []) {
            const dbtHit = dbt.find((p) => node.message !== null && p.regex.test(node.message));
            if (dbtHit)
                return `dbt node ${node.id} in step ${step.id} failed with a message matching ${dbtHit.text}`;
        }
    }
    return null;
}
/** The conditions in one line, as written: `exit-codes 2, 3; dbt-errors "timeout"`. */
function describeConditions(conditions) {
    const parts = [
        ...(conditions.exitCodes.length > 0 ? [`exit-codes ${conditions.exitCodes.join(', ')}`] : []),
        ...(conditions.outputPatterns.length > 0
            ? [`output-patterns ${conditions.outputPatterns.map((p) => JSON.stringify(p)).join(', ')}`]
            : []),
        ...(conditions.dbtErrors.length > 0
            ? [`dbt-errors ${conditions.dbtErrors.map((p) => JSON.stringify(p)).join(', ')}`]
            : []),
    ];
    return parts.join('; ');
}
function compileAll(patterns, style) {
    return patterns.flatMap((text) => {
        const compiled = compilePattern(text, style);
        // The readers reject invalid patterns; one that still fails here simply never matches.
        return compiled.kind === 'ok' ? [{ text, regex: compiled.regex }] : [];
    });
}
//# sourceMappingURL=conditions.js.map

/***/ }),

/***/ 2161:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L6: () => (/* binding */ MAX_DELAY_SECONDS),
/* harmony export */   Xo: () => (/* binding */ formatSeconds),
/* harmony export */   fL: () => (/* binding */ parseSeconds)
/* harmony export */ });
/* unused harmony export parseDelay */
/** Durations in configuration: seconds, or "90s", "5m", "1h" (a retry policy's `delay`, a step's `retry-delay`). */
/** The longest `delay`: one hour. */
const MAX_DELAY_SECONDS = 3600;
/** Seconds from `300`, `"300"`, `"90s"`, `"5m"`, `"1h"`; null when malformed or above the limit. */
function parseDelay(value) {
    return parseSeconds(value, MAX_DELAY_SECONDS);
}
/** Whole seconds from 0 to `max` written as a number or a duration; null otherwise. */
function parseSeconds(value, max) {
    const seconds = typeof value === 'number' ? value : parseDuration(value);
    return Number.isInteger(seconds) && seconds >= 0 && seconds <= max ? seconds : null;
}
/** A number of seconds the way it is written in configuration: `45s`, `2m`, `1h`, `90s`. */
function formatSeconds(seconds) {
    if (seconds >= 3600 && seconds % 3600 === 0)
        return `${seconds / 3600}h`;
    if (seconds >= 60 && seconds % 60 === 0)
        return `${seconds / 60}m`;
    return `${seconds}s`;
}
const DURATION_UNITS = { '': 1, s: 1, m: 60, h: 3600 };
function parseDuration(text) {
    const match = /^\s*(\d{1,5})\s*([smh]?)\s*$/.exec(text);
    return match ? Number(match[1]) * (DURATION_UNITS[match[2] ?? ''] ?? NaN) : NaN;
}
//# sourceMappingURL=duration.js.map

/***/ }),

/***/ 2704:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tt: () => (/* binding */ markFlaky),
/* harmony export */   WP: () => (/* binding */ listFlaky)
/* harmony export */ });
/* unused harmony export detectFlaky */
/* harmony import */ var _run_record_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6097);

/** The record with each step's `flaky` list filled (left out where nothing was flaky). */
function markFlaky(input) {
    const found = detectFlaky(input);
    if (found.size === 0)
        return input.record;
    return {
        ...input.record,
        steps: input.record.steps.map((step) => {
            const flaky = found.get(step.id);
            return flaky === undefined ? step : { ...step, flaky };
        }),
    };
}
/** Flaky entries by step id; steps with none are absent. */
function detectFlaky(input) {
    const { record, parent } = input;
    const modified = input.modified ?? new Set();
    const sameCommit = parent !== null && record.git.sha !== null && record.git.sha === parent.git.sha;
    const parentSteps = new Map((parent?.steps ?? []).map((step) => [step.id, step]));
    const found = new Map();
    for (const step of record.steps) {
        if (!ranHere(step))
            continue;
        const parentStep = parentSteps.get(step.id);
        // A fix-aware retry that rebuilt nodes found the project changed since the parent (even on the
        // same commit, with uncommitted edits): a pass there may be the fix, so nothing is a flake.
        const changed = (step.fixAware?.added.length ?? 0) > 0;
        const entries = [
            ...(sameCommit && !changed && parentStep !== undefined
                ? acrossChain({ step, parentStep, parentId: parent.id, modified })
                : []),
            ...withinStep(step, record.id),
        ];
        const unique = dedupe(entries).slice(0, _run_record_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .RECORD_LIMITS */ .xA.maxNodeIds);
        if (unique.length > 0)
            found.set(step.id, unique);
    }
    return found;
}
/** Every flaky entry of a record with its step, in step order. */
function listFlaky(record) {
    return record.steps.flatMap((step) => (step.flaky ?? []).map((entry) => ({ step: step.id, entry })));
}
/** A step that ran its command in this run and finished (not reused, carried or cut short). */
function ranHere(step) {
    return (step.executed !== null &&
        step.carriedFrom == null &&
        (step.status === 'success' || step.status === 'failed'));
}
function acrossChain(params) {
    const { step, parentStep, parentId, modified } = params;
    // A failure the parent only carried from an earlier run may be from another commit.
    if (!ranHere(parentStep) || parentStep.status !== 'failed')
        return [];
    const failedIn = { run: parentId, attempt: lastAttempt(parentStep) };
    const nodes = (parentStep.nodes?.failed ?? [])
        .filter((node) => !modified.has(node.id) && nodePassed(node.id, step))
        .map((node) => ({ id: node.id, kind: 'node', failedIn, message: node.message }));
    const tests = (parentStep.failedTests ?? [])
        .filter((test) => testPassed(test, step))
        .map((test) => ({ id: test, kind: 'test', failedIn, message: null }));
    return [...nodes, ...tests];
}
function withinStep(step, runId) {
    const log = step.attemptLog ?? [];
    const entries = [];
    for (const [index, attempt] of log.entries()) {
        const later = log.slice(index + 1);
        const failedIn = { run: runId, attempt: attempt.number };
        const nextNodes = later.find((a) => a.nodes !== null);
        for (const node of attempt.nodes?.failed ?? []) {
            if (nextNodes !== undefined && nodePassed(node.id, nextNodes))
                entries.push({ id: node.id, kind: 'node', failedIn, message: node.message });
        }
        const nextTests = later.find((a) => a.failedTests !== null || a.exitCode === 0);
        for (const test of attempt.failedTests ?? []) {
            if (nextTests !== undefined && testPassed(test, nextTests))
                entries.push({ id: test, kind: 'test', failedIn, message: null });
        }
    }
    return entries;
}
/** Ran and neither failed nor was skipped in a later picture of the same selection. */
function nodePassed(id, later) {
    const { nodes } = later;
    if (nodes === null)
        return false;
    return !nodes.failed.some((node) => node.id === id) && !nodes.skipped.includes(id);
}
function testPassed(id, later) {
    return later.failedTests === null ? later.exitCode === 0 : !later.failedTests.includes(id);
}
function lastAttempt(step) {
    return step.attemptLog?.at(-1)?.number ?? Math.max(1, step.attempts);
}
/** The first entry per node or test: the earliest failure is the one worth naming. */
function dedupe(entries) {
    const seen = new Set();
    return entries.filter((entry) => {
        const key = `${entry.kind}\0${entry.id}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
//# sourceMappingURL=flaky.js.map

/***/ }),

/***/ 5062:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Be: () => (/* binding */ describeAttempt),
/* harmony export */   KZ: () => (/* binding */ describeInRunRetries),
/* harmony export */   tj: () => (/* binding */ inRunDelaySeconds)
/* harmony export */ });
/* unused harmony export toolRetryFormName */
/* harmony import */ var _conditions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3100);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2161);
/* harmony import */ var _words_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6341);



/** Seconds to wait before in-run retry `retry` (1 before the second attempt): bounded by the cap. */
function inRunDelaySeconds(delay, retry) {
    if (delay === undefined)
        return 0;
    const grown = delay.initialSeconds * delay.factor ** Math.max(0, retry - 1);
    return Math.min(delay.maxSeconds, Math.round(grown));
}
/** The name of a tool's retry form, as reports show it. */
function toolRetryFormName(tool) {
    switch (tool) {
        case 'dbt':
            return 'dbt retry';
        case 'pytest':
            return 'pytest --last-failed';
        case 'playwright':
            return 'playwright test --last-failed';
        case 'custom':
            return 'its retry-with command';
        case null:
            return 'retry form';
    }
}
/** A step's in-run retries for the plan, or undefined when it has none. */
function describeInRunRetries(step, tool) {
    if (step.retries === 0 && step.attemptTimeoutSeconds === undefined)
        return undefined;
    const parts = [];
    if (step.retries > 0) {
        const more = `up to ${(0,_words_js__WEBPACK_IMPORTED_MODULE_2__/* .counted */ .h)(step.retries, 'more attempt')}`;
        const form = tool === null ? 'as written' : `in ${toolRetryFormName(tool)} form when it applies`;
        parts.push(`${more} ${form}`);
    }
    const { retryDelay, attemptTimeoutSeconds, retryOn } = step;
    if (retryDelay !== undefined)
        parts.push(describeDelay(retryDelay));
    if (attemptTimeoutSeconds !== undefined) {
        parts.push(`each attempt stopped after ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatSeconds */ .Xo)(attemptTimeoutSeconds)}`);
    }
    if (retryOn !== undefined)
        parts.push(`only on ${(0,_conditions_js__WEBPACK_IMPORTED_MODULE_0__/* .describeConditions */ .GT)(retryOn)}`);
    return parts.join('; ');
}
function describeDelay(delay) {
    if (delay.factor === 1 || delay.initialSeconds === delay.maxSeconds) {
        return `${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatSeconds */ .Xo)(delay.initialSeconds)} between attempts`;
    }
    return `waits ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatSeconds */ .Xo)(delay.initialSeconds)}, ×${delay.factor} each time up to ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatSeconds */ .Xo)(delay.maxSeconds)}`;
}
/** One attempt in a line: `attempt 2 of 3: dbt retry (6 nodes) exit 0`. */
function describeAttempt(attempt, total, tool) {
    const form = attempt.form === 'as-written'
        ? 'as written'
        : attempt.form === 'retry-with'
            ? 'retry-with'
            : toolRetryFormName(tool);
    const work = describeWork(attempt);
    const end = attempt.exitCode !== null
        ? `exit ${attempt.exitCode}`
        : attempt.signal === null
            ? 'did not finish'
            : `stopped by ${attempt.signal}`;
    return `attempt ${attempt.number} of ${total}: ${form}${work === '' ? '' : ` (${work})`} ${end}`;
}
function describeWork(attempt) {
    if (attempt.nodes !== null) {
        const count = nodeCount(attempt.nodes);
        return (0,_words_js__WEBPACK_IMPORTED_MODULE_2__/* .counted */ .h)(count, 'node');
    }
    const failed = attempt.failedTests?.length ?? 0;
    return failed > 0 ? (0,_words_js__WEBPACK_IMPORTED_MODULE_2__/* .counted */ .h)(failed, 'failed test') : '';
}
function nodeCount(nodes) {
    return Object.values(nodes.counts).reduce((sum, count) => sum + count, 0);
}
//# sourceMappingURL=in-run.js.map

/***/ }),

/***/ 5370:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ isFailedNodeStatus),
/* harmony export */   c: () => (/* binding */ FAILED_NODE_STATUSES)
/* harmony export */ });
/** dbt node statuses (run_results.json `status`) that count as failed: listed with their message and counted as failed in reports. */
const FAILED_NODE_STATUSES = [
    'error',
    'fail',
    'runtime error',
    'partial success',
];
/** True when a dbt node status counts as failed. */
function isFailedNodeStatus(status) {
    return FAILED_NODE_STATUSES.includes(status);
}
//# sourceMappingURL=dbt-node-status.js.map

/***/ }),

/***/ 6341:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ counted)
/* harmony export */ });
/** Small helpers for text people read. */
/** `1 step`, `2 steps`: a count with its noun, plural when the count is not 1. */
function counted(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
//# sourceMappingURL=words.js.map

/***/ })

};
