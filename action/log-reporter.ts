import type { StepRecord } from '../src/core/run-record/schema.js';
import { STATUS_ICONS } from '../src/core/report/markdown.js';
import type { RunEvent, RunReporter } from '../src/ports/execution.js';
import * as core from '@actions/core';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

function describeEnd(step: StepRecord): string {
  const code = step.exitCode === null ? '' : ` (exit ${step.exitCode})`;
  const signal = step.signal === null ? '' : ` (${step.signal})`;
  const reused = step.reusedFrom === null ? '' : ` from ${step.reusedFrom}`;
  return `${STATUS_ICONS[step.status]} ${step.name}: ${step.status}${reused}${code}${signal} in ${seconds(step.durationMs)}`;
}

/**
 * Streams each running step's output live inside a collapsible log group, and prints one line for
 * each step that does not run (reused or skipped).
 */
export function createLogReporter(
  write: (text: string) => void = (text) => process.stdout.write(text),
): RunReporter {
  let open: string | null = null;
  let endsWithNewline = true;
  const close = () => {
    if (open === null) return;
    if (!endsWithNewline) write('\n');
    core.endGroup();
    open = null;
  };
  return {
    report(event: RunEvent) {
      switch (event.kind) {
        case 'step-started': {
          close();
          const retry = event.attempt > 1 ? ` (attempt ${event.attempt})` : '';
          core.startGroup(
            `[${event.index + 1}/${event.total}] ${event.step.name}${retry}: ${event.step.exec ?? event.step.command}`,
          );
          open = event.step.id;
          endsWithNewline = true;
          break;
        }
        case 'step-output':
          write(event.chunk.text);
          endsWithNewline = event.chunk.text.endsWith('\n');
          break;
        case 'note':
          if (!endsWithNewline) write('\n');
          write(`[gh-retry] ${event.message}\n`);
          endsWithNewline = true;
          break;
        case 'step-finished':
          close();
          core.info(`[${event.index + 1}/${event.total}] ${describeEnd(event.step)}`);
          break;
      }
    },
  };
}
