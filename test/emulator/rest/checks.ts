/**
 * Check runs and suites: create, update, get, list for a ref or suite, rerequest — owned by the
 * App (or GitHub Actions) whose token created them, with `check_run` and `check_suite` webhooks.
 * Which App owns a check run and which suite it joins is decided in check-owners.ts.
 */
import {
  checkSuiteView,
  findSuite,
  requeueSuite,
  rerequestSuite,
  touchSuite,
} from '../check-suites.js';
import { deliverToApps } from '../events.js';
import type { Hub } from '../hub.js';
import { checkRunView } from '../issue-views.js';
import { limitCheckOutput } from '../limits.js';
import type { CheckRunRecord, RepoRecord, UserRecord } from '../records.js';
import { checkRunPayload } from '../webhook-payloads.js';
import {
  actorOf,
  countedPageReply,
  getOne,
  HttpError,
  notFound,
  numberParam,
  pathRecord,
  requestRepo,
  type RestHandler,
  type RestReply,
  type RestRequest,
} from './request.js';
import { callerApp, suiteFor } from './check-owners.js';

function findCheck(hub: Hub, repo: RepoRecord, id: number): CheckRunRecord {
  const check = hub.state.checkRuns.get(id);
  if (check?.repoId !== repo.id) throw notFound();
  return check;
}

interface CheckBody {
  name?: string;
  head_sha?: string;
  details_url?: string;
  external_id?: string;
  status?: string;
  conclusion?: string;
  started_at?: string;
  completed_at?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: unknown[] };
  actions?: { label: string; description: string; identifier: string }[];
}

function apply(check: CheckRunRecord, body: CheckBody, now: string): void {
  const text = body.output ? limitCheckOutput(body.output) : undefined;
  if (body.name !== undefined) check.name = body.name;
  if (body.details_url !== undefined) check.detailsUrl = body.details_url;
  if (body.external_id !== undefined) check.externalId = body.external_id;
  if (body.started_at !== undefined) check.startedAt = body.started_at;
  if (body.status !== undefined) check.status = body.status;
  if (body.conclusion !== undefined) {
    check.conclusion = body.conclusion;
    check.status = 'completed';
  }
  if (check.status === 'completed')
    check.completedAt = body.completed_at ?? check.completedAt ?? now;
  if (body.output) {
    check.output = {
      title: body.output.title ?? null,
      summary: body.output.summary ?? null,
      text: text ?? null,
      annotationsCount: check.output.annotationsCount + (body.output.annotations?.length ?? 0),
    };
  }
  if (body.actions) check.actions = body.actions;
}

function announce(
  hub: Hub,
  params: {
    action: string;
    check: CheckRunRecord;
    sender: UserRecord;
    onlyOwner: boolean;
    identifier?: string;
  },
): void {
  const repo = hub.state.repos.get(params.check.repoId);
  if (!repo) return;
  const payload = checkRunPayload(hub, params);
  deliverToApps(hub, {
    event: 'check_run',
    repo,
    payload,
    ...(params.onlyOwner ? { onlyAppId: params.check.appId } : {}),
  });
}

/**
 * Send `check_run.requested_action` / `rerequested` to the App that owns the check run; "Re-run"
 * also resets the run's suite to queued until the App writes to it again.
 */
export function announceCheckRequest(
  hub: Hub,
  params: { check: CheckRunRecord; sender: UserRecord; identifier?: string },
): void {
  const action = params.identifier === undefined ? 'rerequested' : 'requested_action';
  if (action === 'rerequested') requeueSuite(hub, params.check.checkSuiteId);
  announce(hub, { ...params, action, onlyOwner: true });
}

/** A page of the check runs `keep` selects, newest first, narrowed by `check_name` and `status`. */
function checkRunsPage(
  request: RestRequest,
  hub: Hub,
  keep: (check: CheckRunRecord) => boolean,
): RestReply {
  const { check_name: name, status } = request.query;
  const checks = [...hub.state.checkRuns.values()]
    .filter(
      (check) =>
        keep(check) &&
        (name === undefined || check.name === name) &&
        (status === undefined || check.status === status),
    )
    .sort((a, b) => b.id - a.id);
  return countedPageReply(request, {
    key: 'check_runs',
    items: checks,
    view: (check) => checkRunView(hub.view, check),
  });
}

