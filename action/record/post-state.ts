import path from 'node:path';

// This module is the whole of what the post entry loads when main already uploaded, so it imports
// no package: reading the state is all post usually has to do.

/** Names of the values main hands to post through the runner's state (`core.saveState`). */
export const POST_STATE_KEYS = {
  folder: 'run-folder',
  artifact: 'artifact-name',
  retention: 'retention-days',
  uploaded: 'record-uploaded',
} as const;

/**
 * The job variable (GITHUB_ENV) naming the record artifacts whose upload is not done yet, comma
 * separated and URI-encoded. action.yml's `post-if` starts the post step only when the job did not
 * succeed or this is not empty, so a run whose main uploaded its record starts no post process.
 */
export const PENDING_UPLOADS_VARIABLE = 'GH_RETRY_PENDING_UPLOADS';

/** The pending list with `artifactName` added (`add`) or removed. */
export function pendingUploads(
  current: string | undefined,
  artifactName: string,
  change: 'add' | 'remove',
): string {
  const name = encodeURIComponent(artifactName);
  const others = (current ?? '').split(',').filter((entry) => entry !== '' && entry !== name);
  return (change === 'add' ? [...others, name] : others).join(',');
}

/** What post needs to finish main's job: the run folder and the artifact it becomes. */
export interface PendingUpload {
  readonly artifactName: string;
  readonly folder: {
    readonly dir: string;
    readonly stateRoot: string;
    readonly recordPath: string;
  };
  readonly retentionDays: number | null;
}

/** What main left for post: nothing to do (and why), or an upload to finish. */
export type PostState =
  | { readonly kind: 'uploaded' }
  | { readonly kind: 'kept' }
  | { readonly kind: 'pending'; readonly upload: PendingUpload };

/**
 * Read main's saved state from the post step's environment, where the runner puts each value as
 * `STATE_<name>`. `uploaded` is `true` or `name-taken` once main is
 * done with the upload; without a run folder main stopped before it had a record to keep.
 */
export function readPostState(env: NodeJS.ProcessEnv): PostState {
  const get = (name: string) => env[`STATE_${name}`] ?? '';
  const uploaded = get(POST_STATE_KEYS.uploaded);
  if (uploaded === 'true') return { kind: 'uploaded' };
  const dir = get(POST_STATE_KEYS.folder);
  const artifactName = get(POST_STATE_KEYS.artifact);
  if (uploaded !== '' || dir === '' || artifactName === '') return { kind: 'kept' };
  const days = Number(get(POST_STATE_KEYS.retention));
  return {
    kind: 'pending',
    upload: {
      artifactName,
      folder: {
        dir,
        stateRoot: path.join(dir, 'state'),
        recordPath: path.join(dir, 'record.json'),
      },
      retentionDays: Number.isInteger(days) && days >= 1 && days <= 400 ? days : null,
    },
  };
}
