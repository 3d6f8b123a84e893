import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

// The engine is the pure core shared by server and client: no I/O, no UI, no clock.
const engineForbidden = {
  patterns: [
    { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http', 'crypto'], message: 'server/engine is pure: no Node I/O.' },
    { group: ['socket.io', 'socket.io-client', 'react', 'react-dom', 'better-sqlite3', 'pg', 'kysely', 'pino', 'zustand'], message: 'server/engine is pure: only xstate, yaml and zod.' },
    { group: ['**/runtime/**', '**/store/**', '**/http/**', '**/cli/**', '**/client/**'], message: 'server/engine imports nothing outside itself.' },
  ],
};

// The web client: only client/net talks to socket.io-client, and from server/ only the pure engine and
// the protocol may be imported (types and pure code the browser can run).
const clientForbidden = {
  patterns: [
    { group: ['socket.io-client'], message: 'Only client/net imports socket.io-client.' },
    {
      group: ['**/server/*', '!**/server/engine', '!**/server/protocol', '**/server/*/**', '!**/server/engine/**', '!**/server/protocol/**'],
      message: 'The client may import only server/engine and server/protocol.',
    },
    { group: ['node:*'], message: 'Browser code: no Node modules.' },
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
    // The client imports the protocol: it must stay free of Node modules.
    files: ['server/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'os', 'crypto', 'better-sqlite3', 'kysely', 'pino', 'socket.io'], message: 'server/protocol is shared with the browser.' }] }],
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
  {
    files: ['client/**/*.{ts,tsx}'],
    ignores: ['client/scripts/**'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    ignores: ['client/net/**', 'client/scripts/**'],
    rules: { 'no-restricted-imports': ['error', clientForbidden] },
  },
  {
    // client/net owns the socket: the same limits, except socket.io-client itself.
    files: ['client/net/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: clientForbidden.patterns.slice(1) }] },
  },
);
