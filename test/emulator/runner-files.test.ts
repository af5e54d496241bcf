import { describe, expect, it } from 'vitest';
import { FileCommandError, parseFileCommands } from './runner-files.js';
import { examples } from '../support/examples.js';

describe('file commands', () => {
  examples(parseFileCommands, [
    ['', {}],
    ['status=failed\n', { status: 'failed' }],
    ['a=1\na=2\n', { a: '2' }],
    ['url=https://x/?a=b\n', { url: 'https://x/?a=b' }],
    [
      'summary<<ghadelimiter_1\nline 1\nline=2\nghadelimiter_1\nnext=ok\n',
      { summary: 'line 1\nline=2', next: 'ok' },
    ],
    ['empty<<EOF\nEOF\n', { empty: '' }],
    ['crlf=1\r\nother<<D\r\nx\r\nD\r\n', { crlf: '1', other: 'x' }],
  ]);

  it.each([['name<<END\nno end\n'], ['just a line\n']])('rejects %j', (text) => {
    expect(() => parseFileCommands(text)).toThrow(FileCommandError);
  });
});
