/** The gh-retry Probot app: which handler answers which event. */
import type { ApplicationFunction } from 'probot';
import { createTimerScheduler, SERVER_MAX_DELAY_SECONDS } from './timer-scheduler.js';
import { handleCheckRun } from '../handlers/check-run.js';
import { handleCheckSuite } from '../handlers/check-suite.js';
import { handleIssueComment } from '../handlers/issue-comment.js';
import { handleWorkflowRun } from '../handlers/workflow-run.js';
import { RecentRetries } from '../../src/retry-service/recent.js';
import { appIdentityReader, botLoggerOf, probotDeps, type RetryAppOptions } from './deps.js';

/** Build the app; every handler is runtime-neutral and shared with the bot in a workflow. */
export function createRetryApp(options: RetryAppOptions): ApplicationFunction {
  return (app) => {
    const identity = appIdentityReader(app);
    const recentRetries = new RecentRetries();
    const deps = async (context: Parameters<typeof probotDeps>[0]['context']) =>
      probotDeps({ context, identity: await identity(), options, recentRetries });
    app.on('issue_comment.created', async (context) => {
      await handleIssueComment(await deps(context), context.payload);
    });
    app.on('workflow_run.completed', async (context) => {
      await handleWorkflowRun(await deps(context), context.payload);
    });
    app.on(['check_run.requested_action', 'check_run.rerequested'], async (context) => {
      await handleCheckRun(await deps(context), context.payload);
    });
    app.on('check_suite.rerequested', async (context) => {
      await handleCheckSuite(await deps(context), context.payload);
    });
  };
}

/** The app as `probot run` loads it: delayed retries on in-memory timers. */
const retryApp: ApplicationFunction = (app, options) => {
  const scheduler = createTimerScheduler(botLoggerOf(app.log));
  return createRetryApp({
    schedule: scheduler.schedule,
    maxDelaySeconds: SERVER_MAX_DELAY_SECONDS,
  })(app, options);
};

export default retryApp;
