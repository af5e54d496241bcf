/**
 * What happens when something happens on a repository: webhooks to the Apps installed on it
 * that subscribe to the event, and new runs of the workflows whose `on:` matches.
 */
import type { Hub } from './hub.js';
import type { RunOrigin } from './run-records.js';
import { installationCovers } from './state.js';
import type { RepoRecord, RunRecord } from './records.js';
import type { DeliveryRecord } from './webhooks.js';
import { matchesTrigger, parseWorkflowFileIfValid, type TriggerEvent } from './workflow-file.js';

/** Deliver an event to every App installed on the repository that subscribes to it. */
export function deliverToApps(
  hub: Hub,
  params: {
    event: string;
    repo: RepoRecord;
    payload: Readonly<Record<string, unknown>>;
    onlyAppId?: number;
  },
): DeliveryRecord[] {
  const deliveries: DeliveryRecord[] = [];
  for (const installation of hub.state.installations.values()) {
    const app = hub.state.apps.get(installation.appId);
    if (!app || !app.events.includes(params.event)) continue;
    if (params.onlyAppId !== undefined && app.id !== params.onlyAppId) continue;
    if (installationCovers(installation, params.repo))
      deliveries.push(
        hub.webhooks.deliver({ app, installation, event: params.event, payload: params.payload }),
      );
  }
  return deliveries;
}

/**
 * Start a run of each workflow of the repository whose trigger matches. The files are read at
 * `filesSha` (the pushed commit, the PR head, or the default branch). Events caused by an
 * Actions `GITHUB_TOKEN` start no runs, as on GitHub.
 */
export function startTriggeredRuns(
  hub: Hub,
  params: {
    repo: RepoRecord;
    trigger: TriggerEvent;
    filesSha: string;
    origin: RunOrigin;
    byActionsToken?: boolean;
  },
): RunRecord[] {
  if (params.byActionsToken) return [];
  if (params.trigger.name === 'workflow_run' && params.origin.chainDepth > 3) return [];
  const runs: RunRecord[] = [];
  for (const workflow of hub.state.workflows.values()) {
    if (workflow.repoId !== params.repo.id || workflow.state !== 'active') continue;
    const file = parseWorkflowFileIfValid(
      hub.state.fileAt(params.filesSha, workflow.path),
      workflow.path,
    );
    if (file && matchesTrigger(file, params.trigger))
      runs.push(hub.runs.create({ repo: params.repo, workflow, file, origin: params.origin }));
  }
  return runs;
}
