export const id = 235;
export const ids = [235];
export const modules = {

/***/ 3788:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FLAKY_LIMITS: () => (/* binding */ FLAKY_LIMITS),
  flakyCommand: () => (/* binding */ flakyCommand),
  printRanking: () => (/* binding */ printRanking),
  readCount: () => (/* binding */ readCount)
});

// EXTERNAL MODULE: ./lib/src/core/errors.js
var errors = __webpack_require__(7657);
// EXTERNAL MODULE: ./lib/src/core/report/text-table.js
var text_table = __webpack_require__(1609);
// EXTERNAL MODULE: ./lib/src/core/words.js
var words = __webpack_require__(6341);
;// CONCATENATED MODULE: ./lib/src/core/report/flaky-ranking.js


/** Rank flaky nodes and tests: most often first, then most recently seen, then by id. */
function rankFlaky(records) {
    const ranks = new Map();
    const byTime = [...records].sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
    for (const record of byTime) {
        const counted = new Set();
        for (const step of record.steps) {
            for (const entry of step.flaky ?? []) {
                const key = `${entry.kind}\0${entry.id}`;
                const known = ranks.get(key);
                const fresh = !counted.has(key);
                counted.add(key);
                ranks.set(key, {
                    id: entry.id,
                    kind: entry.kind,
                    count: (known?.count ?? 0) + (fresh ? 1 : 0),
                    lastSeen: record.finishedAt,
                    lastRun: record.id,
                    lastMessage: entry.message ?? known?.lastMessage ?? null,
                    steps: known === undefined || known.steps.includes(step.id)
                        ? (known?.steps ?? [step.id])
                        : [...known.steps, step.id],
                });
            }
        }
    }
    return [...ranks.values()].sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen) || a.id.localeCompare(b.id));
}
/** The ranking as a terminal table, the first `limit` rows and how many more. */
function renderFlakyRanking(params) {
    const { ranks, runs, limit } = params;
    const over = `the last ${(0,words/* counted */.h)(runs, 'run')}`;
    if (ranks.length === 0)
        return `nothing was flaky in ${over}`;
    const rows = ranks
        .slice(0, limit)
        .map((rank) => [
        String(rank.count),
        rank.kind,
        (0,text_table/* truncateText */.EJ)(rank.id, 100),
        rank.lastSeen.slice(0, 19).replace('T', ' '),
        rank.lastRun,
        rank.lastMessage === null ? '' : (0,text_table/* truncateText */.EJ)(rank.lastMessage, 80),
    ]);
    const more = ranks.length - rows.length;
    return [
        `flaky nodes and tests (failed, then passed on the same code) in ${over}, most often first:`,
        (0,text_table/* renderTextTable */.K$)(['TIMES', 'KIND', 'ID', 'LAST SEEN (UTC)', 'LAST RUN', 'LAST MESSAGE'], rows),
        ...(more > 0 ? [`+${more} more (raise --limit to see them)`] : []),
    ].join('\n');
}
//# sourceMappingURL=flaky-ranking.js.map
// EXTERNAL MODULE: ./lib/cli/cli-context.js + 2 modules
var cli_context = __webpack_require__(6588);
// EXTERNAL MODULE: ./lib/cli/json-output.js
var json_output = __webpack_require__(1142);
;// CONCATENATED MODULE: ./lib/cli/flaky-command.js
/**
 * `gh-retry flaky`: the nodes and tests that were flaky most often over the recent runs of the
 * local store (`--repo O/R`: of a repository on GitHub, see `remote/flaky-remote.ts`).
 */




