import { describe, expect, it } from 'vitest';
import { pendingUploads, readPostState, POST_STATE_KEYS } from './post-state.js';

const folder = '/runner/_temp/gh-retry/gh-retry-nightly-1/8-1';
const saved = (values: Partial<Record<keyof typeof POST_STATE_KEYS, string>>) =>
  Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      `STATE_${POST_STATE_KEYS[key as keyof typeof POST_STATE_KEYS]}`,
      value,
    ]),
  );

describe('readPostState', () => {
  it.each([
    ['main uploaded', { uploaded: 'true', folder, artifact: 'gh-retry-nightly-1' }, 'uploaded'],
    ['main found the name taken', { uploaded: 'name-taken', folder, artifact: 'a' }, 'kept'],
    ['main stopped before its run folder', {}, 'kept'],
    ['a folder without an artifact name', { folder }, 'kept'],
  ] as const)('%s: nothing to upload (%j)', (_label, values, kind) => {
    expect(readPostState(saved(values))).toEqual({ kind });
  });

  it.each([
    ['30', 30],
    ['400', 400],
    ['', null],
    ['0', null],
    ['401', null],
    ['7.5', null],
    ['soon', null],
  ])('finishes the upload when main did not get to it, with retention %j', (retention, days) => {
    expect(readPostState(saved({ folder, artifact: 'gh-retry-nightly-1', retention }))).toEqual({
      kind: 'pending',
      upload: {
        artifactName: 'gh-retry-nightly-1',
        folder: {
          dir: folder,
          stateRoot: `${folder}/state`,
          recordPath: `${folder}/record.json`,
        },
        retentionDays: days,
      },
    });
  });
});

describe('the pending uploads that make post run', () => {
  it('adds an artifact once and removes only that one', () => {
    const one = pendingUploads(undefined, 'gh-retry-nightly-1', 'add');
    expect(one).toBe('gh-retry-nightly-1');
    const two = pendingUploads(
      pendingUploads(one, 'gh-retry-a b,c-1', 'add'),
      'gh-retry-a b,c-1',
      'add',
    );
    expect(two).toBe('gh-retry-nightly-1,gh-retry-a%20b%2Cc-1');
    expect(pendingUploads(two, 'gh-retry-nightly-1', 'remove')).toBe('gh-retry-a%20b%2Cc-1');
    expect(pendingUploads(one, 'gh-retry-nightly-1', 'remove')).toBe('');
    expect(pendingUploads('', 'gh-retry-other-1', 'remove')).toBe('');
  });
});
