import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const libraryImportPatterns = [
  { group: ['**/libs/*/src/**', '../../libs/**'], message: 'Import libraries by their @concord alias.' },
  { group: ['@concord/*/**'], message: 'Import a library by its root entry point only.' },
];

/** Layers call downward only, one layer at a time: each tier may not use the clients of the others. */
function layerRule(importNamePattern, message, extra = []) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...libraryImportPatterns,
          { group: ['@concord/contracts'], importNamePattern, message },
          ...extra,
        ],
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**'] },
  js.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        module: 'writable',
        require: 'readonly',
      },
    },
  },
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        emitDecoratorMetadata: true,
        experimentalDecorators: true,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', name: ['describe', 'it', 'test', 'suite'], package: 'node:test' },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: libraryImportPatterns }],
    },
  },
  {
    // Test doubles implement async interfaces without awaiting anything.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['apps/experience-*/**/*.ts'],
    rules: layerRule('^System\\w*Client$', 'Experience apps call process APIs only; nothing skips a layer.'),
  },
  {
    files: ['apps/process-*/**/*.ts'],
    rules: layerRule('^Process\\w*Client$', 'Process apps call system APIs only, never another process app.'),
  },
  {
    files: ['apps/system-*/**/*.ts'],
    rules: layerRule(
      '^(Process|System)\\w*Client$',
      'System apps call their vendor only, never another layer.',
      [
        {
          group: ['@concord/platform'],
          importNames: ['DownstreamClients'],
          message: 'System apps have no layer below them.',
        },
      ],
    ),
  },
);