const FLAKY_LIMITS = {
    rows: { default: 20, max: 1000 },
    localRuns: { default: 100, max: 1000 },
};
/** `gh-retry flaky [--runs N] [--limit N] [--json]` over the local store. */
async function flakyCommand(options, context) {
    const limit = readCount('--limit', options.limit, FLAKY_LIMITS.rows);
    const runs = readCount('--runs', options.runs, FLAKY_LIMITS.localRuns);
    const stored = await (0,cli_context/* openRunStore */.$)(options, context).listRuns();
    const records = stored.map((run) => run.record).slice(-runs);
    printRanking({ records, limit, json: options.json === true, context });
    return 0;
}
/** Rank `records` and print the first `limit`, as a table or as JSON. */
function printRanking(params) {
    const { records, limit, context } = params;
    const ranks = rankFlaky(records);
    if (params.json) {
        const json = {
            runs: records.length,
            flaky: ranks.slice(0, limit),
            more: Math.max(0, ranks.length - limit),
        };
        context.stdout((0,json_output/* jsonText */.s$)(json));
        return;
    }
    context.stdout(`${renderFlakyRanking({ ranks, runs: records.length, limit })}\n`);
}
/** A whole number option from 1 to `max`; anything else is an error naming the flag. */
function readCount(flag, text, bounds) {
    if (text === undefined)
        return bounds.default;
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || !Number.isInteger(value) || value < 1 || value > bounds.max)
        throw new errors/* UserError */.yo(`${flag} must be a whole number from 1 to ${bounds.max}, not "${text}"`);
    return value;
}
//# sourceMappingURL=flaky-command.js.map

/***/ }),

/***/ 1235:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   remoteFlakyCommand: () => (/* binding */ remoteFlakyCommand)
/* harmony export */ });
/* harmony import */ var _src_retry_service_run_records_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5475);
/* harmony import */ var _flaky_command_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3788);
/* harmony import */ var _github_access_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5037);
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4292);
/* harmony import */ var _run_target_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2164);
/**
 * `gh-retry flaky --repo O/R [--workflow W]`: the nodes and tests that were flaky most often over
 * a repository's recent gh-retry runs, read from their record artifacts the way `show --repo`
 * reads them (checked, bounded). At most `--runs` runs (default 20, at most 100) are read.
 */





const REMOTE_RUNS = { default: 20, max: 100 };
/** Rank what was flaky in the recent gh-retry runs of a repository. */
async function remoteFlakyCommand(options, context) {
    const repo = (0,_run_target_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRepoOption */ .di)(options.repo);
    const limit = (0,_flaky_command_js__WEBPACK_IMPORTED_MODULE_1__.readCount)('--limit', options.limit, _flaky_command_js__WEBPACK_IMPORTED_MODULE_1__.FLAKY_LIMITS.rows);
    const runs = (0,_flaky_command_js__WEBPACK_IMPORTED_MODULE_1__.readCount)('--runs', options.runs, REMOTE_RUNS);
    const access = await (0,_github_access_js__WEBPACK_IMPORTED_MODULE_2__/* .connectGitHub */ .UY)(context.env, null);
    const repository = `${repo.owner}/${repo.repo}`;
    return await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .withGitHubErrors */ .V)({ repository, apiUrl: access.apiUrl }, async () => {
        const listed = await access.github.listRuns({
            ...repo,
            limit: runs,
            ...(options.workflow === undefined ? {} : { workflow: options.workflow }),
        });
        const records = [];
        let problems = 0;
        for (const run of listed.slice(0, runs)) {
            if (run.status !== 'completed')
                continue;
            const read = await (0,_src_retry_service_run_records_js__WEBPACK_IMPORTED_MODULE_0__/* .readRunRecords */ .Y)({
                github: access.github,
                repo,
                run: { id: run.id, attempt: run.attempt, repository: run.repository },
            });
            if (read.kind === 'not-gh-retry')
                continue;
            records.push(...read.records);
            problems += read.problems.length;
        }
        if (problems > 0)
            context.stderr(`gh-retry: note: ${problems} record(s) could not be read (expired or invalid); "gh-retry show RUN --repo ${repository}" says why\n`);
        (0,_flaky_command_js__WEBPACK_IMPORTED_MODULE_1__.printRanking)({ records, limit, json: options.json === true, context });
        return 0;
    });
}
//# sourceMappingURL=flaky-remote.js.map

