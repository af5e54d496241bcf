/**
 * Size limits GitHub enforces beyond what its OpenAPI schema says, as measured on github.com:
 *
 * - check run `output.summary` and `output.text`: at most 65,535 UTF-16 code units (422 "Only
 *   65535 characters are allowed; N were supplied."); `summary` also at most 65,535 UTF-8 bytes
 *   (422 "summary exceeds a maximum bytesize of 65535"), while `text` over 65,535 bytes is accepted
 *   and silently cut to its first 65,535 bytes (whole characters);
 * - issue and pull request comment bodies: at most 65,536 characters (422 "Body is too long
 *   (maximum is 65536 characters)");
 * - `workflow_dispatch` inputs: "The maximum payload for `inputs` is 65,535 characters" (GitHub's
 *   docs), counted here as the characters of the `inputs` object's JSON. GitHub does not document
 *   the 422's wording; it is modelled on `repository_dispatch`'s "client_payload is too large.";
 * - the job summary: at most 1 MiB (1,048,576 bytes) per step; a larger `GITHUB_STEP_SUMMARY` is
 *   not uploaded at all and the runner logs the error annotation `summaryTooLarge` gives
 *   (actions/runner `FileCommandManager.cs`, `UnsupportedSummarySize`).
 */
import { HttpError } from './rest/request.js';

export const CHECK_OUTPUT_LIMIT = 65_535;
export const COMMENT_BODY_LIMIT = 65_536;
export const DISPATCH_INPUTS_LIMIT = 65_535;
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

/** UTF-8 length of a string. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The longest prefix of `text` (whole code points) that fits in `max` UTF-8 bytes. */
export function prefixWithinBytes(text: string, max: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    bytes += utf8Bytes(char);
    if (bytes > max) break;
    end += char.length;
  }
  return text.slice(0, end);
}

/** Check a check run's output as GitHub does; returns the `text` GitHub stores. */
export function limitCheckOutput(output: {
  readonly summary?: string;
  readonly text?: string;
}): string | undefined {
  for (const field of [output.summary, output.text]) {
    if (field !== undefined && field.length > CHECK_OUTPUT_LIMIT)
      throw new HttpError(
        422,
        `Only ${CHECK_OUTPUT_LIMIT} characters are allowed; ${field.length} were supplied.`,
      );
  }
  if (output.summary !== undefined && utf8Bytes(output.summary) > CHECK_OUTPUT_LIMIT)
    throw new HttpError(422, `summary exceeds a maximum bytesize of ${CHECK_OUTPUT_LIMIT}`);
  return output.text === undefined ? undefined : prefixWithinBytes(output.text, CHECK_OUTPUT_LIMIT);
}

/** Check a comment body as GitHub does. */
export function limitCommentBody(body: string): void {
  if (Array.from(body).length > COMMENT_BODY_LIMIT)
    throw new HttpError(422, 'Validation Failed', [
      {
        resource: 'IssueComment',
        code: 'unprocessable',
        field: 'data',
        message: `Body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`,
      },
    ]);
}

/** Check a dispatch's `inputs` payload as GitHub does. */
export function limitDispatchInputs(inputs: Readonly<Record<string, unknown>>): void {
  if (JSON.stringify(inputs).length > DISPATCH_INPUTS_LIMIT)
    throw new HttpError(422, 'inputs are too large.');
}

/**
 * The runner's error annotation for a step summary over 1 MiB (the summary is then dropped), or
 * null when it fits. Sizes in KiB are truncated, as the runner's integer division does.
 */
export function summaryTooLarge(summary: string): string | null {
  const size = utf8Bytes(summary);
  if (size <= STEP_SUMMARY_LIMIT) return null;
  return `$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of ${STEP_SUMMARY_LIMIT / 1024}k, got ${Math.floor(size / 1024)}k. For more information see: https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-markdown-summary`;
}
