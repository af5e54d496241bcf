import {
  expandWord,
  quoteWords,
  type CommandLine,
  type CommandWords,
} from '../schedule/command-line.js';
import type { Env } from '../env.js';
import type { FixAwareForm, RestoreFile } from '../retry/plan.js';
import type { StepSpec } from '../schedule/step-spec.js';
import type { NodeSummary, StepRecord, ToolName } from '../run-record/schema.js';
import { baseName } from '../relative-path.js';

/** A state file the parent step saved: where the tool wrote it, where the copy is, its content if read. */
export interface ParentStateFile {
  /** Where the tool wrote it, relative to the working directory. */
  readonly path: string;
  /** Where the copy lives, relative to the parent run's state root. */
  readonly stored: string;
  /** The copy's content; undefined when the shell could not read it. */
  readonly content: string | undefined;
}

/** What a tool needs to decide how a failed step is retried. */
export interface RetryContext<M> {
  readonly match: M;
  readonly step: StepSpec;
  /** The parent run's record of this step (same id and same command). */
  readonly parent: StepRecord;
  readonly files: readonly ParentStateFile[];
  /** Directory holding the parent's stored files, used verbatim in exec lines. */
  readonly stateRoot: string;
  readonly env: Env;
  /** The parent run's id, for reasons. */
  readonly parentRun?: string;
}

/** How a failed step is retried: the tool's retry form, or the command as written and why. */
export type RetryForm =
  | {
      readonly kind: 'retry';
      readonly exec: string;
      readonly restore: readonly RestoreFile[];
      readonly reason: string;
      /** dbt: the form that also rebuilds nodes changed since the parent, when there are any. */
      readonly fixAware?: FixAwareForm;
    }
  | { readonly kind: 'as-written'; readonly reason: string };

/** What a tool's state files say about a step: dbt nodes, or the tests left failing. */
export interface StateSummary {
  readonly nodes: NodeSummary | null;
  readonly failedTests: string[] | null;
}

/** One tool: how to recognise its commands, which state to save, and its retry form. */
export interface ToolDeclaration<M> {
  readonly name: ToolName;
  /** What the tool needs from the step, or null when the step does not run this tool. */
  readonly recognise: (step: StepSpec) => M | null;
  /**
   * Small working-directory files the state paths depend on (dbt_project.yml), which the shell
   * reads (bounded, no links) before saving and passes to `statePaths` as `config`, by path.
   */
  readonly configPaths?: (match: M, env: Env) => string[];
  /** Files to save right after the step, relative to the working directory. */
  readonly statePaths: (match: M, env: Env, config?: ReadonlyMap<string, string>) => string[];
  /**
   * Whether every run of the tool that gets as far as its results rewrites its state files (dbt
   * does; pytest leaves its cache file alone when nothing changed): a file the step did not touch
   * was then left by an earlier command, and is not saved as this step's.
   */
  readonly rewritesState?: boolean;
  /** One line saying why the step's state is not saved (a project file's unsafe path), or null. */
  readonly stateRefusal?: (
    match: M,
    env: Env,
    config: ReadonlyMap<string, string>,
  ) => string | null;
  readonly retryForm: (context: RetryContext<M>) => RetryForm;
  /** Exit codes that mean success when the step runs in its retry form (pytest's 5: nothing left to run). */
  readonly retrySuccessExitCodes: readonly number[];
  /** Read the state files (keyed by path) into a summary; missing or unreadable files give nulls. */
  readonly summarise: (match: M, files: ReadonlyMap<string, string>) => StateSummary;
}

/** The summary of a step whose tool leaves nothing to summarise. */
export const NO_SUMMARY: StateSummary = { nodes: null, failedTests: null };

/** The first simple command of a line that is one command and nothing else, or null. */
export function simpleCommand(line: CommandLine): CommandWords | null {
  return line.compound === null ? line.first : null;
}

/** `env` with the command's own `VAR=value` assignments applied, as the program sees it. */
export function programEnv(words: CommandWords, env: Env): Env {
  const scoped: Record<string, string | undefined> = { ...env };
  for (const [name, value] of words.assignments) scoped[name] = expandWord(value, env);
  return scoped;
}

/** The parent's saved copy of a state file: at one of `paths`, else any file with that base name. */
export function findParentFile(
  files: readonly ParentStateFile[],
  paths: readonly string[],
  fileName: string,
): ParentStateFile | null {
  return (
    files.find((file) => paths.includes(file.path)) ??
    files.find((file) => baseName(file.path) === fileName) ??
    null
  );
}

/** The content of the state file with that base name among files keyed by path. */
export function findFileContent(
  files: ReadonlyMap<string, string>,
  fileName: string,
): string | null {
  for (const [path, content] of files) if (baseName(path) === fileName) return content;
  return null;
}

/** The step's command with arguments appended; rebuilt from its words when a comment ends it. */
export function appendArguments(
  command: string,
  line: { readonly words: CommandWords; readonly hasComment: boolean },
  extra: readonly string[],
): string {
  const { words } = line;
  const base = line.hasComment
    ? quoteWords([...words.prefix, words.program, ...words.args])
    : command.trimEnd();
  return `${base} ${quoteWords(extra)}`;
}

/** Parse JSON without throwing: undefined when the text is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** How a failed parent step ended, for reasons: "exited 2", "was stopped by SIGTERM". */
export function describeEnd(parent: StepRecord): string {
  if (parent.exitCode !== null) return `exited ${parent.exitCode}`;
  return parent.signal === null ? 'did not finish' : `was stopped by ${parent.signal}`;
}
