import { z } from 'zod';
import { type CommandWords, quoteWords } from '../schedule/command-line.js';
import type { Env } from '../env.js';
import type { FixAwareForm } from '../retry/plan.js';
import { RECORD_LIMITS } from '../run-record/schema.js';
import type { DbtCommand } from './dbt-command.js';
import { programEnv } from './tool.js';

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

export const MANIFEST = 'manifest.json';

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

const manifestSchema = z.object({
  metadata: z.object({ dbt_schema_version: z.string().regex(/\/manifest\/v\d+\.json$/) }),
  nodes: z.record(z.string(), z.unknown()),
});

/** Why the saved manifest.json cannot be used, or null when it is a dbt manifest. */
export function whyManifestUnusable(content: string | undefined): string | null {
  if (content === undefined) return `no ${MANIFEST} was saved beside run_results.json`;
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return `the saved ${MANIFEST} is not valid JSON`;
  }
  return manifestSchema.safeParse(data).success
    ? null
    : `the saved ${MANIFEST} is not a dbt manifest`;
}

/** Why a step cannot be retried fix-aware (before looking at files), or null. */
export function whyNotFixAware(dbt: DbtCommand, words: CommandWords, env: Env): string | null {
  if (!FIX_AWARE_SUBCOMMANDS.has(dbt.which)) return `dbt ${dbt.subcommand} does not build models`;
  const flags = [...dbt.globalFlags, ...dbt.args].map(flagName);
  const scoped = programEnv(words, env);
  const used = [
    ...STATE_FLAGS.filter((flag) => flags.includes(flag)),
    ...STATE_VARIABLES.filter((name) => (scoped[name] ?? '') !== ''),
  ];
  return used.length === 0 ? null : `the step uses dbt state itself (${used.join(', ')})`;
}

/** The dbt selectors of both sets and of passed tests, from the statuses of the retry set. */
export function fixAwareSelectors(statuses: readonly string[]): {
  retry: string;
  added: string;
  passed: string;
} {
  const unique = [...new Set(statuses)].sort();
  const passed = PASSED_TEST_STATUSES.filter((status) => !unique.includes(status));
  const results = (list: readonly string[]) => list.map((status) => `result:${status}`).join(' ');
  return {
    retry: results(unique),
    added: unique.map((status) => `state:modified+,+result:${status},result:success`).join(' '),
    passed: results(passed),
  };
}

/** Whether every status of the retry set can be named by a `result:` selector. */
export function selectableStatuses(statuses: readonly string[]): boolean {
  return statuses.every((status) => SELECTABLE_STATUS.test(status));
}

/** The `dbt ls` probe and the `dbt build` run when it lists nodes. */
export function fixAwareCommands(params: {
  readonly words: CommandWords;
  readonly dbt: DbtCommand;
  readonly statuses: readonly string[];
  readonly stateDir: string;
  readonly parentRun: string;
}): FixAwareForm {
  const { words, dbt, stateDir } = params;
  const selectors = fixAwareSelectors(params.statuses);
  const state = ['--indirect-selection', 'cautious', '--state', stateDir];
  const probe = quoteWords([
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
  const exec = quoteWords([
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
export function parseProbeOutput(stdout: string): string[] {
  const ids = new Set<string>();
  for (const line of stdout.split('\n')) {
    if (ids.size >= RECORD_LIMITS.maxNodeIds) break;
    const text = line.trim();
    if (!text.startsWith('{')) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    const id = (data as { unique_id?: unknown } | null)?.unique_id;
    if (typeof id === 'string' && id.length <= RECORD_LIMITS.maxStringLength) ids.add(id);
  }
  return [...ids];
}

/** `model fct_orders, seed raw_orders`: node ids as users read them. */
export function describeNodes(ids: readonly string[], max = 10): string {
  const shown = ids.slice(0, max).map((id) => {
    const [type = '', , name = id] = id.split('.');
    return `${type} ${name}`;
  });
  return ids.length > max ? `${shown.join(', ')} and ${ids.length - max} more` : shown.join(', ');
}

const flagName = (word: string): string => word.split('=', 1)[0] ?? word;

/** The flags `wanted` names, with their values (`--flag value` or `--flag=value`). */
function copyFlags(words: readonly string[], wanted: (flag: string) => boolean): string[] {
  const copied: string[] = [];
  for (let at = 0; at < words.length; at += 1) {
    const word = words[at] ?? '';
    if (!wanted(flagName(word))) continue;
    const next = words[at + 1];
    if (word.includes('=')) copied.push(word);
    else if (next !== undefined) {
      copied.push(word, next);
      at += 1;
    }
  }
  return copied;
}

/** The words without selection flags; `--select a b` takes every word up to the next flag. */
function withoutSelection(args: readonly string[]): string[] {
  const kept: string[] = [];
  for (let at = 0; at < args.length; at += 1) {
    const word = args[at] ?? '';
    if (!SELECTION_FLAGS.has(flagName(word))) {
      kept.push(word);
      continue;
    }
    if (word.includes('=')) continue;
    while (args[at + 1] !== undefined && !(args[at + 1] ?? '').startsWith('-')) at += 1;
  }
  return kept;
}

/** The fix-aware form of a dbt retry and the words the plan's reason gets, or nothing. */
export function planFixAware(params: {
  readonly words: CommandWords;
  readonly dbt: DbtCommand;
  readonly env: Env;
  /** `fix-aware` from the schedule (default on). */
  readonly enabled: boolean;
  readonly statuses: readonly string[];
  /** The saved manifest.json beside the run_results.json the retry reads, if any. */
  readonly manifest: string | undefined;
  readonly stateDir: string;
  readonly parentRun: string;
}): { readonly form: FixAwareForm | null; readonly reason: string } {
  if (!params.enabled) return { form: null, reason: '; fix-aware: false, so exactly dbt retry' };
  // Older records and other subcommands: plain dbt retry, as before, without a word about it.
  if (whyNotFixAware(params.dbt, params.words, params.env) !== null)
    return { form: null, reason: '' };
  if (params.manifest === undefined) return { form: null, reason: '' };
  const unusable = whyManifestUnusable(params.manifest);
  if (unusable !== null) return { form: null, reason: `; not fix-aware: ${unusable}` };
  if (!selectableStatuses(params.statuses)) {
    return { form: null, reason: '; not fix-aware: a node status has no dbt result: selector' };
  }
  return {
    form: fixAwareCommands(params),
    reason: `; if nodes changed since run ${params.parentRun} lead to them (dbt ls --state), they are rebuilt first`,
  };
}