/***/ }),

/***/ 5376:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  si: () => (/* binding */ loadParentRun),
  EX: () => (/* binding */ readRecordOfZip)
});

// UNUSED EXPORTS: ParentRunError

// EXTERNAL MODULE: ./lib/src/core/errors.js
var errors = __webpack_require__(7657);
// EXTERNAL MODULE: ./lib/src/core/run-record/artifact.js
var run_record_artifact = __webpack_require__(748);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/src/core/run-record/record.js
var record = __webpack_require__(9287);
;// CONCATENATED MODULE: ./lib/src/adapters/local/run-folder.js





/** Create (or reuse) the run folder `<root>/<id>`; records are written atomically (temp file + rename). */
async function createRunFolder(params) {
    const dir = path.join(params.root, params.id);
    const stateRoot = path.join(dir, 'state');
    const recordPath = path.join(dir, 'record.json');
    await mkdir(stateRoot, { recursive: true });
    return {
        id: params.id,
        dir,
        stateRoot,
        recordPath,
        saveRecord: async (record) => {
            const temp = `${recordPath}.${randomBytes(6).toString('hex')}.tmp`;
            await writeFile(temp, serializeRunRecord(record));
            await rename(temp, recordPath);
        },
    };
}
/** Upload a run folder: its `record.json` and the state files the record lists (and nothing else). */
async function uploadRunFolder(params) {
    const { folder } = params;
    const files = [folder.recordPath];
    for (const step of params.record.steps) {
        for (const file of step.state) {
            const stored = path.join(folder.stateRoot, ...file.stored.split('/'));
            const info = await stat(stored).catch(() => null);
            if (info?.isFile() === true)
                files.push(stored);
        }
    }
    const options = params.retentionDays === null ? {} : { retentionDays: params.retentionDays };
    const result = await params.uploader.uploadArtifact(params.name, files, folder.dir, options);
    return { id: result.id ?? null, size: result.size ?? null, files: files.length };
}
/**
 * Write the state files a parent record lists from its unpacked artifact into `destination`,
 * each checked against the size and SHA-256 the record gives; returns each file's text by its
 * `stored` path.
 */
