import type { RetryForm, ToolDeclaration } from './tool.js';
import { NO_SUMMARY } from './tool.js';

const RETRY_SUCCESS_EXIT_CODES: readonly number[] = [0];

/** A step with `retry-with`: the user's retry command and the state paths it needs. */
export interface CustomMatch {
  readonly retryWith: string;
  readonly state: readonly string[];
}

/** custom: a step's own `retry-with` command, after its `state` files are put back. */
export const customTool: ToolDeclaration<CustomMatch> = {
  name: 'custom',
  recognise(step) {
    return step.retryWith === undefined ? null : { retryWith: step.retryWith, state: step.state };
  },
  statePaths(match) {
    return [...match.state];
  },
  retryForm({ match, parent, files }): RetryForm {
    if (parent.status === 'cancelled') {
      return { kind: 'as-written', reason: 'it was cancelled, so its state may be incomplete' };
    }
    const restore = [];
    for (const path of match.state) {
      const file = files.find((saved) => saved.path === path);
      if (file?.content === undefined) {
        return {
          kind: 'as-written',
          reason: `its state file ${path} is missing from the parent run`,
        };
      }
      restore.push({ from: file.stored, to: path });
    }
    return {
      kind: 'retry',
      exec: match.retryWith,
      restore,
      reason: 'runs its retry-with command',
    };
  },
  retrySuccessExitCodes: RETRY_SUCCESS_EXIT_CODES,
  summarise() {
    return NO_SUMMARY;
  },
};
