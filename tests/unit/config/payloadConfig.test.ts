// payload.config.ts is wiring only: importing it starts no database and opens no connection (the
// command entry points do that and set DATABASE_URI); without DATABASE_URI, Payload's connect is
// where it fails, with a message that says what to do.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { getPayload } from 'payload'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { DatabaseNotConfiguredError } from '../../../src/database/payloadAdapter'

const saved = { ...process.env }
let scratch: string

beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'membership-config-'))
  delete process.env.DATABASE_URI
  // Where a local database would put its data (PROJECT_ROOT/.data/db) and build FerretDB: the
  // scratch directory stays empty unless something starts one.
  process.env.PROJECT_ROOT = scratch
  process.env.FERRETDB_CACHE_DIR = path.join(scratch, 'ferretdb-cache')
  process.env.EMAIL_OUTBOX_DIR = path.join(scratch, 'outbox')
  process.env.MEDIA_DIR = path.join(scratch, 'media')
  vi.resetModules()
})

afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
  Object.assign(process.env, saved)
  rmSync(scratch, { recursive: true, force: true })
})

describe('payload.config.ts', () => {
  it('starts nothing when imported; without DATABASE_URI connecting says how to get one', async () => {
    const { default: configPromise } = await import('../../../payload.config')
    const config = await configPromise
    expect(config.collections.length).toBeGreaterThan(0)
    expect(readdirSync(scratch)).toEqual([])

    const failure = await getPayload({ config, cron: false }).catch((error: unknown) => error)
    // By name: vi.resetModules() gave the config its own copy of the class.
    expect((failure as Error).name).toBe(DatabaseNotConfiguredError.name)
    expect((failure as Error).message).toContain('npm run db -- start')
    expect((failure as Error).message).toContain('DATABASE_URI')
    expect(readdirSync(scratch)).toEqual([])
  })

  it('trusts session cookies from every address of this machine in development only', async () => {
    Object.assign(process.env, { NODE_ENV: 'development' })
    process.env.PORT = '4100'
    const development = await (await import('../../../payload.config')).default
    expect(development.csrf).toEqual(
      expect.arrayContaining(['http://localhost:4100', 'http://127.0.0.1:4100']),
    )

    vi.resetModules()
    Object.assign(process.env, { NODE_ENV: 'production' })
    process.env.PAYLOAD_SECRET = 'a-production-secret-for-this-test'
    process.env.SERVER_URL = 'https://admin.edu.example'
    const production = await (await import('../../../payload.config')).default
    expect(production.csrf).toEqual(['https://admin.edu.example'])
  })
})
