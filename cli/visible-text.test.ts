import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './program.js';
import { visibleText } from './visible-text.js';
import { captureCli } from '../test/support/cli-context.js';
import { examples } from '../test/support/examples.js';

// eslint-disable-next-line no-control-regex -- what must never reach the terminal
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('visibleText', () => {
  examples(visibleText, [
    ['\u001b[2J\u001b[31mred\u001b[0m', '\\x1b[2J\\x1b[31mred\\x1b[0m'],
    ['\u001b]52;c;aGk=\u0007', '\\x1b]52;c;aGk=\\x07'],
    ['\u009b31m', '\\x9b31m'],
    ['a\r\nb\rc\td\n', 'a\nb\\x0dc\td\n'],
    ['plain ünïcode ✓', 'plain ünïcode ✓'],
  ]);
});

describe('gh-retry show', () => {
  it('never replays escape sequences from a saved output tail', async () => {
    const cwd = realpathSync(mkdtempSync(path.join(tmpdir(), 'gh-retry-escapes-')));
    const { context, out } = captureCli(cwd);
    try {
      const hostile = String.raw`printf '\033[2J\033]0;owned\007\033]52;c;aGk=\007\302\233H\r\nend\n'; exit 1`;
      expect(await runCli(['run', '--command', hostile], context)).toBe(1);
      const afterRun = out().length;
      expect(await runCli(['show', 'last'], context)).toBe(0);
      const shown = out().slice(afterRun);
      expect(shown).toContain('\\x1b[2J\\x1b]0;owned\\x07');
      expect(shown).toContain('\\x9bH');
      expect(shown).not.toMatch(RAW_CONTROL);
      const afterShow = out().length;
      expect(await runCli(['history'], context)).toBe(0);
      expect(out().slice(afterShow)).not.toMatch(RAW_CONTROL);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
