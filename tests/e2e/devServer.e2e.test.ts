// `npm run dev` as a developer runs it (src/cli/dev.ts: the seed, then the app server with Next in
// development mode, listening on every interface) on a database of its own, opened in Chromium at
// 127.0.0.1 and at localhost. Next's dev server refuses its HMR websocket to hosts it does not
// know, and the page then never settles; Payload refuses session cookies from origins outside its
// `csrf` list. Both are configured from src/config/devOrigins.ts.
import path from 'node:path'

import { MongoClient } from 'mongodb'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { slugs } from '../../collections/slugs'
import { demoStaff } from '../../seed/data/staff'
import { findFreePort } from '../../src/database/localDatabase'
import { outboxMessages } from '../helpers/outbox'
import { launchChromium } from './browser'
import { type ServerProcess, startServerProcess } from './serverProcess'

const chromium = inject('chromium')
const admin = demoStaff.find((person) => person.role === 'admin')!
const support = demoStaff.find((person) => person.role === 'support')!

// The first compile of /admin in development takes a minute or more on a small machine.
const COMPILE_MS = 10 * 60_000

let server: ServerProcess | undefined
let browser: Browser | undefined
let port = 0
// This run's test database with a suffix: the dev server seeds it itself.
const databaseUri = (() => {
  const uri = new URL(inject('databaseUri'))
  uri.pathname = `${uri.pathname}_dev`
  return uri.toString()
})()

/** Counts the page's HMR websockets that opened and that failed or closed. */
function watchHmr(page: Page): { opened: number; ended: number } {
  const counts = { opened: 0, ended: 0 }
  page.on('websocket', (socket) => {
    if (!socket.url().includes('/_next/hmr')) return
    counts.opened += 1
    socket.on('socketerror', () => (counts.ended += 1))
    socket.on('close', () => (counts.ended += 1))
  })
  return counts
}

describe.skipIf(!chromium)('the development server', () => {
  beforeAll(async () => {
    port = await findFreePort()
    const env: Record<string, string | undefined> = {}
    // A developer's shell: none of the test runner's variables, HOSTNAME unset (every interface).
    for (const [key, value] of Object.entries(process.env)) {
      if (!key.startsWith('VITEST') && !['NODE_ENV', 'HOSTNAME', 'SERVER_URL'].includes(key)) {
        env[key] = value
      }
    }
    server = startServerProcess('src/cli/dev.ts', {
      ...env,
      DATABASE_URI: databaseUri,
      PORT: String(port),
      // The catalogue and staff only; members are not needed here.
      SEED_MEMBERS: '0',
      NEXT_TELEMETRY_DISABLED: '1',
    })
    await server.waitFor(`http://127.0.0.1:${port}/livez`, COMPILE_MS)
    browser = await launchChromium(chromium!)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    const client = new MongoClient(databaseUri, { serverSelectionTimeoutMS: 5_000 })
    try {
      await client.connect()
      await client.db().dropDatabase()
    } finally {
      await client.close()
    }
  })

  it.each(['127.0.0.1', 'localhost'])(
    'opened at %s: the login form stays, a demo login reaches the dashboard',
    async (host) => {
      const base = `http://${host}:${port}`
      const context = await browser!.newContext({ locale: 'en-US' })
      const page = await context.newPage()
      try {
        const hmr = watchHmr(page)
        let navigations = 0
        page.on('framenavigated', (frame) => {
          if (frame === page.mainFrame()) navigations += 1
        })
        // The first request compiles /admin; a refused HMR socket shows as soon as the page runs.
        await page.goto(`${base}/admin`, { timeout: COMPILE_MS, waitUntil: 'commit' })
        const email = page.locator('input[name="email"]')
        await expect
          .poll(async () => hmr.ended > 0 || (await email.isVisible()), { timeout: COMPILE_MS })
          .toBe(true)
        const refused = 'the HMR websocket was refused or dropped; the server said:\n'
        expect(hmr.ended, refused + server!.log().slice(-2_000)).toBe(0)

        // The socket is up and stays up, and the page does not reload itself.
        await expect.poll(() => hmr.opened, { timeout: 60_000 }).toBeGreaterThan(0)
        const settled = navigations
        await page.waitForTimeout(5_000)
        expect(hmr.ended, refused + server!.log().slice(-2_000)).toBe(0)
        expect(navigations).toBe(settled)

        await page.locator('input[name="email"]').fill(admin.email)
        await page.locator('input[name="password"]').fill(admin.password)
        await page.locator('button[type="submit"]').click()
        await page.waitForURL((url) => url.pathname === '/admin', { timeout: COMPILE_MS })
        await page.locator('.dashboard').waitFor({ timeout: COMPILE_MS })
        await expect
          .poll(async () => page.locator('body').innerText(), { timeout: 60_000 })
          .toMatch(/Staff users/)

        // The session cookie counts for a request that names this origin (Payload's csrf list).
        const refresh = await page.evaluate(async (url) => {
          const response = await fetch(url, { method: 'POST', credentials: 'include' })
          return response.status
        }, `/api/${slugs.users}/refresh-token`)
        expect(refresh).toBe(200)

        await page.screenshot({
          // Kept after the run (git-ignored) to see what the browser saw.
          path: path.join('.data', 'e2e', `dev-dashboard-${host}.png`),
          fullPage: true,
        })
      } finally {
        await context.close()
      }
    },
    COMPILE_MS * 2,
  )

  it('sends password-reset links to the address the admin was opened at', async () => {
    const before = outboxMessages().length
    const response = await fetch(`http://127.0.0.1:${port}/api/${slugs.users}/forgot-password`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: support.email }),
    })
    expect(response.status).toBe(200)
    await expect.poll(() => outboxMessages().length, { timeout: 30_000 }).toBeGreaterThan(before)
    const message = outboxMessages().at(-1)!
    expect(message.headers).toContain(support.email)
    expect(message.body).toContain(`http://127.0.0.1:${port}/admin/reset/`)
  })
})