async function restoreStateFiles(params) {
    const contents = new Map();
    for (const step of params.record.steps) {
        for (const file of step.state) {
            const bytes = params.files.get(`state/${file.stored}`);
            // A reused step lists files of an earlier run that were not carried along: nothing to restore.
            if (bytes === undefined || contents.has(file.stored))
                continue;
            const digest = (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
            if (bytes.length !== file.bytes || digest !== file.sha256) {
                throw new errors/* RunRecordError */.Rt(`state file "${file.stored}" does not match its checksum in the record; the artifact was altered`);
            }
            const target = external_node_path_.join(params.destination, ...file.stored.split('/'));
            await (0,promises_.mkdir)(external_node_path_.dirname(target), { recursive: true });
            await (0,promises_.writeFile)(target, bytes, { flag: 'wx' });
            contents.set(file.stored, new TextDecoder().decode(bytes));
        }
    }
    return contents;
}
//# sourceMappingURL=run-folder.js.map
// EXTERNAL MODULE: ./lib/src/adapters/local/zip-archive.js
var zip_archive = __webpack_require__(8739);
;// CONCATENATED MODULE: ./lib/src/adapters/github/record-artifacts.js




/**
 * A parent run's record artifact, read back through the REST API: find it, download it, unzip it
 * and check it (`core/run-record/artifact.ts`), then restore the state files it lists. The
 * artifact is untrusted input. Writing and uploading the run folder: `local/run-folder.ts`.
 */
/** A parent run that cannot be retried from: another repository or workflow, unfinished, or an untrustworthy record. */
class ParentRunError extends errors/* UserError */.yo {
    name = 'ParentRunError';
}
async function checkParentRun(params) {
    const { github, repo, runId } = params;
    const fullName = `${repo.owner}/${repo.repo}`;
    const run = await github.getWorkflowRun({ ...repo, runId });
    if (run === null) {
        throw new ParentRunError(`run ${runId} was not found in ${fullName}; give retry-of a run id or run URL of this repository`);
    }
    if (run.repository.toLowerCase() !== fullName.toLowerCase()) {
        throw new ParentRunError(`run ${runId} belongs to ${run.repository}, not ${fullName}; a retry must stay in its repository`);
    }
    if (run.workflowPath !== params.workflowPath) {
        throw new ParentRunError(`run ${runId} is a run of ${run.workflowPath}, not of ${params.workflowPath}; retry it from its own workflow`);
    }
    if (params.requireCompleted && run.status !== 'completed') {
        throw new ParentRunError(`run ${runId} has not finished (status ${run.status ?? 'unknown'}); retry it once it has completed`);
    }
    return run;
}
/**
 * Find, download and check a parent run's record artifact. Refuses a run of another repository or
 * workflow, an unfinished run, an unsafe zip, and a record that is invalid or does not belong to the run.
 */
async function loadParentRun(params) {
    const run = await checkParentRun(params);
    const maxAttempt = Math.min(params.maxAttempt ?? run.attempt, run.attempt);
    const artifacts = await params.github.listRunArtifacts({
        ...params.repo,
        runId: run.id,
        namePrefix: run_record_artifact/* RECORD_ARTIFACT_PREFIX */.Sm,
    });
    const artifact = (0,run_record_artifact/* pickRecordArtifact */.LI)({ artifacts, key: params.key, maxAttempt });
    const wanted = (0,run_record_artifact/* recordArtifactName */.N8)({ key: params.key, attempt: maxAttempt });
    if (artifact === null) {
        return {
            kind: 'unavailable',
            run,
            reason: `run ${run.id} has no record artifact "${wanted}" (or an earlier attempt's); use retry-mode all`,
        };
    }
    const expiredOn = artifact.expiresAt === null ? 'an earlier date' : artifact.expiresAt.slice(0, 10);
    const expired = {
        kind: 'unavailable',
        run,
        reason: `the record of run ${run.id} expired on ${expiredOn}; use retry-mode all`,
    };
    if (artifact.expired)
        return expired;
    const limits = params.limits ?? zip_archive/* ZIP_LIMITS */.LP;
    const download = await params.github.downloadArtifactZip({
        ...params.repo,
        artifactId: artifact.id,
        maxBytes: limits.maxZipBytes,
    });
    switch (download.kind) {
        case 'expired':
            return expired;
        case 'not-found':
            return {
                kind: 'unavailable',
                run,
                reason: `the record artifact "${artifact.name}" of run ${run.id} is gone; use retry-mode all`,
            };
        case 'too-large':
            throw new ParentRunError(`the record artifact "${artifact.name}" is larger than ${download.maxBytes} bytes; it is not read`);
        case 'downloaded':
            break;
    }
    const files = (0,zip_archive/* unpackZip */.Yg)(download.bytes, limits);
    const record = (0,run_record_artifact/* checkRecordOfRun */.Yr)({
        bytes: files.get(run_record_artifact/* RECORD_FILE */.lt),
        run,
        artifactName: artifact.name,
    });
    const parentState = await restoreStateFiles({ files, record, destination: params.destination });
    return {
        kind: 'loaded',
        run,
        record,
        artifactName: artifact.name,
        stateRoot: params.destination,
        parentState,
    };
}
/**
 * Read and check the record in a record artifact's zip without unpacking its state files: the
 * whole archive is checked as the parent load checks it, the declared size of `record.json` is
 * checked before it is decompressed, and the record must belong to `run`.
 */
function readRecordOfZip(params) {
    const { zip, run, artifactName } = params;
    let bytes;
    try {
        const entry = (0,zip_archive/* checkZip */.GN)(zip, params.limits ?? zip_archive/* ZIP_LIMITS */.LP).find((e) => e.name === run_record_artifact/* RECORD_FILE */.lt && !e.directory);
        if (entry !== undefined) {
            (0,run_record_artifact/* checkRecordSize */.N5)(artifactName, entry.bytes);
            bytes = (0,zip_archive/* unpackZipEntry */.O5)(zip, entry);
        }
    }
    catch (error) {
        if (!(error instanceof zip_archive/* UnsafeZipError */.W0))
            throw error;
        throw new zip_archive/* UnsafeZipError */.W0(`the record artifact "${artifactName}" cannot be read: ${error.message}`);
    }
    return (0,run_record_artifact/* checkRecordOfRun */.Yr)({ bytes, run, artifactName });
}
//# sourceMappingURL=record-artifacts.js.map

/***/ }),

