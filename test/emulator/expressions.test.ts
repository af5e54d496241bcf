import { describe, expect, it } from 'vitest';
import { evaluateExpression, interpolate } from './expressions.js';

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
