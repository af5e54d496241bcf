/**
 * The parts of webhook payloads the handlers read, checked with zod: a payload file in a
 * workflow or a delivery is input like any other, and a missing field is an error, not undefined.
 */
import { z } from 'zod';
import type { BotContext, BotDeps } from './context.js';

const account = z.object({ login: z.string().min(1), type: z.string() });

const repository = z.object({
  name: z.string().min(1),
  full_name: z.string().min(3),
  owner: z.object({ login: z.string().min(1) }),
  html_url: z.url(),
});

const base = { repository, sender: account };

/** `issue_comment`. */
export const issueCommentEvent = z.object({
  ...base,
  action: z.string(),
  issue: z.object({
    number: z.number().int().positive(),
    pull_request: z.object({}).nullish(),
  }),
  comment: z.object({
    id: z.number().int().positive(),
    body: z.string().nullable(),
    user: account,
    performed_via_github_app: z.object({ id: z.number().int() }).nullish(),
  }),
});

/** `workflow_run`. */
export const workflowRunEvent = z.object({
  ...base,
  action: z.string(),
  workflow_run: z.object({ id: z.number().int().positive() }),
});

/** `check_run`. */
export const checkRunEvent = z.object({
  ...base,
  action: z.string(),
  check_run: z.object({
    id: z.number().int().positive(),
    name: z.string(),
    external_id: z.string().nullish(),
    app: z.object({ id: z.number().int() }).nullish(),
  }),
  requested_action: z.object({ identifier: z.string() }).nullish(),
});

/** Read a payload; a payload that does not fit is a bug or a forgery, reported in the log. */
export function readPayload<T>(schema: z.ZodType<T>, payload: unknown, event: string): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`the ${event} payload is not usable (${where})`);
  }
  return parsed.data;
}

/** The context of an event on a repository. */
export function contextFor(
  deps: BotDeps,
  payload: { repository: z.infer<typeof repository> },
): BotContext {
  const { repository: repo } = payload;
  const suffix = `/${repo.full_name}`;
  const serverUrl = repo.html_url.endsWith(suffix)
    ? repo.html_url.slice(0, -suffix.length)
    : new URL(repo.html_url).origin;
  return { ...deps, repo: { owner: repo.owner.login, repo: repo.name }, serverUrl };
}
