import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, describePolicy, parseConfig, parseConfigText } from './config.js';

const FULL = `
_extends: .github
permission: maintain
retry-policies:
  - name: nightly dbt
    workflows: [nightly.yml, "dbt-*.yml"]
    branches: [main, "release/*"]
    mode: all
    max-attempts: 3
    delay: 5m
    stop-on-same-failure: true
    conditions:
      exit-codes: [1, 2]
      output-patterns: ["Connection reset", "/timeout/i"]
      dbt-errors: ["deadlock detected"]
  - {}
`;

describe('parseConfigText', () => {
  it('reads every key', () => {
    expect(parseConfigText(FULL)).toEqual({
      problems: [],
      config: {
        permission: 'maintain',
        retryPolicies: [
          {
            index: 0,
            name: 'nightly dbt',
            workflows: ['nightly.yml', 'dbt-*.yml'],
            branches: ['main', 'release/*'],
            mode: { kind: 'all' },
            maxAttempts: 3,
            delaySeconds: 300,
            stopOnSameFailure: true,
            conditions: {
              exitCodes: [1, 2],
              outputPatterns: ['Connection reset', '/timeout/i'],
              dbtErrors: ['deadlock detected'],
            },
          },
          {
            index: 1,
            name: null,
            workflows: null,
            branches: null,
            mode: { kind: 'from-failure' },
            maxAttempts: 2,
            delaySeconds: 0,
            stopOnSameFailure: false,
            conditions: null,
          },
        ],
      },
    });
  });

  it.each(['', '# nothing here\n', 'null'])('%j is the default configuration', (text) => {
    expect(parseConfigText(text)).toEqual({ config: DEFAULT_CONFIG, problems: [] });
  });

  it('reports a YAML syntax error and falls back to the defaults', () => {
    const result = parseConfigText('retry-policies: [\n', { source: 'gh-retry.yml' });
    expect(result.config).toEqual(DEFAULT_CONFIG);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(
      /^gh-retry\.yml: not valid YAML \(.+\); using the defaults$/s,
    );
  });

  it('reports an alias without its anchor instead of throwing', () => {
    const result = parseConfigText('*policies\n', { source: 'gh-retry.yml' });
    expect(result.config).toEqual(DEFAULT_CONFIG);
    expect(result.problems).toEqual([
      expect.stringMatching(/^gh-retry\.yml: not valid YAML \(.*alias.*\); using the defaults$/s),
    ]);
  });

  it('refuses an oversized file', () => {
    expect(parseConfigText(`# ${'x'.repeat(70_000)}`).problems).toEqual([
      '.github/gh-retry.yml: larger than 64 KiB; using the defaults',
    ]);
  });
});

