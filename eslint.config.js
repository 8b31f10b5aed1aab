// Lint runs in `npm test` (npm run lint) with --max-warnings 0. The point is what the type checker does
// not see in an extension that is asynchronous everywhere (messages, storage, alarms, IndexedDB): a
// forgotten await, a promise nobody handles, an async callback where a sync one is expected, a switch
// that misses a new union member. Every rule switched off says why, beside it.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['.output/', '.wxt/', 'node_modules/', 'test-results/', '.bench/']),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The bug class this linter is here for.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // A `default:` does not count: a strategy or status added later must be handled where it is switched on.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // `_name` marks a parameter or a left-out property that is unused on purpose (an interface's shape, `{ a: _a, ...rest }`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Off: `async` without `await` is how a Promise-returning interface method is implemented synchronously,
      // and it keeps a throw inside it a rejection (callers handle one path); removing `async` would change that.
      '@typescript-eslint/require-await': 'off',
      // Off: `KnownKey | string` documents the known values while accepting others on purpose (message keys
      // built at run time, error codes from a newer Shopify); the rule only says the union is `string`.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
    },
  },
  {
    files: ['**/*.tsx', '**/use-*.ts'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    rules: {
      // Off: it flags setting a "busy" state before a request in an effect and re-seeding a form draft when the
      // saved settings change — both intended here. It is one of the React Compiler rules; we do not use the compiler.
      // rules-of-hooks and exhaustive-deps (the hooks bugs) stay on.
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
