import { describe, expect, it } from 'vitest';
import { PlanError } from '../errors.js';
import {
  describeRetryMode,
  formatRetryMode,
  listRetryModeForms,
  MAX_ONLY_STEPS,
  parseRetryMode,
  readStepList,
  RETRY_MODE_FORMS,
  RETRY_MODE_TABLE,
  type RetryMode,
} from './mode.js';
import { GRAMMAR } from '../../../test/support/retry-mode-grammar.js';
import { parseComment } from '../bot/comment-command.js';

describe('the retry-mode grammar', () => {
  it('lists its forms from the table', () => {
    expect(RETRY_MODE_FORMS).toBe('from-failure, all, from STEP, only STEP[,STEP…]');
    expect(listRetryModeForms()).toBe('from-failure, all, from STEP or only STEP[,STEP…]');
    expect(RETRY_MODE_TABLE.map((f) => f.kind)).toEqual(['from-failure', 'all', 'from', 'only']);
    expect(MAX_ONLY_STEPS).toBe(50);
  });

  it.each(GRAMMAR)('retry-mode input: %j', (text, mode) => {
    if (mode === null) expect(() => parseRetryMode(text)).toThrow(PlanError);
    else expect(parseRetryMode(text)).toEqual(mode);
  });

  it.each(GRAMMAR)('/retry comment: %j', (text, mode) => {
    const parsed = parseComment(`/retry ${text}`);
    if (mode === null) expect(parsed.kind).toBe('invalid');
    else expect(parsed).toEqual({ kind: 'retry', workflow: null, mode });
  });

  it.each(GRAMMAR.filter(([, mode]) => mode !== null))('formats %j back to itself', (_, mode) => {
    const m = mode as RetryMode;
    expect(parseRetryMode(formatRetryMode(m))).toEqual(m);
  });

  it.each<[RetryMode, string, string]>([
    [{ kind: 'from-failure' }, 'from-failure', 'Retrying from failure'],
    [{ kind: 'all' }, 'all', 'Retrying every step'],
    [{ kind: 'from', step: 'b' }, 'from b', 'Retrying from step [b]'],
    [{ kind: 'only', steps: ['a', 'b'] }, 'only a,b', 'Retrying only [a], [b]'],
  ])('renders %j', (mode, text, words) => {
    expect(formatRetryMode(mode)).toBe(text);
    expect(describeRetryMode(mode, (id) => `[${id}]`)).toBe(words);
  });

  it.each([
    ['', { kind: 'no-steps' }],
    [' a,,b', { kind: 'empty-item' }],
    ['a,B', { kind: 'bad-id', id: 'B' }],
    ['a b', { kind: 'bad-id', id: 'a b' }],
  ])('readStepList(%j) refuses with %j', (text, problem) => {
    expect(readStepList(text)).toEqual({ ok: false, problem });
  });
});
