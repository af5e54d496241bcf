import { afterEach, describe, expect, it, vi } from 'vitest';
import { startArtifactClientWorker, type WorkerArtifactClient } from './artifact-client-worker.js';

// Main's side of the worker, against small stand-in workers: the real one loads @actions/artifact
// and is exercised by the Action's integration tests.

/** A worker from module source (it gets `parentPort` from node:worker_threads). */
const workerFrom = (source: string) =>
  new URL(
    `data:text/javascript,${encodeURIComponent(`import { parentPort } from 'node:worker_threads';\n${source}`)}`,
  );

let client: WorkerArtifactClient | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await client?.close();
  client = null;
});

describe('startArtifactClientWorker', () => {
  it('relays calls in order, and end() resolves once the worker has ended and all its log lines are written', async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    client = startArtifactClientWorker(
      workerFrom(`
        parentPort.on('message', (call) => {
          if (call.op === 'end') { process.stdout.write('last line\\n'); parentPort.close(); return; }
          if (call.op === 'list') parentPort.postMessage({ ok: true, value: { artifacts: [{ name: 'other' }] } });
          else parentPort.postMessage({ ok: true, value: { id: call.files.length, size: call.options.retentionDays } });
        });
      `),
    );
    expect(client).not.toBeNull();
    await expect(client!.listArtifacts()).resolves.toEqual({ artifacts: [{ name: 'other' }] });
    await expect(
      client!.uploadArtifact('gh-retry-x-1', ['/a', '/b'], '/', { retentionDays: 3 }),
    ).resolves.toEqual({ id: 2, size: 3 });
    await client!.end();
    expect(written.join('')).toContain('last line\n');
  });

  it('fails a call with the reason the worker gives', async () => {
    client = startArtifactClientWorker(
      workerFrom(
        `parentPort.on('message', () => parentPort.postMessage({ ok: false, message: 'no token' }));`,
      ),
    );
    await expect(client!.listArtifacts()).rejects.toThrow('no token');
  });

  it('fails a call when the worker dies instead of answering', async () => {
    client = startArtifactClientWorker(workerFrom(`throw new Error('cannot load');`));
    await expect(client!.listArtifacts()).rejects.toThrow(
      "the artifact client's worker stopped: cannot load",
    );
  });
});
