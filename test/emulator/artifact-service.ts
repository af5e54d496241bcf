/**
 * The results service `@actions/artifact` talks to: twirp `ArtifactService` (JSON, snake_case,
 * int64 as strings, errors as `{code, msg}`) authorized by the job's `ACTIONS_RUNTIME_TOKEN`, and
 * blob storage speaking Azure's Put Block / Put Block List, with HMAC-signed URLs.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Hub } from './hub.js';
import { findJob, jobLog } from './job-logs.js';
import { isoSeconds } from './state.js';
import type { ArtifactRecord, AttemptRecord, RunRecord } from './records.js';

/** A reply of the results server. */
export interface ResultsReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Buffer;
}

const twirpPrefix = '/twirp/github.actions.results.api.v1.ArtifactService/';
const signingKey = randomBytes(32);

function sign(subject: string): string {
  return createHmac('sha256', signingKey).update(subject).digest('base64url');
}

function signatureMatches(subject: string, given: string | null): boolean {
  const expected = Buffer.from(sign(subject));
  // Azure's SDK may re-encode the query; compare the decoded signature only.
  const actual = Buffer.from((given ?? '').replace(/=+$/, ''));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Name of a results-service call for the request log: `twirp/<Method>` or `blob/<operation>`. */
export function resultsCallName(method: string, url: URL): string {
  if (url.pathname.startsWith(twirpPrefix))
    return `twirp/${url.pathname.slice(twirpPrefix.length)}`;
  const comp = url.searchParams.get('comp');
  if (method === 'PUT')
    return comp === 'block'
      ? 'blob/put-block'
      : comp === 'blocklist'
        ? 'blob/put-block-list'
        : 'blob/put';
  return `blob/${method.toLowerCase()}`;
}

/** A download URL for an artifact's zip, valid for one minute (as GitHub's). */
export function signedDownloadUrl(hub: Hub, artifact: ArtifactRecord): string {
  const expires = String(Date.now() + 60_000);
  return `${hub.config.resultsUrl}/blob/download/${artifact.id}.zip?se=${expires}&sig=${sign(`download:${artifact.id}:${expires}`)}`;
}

/** A download URL for a job's log, valid for one minute (GitHub redirects log downloads too). */
export function signedLogUrl(hub: Hub, jobId: number): string {
  const expires = String(Date.now() + 60_000);
  return `${hub.config.resultsUrl}/blob/logs/${jobId}.txt?se=${expires}&sig=${sign(`logs:${jobId}:${expires}`)}`;
}

function logDownload(hub: Hub, url: URL, id: number): ResultsReply {
  const expires = url.searchParams.get('se') ?? '';
  const job = findJob(hub, id);
  if (
    !job ||
    !signatureMatches(`logs:${id}:${expires}`, url.searchParams.get('sig')) ||
    Number(expires) < Date.now()
  )
    return { status: 403, headers: {}, body: 'AuthenticationFailed' };
  return {
    status: 200,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: jobLog(hub, job),
  };
}

function json(status: number, body: unknown): ResultsReply {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function twirpError(status: number, code: string, msg: string): ResultsReply {
  return json(status, { code, msg });
}

function findAttempt(
  hub: Hub,
  bearer: string | undefined,
): { run: RunRecord; attempt: AttemptRecord } | undefined {
  for (const run of hub.state.runs.values()) {
    const attempt = run.attempts.find((candidate) => `Bearer ${candidate.runtimeToken}` === bearer);
    if (attempt) return { run, attempt };
  }
  return undefined;
}

function runArtifacts(hub: Hub, run: RunRecord): ArtifactRecord[] {
  return [...hub.state.artifacts.values()].filter((artifact) => artifact.runId === run.id);
}

/** An authorized twirp call: the job's run and attempt, the request, and the artifact it names. */
interface TwirpCall {
  readonly run: RunRecord;
  readonly attempt: AttemptRecord;
  readonly request: Record<string, unknown>;
  readonly existing: ArtifactRecord | undefined;
}

function createArtifact(hub: Hub, { run, attempt, request, existing }: TwirpCall): ResultsReply {
  if (existing)
    return twirpError(
      409,
      'already_exists',
      'an artifact with this name already exists on the workflow run',
    );
  const now = hub.state.nowIso();
  const expiresAt =
    typeof request.expires_at === 'string'
      ? new Date(request.expires_at)
      : new Date(Date.now() + hub.config.retentionDays * 86_400_000);
  const artifact: ArtifactRecord = {
    id: hub.state.nextId('artifact'),
    runId: run.id,
    attempt: attempt.attempt,
    name: String(request.name),
    createdAt: now,
    updatedAt: now,
    expiresAt: isoSeconds(expiresAt),
    finalized: false,
    sizeInBytes: 0,
    digest: null,
    contentType: typeof request.mime_type === 'string' ? request.mime_type : 'application/zip',
    blocks: new Map(),
    content: null,
  };
  hub.state.artifacts.set(artifact.id, artifact);
  return json(200, {
    ok: true,
    signed_upload_url: `${hub.config.resultsUrl}/blob/upload/${artifact.id}?sig=${sign(`upload:${artifact.id}`)}`,
  });
}

function finalizeArtifact(hub: Hub, { request, existing }: TwirpCall): ResultsReply {
  if (!existing || existing.finalized) return twirpError(404, 'not_found', 'artifact not found');
  if (!existing.content)
    return twirpError(400, 'failed_precondition', 'the artifact has no uploaded content');
  existing.finalized = true;
  existing.sizeInBytes = Number(request.size ?? existing.content.length);
  existing.digest =
    typeof request.hash === 'string'
      ? request.hash
      : `sha256:${createHash('sha256').update(existing.content).digest('hex')}`;
  existing.updatedAt = hub.state.nowIso();
  return json(200, { ok: true, artifact_id: String(existing.id) });
}

function listArtifacts(hub: Hub, { run, attempt, request }: TwirpCall): ResultsReply {
  const nameFilter = typeof request.name_filter === 'string' ? request.name_filter : undefined;
  const idFilter = typeof request.id_filter === 'string' ? Number(request.id_filter) : undefined;
  // Every attempt of the run sees the run's artifacts, as a re-run job does on GitHub.
  const artifacts = runArtifacts(hub, run)
    .filter(
      (artifact) =>
        artifact.finalized &&
        (nameFilter === undefined || artifact.name === nameFilter) &&
        (idFilter === undefined || artifact.id === idFilter),
    )
    .map((artifact) => ({
      workflow_run_backend_id: attempt.runBackendId,
      workflow_job_run_backend_id: attempt.jobBackendId,
      database_id: String(artifact.id),
      name: artifact.name,
      size: String(artifact.sizeInBytes),
      created_at: artifact.createdAt,
      ...(artifact.digest ? { digest: artifact.digest } : {}),
    }));
  return json(200, { artifacts });
}

const twirpMethods: Readonly<Record<string, (hub: Hub, call: TwirpCall) => ResultsReply>> = {
  CreateArtifact: createArtifact,
  FinalizeArtifact: finalizeArtifact,
  ListArtifacts: listArtifacts,
  GetSignedArtifactURL: (hub, { existing }) =>
    existing?.finalized
      ? json(200, { signed_url: signedDownloadUrl(hub, existing) })
      : twirpError(404, 'not_found', 'artifact not found'),
  DeleteArtifact: (hub, { existing }) => {
    if (!existing) return twirpError(404, 'not_found', 'artifact not found');
    hub.state.artifacts.delete(existing.id);
    return json(200, { ok: true, artifact_id: String(existing.id) });
  },
};

/** Handle a twirp call (`POST /twirp/…ArtifactService/<Method>`). */
export function handleTwirp(
  hub: Hub,
  params: { path: string; authorization: string | undefined; body: Buffer },
): ResultsReply {
  const method =
    twirpMethods[params.path.startsWith(twirpPrefix) ? params.path.slice(twirpPrefix.length) : ''];
  if (!method) return twirpError(404, 'bad_route', `no handler for path "${params.path}"`);
  let request: Record<string, unknown>;
  try {
    request = JSON.parse(params.body.toString('utf8')) as Record<string, unknown>;
  } catch {
    return twirpError(400, 'malformed', 'the request body is not JSON');
  }
  const found = findAttempt(hub, params.authorization);
  if (
    !found ||
    request.workflow_run_backend_id !== found.attempt.runBackendId ||
    request.workflow_job_run_backend_id !== found.attempt.jobBackendId
  ) {
    return twirpError(401, 'unauthenticated', 'invalid auth token');
  }
  const existing = runArtifacts(hub, found.run).find((artifact) => artifact.name === request.name);
  return method(hub, { ...found, request, existing });
}

function azureHeaders(): Record<string, string> {
  return {
    'x-ms-request-id': randomBytes(8).toString('hex'),
    'x-ms-version': '2026-04-06',
    etag: `"0x${randomBytes(6).toString('hex')}"`,
    'last-modified': new Date().toUTCString(),
  };
}

function blockIds(xml: string): string[] {
  return [...xml.matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)].map(
    (match) => match[2] ?? '',
  );
}

/** Handle blob storage: `PUT upload/<id>?comp=block|blocklist` and `GET download/<id>.zip`. */
export function handleBlob(
  hub: Hub,
  params: {
    method: string;
    url: URL;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  },
): ResultsReply {
  const upload = /^\/blob\/upload\/(\d+)$/.exec(params.url.pathname);
  const download = /^\/blob\/download\/(\d+)\.zip$/.exec(params.url.pathname);
  const logs = /^\/blob\/logs\/(\d+)\.txt$/.exec(params.url.pathname);
  if (logs && params.method === 'GET') return logDownload(hub, params.url, Number(logs[1]));
  const sig = params.url.searchParams.get('sig');
  if (upload && params.method === 'PUT') {
    const artifact = hub.state.artifacts.get(Number(upload[1]));
    if (!artifact || artifact.finalized || !signatureMatches(`upload:${artifact.id}`, sig))
      return { status: 403, headers: {}, body: 'AuthenticationFailed' };
    const comp = params.url.searchParams.get('comp');
    if (comp === 'block') {
      artifact.blocks.set(params.url.searchParams.get('blockid') ?? '', params.body);
    } else if (comp === 'blocklist') {
      const ids = blockIds(params.body.toString('utf8'));
      if (ids.some((id) => !artifact.blocks.has(id)))
        return { status: 400, headers: {}, body: 'InvalidBlockList' };
      // Blocks are joined in block-list order, not in the order they arrived.
      artifact.content = Buffer.concat(ids.map((id) => artifact.blocks.get(id) ?? Buffer.alloc(0)));
      const contentType = params.headers['x-ms-blob-content-type'];
      if (typeof contentType === 'string') artifact.contentType = contentType;
    } else {
      artifact.content = params.body;
    }
    return { status: 201, headers: azureHeaders(), body: '' };
  }
  if (download && params.method === 'GET') {
    const artifact = hub.state.artifacts.get(Number(download[1]));
    const expires = params.url.searchParams.get('se') ?? '';
    if (
      !artifact?.content ||
      !signatureMatches(`download:${artifact.id}:${expires}`, sig) ||
      Number(expires) < Date.now()
    ) {
      return { status: 403, headers: {}, body: 'AuthenticationFailed' };
    }
    return {
      status: 200,
      headers: {
        'content-type': 'application/zip',
        'content-length': String(artifact.content.length),
      },
      body: artifact.content,
    };
  }
  return { status: 404, headers: {}, body: 'ResourceNotFound' };
}
