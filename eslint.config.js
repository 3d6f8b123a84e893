import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The engine is the pure core shared by server and client: no I/O, no UI, no clock.
const engineForbidden = {
  patterns: [
    { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http', 'crypto'], message: 'server/engine is pure: no Node I/O.' },
    { group: ['socket.io', 'socket.io-client', 'react', 'react-dom', 'better-sqlite3', 'pg', 'kysely', 'pino', 'zustand'], message: 'server/engine is pure: only xstate, yaml and zod.' },
    { group: ['**/runtime/**', '**/store/**', '**/http/**', '**/cli/**', '**/client/**'], message: 'server/engine imports nothing outside itself.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['server/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', engineForbidden],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Time is an input to the engine.' },
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG kept in session state.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time is an input to the engine.' }],
      'no-console': 'error',
    },
  },
);
