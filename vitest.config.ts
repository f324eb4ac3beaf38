import path from 'node:path'

import { defineConfig } from 'vitest/config'

const root = import.meta.dirname

// One copy of graphql for everything (two copies give "multiple types named String"), the
// project's config alias, and no server-only guard outside Next.
const resolve = {
  alias: {
    '@payload-config': path.join(root, 'payload.config.ts'),
    graphql: path.join(root, 'node_modules/graphql/index.js'),
  },
}

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        resolve,
        test: {
          name: 'int',
          environment: 'node',
          include: ['tests/int/**/*.test.ts'],
          globalSetup: ['tests/setup/globalDatabase.ts'],
          setupFiles: ['tests/setup/testEnvironment.ts'],
          // One Payload per file, files one at a time: they share one test database.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
      {
        resolve,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/globalBrowser.ts', 'tests/setup/globalDatabase.ts'],
          setupFiles: ['tests/setup/testEnvironment.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
})
