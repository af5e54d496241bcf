/** An error the user can fix; its message says what to do. Entry points print it without a stack. */
export class UserError extends Error {
  override name = 'UserError';
}

/** A schedule (command list or YAML file) that cannot be used as written. */
export class ScheduleError extends UserError {
  override name = 'ScheduleError';
}

/** A run record that is not valid, is of an unsupported version, or is not trustworthy. */
export class RunRecordError extends UserError {
  override name = 'RunRecordError';
}

/** A retry that cannot be planned as asked (unknown step, `from` a step that did not succeed, …). */
export class PlanError extends UserError {
  override name = 'PlanError';
}

/** The message of anything thrown: an Error's message, else the value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The stack of anything thrown when it has one (for errors nobody expected), else its message. */
export function errorStack(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
