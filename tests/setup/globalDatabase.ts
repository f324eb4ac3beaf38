// Starts (or reuses) the test database server once per run, gives every run its own database and
// scratch directories, and removes them afterwards.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { MongoClient } from 'mongodb'
import type { TestProject } from 'vitest/node'

import { resolveDatabase } from '../../src/database/localDatabase'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUri: string
    scratchDirectory: string
  }
}

/**
 * The int and e2e projects each run this setup in the one vitest process; they share the server,
 * and the last project to finish stops it (if this run started it).
 */
type SharedServer = { users: number; stop: (() => Promise<void>) | null }
const shared = ((globalThis as { __membershipTestServer?: SharedServer }).__membershipTestServer ??=
  { users: 0, stop: null })

export default async function setup(project: TestProject) {
  const runId = `${project.name}_${Date.now().toString(36)}_${process.pid}`
  const server = await resolveDatabase({
    dataDir: path.join('.data', 'test-db'),
    databaseName: 'admin',
    log: (message) => console.log(`[test database] ${message}`),
  })
  shared.users += 1
  if (server.startedHere) shared.stop = server.stop
  const uri = new URL(server.uri)
  uri.pathname = `/membership_test_${runId}`
  const scratchDirectory = mkdtempSync(path.join(tmpdir(), 'membership-test-'))

  project.provide('databaseUri', uri.toString())
  project.provide('scratchDirectory', scratchDirectory)

  return async () => {
    const client = new MongoClient(uri.toString(), { serverSelectionTimeoutMS: 5_000 })
    try {
      await client.connect()
      await client.db().dropDatabase()
    } finally {
      await client.close()
    }
    rmSync(scratchDirectory, { recursive: true, force: true })
    shared.users -= 1
    if (shared.users === 0 && shared.stop) await shared.stop()
  }
}
