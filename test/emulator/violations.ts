/**
 * The log of everything the emulator found that breaks GitHub's API description: requests the
 * code under test sent, responses or webhooks the emulator itself produced, and endpoints it
 * does not implement. Each entry names the operation (or event) and the failing fields.
 */

/** One breach of the description. */
export interface Violation {
  readonly kind: 'request' | 'response' | 'webhook' | 'unknown-endpoint' | 'unimplemented';
  /** Operation id (`actions/create-workflow-dispatch`) or webhook schema name. */
  readonly subject: string;
  /** `METHOD /path` of the request, or the delivery id of a webhook. */
  readonly where: string;
  readonly problems: readonly string[];
  /** One line naming the subject and every problem. */
  readonly message: string;
}

/** Thrown by `stop()` / `expectNoViolations()` when anything was recorded. */
export class ViolationError extends Error {
  override name = 'ViolationError';
  constructor(readonly violations: readonly Violation[]) {
    super(
      `GitHub emulator recorded ${violations.length} API violation(s):\n${violations.map((v) => `- ${v.message}`).join('\n')}`,
    );
  }
}

/** Collects violations for the test that caused them. */
export class ViolationLog {
  private entries: Violation[] = [];

  record(violation: Omit<Violation, 'message'>): Violation {
    const entry = {
      ...violation,
      message: `${violation.kind} ${violation.subject} (${violation.where}): ${violation.problems.join('; ')}`,
    };
    this.entries.push(entry);
    return entry;
  }

  list(): readonly Violation[] {
    return [...this.entries];
  }

  /** Return and forget what was recorded (for tests that provoke violations on purpose). */
  take(): Violation[] {
    const taken = this.entries;
    this.entries = [];
    return taken;
  }

  assertNone(): void {
    if (this.entries.length > 0) throw new ViolationError(this.entries);
  }
}
