import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One stack serves every file; files run in parallel against it.
    fileParallelism: true,
    maxWorkers: 2,
  },
})
