import { parseDocument } from 'yaml';
import { joinRelativePath } from '../relative-path.js';

/** The project file dbt reads `target-path:` from (dbt-core config/project.py). */
export const DBT_PROJECT_FILE = 'dbt_project.yml';

/** What `dbt_project.yml` says about where dbt writes its artifacts. */
export type ProjectTargetPath =
  | { readonly kind: 'unset' }
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'refused'; readonly reason: string };

const UNSET: ProjectTargetPath = { kind: 'unset' };

/**
 * The `target-path:` of a `dbt_project.yml`, relative to the project folder. The file is the
 * user's, so a path that leaves the project (absolute, `..`, `~`) or that Jinja would render is
 * refused with a one-line reason instead of being followed. A file that is not YAML is left to dbt.
 */
export function projectTargetPath(content: string): ProjectTargetPath {
  const document = parseDocument(content, { uniqueKeys: false });
  if (document.errors.length > 0) return UNSET;
  const value: unknown = document.get('target-path');
  if (value === undefined || value === null || value === '') return UNSET;
  const written = JSON.stringify(value);
  const where = `target-path ${written} in ${DBT_PROJECT_FILE}`;
  if (typeof value !== 'string') return refused(`${where} is not a path`);
  if (value.includes('{')) return refused(`${where} is rendered by Jinja`);
  if (climbsOut(value) || (joinRelativePath(value) === null && value.replace(/[./]/g, '') !== '')) {
    return refused(`${where} is outside the dbt project`);
  }
  return { kind: 'path', path: joinRelativePath(value) ?? '.' };
}

function refused(reason: string): ProjectTargetPath {
  return { kind: 'refused', reason: `${reason}, so gh-retry does not save run_results.json` };
}

/** Whether a relative path's `..` segments ever leave the folder it starts in (`a/../../b`). */
function climbsOut(path: string): boolean {
  let depth = 0;
  for (const segment of path.split('/')) {
    if (segment === '..') depth -= 1;
    else if (segment !== '' && segment !== '.') depth += 1;
    if (depth < 0) return true;
  }
  return false;
}
