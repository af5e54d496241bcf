// Types of make-project.mjs, for TypeScript tests and scripts.

/** Directory to put first on PATH so that `dbt` is the emulator. */
export declare const EMULATOR_BIN_DIR: string;

/** What to generate. */
export interface ProjectOptions {
  /** Where to write the project (created; an existing marker is replaced). */
  dir: string;
  /** Number of models (default 20). */
  models?: number;
  /** Number of seeds (default 3). */
  seeds?: number;
  /** 0–3 data tests per model (default 2: unique and not_null on id). */
  testsPerModel?: number;
  /** Share of models that fail (default 0). */
  failRatio?: number;
  /** Model names that fail, added to those picked by failRatio. */
  fail?: string[];
  /** Data test name → failing rows. */
  failTests?: Record<string, number>;
  /** Injected failures happen only this many times per node. */
  failTimes?: number;
  /** Milliseconds every node takes (default 0). */
  sleepMs?: number;
  /** Random seed (default 1): same options, same project. */
  seed?: number;
  /** Project and profile name (default "emulated_shop"). */
  name?: string;
}

/** What was generated. */
export interface GeneratedProject {
  dir: string;
  projectName: string;
  /** Model names, upstream layers first. */
  models: string[];
  seeds: string[];
  /** Names of the models the marker makes fail. */
  failing: string[];
  /** Number of data tests. */
  tests: number;
  /** Model name → the models and seeds it refs. */
  parents: Record<string, string[]>;
}

/** Writes a project (dbt_project.yml, profiles.yml, seeds, models, tests, marker) and describes it. */
export declare function makeProject(options: ProjectOptions): GeneratedProject;
