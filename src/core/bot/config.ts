import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { PermissionLevel } from './authorize.js';
import type { RetryMode } from '../retry/mode.js';
import { parseDelay } from '../retry/duration.js';
import { conditionsSchema, type RetryConditions } from '../retry/conditions.js';
import { errorMessage } from '../errors.js';

/**
 * `.github/gh-retry.yml`, shared by the App and the CLI:
 *
 *   permission: write            # level needed to use /retry: read | triage | write (default) | maintain | admin
 *   retry-policies:              # automatic retries; the first policy that matches a failed run wins
 *     - name: nightly dbt        # optional label shown in reports
 *       workflows: [nightly.yml] # file names or globs (`*`, `?`, `**`); default: every workflow
 *       branches: [main, release/*]   # names or globs; default: every branch
 *       mode: from-failure       # or all
 *       max-attempts: 3          # runs in the chain, counting the first: 3 = up to 2 automatic retries (1–10)
 *       delay: 5m                # wait before dispatching: seconds (0–3600) or "90s", "5m", "1h"
 *       stop-on-same-failure: true   # stop when a failure repeats unchanged (it does not look flaky)
 *       conditions:              # optional; without it any failure matches; with several kinds, ANY match counts
 *         exit-codes: [1]        # exit code of a failed step
 *         output-patterns: ["Connection reset", "/timeout/i"]   # regular expressions on a failed step's output tail
 *         dbt-errors: ["deadlock", "/could not serialize/i"]    # failed dbt node messages: case-insensitive substring, or /regex/flags
 *
 * Unknown keys and bad values are reported as problems with their path, never silently ignored; a
 * bad `permission` falls back to `write`, and a policy with any problem is disabled (fail closed).
 * `_extends` is Probot's config inheritance: its loader resolves it, so it is accepted and ignored.
 */

/** Where the App and the CLI look for the configuration. */
export const CONFIG_FILE = '.github/gh-retry.yml';
/** The hard cap of `max-attempts`; larger values are an error, not clamped. */
export const MAX_ATTEMPTS_CAP = 10;

export type { RetryConditions };

/** The modes a policy may use. */
export type PolicyMode = Extract<RetryMode, { kind: 'from-failure' } | { kind: 'all' }>;

/** One valid entry of `retry-policies`. */
export interface RetryPolicy {
  /** Position in `retry-policies`, for messages (`retry-policies[0]`). */
  readonly index: number;
  readonly name: string | null;
  /** Workflow file names or globs; null matches every workflow. */
  readonly workflows: readonly string[] | null;
  /** Branch names or globs; null matches every branch. */
  readonly branches: readonly string[] | null;
  readonly mode: PolicyMode;
  /** Runs in a chain, counting the first run. */
  readonly maxAttempts: number;
  /** Null: any failure matches. */
  readonly conditions: RetryConditions | null;
  readonly delaySeconds: number;
  /** Stop when a retry failed exactly as the run it retried, or every in-run attempt did. */
  readonly stopOnSameFailure: boolean;
}

/** The parsed configuration. */
export interface RetryConfig {
  readonly permission: PermissionLevel;
  readonly retryPolicies: readonly RetryPolicy[];
}

/** What an absent file means: `write` needed for /retry, no automatic retries. */
export const DEFAULT_CONFIG: RetryConfig = { permission: 'write', retryPolicies: [] };

/** A configuration with the problems found while reading it. */
export interface ConfigParseResult {
  readonly config: RetryConfig;
  readonly problems: string[];
}

const unknownKeys =
  (allowed: readonly string[]) =>
  (issue: { code?: string | undefined; keys?: string[] }): string | undefined =>
    issue.code === 'unrecognized_keys'
      ? `unknown key ${(issue.keys ?? []).map((k) => `"${k}"`).join(', ')}; allowed: ${allowed.join(', ')}`
      : issue.code === 'invalid_type'
        ? 'must be a mapping'
        : undefined;

const globList = (what: string) =>
  z
    .array(
      z
        .string({ error: `each ${what} must be a string` })
        .min(1, `an empty ${what} matches nothing`)
        .max(200, `a ${what} is at most 200 characters`)
        .regex(/^[^\s\p{Cc}]+$/u, `a ${what} has no spaces or control characters`),
      { error: `must be a list of ${what}s` },
    )
    .min(1, `list at least one ${what}, or leave the key out to match all`)
    .max(50, `at most 50 ${what}s`);

const delaySchema = z
  .union([z.number(), z.string()], {
    error: 'must be seconds (0–3600) or a duration like "90s", "5m", "1h"',
  })
  .transform((value, ctx) => {
    const seconds = parseDelay(value);
    if (seconds !== null) return seconds;
    ctx.addIssue({
      code: 'custom',
      message: 'must be seconds (0–3600) or a duration like "90s", "5m", "1h"',
    });
    return z.NEVER;
  });

