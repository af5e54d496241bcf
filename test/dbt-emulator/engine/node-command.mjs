// @ts-check
// The node commands (run, build, test, seed, snapshot, compile) and the command `dbt retry`
// replays: parse, select, execute, print the summary, write run_results.json.
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { DbtError, compilationError } from './errors.mjs';
import { executeNodes } from './execute.mjs';
import { argsToDict } from './flags.mjs';
import { buildGraph, queueOrder } from './graph.mjs';
import { pluralize } from './log.mjs';
import { MACRO_COUNT, parseManifest } from './manifest.mjs';
import { loadInjector } from './marker.mjs';
import { loadProfile, loadProject } from './project.mjs';
import { buildRunResults, writeArtifact } from './run-results.mjs';
import { selectNodes } from './select.mjs';
import { interpretResults, printFinishedLine, printRunEnd } from './summary.mjs';
import { ADAPTER_VERSION } from './version.mjs';

/** Which resource types each command runs. */
const RESOURCE_TYPES = {
  run: ['model'],
  build: ['model', 'seed', 'snapshot', 'test'],
  test: ['test'],
  seed: ['seed'],
  snapshot: ['snapshot'],
  compile: ['model', 'snapshot', 'test'],
};

/**
 * @typedef {object} Context
 * @property {import('./flags.mjs').Flags} flags
 * @property {Record<string, string | undefined>} env
 * @property {string} cwd
 * @property {string} invocationCommand
 * @property {string} invocationId
 * @property {number} invocationStartedAt
 * @property {import('./version.mjs').DbtVersion} version
 * @property {import('./log.mjs').Log} log
 * @property {import('./execute.mjs').Interrupt} interrupt
 */

/**
 * @param {Context} ctx
 * @param {Set<string> | null} retryIds for `dbt retry`: exactly these unique_ids, no selection
 * @returns {Promise<number>} the exit code
 */
export async function runNodeCommand(ctx, retryIds) {
  const { flags, env, log } = ctx;
  const which = flags.which;
  const { project, profile } = loadProjectAndProfile(ctx);
  log.line(`Registered adapter: ${profile.type}=${ADAPTER_VERSION}`);
  const injector = loadInjector({ projectDir: project.dir, env });
  const before = injector.errorBeforeNodes(retryIds ? 'retry' : which);
  if (before !== null) {
    injector.save();
    throw beforeNodesError(before);
  }
  const manifest = parseManifest({
    project,
    profile,
    vars: /** @type {Record<string, unknown>} */ (flags.vars),
  });
  log.line(`Found ${foundLine(manifest)}`);
  const unknown = injector.unknownNames(
    new Set([...manifest.nodes.values()].flatMap((n) => [n.name, n.uniqueId])),
  );
  if (unknown.length > 0)
    process.stderr.write(`dbt emulator: marker names no node: ${unknown.join(', ')}\n`);

  const selected = retryIds ? checkRetryIds(manifest, retryIds) : select(ctx, manifest);
  const targetDir = path.resolve(project.dir, project.targetPath);
  const write = (
    /** @type {import('./node-runner.mjs').NodeResult[]} */ results,
    /** @type {number} */ elapsed,
  ) => {
    if (flags.write_json === false) return;
    const args = argsToDict(flags, ctx.invocationCommand, env);
    const artifact = buildRunResults({ ...ctx, results, elapsedSeconds: elapsed, args });
    writeArtifact(path.join(targetDir, 'run_results.json'), artifact);
  };
  if (selected.size === 0) {
    warnOrError(ctx, 'Nothing to do. Try checking your model configs and model specification args');
    write([], 0.0);
    injector.save();
    return 0;
  }

  const graph = buildGraph(manifest, { testEdges: which === 'build' });
  const queue = queueOrder(manifest, graph, selected);
  const threads = /** @type {number | undefined} */ (flags.threads) ?? profile.threads;
  log.blank();
  log.line(`Concurrency: ${threads} threads (target='${profile.targetName}')`);
  log.blank();
  const started = performance.now();
  const markStatuses = new Set(
    which === 'build' ? ['error', 'fail', 'partial success'] : ['error', 'partial success'],
  );
  const run = await executeNodes({
    queue,
    graph,
    markStatuses,
    threads,
    failFast: flags.fail_fast === true,
    warnError: flags.warn_error === true,
    injector,
    log,
    which,
    projectName: manifest.projectName,
    interrupt: ctx.interrupt,
  });
  const elapsed = (performance.now() - started) / 1000;
  injector.save();
  write(run.results, elapsed);
  trace(ctx, run.results);
  if (which !== 'compile') {
    printFinishedLine({ log, nodes: queue, elapsedSeconds: elapsed });
    printRunEnd({
      log,
      results: run.results,
      nodes: manifest.nodes,
      keyboardInterrupt: run.interrupted,
      printsNoOp: ctx.version.printsNoOp,
    });
  }
  if (run.interrupted) throw new DbtError(null, 'ctrl-c');
  return interpretResults(run.results) ? 0 : 1;
}

