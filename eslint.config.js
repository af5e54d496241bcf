// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const nodeBuiltins = { group: ['node:*'], message: 'src/core is pure: pass data in, do I/O in src/adapters.' };
const actions = { group: ['@actions/*'], message: '@actions/* belongs to action/ and its adapters only.' };
const probot = { group: ['probot', 'probot/*'], message: 'probot belongs to app/ only.' };
const octokit = { group: ['@octokit/*'], message: 'GitHub I/O lives in src/adapters.' };

export default tseslint.config(
  { ignores: ['dist/**', 'lib/**', 'node_modules/**', '.venv-dbt/**', 'coverage/**', '**/fixtures/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/return-await': ['error', 'always'],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
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
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins, actions, probot, octokit, { group: ['execa'], message: 'src/core runs nothing.' }] }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/core/**', '**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [probot] }] },
  },
  {
    files: ['action/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [probot] }] },
  },
  {
    files: ['app/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [actions] }] },
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
