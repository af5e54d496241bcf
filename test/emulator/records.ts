/**
 * The record types of the emulator's model of GitHub: users, repositories and commits, workflows
 * and their runs and attempts, artifacts, issues and comments, check runs, Apps, installations and
 * tokens. They are plain data; `State` (state.ts) holds them in maps and hands out their ids.
 */
import type { KeyObject } from 'node:crypto';

/** A repository role; `maintain` reads as `write` and `triage` as `read` in the legacy permission field. */
export type Role = 'admin' | 'maintain' | 'write' | 'triage' | 'read';

/** A permission level of a token or App installation. */
export type PermissionLevel = 'read' | 'write' | 'admin';

/** Permissions by name (`actions`, `checks`, `contents`, …), as in GitHub's `app-permissions`. */
export type Permissions = Readonly<Record<string, PermissionLevel>>;

export interface UserRecord {
  readonly id: number;
  readonly login: string;
  readonly type: 'User' | 'Bot' | 'Organization';
}

export interface CommitRecord {
  readonly sha: string;
  readonly treeSha: string;
  readonly message: string;
  readonly timestamp: string;
  readonly author: UserRecord;
  /** The whole file tree at this commit. */
  readonly files: ReadonlyMap<string, string>;
}

export interface RepoRecord {
  readonly id: number;
  readonly owner: UserRecord;
  readonly name: string;
  readonly private: boolean;
  readonly defaultBranch: string;
  readonly branches: Map<string, string>;
  readonly tags: Map<string, string>;
  readonly fork: boolean;
  readonly createdAt: string;
  readonly collaborators: Map<string, Role>;
  /**
   * The default `GITHUB_TOKEN` permissions of a workflow without `permissions:` (Settings →
   * Actions → Workflow permissions): `read` ("Read repository contents and packages", the
   * default of repositories and organisations created since February 2023) or `write`.
   */
  readonly defaultWorkflowPermissions: 'read' | 'write';
}

export interface WorkflowRecord {
  readonly id: number;
  readonly repoId: number;
  readonly path: string;
  readonly createdAt: string;
  state: 'active' | 'disabled_manually';
}

export interface AttemptRecord {
  readonly attempt: number;
  readonly runBackendId: string;
  readonly jobBackendId: string;
  /** The `GITHUB_TOKEN` of this attempt. */
  readonly token: string;
  /** `ACTIONS_RUNTIME_TOKEN`: an unsigned JWT whose `scp` names the backend ids. */
  readonly runtimeToken: string;
  readonly triggeringActor: UserRecord;
  readonly startedAt: string;
  status: RunState;
  conclusion: string | null;
}

/** `pending`: waiting for its concurrency group. */
export type RunState = 'requested' | 'queued' | 'pending' | 'in_progress' | 'completed';

export interface RunRecord {
  readonly id: number;
  readonly repoId: number;
  readonly workflowId: number;
  readonly runNumber: number;
  readonly event: string;
  readonly headBranch: string | null;
  readonly headSha: string;
  readonly headRepoId: number;
  /** `GITHUB_REF` and `GITHUB_SHA` of the run (they differ from the head for pull requests). */
  readonly ref: string;
  readonly sha: string;
  readonly name: string;
  readonly displayTitle: string;
  readonly actor: UserRecord;
  readonly createdAt: string;
  readonly checkSuiteId: number;
  /** The event payload (`GITHUB_EVENT_PATH`). */
  readonly payload: Record<string, unknown>;
  /** The `inputs` context (typed values) for workflow_dispatch runs. */
  readonly inputs: Readonly<Record<string, string | boolean | number>>;
  readonly attempts: AttemptRecord[];
  /** How many workflow_run hops led to this run (GitHub stops chains after three). */
  readonly chainDepth: number;
  /** Dispatched with a job's `GITHUB_TOKEN` (see `TokenDispatchModel`). */
  readonly byActionsToken?: boolean;
  updatedAt: string;
}

export interface ArtifactRecord {
  readonly id: number;
  readonly runId: number;
  readonly attempt: number;
  readonly name: string;
  readonly createdAt: string;
  expiresAt: string;
  updatedAt: string;
  finalized: boolean;
  sizeInBytes: number;
  digest: string | null;
  contentType: string;
  readonly blocks: Map<string, Buffer>;
  content: Buffer | null;
}

export interface IssueRecord {
  readonly id: number;
  readonly repoId: number;
  readonly number: number;
  readonly title: string;
  readonly body: string;
  readonly user: UserRecord;
  readonly createdAt: string;
  /** Present when the issue is a pull request. */
  readonly pull?: {
    readonly id: number;
    readonly headRepoId: number;
    readonly headRef: string;
    headSha: string;
    readonly baseRef: string;
  };
}

export interface CommentRecord {
  readonly id: number;
  readonly repoId: number;
  readonly issueNumber: number;
  readonly user: UserRecord;
  readonly appId: number | null;
  readonly createdAt: string;
  body: string;
  updatedAt: string;
}

export interface ReactionRecord {
  readonly id: number;
  readonly commentId: number;
  readonly user: UserRecord;
  readonly content: string;
  readonly createdAt: string;
}

export interface CheckRunRecord {
  readonly id: number;
  readonly repoId: number;
  readonly headSha: string;
  readonly appId: number;
  readonly checkSuiteId: number;
  name: string;
  status: string;
  conclusion: string | null;
  startedAt: string;
  completedAt: string | null;
  externalId: string;
  detailsUrl: string | null;
  output: {
    title: string | null;
    summary: string | null;
    text: string | null;
    annotationsCount: number;
  };
  actions: { label: string; description: string; identifier: string }[];
}

/** Where an App's webhooks go: an HTTP endpoint, or an in-process function (a number it returns, or resolves to, is the status). */
export type WebhookTarget =
  | { readonly kind: 'url'; readonly url: string }
  | {
      readonly kind: 'handler';
      readonly handler: (delivery: { headers: Record<string, string>; body: string }) => unknown;
    };

export interface AppRecord {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly clientId: string;
  readonly owner: UserRecord;
  readonly botUser: UserRecord;
  readonly privateKey: string;
  readonly publicKey: KeyObject;
  readonly webhookSecret: string;
  readonly permissions: Permissions;
  readonly events: readonly string[];
  readonly createdAt: string;
  target: WebhookTarget | undefined;
}

export interface InstallationRecord {
  readonly id: number;
  readonly appId: number;
  readonly account: UserRecord;
  readonly repositoryIds: 'all' | readonly number[];
}

/** Who a request acts as. */
export type Principal =
  | {
      readonly kind: 'installation';
      readonly user: UserRecord;
      readonly appId: number;
      readonly installationId: number;
      readonly permissions: Permissions;
    }
  | {
      readonly kind: 'actions';
      readonly user: UserRecord;
      readonly runId: number;
      readonly repoId: number;
      readonly permissions: Permissions;
    }
  | { readonly kind: 'user'; readonly user: UserRecord }
  | { readonly kind: 'app'; readonly appId: number };

export interface TokenRecord {
  readonly token: string;
  readonly principal: Principal;
  readonly expiresAt: string | null;
}
