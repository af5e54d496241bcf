import { describe, expect, it } from 'vitest';
import { AppOctokit, WRITE_BURST } from './octokit.js';

/** An Octokit of the App's kind whose requests are answered in-process, noting when each left. */
function recordingOctokit(id: string) {
  const sent: { method: string; url: string; at: number }[] = [];
  const fetch = (url: string, init: { method?: string }) => {
    sent.push({ method: init.method ?? 'GET', url, at: Date.now() });
    return Promise.resolve(
      new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }),
    );
  };
  const octokit = new AppOctokit({
    request: { fetch },
    throttle: { id, onRateLimit: () => false, onSecondaryRateLimit: () => false },
    retry: { enabled: false },
  });
  return { octokit, sent };
}

describe('the App’s write pacing', () => {
  it('lets a short burst of writes out at once, then paces them one a second', async () => {
    const { octokit, sent } = recordingOctokit('pacing-burst');
    const writes = WRITE_BURST + 3;
    for (let i = 0; i < writes; i += 1)
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/reactions', {
        owner: 'o',
        repo: 'r',
        issue_number: 1,
        content: 'eyes',
      });

    expect(sent).toHaveLength(writes);
    // The burst is not spaced (Octokit's own pacing would put two seconds between these).
    expect(sent[WRITE_BURST - 1]!.at - sent[0]!.at).toBeLessThan(900);
    // Three refills of the bucket, each a second after the one before, come between the first
    // paced write and the last: never faster than GitHub's one write a second.
    const paced = sent.slice(WRITE_BURST);
    expect(paced.at(-1)!.at - paced[0]!.at).toBeGreaterThanOrEqual(2 * 1000 - 300);
  }, 20_000);
});
