import { describe, expect, it } from 'vitest';
import { namesRepository, workflowPathOf } from './workflow-path.js';

describe('workflowPathOf', () => {
  it.each([
    ['.github/workflows/x.yml', '.github/workflows/x.yml'],
    ['.github/workflows/x.yml@main', '.github/workflows/x.yml'],
    ['.github/workflows/x.yml@refs/heads/main', '.github/workflows/x.yml'],
    ['acme/warehouse/.github/workflows/x.yml@main', '.github/workflows/x.yml'],
    ['ACME/Warehouse/.github/workflows/a.yaml@refs/tags/v1', '.github/workflows/a.yaml'],
    ['other/repo/.github/workflows/x.yml@main', 'other/repo/.github/workflows/x.yml'],
    // A ref may hold `@`; the path ends at the `.yml`.
    ['acme/warehouse/.github/workflows/x.yml@refs/heads/me@work', '.github/workflows/x.yml'],
    // A file name may hold `@` too.
    ['.github/workflows/a@b.yml@refs/heads/main', '.github/workflows/a@b.yml'],
    // A path without a YAML name (a dynamic workflow) loses its ref at the first `@`.
    ['dynamic/pages/pages-build-deployment@main', 'dynamic/pages/pages-build-deployment'],
  ])('%s → %s', (text, expected) => {
    expect(workflowPathOf(text, 'acme/warehouse')).toBe(expected);
  });

  it.each([
    ['acme/warehouse/.github/workflows/x.yml@main', true],
    ['Acme/WAREHOUSE/.github/workflows/x.yml@main', true],
    ['other/repo/.github/workflows/x.yml@main', false],
    ['.github/workflows/x.yml', false],
  ])('%s names acme/warehouse: %s', (text, expected) => {
    expect(namesRepository(text, 'acme/warehouse')).toBe(expected);
  });
});
