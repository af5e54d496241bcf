/**
 * Artifacts REST: list per run and per repository (name filter, direction), get, delete, and the
 * zip download answered with a 302 to a signed blob URL, or 410 once the artifact expired.
 */
import { signedDownloadUrl } from '../artifact-service.js';
import type { Hub } from '../hub.js';
import type { ArtifactRecord, RepoRecord } from '../records.js';
import { artifactView } from '../run-views.js';
import {
  countedPageReply,
  getOne,
  HttpError,
  notFound,
  pathRecord,
  requestRepo,
  type RestHandler,
  type RestRequest,
} from './request.js';
import { findRun } from './runs.js';

function findArtifact(hub: Hub, repo: RepoRecord, id: number): ArtifactRecord {
  const artifact = hub.state.artifacts.get(id);
  const run = artifact ? hub.state.runs.get(artifact.runId) : undefined;
  if (!artifact?.finalized || run?.repoId !== repo.id) throw notFound();
  return artifact;
}

function listArtifacts(
  request: RestRequest,
  hub: Hub,
  keep: (artifact: ArtifactRecord) => boolean,
) {
  const name = request.query.name;
  const ascending = request.query.direction === 'asc';
  const artifacts = [...hub.state.artifacts.values()]
    .filter(
      (artifact) =>
        artifact.finalized && keep(artifact) && (name === undefined || artifact.name === name),
    )
    .sort((a, b) => (ascending ? a.id - b.id : b.id - a.id));
  return countedPageReply(request, {
    key: 'artifacts',
    items: artifacts,
    view: (artifact) => artifactView(hub.view, artifact),
  });
}

/** Handlers by operation id. */
export const artifactHandlers: Readonly<Record<string, RestHandler>> = {
  'actions/list-workflow-run-artifacts': (request, hub) => {
    const run = pathRecord(request, hub, 'run_id', findRun);
    return listArtifacts(request, hub, (artifact) => artifact.runId === run.id);
  },
  'actions/list-artifacts-for-repo': (request, hub) => {
    const repo = requestRepo(request);
    return listArtifacts(
      request,
      hub,
      (artifact) => hub.state.runs.get(artifact.runId)?.repoId === repo.id,
    );
  },
  'actions/get-artifact': getOne('artifact_id', findArtifact, artifactView),
  'actions/delete-artifact': (request, hub) => {
    const artifact = pathRecord(request, hub, 'artifact_id', findArtifact);
    hub.state.artifacts.delete(artifact.id);
    return { status: 204 };
  },
  'actions/download-artifact': (request, hub) => {
    const artifact = pathRecord(request, hub, 'artifact_id', findArtifact);
    if (request.path.archive_format !== 'zip') throw notFound();
    if (Date.parse(artifact.expiresAt) <= Date.now())
      throw new HttpError(410, 'Artifact has expired');
    return { status: 302, headers: { location: signedDownloadUrl(hub, artifact) } };
  },
};
