/**
 * The completed run as the `workflow_run` payload already holds it, so the handler need not read
 * it again over REST (one request saved on every completed run of every installed repository).
 * The payload is checked here and mapped by the same mapper as a REST read.
 */
import { z } from 'zod';
import { toBotWorkflowRun } from '../src/adapters/github/workflow-run.js';
import type { BotWorkflowRun } from '../src/ports/github-bot.js';

const payloadRun = z.object({
  id: z.number().int().positive(),
  run_attempt: z.number().int().positive().nullish(),
  run_number: z.number().int(),
  repository: z.object({ full_name: z.string() }),
  path: z.string(),
  status: z.string().nullable(),
  conclusion: z.string().nullable(),
  html_url: z.string(),
  display_title: z.string(),
  head_sha: z.string(),
  head_branch: z.string().nullable(),
  event: z.string(),
  workflow_id: z.number().int(),
  name: z.string().nullish(),
  head_repository: z.object({ full_name: z.string().nullish() }).nullish(),
  created_at: z.string(),
  updated_at: z.string(),
  pull_requests: z.array(z.object({ number: z.number().int() })).nullish(),
});

/** The run of a `workflow_run` payload; null when the payload lacks a field (then read it). */
export function runFromPayload(workflowRun: unknown): BotWorkflowRun | null {
  const parsed = payloadRun.safeParse(workflowRun);
  if (!parsed.success) return null;
  return toBotWorkflowRun(parsed.data);
}
