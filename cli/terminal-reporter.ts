import type { StepRecord } from '../src/core/run-record/schema.js';
import type { OutputChunk, RunEvent, RunReporter } from '../src/ports/execution.js';

/** Step output lines are indented under their step so the progress lines stand out. */
const OUTPUT_PREFIX = '  │ ';

/**
 * Longest partial line held back waiting for its newline; a longer one is written as it comes, so
 * output without newlines (a 50 MB progress line) streams in linear time and bounded memory.
 */
export const MAX_HELD_LINE = 8 * 1024;

/**
 * A `RunReporter` for a terminal: a line when each step starts and ends (status, duration), and
 * the step's output streamed live, line by line, under it.
 */
export function createTerminalReporter(write: (text: string) => void): RunReporter {
  const output = createOutputLines(write);
  return {
    report: (event: RunEvent) => {
      switch (event.kind) {
        case 'step-started': {
          output.flush();
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
        case 'step-output':
          output.add(event.chunk);
          return;
        case 'step-finished':
          output.flush();
          write(
            `[${event.index + 1}/${event.total}] ${event.step.id}: ${describeOutcome(event.step)}\n`,
          );
          return;
        case 'note':
          output.flush();
          write(`  ! ${event.stepId === null ? '' : `${event.stepId}: `}${event.message}\n`);
          return;
      }
    },
  };
}

/**
 * A step's output as indented lines. Each stream's partial line waits for its newline (so stdout
 * and stderr lines do not mix) up to `MAX_HELD_LINE` characters; past that it is written as it
 * comes. Only the new chunk is ever scanned, never the output so far.
 */
function createOutputLines(write: (text: string) => void) {
  const held = new Map<OutputChunk['stream'], string>();
  // The stream whose line was begun on the terminal and not ended yet.
  let open: OutputChunk['stream'] | null = null;
  const begin = (stream: OutputChunk['stream']): string => {
    if (open === stream) return '';
    if (open !== null) write('\n');
    open = stream;
    return OUTPUT_PREFIX;
  };
  const writeLines = (stream: OutputChunk['stream'], text: string) => {
    const lines = text.split('\n');
    write(`${begin(stream)}${lines.join(`\n${OUTPUT_PREFIX}`)}\n`);
    open = null;
  };
  const writePartial = (stream: OutputChunk['stream'], text: string) => {
    write(`${begin(stream)}${text}`);
  };
  return {
    add: ({ stream, text }: OutputChunk) => {
      const before = held.get(stream) ?? '';
      const newline = text.lastIndexOf('\n');
      let rest = text;
      if (newline !== -1) {
        writeLines(stream, before + text.slice(0, newline));
        rest = text.slice(newline + 1);
      } else {
        rest = before + text;
      }
      if (rest.length > MAX_HELD_LINE) {
        writePartial(stream, rest);
        rest = '';
      }
      held.set(stream, rest);
    },
    flush: () => {
      for (const [stream, rest] of held) if (rest !== '') writeLines(stream, rest);
      held.clear();
      if (open !== null) write('\n');
      open = null;
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
