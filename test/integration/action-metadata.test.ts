/**
 * What publishing the Actions needs: `action.yml` and `app/action.yml` pass GitHub's action schema
 * (`@actions/workflow-parser`'s `parseAction`, which knows the Marketplace's branding icons and
 * colours), descriptions fit the Marketplace form (fewer than 125 characters), the runtime is
 * node24 and the entry points exist, and the LICENSE matches package.json's license.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NoOperationTraceWriter } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

interface ActionMetadata {
  readonly description: string;
  readonly branding?: { readonly icon: string; readonly color: string };
  readonly runs: { readonly using: string; readonly main: string; readonly post?: string };
}

function schemaErrors(file: string, text: string): string[] {
  const result = parseAction({ name: file, content: text }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((error) => error.message);
}

describe.each(['action.yml', 'app/action.yml'])('%s', (file) => {
  const text = read(file);
  const metadata = parse(text) as ActionMetadata;

  it("passes GitHub's action schema, branding included", () => {
    expect(schemaErrors(file, text)).toEqual([]);
    expect(metadata.branding).toBeDefined();
  });

  it('has a description the Marketplace accepts (fewer than 125 characters)', () => {
    expect(metadata.description.length).toBeGreaterThan(0);
    expect(metadata.description.length).toBeLessThan(125);
  });

  it('runs on node24 from entry points that exist', () => {
    expect(metadata.runs.using).toBe('node24');
    const entries = [metadata.runs.main, metadata.runs.post].flatMap((entry) =>
      entry === undefined ? [] : [path.join(repoRoot, path.dirname(file), entry)],
    );
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(existsSync(entry), entry).toBe(true);
  });
});

describe('the schema check', () => {
  it('refuses an icon and colour the Marketplace does not offer', () => {
    const bad = read('action.yml')
      .replace(/icon: \S+/, 'icon: coffee')
      .replace(/color: \S+/, 'color: pink');
    expect(schemaErrors('action.yml', bad)).toEqual([
      expect.stringContaining("Unexpected value 'coffee'"),
      expect.stringContaining("Unexpected value 'pink'"),
    ]);
  });
});

describe('LICENSE', () => {
  it('is present and is the license package.json names', () => {
    const pkg = JSON.parse(read('package.json')) as { license: string };
    const names: Readonly<Record<string, RegExp>> = { MIT: /^MIT License\n/ };
    expect(names[pkg.license], `no check for license ${pkg.license}`).toBeDefined();
    expect(read('LICENSE')).toMatch(names[pkg.license] ?? /$^/);
    expect(read('LICENSE')).toContain('Permission is hereby granted, free of charge');
  });
});
