import { isMainThread } from 'node:worker_threads';
import { serveArtifactClient, startArtifactClientWorker } from './record/artifact-client-worker.js';

// One bundle, two roles: the Action, and the artifact client it starts in a worker thread from
// this same file, first, so that the client has loaded by the time the schedule has run. Each
// role loads only its own modules.
if (isMainThread) {
  const artifactClient = startArtifactClientWorker(new URL(import.meta.url));
  const { run } = await import('./run.js');
  await run({ artifactClient });
} else {
  serveArtifactClient();
}
