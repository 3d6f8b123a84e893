import { defineConfig } from 'vitest/config';

// Playwright specs live in tests/e2e and run under their own runner, never under vitest.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    // A throwaway PostgreSQL server for the store tests that run on both backends.
    globalSetup: ['tests/server/pgServer.ts'],
  },
});
