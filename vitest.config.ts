import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // One stack serves every file; files run in parallel against it.
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      {
        // Everything that runs against the real local stack (started once per run by the global setup).
        test: {
          name: 'stack',
          include: ['tests/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // expect.poll gives up after 1 s by default, even while its callback (a browser locator) still
          // waits: too short for a screen on the 2 loaded cores of CI. A passing poll returns at once.
          expect: { poll: { timeout: 20_000 } },
        },
      },
      {
        // Admin components in jsdom against a fake PostgREST (msw): no stack, no browser.
        test: {
          name: 'components',
          include: ['tests/components/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/components/setup.ts'],
          // Refine's packages go through Vite like the app's code: one copy of react-router (ESM), not a
          // second CommonJS one whose router context the pages would not see.
          server: { deps: { inline: [/@refinedev\//] } },
          // jsdom renders antd slowly on a loaded machine (2 cores shared with the stack's tests)
          testTimeout: 60_000,
        },
      },
    ],
  },
})