describe('parseConfig problems', () => {
  it.each<[string, unknown, string[]]>([
    [
      'a list at the top',
      [1],
      [
        '(top level): must be a mapping with the keys permission, retry-policies; using the defaults',
      ],
    ],
    [
      'an unknown top-level key',
      { retries: 3 },
      ['retries: unknown key; allowed: permission, retry-policies'],
    ],
    [
      'a bad permission',
      { permission: 'owner' },
      ['permission: must be one of read, triage, write, maintain, admin; using write'],
    ],
    [
      'permission none',
      { permission: 'none' },
      ['permission: must be one of read, triage, write, maintain, admin; using write'],
    ],
    [
      'policies not a list',
      { 'retry-policies': { mode: 'all' } },
      ['retry-policies: must be a list of policies; automatic retries are off'],
    ],
    [
      'max-attempts above the cap',
      { 'retry-policies': [{ 'max-attempts': 11 }] },
      ['retry-policies[0].max-attempts: must be at most 10 (the hard cap)'],
    ],
    [
      'max-attempts zero',
      { 'retry-policies': [{ 'max-attempts': 0 }] },
      ['retry-policies[0].max-attempts: must be at least 1'],
    ],
    [
      'max-attempts as text',
      { 'retry-policies': [{ 'max-attempts': 'three' }] },
      ['retry-policies[0].max-attempts: must be a whole number from 1 to 10'],
    ],
    [
      'a bad mode',
      { 'retry-policies': [{ mode: 'from dbt-run' }] },
      ['retry-policies[0].mode: must be from-failure or all'],
    ],
    [
      'an unknown policy key',
      { 'retry-policies': [{ 'max-attempt': 5 }] },
      [
        'retry-policies[0]: unknown key "max-attempt"; allowed: name, workflows, branches, mode, max-attempts, conditions, delay, stop-on-same-failure',
      ],
    ],
    [
      'a policy that is not a mapping',
      { 'retry-policies': ['all'] },
      ['retry-policies[0]: must be a mapping'],
    ],
    [
      'an empty workflows list',
      { 'retry-policies': [{ workflows: [] }] },
      [
        'retry-policies[0].workflows: list at least one workflow file name or glob, or leave the key out to match all',
      ],
    ],
    [
      'a branch with a space',
      { 'retry-policies': [{ branches: ['main', 'my branch'] }] },
      ['retry-policies[0].branches[1]: a branch name or glob has no spaces or control characters'],
    ],
    [
      'an unknown condition',
      { 'retry-policies': [{ conditions: { 'exit-code': [1] } }] },
      [
        'retry-policies[0].conditions: unknown key "exit-code"; allowed: exit-codes, output-patterns, dbt-errors',
      ],
    ],
    [
      'empty conditions',
      { 'retry-policies': [{ conditions: {} }] },
      ['retry-policies[0].conditions: set at least one of exit-codes, output-patterns, dbt-errors'],
    ],
    [
      'an exit code out of range',
      { 'retry-policies': [{ conditions: { 'exit-codes': [1, 300] } }] },
      ['retry-policies[0].conditions.exit-codes[1]: exit codes are 0–255'],
    ],
    [
      'an invalid regex',
      { 'retry-policies': [{ conditions: { 'output-patterns': ['(unclosed'] } }] },
      [
        'retry-policies[0].conditions.output-patterns[0]: not a valid regular expression (Invalid regular expression: /(unclosed/: Unterminated group)',
      ],
    ],
    [
      'a catastrophic regex',
      { 'retry-policies': [{ conditions: { 'output-patterns': ['(a+)+$'] } }] },
      [
        'retry-policies[0].conditions.output-patterns[0]: nested quantifiers such as (a+)+ are not allowed',
      ],
    ],
    [
      'a too long pattern',
      { 'retry-policies': [{ conditions: { 'dbt-errors': ['x'.repeat(201)] } }] },
      ['retry-policies[0].conditions.dbt-errors[0]: must be 1 to 200 characters'],
    ],
    [
      'a delay above an hour',
      { 'retry-policies': [{ delay: '2h' }] },
      ['retry-policies[0].delay: must be seconds (0–3600) or a duration like "90s", "5m", "1h"'],
    ],
    [
      'a delay of the wrong type',
      { 'retry-policies': [{ delay: true }] },
      ['retry-policies[0].delay: must be seconds (0–3600) or a duration like "90s", "5m", "1h"'],
    ],
  ])('%s', (_name, value, expected) => {
    const { problems } = parseConfig(value);
    const policyProblem = expected.some((p) => p.startsWith('retry-policies['));
    expect(problems).toEqual([
      ...expected.map((p) => `.github/gh-retry.yml: ${p}`),
      ...(policyProblem
        ? [
            '.github/gh-retry.yml: retry-policies[0]: this policy is disabled until the problems above are fixed',
          ]
        : []),
    ]);
  });

  it('keeps the good policies and disables only the bad ones', () => {
    const { config, problems } = parseConfig(
      {
        permission: 'admin',
        'retry-policies': [{ 'max-attempts': 99 }, { workflows: ['ci.yml'] }],
        extra: 1,
      },
      { source: 'org/.github:gh-retry.yml' },
    );
    expect(config.permission).toBe('admin');
    expect(config.retryPolicies.map((p) => [p.index, p.workflows])).toEqual([[1, ['ci.yml']]]);
    expect(problems).toEqual([
      'org/.github:gh-retry.yml: retry-policies[0].max-attempts: must be at most 10 (the hard cap)',
      'org/.github:gh-retry.yml: retry-policies[0]: this policy is disabled until the problems above are fixed',
      'org/.github:gh-retry.yml: extra: unknown key; allowed: permission, retry-policies',
    ]);
  });

  it('caps the number of policies', () => {
    const { config, problems } = parseConfig({
      'retry-policies': Array.from({ length: 25 }, () => ({})),
    });
    expect(config.retryPolicies).toHaveLength(20);
    expect(problems).toEqual([
      '.github/gh-retry.yml: retry-policies: at most 20 policies; the rest are disabled',
    ]);
  });

  it('accepts null policies as none', () => {
    expect(parseConfig({ 'retry-policies': null })).toEqual({
      config: DEFAULT_CONFIG,
      problems: [],
    });
  });
});

describe('describePolicy', () => {
  it('names a policy by its name, else its position', () => {
    const [named, unnamed] = parseConfig({ 'retry-policies': [{ name: 'dbt' }, {}] }).config
      .retryPolicies;
    expect([describePolicy(named!), describePolicy(unnamed!)]).toEqual([
      '"dbt" (retry-policies[0])',
      'retry-policies[1]',
    ]);
  });
});
