import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { inject } from 'vitest'

import {
  DatabaseUnavailableError,
  ensureFerretdbBinary,
  ensureLocalDatabase,
  localDatabaseStatus,
  pingDatabase,
  stopLocalDatabase,
} from '../../src/database/localDatabase'
import type { MongooseAdapter } from '@payloadcms/db-mongodb'

import { slugs } from '../../collections/slugs'
import { mongoAdapterTuning } from '../../src/database/adapterOptions'
import { probeServerCapabilities } from '../../src/database/serverCapabilities'
import { testPayload } from '../helpers/api'

describe('the local database bring-up', () => {
  it('starts a server for a data directory once, reuses it, and stops it cleanly', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'membership-db-'))
    try {
      const first = await ensureLocalDatabase({ dataDir, databaseName: 'bringup', log: () => {} })
      expect(first.startedHere).toBe(true)
      expect(await pingDatabase(first.uri)).toBe(true)

      const again = await ensureLocalDatabase({ dataDir, databaseName: 'bringup', log: () => {} })
      expect(again.startedHere).toBe(false)
      expect(again.uri).toBe(first.uri)
      expect((await localDatabaseStatus(dataDir))?.port).toBe(Number(new URL(first.uri).port))

      await first.stop()
      expect(await pingDatabase(first.uri, 500)).toBe(false)
      expect(await localDatabaseStatus(dataDir)).toBeNull()
      expect(await stopLocalDatabase(dataDir)).toBe(false)
    } finally {
      await stopLocalDatabase(dataDir)
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('answers concurrent starts with one server', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'membership-db-'))
    try {
      const handles = await Promise.all(
        [1, 2, 3].map(() => ensureLocalDatabase({ dataDir, log: () => {} })),
      )
      expect(new Set(handles.map((handle) => handle.uri)).size).toBe(1)
      expect(handles.filter((handle) => handle.startedHere)).toHaveLength(1)
    } finally {
      await stopLocalDatabase(dataDir)
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('names every option when no server can be started', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'membership-cache-'))
    const saved = { PATH: process.env.PATH, FERRETDB_CACHE_DIR: process.env.FERRETDB_CACHE_DIR }
    process.env.PATH = '/nonexistent'
    process.env.FERRETDB_CACHE_DIR = cacheDir
    try {
      const failure = await ensureFerretdbBinary(() => {}).catch((error: unknown) => error)
      expect(failure).toBeInstanceOf(DatabaseUnavailableError)
      const message = (failure as Error).message
      expect(message).toContain('DATABASE_URI')
      expect(message).toContain('Install Go')
      expect(message).toContain('mongod')
    } finally {
      process.env.PATH = saved.PATH
      if (saved.FERRETDB_CACHE_DIR === undefined) delete process.env.FERRETDB_CACHE_DIR
      else process.env.FERRETDB_CACHE_DIR = saved.FERRETDB_CACHE_DIR
      rmSync(cacheDir, { recursive: true, force: true })
    }
  })

  it('applies every one of many parallel increments to one document', async () => {
    const payload = await testPayload()
    const user = await payload.create({
      collection: slugs.users,
      data: {
        name: 'Counter',
        email: `counter-${Date.now()}@test.example`,
        password: 'counter-pass-1',
        roles: ['viewer'],
      },
    })
    try {
      await Promise.all(
        Array.from({ length: 40 }, () =>
          payload.db.updateOne({
            collection: slugs.users,
            id: user.id,
            data: { loginAttempts: { $inc: 1 } },
            returning: false,
          }),
        ),
      )
      const stored = await payload.findByID({
        collection: slugs.users,
        id: user.id,
        showHiddenFields: true,
      })
      expect(stored.loginAttempts).toBe(40)
    } finally {
      await payload.delete({ collection: slugs.users, id: user.id })
    }
  })

  it('reports what the server is, so adapter options can follow it', async () => {
    const capabilities = await probeServerCapabilities(inject('databaseUri'))
    expect(capabilities.engine).not.toBe('unknown')
    if (!process.env.CI_EXTERNAL_DATABASE) {
      // The embedded server is FerretDB unless a mongod was on PATH.
      expect(['ferretdb', 'mongodb']).toContain(capabilities.engine)
    }
    expect(capabilities.version).toMatch(/\d+\.\d+/)
  })

  it('fits the adapter to the server when Payload connects, not when the config is imported', async () => {
    const payload = await testPayload()
    const tuning = mongoAdapterTuning(await probeServerCapabilities(inject('databaseUri')))
    const db = payload.db as unknown as MongooseAdapter
    // mongooseAdapter() defaults are joins and index hints on: on FerretDB both must be off now.
    expect(db.useJoinAggregations).toBe(tuning.useJoinAggregations)
    expect(db.usePipelineInSortLookup).toBe(tuning.usePipelineInSortLookup)
    expect(db.disableIndexHints).toBe(tuning.disableIndexHints)
    if (tuning.transactionOptions === false) expect(db.transactionOptions).toBe(false)
    if (tuning.connectOptions) expect(db.connectOptions).toMatchObject(tuning.connectOptions)
  })
})
