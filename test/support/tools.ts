/** Which real test runners this machine has: the tests that need one skip, with a notice, without it. */
import { execFileSync } from 'node:child_process';

function runs(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let pytest: boolean | undefined;

/** Whether `python3 -m pytest` runs here; without it, prints a notice naming what is skipped. */
export function checkPytest(skipped: string): boolean {
  pytest ??= runs('python3', ['-m', 'pytest', '--version']);
  if (!pytest) console.warn(`NOTICE: python3 -m pytest is not available; ${skipped}`);
  return pytest;
}
