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
import { z } from 'zod';
import type { NodeSummary } from '../run-record/schema.js';
import { compilePattern, type PatternStyle } from './patterns.js';

/** Failure conditions; any single match counts. Empty lists mean "not used". */
export interface RetryConditions {
  readonly exitCodes: readonly number[];
  readonly outputPatterns: readonly string[];
  readonly dbtErrors: readonly string[];
}

/** The keys of a conditions mapping. */
export const CONDITION_KEYS = ['exit-codes', 'output-patterns', 'dbt-errors'] as const;

const patternList = (style: PatternStyle) =>
  z
    .array(
      z.string({ error: 'each pattern must be a string' }).superRefine((text, ctx) => {
        const compiled = compilePattern(text, style);
        if (compiled.kind === 'invalid')
          ctx.addIssue({ code: 'custom', message: compiled.message });
      }),
      { error: 'must be a list of patterns' },
    )
    .min(1, 'list at least one pattern, or leave the key out')
    .max(20, 'at most 20 patterns');

const conditionsShape = {
  'exit-codes': z
    .array(
      z
        .number({ error: 'each exit code must be a number' })
        .int('exit codes are whole numbers')
        .min(0, 'exit codes are 0–255')
        .max(255, 'exit codes are 0–255'),
      { error: 'must be a list of exit codes' },
    )
    .min(1, 'list at least one exit code, or leave the key out')
    .max(50, 'at most 50 exit codes')
    .optional(),
  'output-patterns': patternList('regex').optional(),
  'dbt-errors': patternList('substring').optional(),
};

/** A conditions mapping: unknown keys name the allowed ones; at least one key must be set. */
export const conditionsSchema = z
  .strictObject(conditionsShape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}; allowed: ${CONDITION_KEYS.join(', ')}`
        : 'must be a mapping',
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), {
    message: `set at least one of ${CONDITION_KEYS.join(', ')}`,
    // Only for an otherwise valid mapping: an unknown key already says what is wrong.
    when: (payload) => payload.issues.length === 0,
  })
  .transform((c): RetryConditions => ({
    exitCodes: c['exit-codes'] ?? [],
    outputPatterns: c['output-patterns'] ?? [],
    dbtErrors: c['dbt-errors'] ?? [],
  }));

/** What a condition is checked against: one failed step, or one failed attempt of a step. */
export interface FailureFacts {
  readonly id: string;
  readonly exitCode: number | null;
  readonly outputTail: string;
  readonly nodes: NodeSummary | null;
}

/** The first failure fact that meets a condition, in words; null when none does. */
export function findConditionMatch(
  conditions: RetryConditions,
  failures: readonly FailureFacts[],
): string | null {
  const output = compileAll(conditions.outputPatterns, 'regex');
  const dbt = compileAll(conditions.dbtErrors, 'substring');
  for (const step of failures) {
    if (step.exitCode !== null && conditions.exitCodes.includes(step.exitCode)) {
      return `step ${step.id} exited ${step.exitCode}`;
    }
    const outputHit = output.find((p) => p.regex.test(step.outputTail));
    if (outputHit) return `output of step ${step.id} matches ${outputHit.text}`;
    for (const node of step.nodes?.failed ?? []) {
      const dbtHit = dbt.find((p) => node.message !== null && p.regex.test(node.message));
      if (dbtHit)
        return `dbt node ${node.id} in step ${step.id} failed with a message matching ${dbtHit.text}`;
    }
  }
  return null;
}

/** The conditions in one line, as written: `exit-codes 2, 3; dbt-errors "timeout"`. */
export function describeConditions(conditions: RetryConditions): string {
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

function compileAll(
  patterns: readonly string[],
  style: PatternStyle,
): { text: string; regex: RegExp }[] {
  return patterns.flatMap((text) => {
    const compiled = compilePattern(text, style);
    // The readers reject invalid patterns; one that still fails here simply never matches.
    return compiled.kind === 'ok' ? [{ text, regex: compiled.regex }] : [];
  });
}
