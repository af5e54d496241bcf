import { isMainThread } from 'node:worker_threads';
import { serveArtifactClient, startArtifactClientWorker } from './record/artifact-client-worker.js';

/**
 * Set by dist/post/index.js, the post step's two-line entry (scripts/bundle.mjs writes it), before
 * it loads this bundle. A global, not an environment variable, so nothing a job sets can make the
 * main step act as its post step.
 */
const POST_STEP = Symbol.for('gh-retry.action.post-step');

// One bundle, three roles, each loading only its own modules: the Action's main step; the
// artifact client it starts in a worker thread from this same file, first, so that the client has
// loaded by the time the schedule has run; and the post step, which shares the main step's chunks.
if (!isMainThread) {
  serveArtifactClient();
} else if ((globalThis as Record<symbol, unknown>)[POST_STEP] === true) {
  await import('./post.js');
} else {
  const artifactClient = startArtifactClientWorker(new URL(import.meta.url));
  const { run } = await import('./run.js');
  await run({ artifactClient });
}