/**
 * @param {Context} ctx
 */
export function loadProjectAndProfile({ flags, env, cwd }) {
  const project = loadProject({
    projectDir: path.resolve(cwd, flags.project_dir),
    targetPathFlag: /** @type {string | undefined} */ (flags.target_path),
    env,
  });
  const profile = loadProfile({
    profilesDir: path.resolve(cwd, flags.profiles_dir),
    profileName: /** @type {string | undefined} */ (flags.profile) ?? project.profileName,
    targetFlag: /** @type {string | undefined} */ (flags.target),
    env,
  });
  return { project, profile };
}

/**
 * @param {Context} ctx
 * @param {import('./manifest.mjs').Manifest} manifest
 */
function select(ctx, manifest) {
  const { flags } = ctx;
  const which = /** @type {keyof typeof RESOURCE_TYPES} */ (flags.which);
  const chosenTypes = /** @type {string[]} */ (flags.resource_types ?? []);
  const excludedTypes = /** @type {string[]} */ (flags.exclude_resource_types ?? []);
  const resourceTypes = RESOURCE_TYPES[which].filter(
    (t) => (chosenTypes.length === 0 || chosenTypes.includes(t)) && !excludedTypes.includes(t),
  );
  const { selected, unmatched } = selectNodes({
    manifest,
    select: /** @type {string[]} */ (flags.select ?? []),
    exclude: /** @type {string[]} */ (flags.exclude ?? []),
    resourceTypes,
    indirectSelection: String(flags.indirect_selection ?? 'eager'),
  });
  for (const criterion of unmatched) {
    warnOrError(ctx, `The selection criterion '${criterion}' does not match any enabled nodes`);
  }
  return selected;
}

/**
 * retry.py: run exactly the retryable unique_ids, no graph expansion; an id that is no longer
 * in the project is an error.
 * @param {import('./manifest.mjs').Manifest} manifest
 * @param {Set<string>} ids
 */
function checkRetryIds(manifest, ids) {
  for (const id of ids) {
    if (!manifest.nodes.has(id))
      throw new DbtError(null, `Couldn't find ${id.split('.')[0]} '${id}'`);
  }
  return ids;
}

/**
 * warn_or_error: a warning, or with --warn-error a compilation error (exit 2).
 * @param {Context} ctx
 * @param {string} message
 */
function warnOrError(ctx, message) {
  if (ctx.flags.warn_error === true) throw compilationError(message);
  ctx.log.line(message);
}

/**
 * "3 models, 1 seed, 2 data tests, 1 source, 471 macros"
 * @param {import('./manifest.mjs').Manifest} manifest
 */
export function foundLine(manifest) {
  const count = (/** @type {string} */ type) =>
    [...manifest.nodes.values()].filter((n) => n.resourceType === type).length;
  const parts = [
    [count('model'), 'model'],
    [count('snapshot'), 'snapshot'],
    [count('seed'), 'seed'],
    [count('test'), 'data test'],
    [manifest.sources.size, 'source'],
    [MACRO_COUNT, 'macro'],
  ];
  return parts
    .filter(([n]) => Number(n) > 0)
    .map(([n, word]) => pluralize(Number(n), String(word)))
    .join(', ');
}

/**
 * The marker's error_before_nodes text as dbt prints it ("Compilation Error\n  ..."); a text that
 * does not start with an error kind is treated as a compilation error.
 * @param {string} text
 */
function beforeNodesError(text) {
  const match = /^([A-Z][A-Za-z]*(?: [A-Za-z]+)* Error(?: in [^\n]*)?)\s*\n?/.exec(text);
  if (!match) return compilationError(text);
  const rest = text.slice(match[0].length).replace(/^:\s*/, '');
  return new DbtError(
    /** @type {string} */ (match[1]),
    rest
      .split('\n')
      .map((l) => l.replace(/^ {2}/, ''))
      .join('\n'),
  );
}

/**
 * DBT_EMULATOR_TRACE=<file>: one JSON line per executed node, so tests can prove what ran.
 * @param {Context} ctx
 * @param {import('./node-runner.mjs').NodeResult[]} results
 */
function trace(ctx, results) {
  const file = ctx.env.DBT_EMULATOR_TRACE;
  if (!file) return;
  const lines = results
    .filter((r) => r.timing.length > 0)
    .map((r) =>
      JSON.stringify({
        invocation_id: ctx.invocationId,
        which: ctx.flags.which,
        invocation_command: ctx.invocationCommand,
        unique_id: r.unique_id,
        status: r.status,
      }),
    );
  if (lines.length > 0) appendFileSync(path.resolve(ctx.cwd, file), `${lines.join('\n')}\n`);
}