/***/ 8739:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GN: () => (/* binding */ checkZip),
/* harmony export */   LP: () => (/* binding */ ZIP_LIMITS),
/* harmony export */   O5: () => (/* binding */ unpackZipEntry),
/* harmony export */   W0: () => (/* binding */ UnsafeZipError),
/* harmony export */   Yg: () => (/* binding */ unpackZip)
/* harmony export */ });
/* unused harmony export parseZipEntries */
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8522);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7657);
/* harmony import */ var _core_run_record_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6097);



/** Default bounds for a run record artifact: a record, and a few tool state files per step. */
const ZIP_LIMITS = {
    maxZipBytes: 256 * 1024 * 1024,
    maxEntryBytes: 128 * 1024 * 1024,
    maxTotalBytes: 512 * 1024 * 1024,
    maxEntries: 30_000,
};
/** A zip that is malformed, too large, or holds an entry that could escape the folder it is unpacked into. */
class UnsafeZipError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo {
    name = 'UnsafeZipError';
}
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const MADE_BY_UNIX = 3;
function findEndOfCentralDirectory(bytes, view) {
    // The end record is 22 bytes plus a comment of at most 65,535 bytes.
    const lowest = Math.max(0, bytes.length - 22 - 0xffff);
    for (let at = bytes.length - 22; at >= lowest; at--) {
        if (view.getUint32(at, true) === EOCD_SIGNATURE)
            return at;
    }
    throw new UnsafeZipError('not a zip archive (no end of central directory)');
}
/** List a zip's entries from its central directory, without decompressing anything. */
function parseZipEntries(bytes) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.length < 22)
        throw new UnsafeZipError('not a zip archive (too short)');
    const end = findEndOfCentralDirectory(bytes, view);
    if (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR_SIGNATURE) {
        throw new UnsafeZipError('zip64 archives are not accepted for run records');
    }
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    const entries = [];
    for (let i = 0; i < count; i++) {
        if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
            throw new UnsafeZipError('malformed zip central directory');
        }
        const madeBy = view.getUint16(at + 4, true) >> 8;
        const flags = view.getUint16(at + 8, true);
        const nameLength = view.getUint16(at + 28, true);
        const extraLength = view.getUint16(at + 30, true);
        const commentLength = view.getUint16(at + 32, true);
        const mode = view.getUint32(at + 38, true) >>> 16;
        const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
        // Flag 11 marks a UTF-8 name; without it the name is taken byte for byte.
        const name = (flags & 0x800) === 0
            ? Buffer.from(nameBytes).toString('latin1')
            : new TextDecoder().decode(nameBytes);
        entries.push({
            name,
            method: view.getUint16(at + 10, true),
            offset: view.getUint32(at + 42, true),
            compressedBytes: view.getUint32(at + 20, true),
            bytes: view.getUint32(at + 24, true),
            directory: name.endsWith('/'),
            symlink: madeBy === MADE_BY_UNIX && (mode & S_IFMT) === S_IFLNK,
            encrypted: (flags & 0x1) !== 0,
        });
        at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}
