// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

// The layering, one rule per folder: three shells (action/, app/, cli/) over one library (src/).
const nodeBuiltins = {
  group: ['node:*'],
  message: 'src/core is pure: pass data in, do I/O in src/adapters.',
};
const actions = {
  group: ['@actions/*'],
  message: '@actions/* belongs to the Action shell (action/) only.',
};
const probot = {
  group: ['probot', 'probot/*'],
  message: 'probot belongs to the Probot shell (app/probot/) only.',
};
const octokit = {
  group: ['@octokit/*', '@probot/*'],
  message: 'GitHub I/O lives in src/adapters/github behind the ports in src/ports.',
};
const execa = { group: ['execa'], message: 'src/core runs nothing.' };
const lowerLayers = {
  group: [
    '**/adapters/**',
    '**/execution/**',
    '**/ports/**',
    '**/action/**',
    '**/app/**',
    '**/cli/**',
  ],
  message: 'src/core depends on nothing but itself: the shells and adapters depend on it.',
};
const appShell = {
  group: ['**/app/**'],
  message: 'cli/ is a peer shell: what it shares with the bot lives in src/ (src/retry-service/).',
};
const cliShell = {
  group: ['**/cli/**'],
  message: 'app/ is a peer shell: what it shares with the CLI lives in src/ (src/retry-service/).',
};
const shells = {
  group: ['**/action/**', '**/app/**', '**/cli/**'],
  message: 'the library (src/) never imports a shell.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'lib/**',
      'node_modules/**',
      '.venv-dbt/**',
      'coverage/**',
      '**/fixtures/**',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/return-await': ['error', 'always'],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [nodeBuiltins, actions, probot, octokit, execa, lowerLayers] },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/core/**', 'src/adapters/github/**', '**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [probot, actions, octokit, shells] }] },
  },
  {
    files: ['src/adapters/github/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [probot, actions, shells] }] },
  },
  {
    files: ['action/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [probot, octokit] }] },
  },
  {
    files: ['app/**/*.ts'],
    ignores: ['app/probot/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [actions, probot, octokit, cliShell] }],
    },
  },
  {
    files: ['app/probot/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [actions, cliShell] }] },
  },
  {
    files: ['cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [actions, probot, octokit, appShell] }],
    },
  },
  {
    // Tests of a shell do not reach into the other shell either.
    files: ['app/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [cliShell] }] },
  },
  {
    files: ['cli/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [appShell] }] },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  prettier,
);