/** Only the App that owns a check run or suite may rerequest it. */
function requireRerequester(
  request: RestRequest,
  hub: Hub,
  owned: { what: 'check run' | 'check suite'; appId: number | undefined },
): void {
  if (owned.appId !== callerApp(request, hub).id)
    throw new HttpError(
      403,
      `This ${owned.what} is not rerequestable or doesn't belong to the authenticated GitHub App`,
    );
}

/** Handlers by operation id. */
export const checkHandlers: Readonly<Record<string, RestHandler>> = {
  'checks/create': (request, hub) => {
    const repo = requestRepo(request);
    const app = callerApp(request, hub);
    const body = request.body as CheckBody & { name: string; head_sha: string };
    if (!hub.state.commits.has(body.head_sha))
      throw new HttpError(422, `No commit found for SHA: ${body.head_sha}`);
    const now = hub.state.nowIso();
    const check: CheckRunRecord = {
      id: hub.state.nextId('checkRun'),
      repoId: repo.id,
      headSha: body.head_sha,
      appId: app.id,
      checkSuiteId: suiteFor(hub, request, {
        repoId: repo.id,
        headSha: body.head_sha,
        appId: app.id,
      }),
      name: body.name,
      status: 'queued',
      conclusion: null,
      startedAt: now,
      completedAt: null,
      externalId: '',
      detailsUrl: null,
      output: { title: null, summary: null, text: null, annotationsCount: 0 },
      actions: [],
    };
    apply(check, body, now);
    hub.state.checkRuns.set(check.id, check);
    touchSuite(hub, check.checkSuiteId);
    const sender = actorOf(request, hub);
    announce(hub, { action: 'created', check, sender, onlyOwner: false });
    if (check.status === 'completed')
      announce(hub, { action: 'completed', check, sender, onlyOwner: false });
    return { status: 201, body: checkRunView(hub.view, check) };
  },
  'checks/update': (request, hub) => {
    const check = pathRecord(request, hub, 'check_run_id', findCheck);
    if (check.appId !== callerApp(request, hub).id)
      throw new HttpError(
        403,
        'Invalid app_id `' +
          String(check.appId) +
          '` - check run can only be modified by its creator.',
      );
    const wasCompleted = check.status === 'completed';
    apply(check, request.body as CheckBody, hub.state.nowIso());
    touchSuite(hub, check.checkSuiteId);
    if (!wasCompleted && check.status === 'completed')
      announce(hub, {
        action: 'completed',
        check,
        sender: actorOf(request, hub),
        onlyOwner: false,
      });
    return { status: 200, body: checkRunView(hub.view, check) };
  },
  'checks/get': getOne('check_run_id', findCheck, checkRunView),
  'checks/list-for-ref': (request, hub) => {
    const repo = requestRepo(request);
    const sha = hub.state.resolveRef(repo, String(request.path.ref));
    const appId = request.query.app_id;
    return checkRunsPage(
      request,
      hub,
      (check) =>
        check.repoId === repo.id &&
        check.headSha === sha &&
        (appId === undefined || check.appId === appId),
    );
  },
  'checks/rerequest-run': (request, hub) => {
    const check = pathRecord(request, hub, 'check_run_id', findCheck);
    requireRerequester(request, hub, { what: 'check run', appId: check.appId });
    announceCheckRequest(hub, { check, sender: actorOf(request, hub) });
    return { status: 201, body: {} };
  },
  'checks/get-suite': (request, hub) => ({
    status: 200,
    body: checkSuiteView(hub, requestSuite(request, hub)),
  }),
  'checks/list-for-suite': (request, hub) => {
    const suite = requestSuite(request, hub);
    return checkRunsPage(request, hub, (check) => check.checkSuiteId === suite.id);
  },
  'checks/rerequest-suite': (request, hub) => {
    const suite = requestSuite(request, hub);
    requireRerequester(request, hub, { what: 'check suite', appId: suite.appId });
    rerequestSuite(hub, { suite, sender: actorOf(request, hub) });
    return { status: 201, body: {} };
  },
};

function requestSuite(request: RestRequest, hub: Hub) {
  const repo = requestRepo(request);
  const suite = findSuite(hub, numberParam(request.path, 'check_suite_id'));
  if (suite?.repo.id !== repo.id) throw notFound();
  return suite;
}