/** Why an entry may not be unpacked, or null when it is fine. */
function checkEntry(entry, limits) {
    if (entry.symlink)
        return 'is a symbolic link';
    if (entry.encrypted)
        return 'is encrypted';
    if (entry.method !== 0 && entry.method !== 8)
        return `uses unsupported compression ${entry.method}`;
    if (entry.bytes > limits.maxEntryBytes)
        return `is larger than ${limits.maxEntryBytes} bytes`;
    const path = entry.directory ? entry.name.slice(0, -1) : entry.name;
    if (!_core_run_record_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .safeRelativePath */ .lV.safeParse(path).success)
        return 'is not a safe relative path';
    return null;
}
/**
 * List an untrusted zip's entries and check every one (safe relative path, no links, bounded sizes
 * and count, no duplicates) before anything is decompressed: one bad entry rejects the whole archive.
 */
function checkZip(bytes, limits = ZIP_LIMITS) {
    if (bytes.length > limits.maxZipBytes) {
        throw new UnsafeZipError(`the archive is larger than ${limits.maxZipBytes} bytes`);
    }
    const entries = parseZipEntries(bytes);
    if (entries.length > limits.maxEntries) {
        throw new UnsafeZipError(`the archive has ${entries.length} entries; at most ${limits.maxEntries} are accepted`);
    }
    let total = 0;
    const seen = new Set();
    for (const entry of entries) {
        const problem = checkEntry(entry, limits);
        if (problem !== null)
            throw new UnsafeZipError(`zip entry ${JSON.stringify(entry.name)} ${problem}`);
        if (seen.has(entry.name))
            throw new UnsafeZipError(`zip entry ${JSON.stringify(entry.name)} appears twice`);
        total += entry.bytes;
        if (!entry.directory)
            seen.add(entry.name);
    }
    if (total > limits.maxTotalBytes) {
        throw new UnsafeZipError(`the archive unpacks to ${total} bytes; at most ${limits.maxTotalBytes} are accepted`);
    }
    return entries;
}
/**
 * Unpack an untrusted zip in memory, every entry checked first (see {@link checkZip}). Directory
 * entries are dropped; the result maps each file path to its bytes.
 */
function unpackZip(bytes, limits = ZIP_LIMITS) {
    const files = new Map();
    for (const entry of checkZip(bytes, limits)) {
        if (entry.directory || files.has(entry.name))
            continue;
        files.set(entry.name, unpackZipEntry(bytes, entry));
    }
    return files;
}
/**
 * One entry of a zip listed by {@link checkZip}, decompressed alone. The sizes come from the central directory (checked against the limits), so
 * an entry that would unpack to more than it declares is refused rather than allowed to grow.
 */
function unpackZipEntry(bytes, entry) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const fail = (reason) => new UnsafeZipError(`the archive cannot be unpacked: zip entry ${JSON.stringify(entry.name)} ${reason}`);
    if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== LOCAL_SIGNATURE)
        throw fail('has no local header where the central directory says');
    const start = entry.offset +
        30 +
        view.getUint16(entry.offset + 26, true) +
        view.getUint16(entry.offset + 28, true);
    if (start + entry.compressedBytes > bytes.length)
        throw fail('runs past the end of the archive');
    const data = bytes.subarray(start, start + entry.compressedBytes);
    let content;
    try {
        content =
            entry.method === 0
                ? data.slice()
                : (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.inflateRawSync)(data, { maxOutputLength: Math.max(1, entry.bytes) });
    }
    catch (error) {
        throw fail(`cannot be decompressed (${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)})`);
    }
    if (content.length !== entry.bytes) {
        throw fail(`holds ${content.length} bytes where the central directory declares ${entry.bytes}`);
    }
    return content;
}
//# sourceMappingURL=zip-archive.js.map

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

/***/ }),

