/**
 * Workflows: list, get, enable/disable, and `workflow_dispatch` with GitHub's checks and 422s.
 */
import { checkDispatchInputs } from '../dispatch-inputs.js';
import { limitDispatchInputs } from '../limits.js';
import { deliverToApps } from '../events.js';
import type { Hub } from '../hub.js';
import { fullName } from '../state.js';
import type { RepoRecord, WorkflowRecord } from '../records.js';
import { workflowView } from '../run-views.js';
import { workflowDispatchPayload } from '../webhook-payloads.js';
import { parseWorkflowFile, WorkflowFileError, type WorkflowFile } from '../workflow-file.js';
import {
  actorOf,
  countedPageReply,
  HttpError,
  notFound,
  requestRepo,
  type RestHandler,
  type RestRequest,
} from './request.js';

/** A workflow of the repository by numeric id or file name (`ci.yml`). */
export function findWorkflow(hub: Hub, repo: RepoRecord, key: unknown): WorkflowRecord {
  const text = String(key);
  const workflow = [...hub.state.workflows.values()].find(
    (candidate) =>
      candidate.repoId === repo.id &&
      (String(candidate.id) === text || candidate.path.split('/').pop() === text),
  );
  if (!workflow) throw notFound();
  return workflow;
}

function fileAt(hub: Hub, sha: string, path: string): WorkflowFile | undefined {
  const text = hub.state.fileAt(sha, path);
  if (text === undefined) return undefined;
  try {
    return parseWorkflowFile(text, path);
  } catch (error) {
    if (error instanceof WorkflowFileError)
      throw new HttpError(422, `Invalid workflow file: ${error.message}`);
    throw error;
  }
}

function wantsRunDetails(request: RestRequest): boolean {
  const body = request.body as { return_run_details?: unknown } | undefined;
  // API version 2026-03-10 always answers with the run's details.
  return (
    body?.return_run_details === true || request.headers['x-github-api-version'] === '2026-03-10'
  );
}

/**
 * Where a dispatched run stands in a `workflow_run` chain: a new chain (depth 0), or — modelling
 * `chained` — the depth of the run whose `GITHUB_TOKEN` dispatched it.
 */
function dispatchChain(
  request: RestRequest,
  hub: Hub,
): { chainDepth: number; byActionsToken?: boolean } {
  const principal = request.principal;
  if (principal?.kind !== 'actions') return { chainDepth: 0 };
  const dispatcher = hub.state.runs.get(principal.runId);
  const inherit = hub.config.tokenDispatches === 'chained' && dispatcher !== undefined;
  return { chainDepth: inherit ? dispatcher.chainDepth : 0, byActionsToken: true };
}

const dispatch: RestHandler = (request, hub) => {
  const repo = requestRepo(request);
  const workflow = findWorkflow(hub, repo, request.path.workflow_id);
  const body = request.body as { ref: string; inputs?: Record<string, unknown> };
  if (workflow.state !== 'active')
    throw new HttpError(422, "Cannot trigger a 'workflow_dispatch' on a disabled workflow");
  const sha = hub.state.resolveRef(repo, body.ref);
  if (!sha || /^[0-9a-f]{40}$/.test(body.ref))
    throw new HttpError(422, `No ref found for: ${body.ref}`);
  limitDispatchInputs(body.inputs ?? {});
  const file = fileAt(hub, sha, workflow.path);
  const check = checkDispatchInputs(file?.dispatchInputs, body.inputs ?? {});
  if (!file || check.kind === 'rejected')
    throw new HttpError(
      422,
      check.kind === 'rejected'
        ? check.message
        : "Workflow does not have 'workflow_dispatch' trigger",
    );
  const isTag =
    body.ref.startsWith('refs/tags/') ||
    (!body.ref.startsWith('refs/heads/') && !repo.branches.has(body.ref));
  const short = body.ref.replace(/^refs\/(heads|tags)\//, '');
  const ref = `refs/${isTag ? 'tags' : 'heads'}/${short}`;
  const actor = actorOf(request, hub);
  const chain = dispatchChain(request, hub);
  const payload = workflowDispatchPayload(hub.view, {
    repo,
    ref,
    workflowPath: workflow.path,
    inputs: check.payload,
    sender: actor,
  });
  deliverToApps(hub, { event: 'workflow_dispatch', repo, payload });
  const run = hub.runs.create({
    repo,
    workflow,
    file,
    origin: {
      event: 'workflow_dispatch',
      headBranch: short,
      headSha: sha,
      ref,
      actor,
      payload,
      defaultTitle: file.name ?? workflow.path,
      inputs: check.context,
      ...chain,
    },
  });
  if (!wantsRunDetails(request)) return { status: 204 };
  return {
    status: 200,
    body: {
      workflow_run_id: run.id,
      run_url: `${hub.config.apiUrl}/repos/${fullName(repo)}/actions/runs/${run.id}`,
      html_url: `${hub.config.webUrl}/${fullName(repo)}/actions/runs/${run.id}`,
    },
  };
};

const setState =
  (state: WorkflowRecord['state']): RestHandler =>
  (request, hub) => {
    findWorkflow(hub, requestRepo(request), request.path.workflow_id).state = state;
    return { status: 204 };
  };

/** Handlers by operation id. */
export const workflowHandlers: Readonly<Record<string, RestHandler>> = {
  'actions/list-repo-workflows': (request, hub) => {
    const repo = requestRepo(request);
    const all = [...hub.state.workflows.values()].filter((workflow) => workflow.repoId === repo.id);
    return countedPageReply(request, {
      key: 'workflows',
      items: all,
      view: (w) => workflowView(hub.view, w),
    });
  },
  'actions/get-workflow': (request, hub) => ({
    status: 200,
    body: workflowView(hub.view, findWorkflow(hub, requestRepo(request), request.path.workflow_id)),
  }),
  'actions/create-workflow-dispatch': dispatch,
  'actions/enable-workflow': setState('active'),
  'actions/disable-workflow': setState('disabled_manually'),
};
