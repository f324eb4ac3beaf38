// The real thing: `next build`, `next start` on a free port, headless Chromium signing in to /admin.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import type { Payload } from 'payload'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../collections/slugs'
import { findFreePort } from '../../src/database/localDatabase'
import { demoServiceAccount, demoStaff } from '../../seed/data/staff'
import { seed } from '../../seed/index'
import { testPayload } from '../helpers/api'

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const admin = demoStaff.find((person) => person.role === 'admin')!

let payload: Payload
let server: ChildProcess | undefined
let browser: Browser | undefined
let baseUrl = ''
const serverLog: string[] = []

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server?.exitCode !== null || server.signalCode !== null) {
      throw new Error(`next start exited early:\n${serverLog.join('')}`)
    }
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await sleep(500)
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s:\n${serverLog.join('')}`)
}

beforeAll(async () => {
  payload = await testPayload()
  await seed({ payload })

  if (process.env.E2E_REUSE_BUILD !== 'true' || !existsSync('.next/BUILD_ID')) {
    const build = spawnSync('npx', ['next', 'build'], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      timeout: 15 * 60_000,
    })
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`)
  }

  const port = await findFreePort()
  baseUrl = `http://127.0.0.1:${port}`
  // Own process group, so the next-server child goes down with it.
  server = spawn('npx', ['next', 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout?.on('data', (chunk: Buffer) => serverLog.push(chunk.toString()))
  server.stderr?.on('data', (chunk: Buffer) => serverLog.push(chunk.toString()))
  await waitForServer(`${baseUrl}/admin/login`, 120_000)

  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
})

/** Ends the whole process group (npx, next, next-server); ESRCH means it is already gone. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
    }
  }
  const exited = new Promise((resolve) => child.once('exit', resolve))
  signalGroup('SIGTERM')
  await Promise.race([exited, sleep(10_000)])
  signalGroup('SIGKILL')
}

afterAll(async () => {
  await browser?.close()
  if (server?.pid) await stopProcessGroup(server)
  // Everything seeded lives in this run's own database, which global teardown drops.
  await payload?.destroy()
})

describe('the built admin', () => {
  it('lets the seeded administrator sign in and shows the dashboard and the seeded tiers', async () => {
    const page = await browser!.newPage({ locale: 'en-US' })
    try {
      await page.goto(`${baseUrl}/admin`)
      await page.waitForURL(/\/admin\/login/)
      await page.locator('input[name="email"]').fill(admin.email)
      await page.locator('input[name="password"]').fill(admin.password)
      await page.locator('button[type="submit"]').click()
      await page.waitForURL((url) => url.pathname === '/admin', { timeout: 60_000 })
      await expect
        .poll(() => page.locator('.dashboard').count(), { timeout: 30_000 })
        .toBeGreaterThan(0)
      await expect
        .poll(async () => page.locator('body').innerText(), { timeout: 30_000 })
        .toMatch(/Staff users|员工/)
      await page.screenshot({
        // Kept after the run (git-ignored) to see what the browser saw.
        path: path.join('.data', 'e2e', 'admin-dashboard.png'),
        fullPage: true,
      })

      // The seeded catalogue is there: the tier ladder in rank order.
      await page.goto(`${baseUrl}/admin/collections/tiers`)
      await expect
        .poll(async () => page.locator('table').innerText(), { timeout: 30_000 })
        .toMatch(/free[\s\S]*silver[\s\S]*gold[\s\S]*diamond[\s\S]*honorary/)
    } finally {
      await page.close()
    }
  })

  it('answers GraphQL over HTTP, with and without an API key', async () => {
    const anonymous = await fetch(`${baseUrl}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ allMedia(limit: 1) { docs { alt url } } }' }),
    })
    expect(anonymous.status).toBe(200)
    expect(await anonymous.json()).toMatchObject({
      data: { allMedia: { docs: [{ alt: expect.any(String), url: expect.any(String) }] } },
    })

    // A production build refuses introspection (Payload's default); `npm run dev` allows it.
    const schema = await fetch(`${baseUrl}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    })
    expect(JSON.stringify(await schema.json())).toContain('introspection is not allowed')

    const media = await fetch(`${baseUrl}/api/graphql`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `${slugs.serviceAccounts} API-Key ${demoServiceAccount.apiKey}`,
      },
      body: JSON.stringify({ query: '{ Users { totalDocs } allMedia { totalDocs } }' }),
    })
    const body = (await media.json()) as {
      data: { Users: unknown; allMedia: { totalDocs: number } }
      errors?: unknown[]
    }
    expect(body.data.allMedia.totalDocs).toBeGreaterThanOrEqual(5)
    expect(body.data.Users).toBeNull()
    expect(body.errors).toHaveLength(1)
  })
})
