/**
 * Workflow validation by GitHub's own parser, `@actions/workflow-parser` (actions/languageservices):
 * the workflow schema (required `on`, `jobs`, `runs-on`; known keys; expression contexts allowed
 * per key, e.g. `run-name` only sees `github`, `inputs` and `vars`) and the conversion checks
 * (cron syntax, dispatch inputs). `convertWorkflowTemplate` is async only to fetch reusable
 * workflows, which the emulator does not do, so its synchronous steps run here directly. GitHub's
 * service adds checks the package lacks; the ones that bite are added below with GitHub's wording.
 *
 * The package imports its JSON schema without an import attribute: it loads through tsx, vitest
 * or a bundle, not through plain Node.
 */
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { convertConcurrency } from '@actions/workflow-parser/model/converter/concurrency';
import { convertOn } from '@actions/workflow-parser/model/converter/events';
import { handleTemplateTokenErrors } from '@actions/workflow-parser/model/converter/handle-errors';
import { convertJobs } from '@actions/workflow-parser/model/converter/jobs';
import type { EventsConfig } from '@actions/workflow-parser/model/workflow-template';
import type { TemplateContext } from '@actions/workflow-parser/templates/template-context';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';

/** What GitHub's parser made of a workflow file: its events, or the errors GitHub shows. */
export type GitHubWorkflowResult =
  | { readonly ok: true; readonly events: EventsConfig }
  | { readonly ok: false; readonly errors: readonly string[] };

const exclusiveFilters = ['branches', 'tags', 'paths'] as const;

/** Checks GitHub's service makes that the published parser does not (wording from GitHub). */
function serviceErrors(path: string, events: EventsConfig): string[] {
  const errors: string[] = [];
  for (const config of Object.values<unknown>(events)) {
    if (typeof config !== 'object' || config === null || Array.isArray(config)) continue;
    const filters = config as Record<string, unknown>;
    for (const filter of exclusiveFilters) {
      if (filters[filter] !== undefined && filters[`${filter}-ignore`] !== undefined)
        errors.push(
          `${path}: you may only define one of \`${filter}\` and \`${filter}-ignore\` for a single event`,
        );
    }
  }
  const inputs = Object.keys(events.workflow_dispatch?.inputs ?? {}).length;
  if (inputs > 25)
    errors.push(
      `${path}: you may only define up to 25 \`inputs\` for a \`workflow_dispatch\` event`,
    );
  return errors;
}

function convert(context: TemplateContext, root: TemplateToken): EventsConfig {
  let events: EventsConfig = {};
  handleTemplateTokenErrors(root, context, undefined, () => {
    for (const item of root.assertMapping('root')) {
      const key = item.key.assertString('root key').value;
      if (key === 'on')
        events = handleTemplateTokenErrors(root, context, {}, () => convertOn(context, item.value));
      if (key === 'jobs')
        handleTemplateTokenErrors(root, context, [], () => convertJobs(context, item.value));
      if (key === 'concurrency')
        handleTemplateTokenErrors(root, context, {}, () => convertConcurrency(context, item.value));
    }
  });
  return events;
}

const cache = new Map<string, GitHubWorkflowResult>();

/** Parse and validate a workflow file as GitHub does (results are cached by path and text). */
export function parseWithGitHub(path: string, text: string): GitHubWorkflowResult {
  const key = `${path}\n${text}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const parsed = parseWorkflow({ name: path, content: text }, new NoOperationTraceWriter());
  const events = parsed.value ? convert(parsed.context, parsed.value) : {};
  const errors = [
    ...parsed.context.errors.getErrors().map((error) => error.message),
    ...(parsed.value ? serviceErrors(path, events) : []),
  ];
  const result: GitHubWorkflowResult =
    errors.length > 0 || !parsed.value ? { ok: false, errors } : { ok: true, events };
  if (cache.size > 500) cache.clear();
  cache.set(key, result);
  return result;
}