/***/ 5475:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ readRunRecords),
/* harmony export */   q: () => (/* binding */ findRecordArtifacts)
/* harmony export */ });
/* harmony import */ var _adapters_github_record_artifacts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5376);
/* harmony import */ var _adapters_local_zip_archive_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8739);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7657);
/* harmony import */ var _core_run_record_artifact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(748);
/**
 * The gh-retry run records of a workflow run, read through the REST API: list the record
 * artifacts, download each zip, and read only its `record.json` (bounded, checked against the
 * run). Artifacts are untrusted: every problem becomes a message, never a crash.
 */




/** Record jobs read per run; a workflow with more gh-retry jobs is reported, not read in full. */
const MAX_RECORD_KEYS = 20;
/** Find a run's record artifacts; a run without any does not use gh-retry. */
async function findRecordArtifacts(params) {
    const all = await params.github.listRunArtifacts({
        ...params.repo,
        runId: params.run.id,
        namePrefix: _core_run_record_artifact_js__WEBPACK_IMPORTED_MODULE_2__/* .RECORD_ARTIFACT_PREFIX */ .Sm,
    });
    const keys = new Set(all.flatMap((artifact) => {
        const parsed = (0,_core_run_record_artifact_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRecordArtifactName */ .o5)(artifact.name);
        return parsed === null || parsed.attempt > params.run.attempt ? [] : [parsed.key];
    }));
    const artifacts = [...keys]
        .sort()
        .map((key) => (0,_core_run_record_artifact_js__WEBPACK_IMPORTED_MODULE_2__/* .pickRecordArtifact */ .LI)({ artifacts: all, key, maxAttempt: params.run.attempt }))
        .filter((artifact) => artifact !== null);
    return artifacts.length === 0 ? { kind: 'not-gh-retry' } : { kind: 'found', artifacts };
}
/** Read every record of a run (one per gh-retry job). */
async function readRunRecords(params) {
    const found = await findRecordArtifacts(params);
    if (found.kind === 'not-gh-retry')
        return found;
    const records = [];
    const problems = [];
    if (found.artifacts.length > MAX_RECORD_KEYS)
        problems.push(`the run has ${found.artifacts.length} record artifacts; the first ${MAX_RECORD_KEYS} are shown`);
    for (const artifact of found.artifacts.slice(0, MAX_RECORD_KEYS)) {
        try {
            records.push(await readRecordArtifact({ ...params, artifact }));
        }
        catch (error) {
            if (!(error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo))
                throw error;
            problems.push(error.message);
        }
    }
    return { kind: 'read', records, problems, expiresAt: lastExpiry(found.artifacts) };
}
function lastExpiry(artifacts) {
    if (artifacts.some((a) => a.expiresAt === null))
        return null;
    return artifacts.reduce((last, a) => (last === null || (a.expiresAt ?? '') > last ? a.expiresAt : last), null);
}
async function readRecordArtifact(params) {
    const { artifact, run } = params;
    const name = `"${artifact.name}"`;
    const expired = new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`the record artifact ${name} expired on ${artifact.expiresAt?.slice(0, 10) ?? 'an earlier date'}; use /retry all`);
    if (artifact.expired)
        throw expired;
    const download = await params.github.downloadArtifactZip({
        ...params.repo,
        artifactId: artifact.id,
        maxBytes: _adapters_local_zip_archive_js__WEBPACK_IMPORTED_MODULE_1__/* .ZIP_LIMITS */ .LP.maxZipBytes,
    });
    switch (download.kind) {
        case 'expired':
            throw expired;
        case 'not-found':
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`the record artifact ${name} is gone; use /retry all`);
        case 'too-large':
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`the record artifact ${name} is larger than ${download.maxBytes} bytes and is not read`);
        case 'downloaded':
            break;
    }
    return (0,_adapters_github_record_artifacts_js__WEBPACK_IMPORTED_MODULE_0__/* .readRecordOfZip */ .EX)({ zip: download.bytes, run, artifactName: artifact.name });
}
//# sourceMappingURL=run-records.js.map

/***/ })

};
