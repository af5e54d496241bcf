/**
 * gh-retry keeps its record as a workflow artifact through `@actions/artifact` v2+, which GitHub
 * Enterprise Server does not support (it throws GHESNotSupportedError). The Action says so first,
 * in one line, instead of running the schedule and failing at the upload.
 */
import { UserError } from '../src/core/errors.js';

/** Whether `@actions/artifact` treats the server as GitHub Enterprise Server (its own rule). */
export function isEnterpriseServer(serverUrl: string): boolean {
  const host = new URL(serverUrl).hostname.trimEnd().toLowerCase();
  return host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost');
}

/** Refuse GitHub Enterprise Server with a message saying what is supported. */
export function assertSupportedServer(serverUrl: string): void {
  if (isEnterpriseServer(serverUrl))
    throw new UserError(
      `gh-retry runs on github.com and GHE.com, not on GitHub Enterprise Server (${serverUrl}): its run record is an artifact uploaded with @actions/artifact v2, which GitHub Enterprise Server does not support`,
    );
}
