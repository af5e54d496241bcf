import { describe, expect, it } from 'vitest';
import type { CommentInfo } from '../ports/github-bot.js';
import { repliedRetries } from './own-comments.js';
import { renderRetryMarker } from '../core/bot/markers.js';

const note = renderRetryMarker({
  runId: 90,
  trigger: 'comment',
  requestedBy: 'mona',
  parentRunId: 41,
});

function comments(bodies: string[]) {
  return (): Promise<CommentInfo[]> =>
    Promise.resolve(
      bodies.map((body, index) => ({ id: index + 1, body, author: 'bot', appId: null })),
    );
}

describe('the retries noted in /retry replies', () => {
  it('reads the notes a reply ends with, for the parent asked about', async () => {
    const reply = `🔁 Retrying from failure:\n\n**Nightly**: retrying #41 as #90.\n\n${note}\n<!-- gh-retry:reply-to=7 -->`;
    const found = await repliedRetries(comments([reply]), { pullRequests: [3], parentRunId: 41 });
    expect(found.map((m) => m.runId)).toEqual([90]);
    const other = await repliedRetries(comments([reply]), { pullRequests: [3], parentRunId: 42 });
    expect(other).toEqual([]);
  });

  it('ignores a note anywhere else: in the text above, or in a comment that is no reply', async () => {
    const quoted = `🔁 Retrying:\n\nthe step said ${note}\n\n<!-- gh-retry:reply-to=7 -->`;
    const noReply = `A workflow's comment that echoes ${note}`;
    const found = await repliedRetries(comments([quoted, noReply]), {
      pullRequests: [3],
      parentRunId: 41,
    });
    expect(found).toEqual([]);
  });
});
