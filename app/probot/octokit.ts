/**
 * The App's Octokit: Probot's (REST methods, paginate, retry, throttling shared through Redis with
 * `REDIS_URL`), with two changes to its throttling:
 * - a secondary rate limit is waited out too (Probot's default only logs it): GitHub asks to wait
 *   `retry-after` seconds, and a request it limited did nothing, so sending it again cannot dispatch
 *   twice. Two waits, as for a primary limit, then the error shows.
 * - writes go out from a bucket of {@link WRITE_BURST} refilled one a second, instead of Octokit's
 *   one second before every write (its limiter also counts GraphQL queries, which GitHub counts as
 *   reads). GitHub asks for a second between writes when an integration makes many of them; the
 *   bucket keeps that rate over any longer stretch, and a `/retry` (👀, its query, the dispatch)
 *   is no longer held two seconds behind its own first answer.
 */
import Bottleneck from 'bottleneck';
import { ProbotOctokit } from 'probot';

const MAX_WAITS = 2;
/** Writes (and GraphQL queries) that may go out back to back before the one-a-second pace. */
export const WRITE_BURST = 3;
const WRITE_REFILL_MS = 1000;

type ThrottleOptions = {
  readonly Bottleneck?: typeof Bottleneck;
  readonly connection?: Bottleneck.RedisConnection | Bottleneck.IORedisConnection;
  readonly timeout?: number;
  readonly [key: string]: unknown;
};

const writeGroups = new WeakMap<object, Bottleneck.Group>();
const LOCAL = {};

/**
 * One write limiter per Redis connection (or one in the process): Octokit keys it by installation,
 * so every replica sharing the Redis shares each installation's bucket.
 */
function writeGroup(throttle: ThrottleOptions | undefined): Bottleneck.Group {
  const owner = throttle?.connection ?? LOCAL;
  const known = writeGroups.get(owner);
  if (known) return known;
  const Limiter = throttle?.Bottleneck ?? Bottleneck;
  const group = new Limiter.Group({
    id: 'gh-retry-write',
    maxConcurrent: 1,
    reservoir: WRITE_BURST,
    reservoirIncreaseAmount: 1,
    reservoirIncreaseInterval: WRITE_REFILL_MS,
    reservoirIncreaseMaximum: WRITE_BURST,
    timeout: throttle?.timeout ?? 2 * 60 * 1000,
    ...(throttle?.connection ? { connection: throttle.connection } : {}),
  });
  writeGroups.set(owner, group);
  return group;
}

/** Probot's Octokit that also retries after a secondary rate limit and paces writes by a bucket. */
export const AppOctokit: typeof ProbotOctokit = ProbotOctokit.defaults(
  (instance: { throttle?: ThrottleOptions }) => ({
    ...instance,
    throttle: {
      ...instance.throttle,
      write: writeGroup(instance.throttle),
      onSecondaryRateLimit: (
        _after: number,
        _options: unknown,
        _octokit: unknown,
        retryCount: number,
      ) => retryCount < MAX_WAITS,
    },
  }),
);
