// Types of dbt-venv.mjs, for TypeScript tests and the benchmark.

/** Pinned dbt-core minors, newest first. */
export declare const DBT_VERSIONS: readonly string[];
export declare const NEWEST_DBT: string;
export declare const FLOOR_DBT: string;
export declare class DbtVenvError extends Error {}
export declare function dbtBinDir(version: string): string;
export declare function dbtEnv(
  version: string,
  env?: Record<string, string | undefined>,
): Record<string, string | undefined>;
export declare function ensureDbtVenv(
  version: string,
  log?: (line: string) => void,
): { binDir: string; seconds: number };
export declare function installedPackages(version: string): Record<string, string>;
export declare function describeInstalled(version: string): string;
