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
