/**
 * The workflow file of a run, from the forms GitHub writes it in: a run's REST `path`
 * (`.github/workflows/x.yml`, `.github/workflows/x.yml@main`,
 * `owner/repo/.github/workflows/x.yml@refs/heads/main`) and `GITHUB_WORKFLOW_REF` (always
 * `owner/repo/<path>@<ref>`). One normaliser, so a parent run and the retry run compare equal.
 */

/** Where the ref starts: the first `@` after a `.yml`/`.yaml` name (a ref may hold `@` too), else the first `@`. */
function refStart(text: string): number {
  const afterYaml = /\.ya?ml@/i.exec(text);
  if (afterYaml !== null) return afterYaml.index + afterYaml[0].length - 1;
  return text.indexOf('@');
}

/** The text without its `@ref`, and without a leading `<repository>/` (in any case). */
export function workflowPathOf(text: string, repository: string): string {
  const at = refStart(text);
  const withoutRef = at === -1 ? text : text.slice(0, at);
  const prefix = `${repository}/`;
  return withoutRef.toLowerCase().startsWith(prefix.toLowerCase())
    ? withoutRef.slice(prefix.length)
    : withoutRef;
}

/** Whether `text` names a workflow of `repository` with its `owner/repo/` prefix (as `GITHUB_WORKFLOW_REF` does). */
export function namesRepository(text: string, repository: string): boolean {
  return text.toLowerCase().startsWith(`${repository}/`.toLowerCase());
}
