// Types of dbt-projects.mjs, for TypeScript tests.

/** Models that depend on `model`, directly or not. */
export declare function descendants(
  project: { readonly parents: Record<string, string[]> },
  model: string,
): string[];