const policyShape = {
  name: z
    .string({ error: 'must be a string' })
    .min(1)
    .max(100, 'at most 100 characters')
    .optional(),
  workflows: globList('workflow file name or glob').optional(),
  branches: globList('branch name or glob').optional(),
  mode: z
    .enum(['from-failure', 'all'], { error: 'must be from-failure or all' })
    .default('from-failure'),
  'max-attempts': z
    .number({ error: `must be a whole number from 1 to ${MAX_ATTEMPTS_CAP}` })
    .int(`must be a whole number from 1 to ${MAX_ATTEMPTS_CAP}`)
    .min(1, 'must be at least 1')
    .max(MAX_ATTEMPTS_CAP, `must be at most ${MAX_ATTEMPTS_CAP} (the hard cap)`)
    .default(2),
  conditions: conditionsSchema.optional(),
  delay: delaySchema.default(0),
  'stop-on-same-failure': z.boolean({ error: 'must be true or false' }).default(false),
};

const policySchema = z.strictObject(policyShape, { error: unknownKeys(Object.keys(policyShape)) });

const TOP_LEVEL_KEYS = ['permission', 'retry-policies'] as const;
const MAX_POLICIES = 20;
const PERMISSION_CHOICES: readonly PermissionLevel[] = [
  'read',
  'triage',
  'write',
  'maintain',
  'admin',
];

/** Read a configuration value (already parsed from YAML); bad parts fall back to safe defaults. */
export function parseConfig(value: unknown, params?: { source?: string }): ConfigParseResult {
  const source = params?.source ?? CONFIG_FILE;
  const problems: string[] = [];
  const report = (path: string, message: string) => problems.push(`${source}: ${path}: ${message}`);
  if (value === null || value === undefined) return { config: DEFAULT_CONFIG, problems };
  if (!isMapping(value)) {
    report(
      '(top level)',
      `must be a mapping with the keys ${TOP_LEVEL_KEYS.join(', ')}; using the defaults`,
    );
    return { config: DEFAULT_CONFIG, problems };
  }
  let permission = DEFAULT_CONFIG.permission;
  let retryPolicies: RetryPolicy[] = [];
  for (const [key, entry] of Object.entries(value)) {
    if (key === '_extends') continue;
    if (key === 'permission') {
      const level = PERMISSION_CHOICES.find((l) => l === entry);
      if (level === undefined)
        report(key, `must be one of ${PERMISSION_CHOICES.join(', ')}; using ${permission}`);
      permission = level ?? permission;
    } else if (key === 'retry-policies') {
      retryPolicies = parsePolicies(entry, report);
    } else {
      report(key, `unknown key; allowed: ${TOP_LEVEL_KEYS.join(', ')}`);
    }
  }
  return { config: { permission, retryPolicies }, problems };
}

/** Read the configuration file's text (YAML); a syntax error gives the defaults and one problem. */
export function parseConfigText(text: string, params?: { source?: string }): ConfigParseResult {
  const source = params?.source ?? CONFIG_FILE;
  if (text.length > 64 * 1024) {
    return {
      config: DEFAULT_CONFIG,
      problems: [`${source}: larger than 64 KiB; using the defaults`],
    };
  }
  const doc = parseDocument(text);
  const error = doc.errors[0];
  if (error !== undefined) {
    return {
      config: DEFAULT_CONFIG,
      problems: [`${source}: not valid YAML (${error.message}); using the defaults`],
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    // An alias without its anchor (`*x`), or too many aliases: the YAML cannot be read as data.
    const message = errorMessage(cause);
    return {
      config: DEFAULT_CONFIG,
      problems: [`${source}: not valid YAML (${message}); using the defaults`],
    };
  }
  return parseConfig(value, params);
}

function parsePolicies(
  value: unknown,
  report: (path: string, message: string) => void,
): RetryPolicy[] {
  if (value === null) return [];
  if (!Array.isArray(value)) {
    report('retry-policies', 'must be a list of policies; automatic retries are off');
    return [];
  }
  if (value.length > MAX_POLICIES)
    report('retry-policies', `at most ${MAX_POLICIES} policies; the rest are disabled`);
  const policies: RetryPolicy[] = [];
  for (const [index, entry] of value.slice(0, MAX_POLICIES).entries()) {
    const at = `retry-policies[${index}]`;
    const parsed = policySchema.safeParse(entry);
    if (parsed.success) {
      policies.push(toPolicy(index, parsed.data));
      continue;
    }
    for (const issue of parsed.error.issues) report(formatPath(at, issue.path), issue.message);
    report(at, 'this policy is disabled until the problems above are fixed');
  }
  return policies;
}

function toPolicy(index: number, data: z.output<typeof policySchema>): RetryPolicy {
  return {
    index,
    name: data.name ?? null,
    workflows: data.workflows ?? null,
    branches: data.branches ?? null,
    mode: { kind: data.mode },
    maxAttempts: data['max-attempts'],
    conditions: data.conditions ?? null,
    delaySeconds: data.delay,
    stopOnSameFailure: data['stop-on-same-failure'],
  };
}

/** Describe a policy for messages: its name, else its position. */
export function describePolicy(policy: RetryPolicy): string {
  return policy.name === null
    ? `retry-policies[${policy.index}]`
    : `"${policy.name}" (retry-policies[${policy.index}])`;
}

function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`),
    prefix,
  );
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
