// The baseline's upload: what `actions/upload-artifact` does after a plain shell step, as its own
// action process. Uploads the files of the `path` input (one a line, relative to the workspace)
// as the artifact `name` with the real @actions/artifact client; bench/baseline-upload.ts bundles
// it (unminified, as upload-artifact ships) so it starts as an action's single-file entry does.
import { existsSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { DefaultArtifactClient } from '@actions/artifact';

const input = (name) => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
const files = input('path')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '')
  .map((line) => path.resolve(workspace, line));
const missing = files.filter((file) => !existsSync(file));
if (files.length === 0 || missing.length > 0) {
  process.stdout.write(`::error::No files to upload: ${missing.join(', ') || 'none given'}\n`);
  process.exit(1);
}
const { id, size } = await new DefaultArtifactClient().uploadArtifact(
  input('name'),
  files,
  workspace,
  {},
);
process.stdout.write(`Artifact ${input('name')} uploaded: id ${id}, ${size} bytes\n`);
