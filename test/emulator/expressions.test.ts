import { describe, expect, it } from 'vitest';
import { examples } from '../support/examples.js';
import { evaluateExpression, interpolate, type EvaluateOptions } from './expressions.js';

type JobStatus = NonNullable<EvaluateOptions['status']>;

const context = {
  github: { actor: 'mona', event: { inputs: { 'retry-of': '42', debug: 'true' } }, run_id: '7' },
  inputs: { 'retry-of': '42', 'retry-mode': '', debug: true, count: 3 },
};

describe('expressions', () => {
  it.each([
    ['inputs.retry-of', '42'],
    ['github.event.inputs.retry-of', '42'],
    ['GitHub.Actor', 'mona'],
    ["inputs.retry-mode || 'from-failure'", 'from-failure'],
    ["inputs.retry-of && 'retry'", 'retry'],
    ['inputs.debug == true', true],
    ["github.event.inputs.debug == 'TRUE'", true],
    ['inputs.count != 3', false],
    ['!inputs.retry-mode', true],
    ["format('Retry of #{0} by {1}', inputs.retry-of, github.actor)", 'Retry of #42 by mona'],
    ["contains('from-failure all', 'all')", true],
    ["startsWith(github.actor, 'MO')", true],
    ["fromJSON('[1,2]')[1]", 2],
    ['inputs.missing', null],
    ["(inputs.retry-mode || inputs.retry-of) == '42'", true],
  ])('%s → %j', (expression, expected) => {
    expect(evaluateExpression(expression, context)).toEqual(expected);
  });

  it.each([
    ['Nightly ${{ inputs.retry-of }} by @${{ github.actor }}', 'Nightly 42 by @mona'],
    ['${{ inputs.debug }}/${{ inputs.count }}/${{ inputs.missing }}', 'true/3/'],
    ['plain text', 'plain text'],
  ])('interpolates %j', (text, expected) => {
    expect(interpolate(text, context)).toBe(expected);
  });

  it.each(['inputs.', "format('x'", 'unknown(1)', '1 +'])('rejects %j', (expression) => {
    expect(() => evaluateExpression(expression, context)).toThrow();
  });
});

// Behaviours GitHub documents (docs "Evaluate expressions in workflows and actions") that the
// emulator's former hand-written evaluator got wrong.
describe('expressions as GitHub evaluates them', () => {
  const matrix = {
    ...context,
    steps: { a: { outcome: 'success' }, b: { outcome: 'failure' } },
    needs: { build: { result: 'success', outputs: { n: '10' } } },
    matrix: {
      legs: [
        { name: 'x', ok: true },
        { name: 'y', ok: false },
      ],
    },
  };

  it.each([
    ['1 < 2', true],
    ["'10' > 9", true],
    ["'abc' < 'ABD'", true],
    ['inputs.count >= 3', true],
    ['join(fromJSON(\'["a","b"]\'), \'+\')', 'a+b'],
    ["join('single')", 'single'],
    ["case(inputs.count > 2, 'big', 'small')", 'big'],
    ["case(false, 'a', false, 'b', 'c')", 'c'],
    ["case(false, 'a', true, 'b', 'c')", 'b'],
    ['matrix.legs.*.name', ['x', 'y']],
    ["contains(matrix.legs.*.name, 'Y')", true],
    ['steps.*.outcome', ['success', 'failure']],
    ["'' == 0", true],
    ["'1' == 1", true],
    ['null == 0', true],
    ['true == 1', true],
    ["'abc' == 0", false],
    ["format('{{0}} {0}', 'x')", '{0} x'],
    ["format('{0}}} and {{', 1)", '1} and {'],
    ["toJSON('x')", '"x"'],
    ["inputs.missing == ''", true],
  ])('%s → %j', (expression, expected) => {
    expect(evaluateExpression(expression, matrix)).toEqual(expected);
  });

  describe('status functions, given the job status', () => {
    const withStatus = ([expression, status]: readonly [string, JobStatus]) =>
      evaluateExpression(expression, matrix, { status });
    examples(withStatus, [
      [['success()', 'success'], true],
      [['failure()', 'failure'], true],
      [['success()', 'failure'], false],
      [["always() && steps.b.outcome == 'failure'", 'failure'], true],
      [['cancelled()', 'cancelled'], true],
    ]);
  });

  it.each([
    ['secrets.TOKEN', /Unrecognized named-value: 'secrets'/],
    ['success()', /Unrecognized function: 'success'/],
    ["format('{0')", /format/i],
    ["join('a', 'b', 'c')", /Too many parameters/],
  ])('refuses %s outside its contexts', (expression, message) => {
    expect(() => evaluateExpression(expression, context)).toThrow(message);
  });
});
