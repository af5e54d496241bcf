import type { StepRecord } from '../src/core/run-record/schema.js';
import type { OutputChunk, RunEvent, RunReporter } from '../src/ports/execution.js';

/** Step output lines are indented under their step so the progress lines stand out. */
const OUTPUT_PREFIX = '  │ ';

/**
 * A `RunReporter` for a terminal: a line when each step starts and ends (status, duration), and
 * the step's output streamed live, line by line, under it.
 */
export function createTerminalReporter(write: (text: string) => void): RunReporter {
  const partial = new Map<OutputChunk['stream'], string>();
  const flush = () => {
    for (const rest of partial.values()) if (rest !== '') write(`${OUTPUT_PREFIX}${rest}\n`);
    partial.clear();
  };
  return {
    report: (event: RunEvent) => {
      switch (event.kind) {
        case 'step-started': {
          flush();
          const position = `[${event.index + 1}/${event.total}]`;
          if (event.attempt > 1) {
            write(
              `${position} ${event.step.id}: attempt ${event.attempt}: ${event.step.exec ?? ''}\n`,
            );
            return;
          }
          const form = event.step.action === 'retry' ? ' (retry form)' : '';
          write(`${position} ${event.step.id}: ${event.step.exec ?? ''}${form}\n`);
          return;
        }
        case 'step-output': {
          const text = (partial.get(event.chunk.stream) ?? '') + event.chunk.text;
          const lines = text.split('\n');
          partial.set(event.chunk.stream, lines.pop() ?? '');
          for (const line of lines) write(`${OUTPUT_PREFIX}${line}\n`);
          return;
        }
        case 'step-finished':
          flush();
          write(
            `[${event.index + 1}/${event.total}] ${event.step.id}: ${describeOutcome(event.step)}\n`,
          );
          return;
        case 'note':
          flush();
          write(`  ! ${event.stepId === null ? '' : `${event.stepId}: `}${event.message}\n`);
          return;
      }
    },
  };
}

/** "success in 1.2s", "failed (exit 1) in 3.0s", "reused from r-…", "skipped". */
export function describeOutcome(step: StepRecord): string {
  const tries = step.attemptLog === undefined ? '' : ` after ${step.attemptLog.length} attempts`;
  const took = `in ${formatDuration(step.durationMs)}${tries}`;
  switch (step.status) {
    case 'success':
      return `success ${took}`;
    case 'failed': {
      const why = step.exitCode !== null ? `exit ${step.exitCode}` : (step.signal ?? 'did not run');
      return `failed (${why}) ${took}`;
    }
    case 'cancelled':
      return `cancelled ${took}`;
    case 'reused':
      return `reused from ${step.reusedFrom ?? 'the parent run'}`;
    case 'skipped':
      return 'skipped';
  }
}

/** Milliseconds as a short human duration: 850ms, 3.2s, 2m05s. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes}m${String(seconds).padStart(2, '0')}s`;
}
