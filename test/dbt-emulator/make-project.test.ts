// The project generator, and the emulator at the scale of 5,000 models.
import { readdirSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { downstreamOf, makeTempDir, readRunResults, runDbt } from './dbt-process.js';
import { makeProject } from './make-project.mjs';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempDir() {
  const { dir, remove } = makeTempDir('make-project-');
  cleanups.push(remove);
  return dir;
}

/** Every file of a directory tree with its content. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      files[path.relative(dir, file)] = readFileSync(file, 'utf8');
    }
  }
  return files;
}

describe('makeProject', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    makeProject({ dir: a, models: 40, failRatio: 0.1, seed: 3 });
    makeProject({ dir: b, models: 40, failRatio: 0.1, seed: 3 });
    makeProject({ dir: c, models: 40, failRatio: 0.1, seed: 4 });
    expect(snapshot(a)).toEqual(snapshot(b));
    expect(snapshot(a)).not.toEqual(snapshot(c));
  });

  it.each([
    [20, 0, 0],
    [200, 0.05, 10],
    [1000, 0.01, 10],
  ])(
    'writes %i models in layers, failing ratio %d → %i failing models',
    (models, failRatio, failing) => {
      const project = makeProject({ dir: tempDir(), models, failRatio, seed: 1 });
      expect(project.models).toHaveLength(models);
      expect(project.failing).toHaveLength(failing);
      const position = new Map(project.models.map((m, i) => [m, i]));
      for (const [model, refs] of Object.entries(project.parents)) {
        expect(refs.length).toBeLessThanOrEqual(3);
        // Parents come earlier in the list: the graph has no cycles.
        for (const ref of refs) expect(position.get(ref) ?? -1).toBeLessThan(position.get(model)!);
      }
      const fanOut = new Map<string, number>();
      for (const ref of Object.values(project.parents).flat())
        fanOut.set(ref, (fanOut.get(ref) ?? 0) + 1);
      if (models >= 200) expect(Math.max(...fanOut.values())).toBeGreaterThan(2);
    },
  );
});

describe('the emulator at 5,000 models', () => {
  it('runs them, skips what is downstream of 1% failing models, and retries exactly those', async () => {
    const dir = tempDir();
    const project = makeProject({ dir, models: 5000, failRatio: 0.01, seed: 1 });
    expect(project.failing).toHaveLength(50);
    const run = await runDbt('dbt run', { cwd: dir });
    expect(run.exitCode).toBe(1);
    const parent = readRunResults(dir);
    expect(parent.results).toHaveLength(5000);
    const skipped = downstreamOf(project.parents, project.failing);
    const errored = project.failing.filter((m) => !skipped.has(m));
    const byStatus = (file: typeof parent, status: string) =>
      file.results
        .filter((r) => r.status === status)
        .map((r) => r.unique_id.split('.')[2])
        .sort();
    expect(byStatus(parent, 'error')).toEqual(errored.sort());
    expect(byStatus(parent, 'skipped')).toEqual([...skipped].sort());

    unlinkSync(path.join(dir, '.dbt-emulator.yml'));
    const retry = await runDbt('dbt retry', { cwd: dir });
    expect(retry.exitCode).toBe(0);
    const child = readRunResults(dir);
    expect(child.results.map((r) => r.unique_id.split('.')[2]).sort()).toEqual(
      [...errored, ...skipped].sort(),
    );
    expect(byStatus(child, 'success')).toHaveLength(errored.length + skipped.size);
  });
});
