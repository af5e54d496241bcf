/** dbt node statuses (run_results.json `status`) that count as failed: listed with their message and counted as failed in reports. */
export const FAILED_NODE_STATUSES: readonly string[] = [
  'error',
  'fail',
  'runtime error',
  'partial success',
];

/** True when a dbt node status counts as failed. */
export function isFailedNodeStatus(status: string): boolean {
  return FAILED_NODE_STATUSES.includes(status);
}
