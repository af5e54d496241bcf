/**
 * Size limits GitHub enforces beyond what its OpenAPI schema says, as measured on github.com:
 *
 * - check run `output.summary` and `output.text`: at most 65,535 UTF-16 code units (422 "Only
 *   65535 characters are allowed; N were supplied."); `summary` also at most 65,535 UTF-8 bytes
 *   (422 "summary exceeds a maximum bytesize of 65535"), while `text` over 65,535 bytes is accepted
 *   and silently cut to its first 65,535 bytes (whole characters);
 * - issue and pull request comment bodies: at most 65,536 characters (422 "Body is too long
 *   (maximum is 65536 characters)").
 */
import { HttpError } from './rest/request.js';

export const CHECK_OUTPUT_LIMIT = 65_535;
export const COMMENT_BODY_LIMIT = 65_536;

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
