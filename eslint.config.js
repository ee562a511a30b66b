// `npm run lint` (and the lint phase of `npm test`): a small rule set that holds on the whole code base.
// No formatting rules: Prettier formats (`npm run format`; the format phase of `npm test` checks it).
const tseslint = require('typescript-eslint');

const NO_TEST_OR_BENCH = {
  regex: '(^|/)(test|bench)/',
  message: 'src must not import test/ or bench/.',
};

module.exports = tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      '.vscode-test/**',
      'demo/**',
      'test/fixtures/workspaces/**',
    ],
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { args: 'none', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Shipped code never needs the tests or the benchmarks.
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_TEST_OR_BENCH] }] },
  },
  {
    // The core computes and src/node does Node I/O: neither may depend on the editor. (Later blocks
    // replace a rule's options, so this one repeats the src-wide pattern.)
    files: ['src/core/**/*.ts', 'src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'vscode',
              message: 'src/core and src/node run outside VS Code: put the adapter in src/vscode.',
            },
          ],
          patterns: [NO_TEST_OR_BENCH],
        },
      ],
    },
  },
);
