/**
 * The emulator's parts wired together: model, views, runs, webhooks and the violation and
 * request logs. Handlers, the artifact service and the test API all work through one Hub.
 */
import { RunService } from './runs.js';
import { State } from './state.js';
import type { ViewContext } from './views.js';
import { ViolationLog } from './violations.js';
import { WebhookService } from './webhooks.js';
import type { CancelTimings } from './entry-process.js';

/**
 * What a run dispatched with a `GITHUB_TOKEN` does once it completes, which GitHub does not
 * document (docs/app.md): `fires` `workflow_run` like any run, in a new chain (the emulator's
 * default); `silent` starts no `workflow_run` workflows; `chained` stays in the chain of the run
 * that dispatched it, so GitHub's three-level limit ends a bot → retry → bot … chain.
 */
export type TokenDispatchModel = 'fires' | 'silent' | 'chained';

/** Fixed settings of one emulator instance. */
export interface HubConfig {
  /** REST base, e.g. `http://127.0.0.1:PORT` (also served under `/api/v3`). */
  readonly apiUrl: string;
  /** Results service origin (twirp and blob storage), e.g. `http://127.0.0.1:PORT2`. */
  readonly resultsUrl: string;
  readonly webUrl: string;
  /** Where job workspaces are created. */
  readonly tempRoot: string;
  readonly timings: CancelTimings;
  /** Artifact retention when the uploader does not ask for one. */
  readonly retentionDays: number;
  readonly tokenDispatches: TokenDispatchModel;
}

/** One API request as the emulator saw it. */
export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  /** The matched operation; `twirp/<Method>` or `blob/<operation>` on the results service; undefined for unknown paths. */
  readonly operationId: string | undefined;
  readonly status: number;
  /** Login of the caller (`gh-retry[bot]`, `github-actions[bot]`, a user) or `app:<id>`/undefined. */
  readonly actor: string | undefined;
  readonly at: string;
}

/** An error a test asked the emulator to answer instead of handling an operation. */
export interface Fault {
  readonly operationId: string;
  readonly status: number;
  readonly message: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** How many more requests get the fault. */
  remaining: number;
}

/** A request a test holds until it lets it go (to stop a client in the middle of its work). */
export interface Hold {
  readonly operationId: string;
  /** Called when the held request arrives. */
  readonly reached: () => void;
  readonly released: Promise<void>;
  used: boolean;
}

/** The shared parts of a running emulator. */
export class Hub {
  readonly state = new State();
  readonly violations = new ViolationLog();
  readonly webhooks = new WebhookService(this.violations);
  readonly runs: RunService;
  readonly view: ViewContext;
  readonly requests: RequestLogEntry[] = [];
  readonly faults: Fault[] = [];
  readonly holds: Hold[] = [];

  constructor(readonly config: HubConfig) {
    this.view = { state: this.state, apiUrl: config.apiUrl, webUrl: config.webUrl };
    this.runs = new RunService(this);
  }

  /** Wait while a test holds the next request of `operationId`. */
  async passHolds(operationId: string): Promise<void> {
    const hold = this.holds.find((h) => h.operationId === operationId && !h.used);
    if (hold === undefined) return;
    hold.used = true;
    hold.reached();
    await hold.released;
  }
}
