/**
 * Validation of webhook payloads against `@octokit/openapi-webhooks`
 * (`components.schemas["webhook-<event>-<action>"]`).
 */
import { compileNamedSchema, formatErrors } from './schema-validator.js';

/** The schema name of an event and action, e.g. `webhook-issue-comment-created`. */
export function webhookSchemaName(event: string, action: string | undefined): string {
  const base = `webhook-${event.replaceAll('_', '-')}`;
  return action === undefined ? base : `${base}-${action.replaceAll('_', '-')}`;
}

/** What is wrong with a payload for an event (empty when it validates). */
export function validateWebhookPayload(
  event: string,
  action: string | undefined,
  payload: unknown,
): string[] {
  const name = webhookSchemaName(event, action);
  let validate;
  try {
    validate = compileNamedSchema('webhooks', name);
  } catch {
    return [`no webhook schema named ${name}`];
  }
  return validate(payload) ? [] : formatErrors(name, validate.errors);
}
