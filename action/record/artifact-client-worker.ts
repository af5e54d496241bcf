import type { Readable, Writable } from 'node:stream';
import { parentPort, Worker } from 'node:worker_threads';
import { loadArtifactClient, type RecordArtifactClient } from './artifact-client.js';
import { errorMessage } from '../../src/core/errors.js';

/*
 * The artifact client in a worker thread. It is loaded as soon as the Action starts and while the
 * schedule runs, so the upload at the end does not wait for it (loading it is most of the Action's
 * own time). Main calls it one call at a time; the worker ends when main says so.
 */

type Call =
  | { readonly op: 'list' }
  | {
      readonly op: 'upload';
      readonly name: string;
      readonly files: string[];
      readonly rootDirectory: string;
      readonly options: { retentionDays?: number } | undefined;
    }
  | { readonly op: 'end' };

type Reply =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** The worker's client, as main uses it; `close` stops the worker if the job ends without an upload. */
export interface WorkerArtifactClient extends RecordArtifactClient {
  end(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Start the worker thread: it runs `entry` (the Action's bundle, which serves calls when it is not
 * the main thread). Null when no thread can be started: the client then loads at the upload.
 */
export function startArtifactClientWorker(entry: URL): WorkerArtifactClient | null {
  let worker: Worker;
  try {
    worker = new Worker(entry, { stdout: true, stderr: true });
  } catch {
    return null;
  }
  // Only a call in progress keeps the process alive.
  worker.unref();
  let failure = 'it ended';
  worker.on('error', (error) => {
    failure = error.message;
  });
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      resolve();
    });
  });
  const output = Promise.all([
    forward(worker.stdout, process.stdout),
    forward(worker.stderr, process.stderr),
  ]);
  let queue = Promise.resolve();
  const call = async (message: Call): Promise<unknown> => {
    const turn = queue.then(async () => {
      worker.ref();
      try {
        const reply = new Promise<Reply>((resolve) => {
          worker.once('message', resolve);
          void exited.then(() => {
            resolve({ ok: false, message: `the artifact client's worker stopped: ${failure}` });
          });
        });
        worker.postMessage(message);
        const answer = await reply;
        if (!answer.ok) throw new Error(answer.message);
        return answer.value;
      } finally {
        worker.unref();
      }
    });
    queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return await turn;
  };
  return {
    listArtifacts: async () => (await call({ op: 'list' })) as { artifacts: { name: string }[] },
    uploadArtifact: async (name, files, rootDirectory, options) =>
      (await call({ op: 'upload', name, files, rootDirectory, options })) as {
        id?: number;
        size?: number;
      },
    end: async () => {
      worker.postMessage({ op: 'end' } satisfies Call);
      worker.ref();
      try {
        await exited;
        await output;
      } finally {
        worker.unref();
      }
    },
    close: async () => {
      await worker.terminate();
    },
  };
}

/** The worker's side: load the client now, then answer main's calls until it says `end`. */
export function serveArtifactClient(): void {
  const port = parentPort;
  if (port === null) throw new Error('serveArtifactClient runs in a worker thread');
  const loading = loadArtifactClient();
  // A failure to load is answered to main's first call, like any other failure.
  loading.catch(() => undefined);
  port.on('message', (message: Call) => {
    if (message.op === 'end') {
      port.close();
      return;
    }
    void answer(loading, message).then((reply) => {
      port.postMessage(reply);
    });
  });
}

async function answer(
  loading: Promise<RecordArtifactClient>,
  message: Exclude<Call, { op: 'end' }>,
): Promise<Reply> {
  try {
    const client = await loading;
    if (message.op === 'list') {
      const { artifacts } = await client.listArtifacts();
      return { ok: true, value: { artifacts: artifacts.map((a) => ({ name: a.name })) } };
    }
    const { id, size } = await client.uploadArtifact(
      message.name,
      message.files,
      message.rootDirectory,
      message.options,
    );
    return { ok: true, value: { id, size } };
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
}

/** Copy a worker's output stream to ours until it ends (when the worker does). */
async function forward(from: Readable, to: Writable): Promise<void> {
  await new Promise<void>((resolve) => {
    from.on('data', (chunk: Buffer) => to.write(chunk));
    from.once('end', resolve);
    from.once('close', resolve);
  });
}
