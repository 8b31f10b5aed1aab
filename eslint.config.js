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
    // Tests, the fake Admin API, the sandbox admin and the benches: a lighter set. They are not shipped, they
    // reach into untyped GraphQL answers and page objects on purpose, so the `any`-tracking and style rules are
    // off; the asynchronous-bug rules stay (an un-awaited assertion is a test that cannot fail).
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-empty-object-type': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-namespace': 'off', // the sandbox declares its custom elements in JSX.IntrinsicElements
      '@typescript-eslint/unbound-method': 'off', // expect(obj.method).toHaveBeenCalled() is how spies are checked
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      // The fake API mirrors Shopify's shapes; a default case there is a deliberate "anything else".
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
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
  {
    // The sandbox admin copies Polaris' habits (reading a ref while rendering to keep row nodes stable);
    // it is a test page, not the extension.
    files: ['test/sandbox/**/*.{ts,tsx}'],
    rules: { 'react-hooks/refs': 'off' },
  },
);
