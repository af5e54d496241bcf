import { errorStack, UserError } from '../src/core/errors.js';
import * as core from '@actions/core';

/**
 * Fail the step for an error that ended it: a user error as its one-line message; anything else
 * with its stack in the log and `unexpected` as the step's failure message.
 */
export function setFailedFor(error: unknown, unexpected: string): void {
  if (error instanceof UserError) {
    core.setFailed(error.message);
  } else {
    core.error(errorStack(error));
    core.setFailed(unexpected);
  }
}
