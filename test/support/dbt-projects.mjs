// What a generated dbt project (test/dbt-emulator/make-project.mjs) implies, for tests and scripts.
// Plain JavaScript so that scripts run by node alone (scripts/demo.mjs) can import it too.

/**
 * Models that depend on `model`, directly or not.
 * @param {{ parents: Record<string, string[]> }} project
 * @param {string} model
 * @returns {string[]}
 */
export function descendants(project, model) {
  const found = new Set();
  /** @param {string} name */
  const visit = (name) => {
    for (const [child, parents] of Object.entries(project.parents)) {
      if (parents.includes(name) && !found.has(child)) {
        found.add(child);
        visit(child);
      }
    }
  };
  visit(model);
  return [...found];
}
