// The real thing: `next build`, the app server (`npm start`: hot routes + Next) on a free port,
// headless Chromium (tests/e2e/browser.ts) signing in to /admin.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { slugs } from '../../collections/slugs'
import { findFreePort } from '../../src/database/localDatabase'
import { DIAGNOSTICS_PATH, type PayloadDiagnostics } from '../../src/server/diagnostics'
import { demoBillingAccount, demoServiceAccount, demoStaff } from '../../seed/data/staff'
import { seed } from '../../seed/index'
import { demoMemberId, seedMembers } from '../../seed/members'
import { sendLifecycleMessages } from '../../src/operations/messages/lifecycle'
import { deliverWebhooks } from '../../src/operations/webhooks/delivery'
import { findMember, rawCollection, refreshMember } from '../../src/operations/entitlements/store'
import { testPayload } from '../helpers/api'
import { membersFactory } from '../helpers/members'
import { webhookReceiver } from '../helpers/webhooks'
import { launchChromium } from './browser'
import { type ServerProcess, startServerProcess } from './serverProcess'

const chromium = inject('chromium')
const admin = demoStaff.find((person) => person.role === 'admin')!

let payload: Payload
let server: ServerProcess | undefined
let browser: Browser | undefined
let baseUrl = ''

// Without a browser (never in CI) the whole file is skipped: tests/setup/globalBrowser.ts.
describe.skipIf(!chromium)('the built admin', () => {
  beforeAll(async () => {
    // The webhook receiver below listens on 127.0.0.1 (both this process and the server).
    process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = 'true'
    payload = await testPayload()
    await seed({ payload })
    await seedMembers({ payload, count: 40 })

    if (process.env.E2E_REUSE_BUILD !== 'true' || !existsSync('.next/BUILD_ID')) {
      // Without DATABASE_URI: building needs no database (importing the config starts nothing).
      const withoutDatabase = { ...process.env }
      delete withoutDatabase.DATABASE_URI
      const build = spawnSync('npx', ['next', 'build'], {
        env: { ...withoutDatabase, NEXT_TELEMETRY_DISABLED: '1' },
        encoding: 'utf8',
        timeout: 15 * 60_000,
      })
      if (build.status !== 0) {
        throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`)
      }
    }

    const port = await findFreePort()
    baseUrl = `http://127.0.0.1:${port}`
    // What `npm start` runs. DATABASE_URI comes from the test environment; the diagnostics route
    // shows whose Payload instance Next's handlers use.
    server = startServerProcess('src/cli/server.ts', {
      ...process.env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      APP_SERVER_DIAGNOSTICS: '1',
      NEXT_TELEMETRY_DISABLED: '1',
    })
    await server.waitFor(`${baseUrl}/livez`, 120_000)
    await server.waitFor(`${baseUrl}/admin/login`, 120_000)

    browser = await launchChromium(chromium!)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    // Everything seeded lives in this run's own database, which global teardown drops.
    await payload?.destroy()
  })

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

      // The tier editor previews what publishing would do to members, before anything is saved.
      const gold = (
        await payload.find({ collection: slugs.tiers, where: { slug: { equals: 'gold' } } })
      ).docs[0]!
      await page.goto(`${baseUrl}/admin/collections/tiers/${gold.id}`)
      await page
        .getByRole('button', { name: /Preview the effect on members|预览对会员的影响/ })
        .click()
      await expect
        .poll(async () => page.locator('[data-testid="publish-impact"]').innerText(), {
          timeout: 30_000,
        })
        .toMatch(/current members|名会员/)

      // Support's view of a member: what they have now and why.
      const member = (
        await payload.find({
          collection: slugs.members,
          where: { externalId: { equals: demoMemberId(5) } },
        })
      ).docs[0]!
      await page.goto(`${baseUrl}/admin/collections/members/${member.id}`)
      await expect
        .poll(async () => page.locator('[data-testid="member-entitlements"]').innerText(), {
          timeout: 30_000,
        })
        .toMatch(/(Tier|等级)[\s\S]*(Course-access tiers open|开放的课程层级)/)
    } finally {
      await page.close()
    }
  })

  it('lets a marketer create, preview and publish a campaign that a member is offered, billing redeems and the stats count', async () => {
    const marketer = demoStaff.find((person) => person.role === 'marketing')!
    const page = await browser!.newPage({
      locale: 'en-US',
      viewport: { width: 1440, height: 1000 },
    })
    const shot = (name: string) =>
      page.screenshot({ path: path.join('.data', 'e2e', `campaign-${name}.png`), fullPage: true })
    /** Picks an option of a Payload select or relationship field by its label. */
    const choose = async (field: string, option: RegExp) => {
      await page.locator(`#field-${field} .rs__control`).click()
      await page.locator('.rs__option', { hasText: option }).first().click()
    }
    /** A wall-clock time in Asia/Shanghai, as the campaign's date pickers take it. */
    const shanghai = (offsetMs: number) => {
      const parts = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).formatToParts(new Date(Date.now() + offsetMs))
      const part = (type: string) => parts.find((entry) => entry.type === type)!.value
      return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
    }
    const slug = `e2e-gold-upgrade-${Date.now()}`
    try {
      await page.goto(`${baseUrl}/admin/login`)
      await page.locator('input[name="email"]').fill(marketer.email)
      await page.locator('input[name="password"]').fill(marketer.password)
      await page.locator('button[type="submit"]').click()
      await page.waitForURL((url) => url.pathname === '/admin', { timeout: 60_000 })

      // The marketer fills in a Silver → Gold upgrade at 20 % off, in Chinese first.
      await page.goto(`${baseUrl}/admin/collections/campaigns/create`)
      await page.locator('#field-name').waitFor({ timeout: 60_000 })
      await page.locator('#field-name').fill('E2E 黄金升级')
      await page.locator('#field-slug').fill(slug)
      await choose('kind', /^Upgrade$/)
      // Typed in the campaign's zone (Asia/Shanghai), whatever zone the browser is in.
      const startsAt = shanghai(-3_600_000)
      const start = page.locator('#field-schedule__startsAt input').first()
      await start.fill(startsAt)
      await start.press('Escape')
      const end = page.locator('#field-schedule__endsAt input').first()
      await end.fill(shanghai(10 * 86_400_000))
      await end.press('Escape')
      await choose('terms__audience__tiers', /Silver|白银/)
      await choose('terms__target__tier', /Gold|黄金/)
      await choose('terms__offer__discount__kind', /Percent/i)
      await page.locator('#field-terms__offer__discount__percent').fill('20')
      await page.locator('#field-terms__budget__totalRedemptions').fill('10')
      await choose('channels', /In-app/i)
      await page.locator('#field-copy__headline').fill('黄金限时 8 折')
      await page.locator('#field-copy__body').fill('白银会员升级黄金享 8 折')
      await page.locator('#field-copy__callToAction').fill('立即升级')
      await page.getByRole('button', { name: 'Save Draft' }).click()
      await page.waitForURL((url) => /\/campaigns\/[0-9a-f]{24}/.test(url.pathname), {
        timeout: 60_000,
      })
      const editUrl = page.url().split('?')[0]!
      expect(await page.locator('#field-schedule__startsAt input').first().inputValue()).toBe(
        startsAt,
      )

      // Then the English copy, in the English locale.
      await page.goto(`${editUrl}?locale=en`)
      await page.locator('#field-name').waitFor({ timeout: 60_000 })
      await page.locator('#field-name').fill('E2E Gold upgrade')
      await page.locator('#field-copy__headline').fill('Gold, 20 % off for a limited time')
      await page.locator('#field-copy__body').fill('Silver members upgrade to Gold for 20 % less')
      await page.locator('#field-copy__callToAction').fill('Upgrade now')
      await page.getByRole('button', { name: 'Save Draft' }).click()
      await expect
        .poll(async () => page.locator('.payload-toast-container').innerText(), { timeout: 30_000 })
        .toMatch(/saved|Draft/i)

      // The audience preview, before publishing.
      await page.getByRole('button', { name: /Preview audience and cost/ }).click()
      const preview = page.locator('[data-testid="campaign-audience-preview"]')
      await expect
        .poll(async () => preview.innerText(), { timeout: 60_000 })
        .toMatch(/Counted now[\s\S]*Eligible: [1-9]\d* of \d+ members[\s\S]*Cost at the budget/)
      await shot('preview')

      await page.getByRole('button', { name: 'Publish changes' }).click()
      await expect
        .poll(async () => page.locator('#field-status').innerText(), { timeout: 60_000 })
        .toMatch(/Live/)
      const campaign = (
        await payload.find({ collection: slugs.campaigns, where: { slug: { equals: slug } } })
      ).docs[0]!

      // A frontend asks for a Silver member in the audience: the offer is there, and a refused
      // check carries an offer too.
      const silver = (
        await payload.find({ collection: slugs.tiers, where: { slug: { equals: 'silver' } } })
      ).docs[0]!
      const holders = await payload.find({
        collection: slugs.members,
        where: {
          and: [
            { tier: { equals: silver.id } },
            { status: { equals: 'active' } },
            { periodEnd: { greater_than: new Date().toISOString() } },
          ],
        },
        limit: 1,
        depth: 0,
      })
      const member = holders.docs[0]!
      const frontend = {
        Authorization: `${slugs.serviceAccounts} API-Key ${demoServiceAccount.apiKey}`,
      }
      const offers = (await (
        await fetch(`${baseUrl}/api/members/${member.id}/offers?kind=upgrade&locale=en`, {
          headers: frontend,
        })
      ).json()) as {
        offers: {
          campaign: { slug: string }
          tier: { id: string }
          billingPeriod: string
          offerPrice: number
          copy: { headline: string }
        }[]
      }
      const offer = offers.offers.find((entry) => entry.campaign.slug === slug)!
      expect(offer).toMatchObject({ copy: { headline: 'Gold, 20 % off for a limited time' } })

      // Billing quotes the upgrade with the campaign (the credit for the unused Silver period
      // comes off the offer price, docs/rules.md rule 18) and redeems it with an order at the quote.
      const billingHeaders = {
        Authorization: `${slugs.serviceAccounts} API-Key ${demoBillingAccount.apiKey}`,
      }
      const quoteQuery = new URLSearchParams({
        tier: offer.tier.id,
        period: offer.billingPeriod,
        campaign: slug,
      })
      const quote = (await (
        await fetch(`${baseUrl}/api/members/${member.id}/quote?${quoteQuery}`, {
          headers: billingHeaders,
        })
      ).json()) as { quoteId: string; amount: number; offerPrice: number }
      expect(quote.offerPrice).toBe(offer.offerPrice)
      const order = await fetch(`${baseUrl}/api/membership/orders`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `${slugs.serviceAccounts} API-Key ${demoBillingAccount.apiKey}`,
        },
        body: JSON.stringify({
          orderId: `e2e-${slug}`,
          type: 'upgrade',
          member: member.id,
          tier: offer.tier.id,
          billingPeriod: offer.billingPeriod,
          amount: quote.amount,
          quote: quote.quoteId,
          campaign: slug,
        }),
      })
      expect(order.status).toBe(201)

      // The campaign page counts it.
      await page.goto(`${editUrl}`)
      await expect
        .poll(async () => page.locator('[data-testid="campaign-stats"]').innerText(), {
          timeout: 60_000,
        })
        .toMatch(/Redemptions: 1\b/)
      await shot('stats')
      expect(String(campaign.id)).toMatch(/^[0-9a-f]{24}$/)
    } finally {
      await page.close()
    }
  })

  it('shows an admin a failed webhook delivery, and replays it once the receiver is back', async () => {
    const receiver = await webhookReceiver()
    receiver.answer('fail')
    const page = await browser!.newPage({
      locale: 'en-US',
      viewport: { width: 1440, height: 1000 },
    })
    const shot = (name: string) =>
      page.screenshot({ path: path.join('.data', 'e2e', `webhook-${name}.png`), fullPage: true })
    try {
      const endpoint = await payload.create({
        collection: slugs.webhookEndpoints,
        data: {
          url: receiver.url('/e2e-hooks'),
          events: ['member.entitlements.changed', 'membership.renewed'],
        } as never,
        overrideAccess: true,
      })
      // A member buys Silver: the ledger's change goes to the outbox, the receiver answers 500.
      const buyer = await membersFactory(payload, { apiKey: demoBillingAccount.apiKey }).buyer(
        'silver',
      )
      await deliverWebhooks(payload, { now: new Date() })
      const deliveries = () =>
        rawCollection(payload, slugs.webhookDeliveries)
          .find({ endpoint: new ObjectId(String(endpoint.id)) })
          .toArray()
      const [failed] = await deliveries()
      expect(failed).toMatchObject({ status: 'pending', attempts: 1 })
      expect(String(failed!.lastError)).toMatch(/500/)
      expect(receiver.received.map((request) => request.answered)).toContain('failed')

      await page.goto(`${baseUrl}/admin/login`)
      await page.locator('input[name="email"]').fill(admin.email)
      await page.locator('input[name="password"]').fill(admin.password)
      await page.locator('button[type="submit"]').click()
      await page.waitForURL((url) => url.pathname === '/admin', { timeout: 60_000 })

      // The deliveries list shows the failure: attempts and the receiver's answer.
      await page.goto(`${baseUrl}/admin/collections/${slugs.webhookDeliveries}`)
      await expect
        .poll(async () => page.locator('table').innerText(), { timeout: 30_000 })
        // Status, attempts, the receiver's answer and which endpoint (its URL, once loaded).
        .toMatch(/Pending[\s\S]*500[\s\S]*e2e-hooks/)
      await shot('deliveries')

      // The admin replays it from the delivery's page; the receiver is back.
      receiver.answer('accept')
      await page.goto(
        `${baseUrl}/admin/collections/${slugs.webhookDeliveries}/${String(failed!._id)}`,
      )
      await page.getByRole('button', { name: /Replay this delivery/ }).click()
      await expect
        .poll(async () => page.locator('[data-testid="webhook-replay"]').innerText(), {
          timeout: 30_000,
        })
        .toMatch(/Queued/)
      await shot('replayed')
      await deliverWebhooks(payload, { now: new Date() })
      const accepted = receiver.received.filter((request) => request.answered === 'accepted')
      expect(accepted.length).toBeGreaterThanOrEqual(1)
      // The same event id as the failed attempt: the receiver can drop a duplicate.
      expect(accepted[0]!.headers['webhook-id']).toBe(receiver.received[0]!.headers['webhook-id'])
      expect(JSON.parse(accepted[0]!.body)).toMatchObject({ data: { member: { id: buyer.id } } })
      await page.reload()
      await expect
        .poll(async () => page.locator('body').innerText(), { timeout: 30_000 })
        .toMatch(/Delivered/)
      await shot('delivered')
    } finally {
      await page.close()
      await receiver.close()
    }
  })

  it("shows support a member's reminders and messages, cancel intents and webhook events", async () => {
    const support = demoStaff.find((person) => person.role === 'support')!
    const day = 86_400_000
    // Through the app server, as the platform would: a Silver member who bought 22 days ago, with
    // an email address and consent to offers by email.
    const post = async (route: string, key: string, body: object) => {
      const response = await fetch(`${baseUrl}/api${route}`, {
        method: 'POST',
        headers: {
          Authorization: `${slugs.serviceAccounts} API-Key ${key}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(body),
      })
      return { status: response.status, body: (await response.json()) as Record<string, unknown> }
    }
    const externalId = `e2e-support-${Date.now()}`
    const order = await post('/membership/orders', demoBillingAccount.apiKey, {
      orderId: `${externalId}-1`,
      type: 'purchase',
      member: externalId,
      tier: 'silver',
      billingPeriod: 'monthly',
      amount: 3900,
      autoRenew: false,
      occurredAt: new Date(Date.now() - 22 * day).toISOString(),
    })
    expect(order.status).toBe(201)
    const memberId = String((order.body.event as { member: string }).member)
    const contact = await post(`/${slugs.members}/contact`, demoBillingAccount.apiKey, {
      member: externalId,
      email: `${externalId}@learner.example`,
      language: 'en',
      consentEmail: true,
      consentInApp: true,
    })
    expect(contact.status).toBe(200)
    // The reminder job (here in the test's process, as a separate `payload jobs:run` worker would
    // be) at 7 days before the period ends: email and in-app, once.
    await refreshMember(payload, memberId)
    const periodEnd = findMember(payload, memberId)!.membership.periodEnd!
    const sent = await sendLifecycleMessages(payload, {
      now: new Date(periodEnd.getTime() - 7 * day + 60_000),
    })
    expect(sent.sent).toBeGreaterThanOrEqual(1)
    const intent = await post(
      `/${slugs.members}/${memberId}/cancel-intent`,
      demoServiceAccount.apiKey,
      {
        reason: 'too_expensive',
        text: 'Too much for me this term',
      },
    )
    expect(intent.status).toBe(201)

    const page = await browser!.newPage({
      locale: 'en-US',
      viewport: { width: 1440, height: 1400 },
    })
    try {
      await page.goto(`${baseUrl}/admin/login`)
      await page.locator('input[name="email"]').fill(support.email)
      await page.locator('input[name="password"]').fill(support.password)
      await page.locator('button[type="submit"]').click()
      await page.waitForURL((url) => url.pathname === '/admin', { timeout: 60_000 })
      await page.goto(`${baseUrl}/admin/collections/${slugs.members}/${memberId}`)
      await expect
        .poll(async () => page.locator('[data-testid="member-entitlements"]').innerText(), {
          timeout: 30_000,
        })
        .toMatch(/(Tier|等级)[\s\S]*(Silver|白银)/)
      const messages = page.locator('[data-testid="member-messages"]')
      await expect
        .poll(async () => messages.innerText(), { timeout: 30_000 })
        .toMatch(/(Renewal reminder|续费提醒)[\s\S]*(7 d|7 天)/)
      expect(await messages.innerText()).toMatch(/email[\s\S]*(sent|已发送)/i)
      await expect
        .poll(async () => page.locator('[data-testid="member-cancel-intents"]').innerText(), {
          timeout: 30_000,
        })
        .toMatch(/too_expensive|Too expensive|太贵|价格/i)
      await expect
        .poll(async () => page.locator('[data-testid="member-webhooks"]').innerText(), {
          timeout: 30_000,
        })
        // The member's purchase event; support may not read endpoints (they hold secrets).
        .toMatch(/member\.entitlements\.changed[\s\S]*(Visible to admins|仅管理员可见)/)
      await page.screenshot({
        path: path.join('.data', 'e2e', 'support-member.png'),
        fullPage: true,
      })
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

  it('answers the hot route itself and the probe route through Next', async () => {
    const livez = await fetch(`${baseUrl}/livez`)
    expect(livez.status).toBe(200)
    expect(livez.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await livez.json()).toEqual({ ok: true })

    const healthz = await fetch(`${baseUrl}/healthz`)
    expect(healthz.status).toBe(200)
    expect(await healthz.json()).toEqual({ ok: true })
  })

  it('still serves Payload REST, with the field errors of a refused write', async () => {
    const tiers = await fetch(`${baseUrl}/api/${slugs.tiers}?limit=1&depth=0`)
    expect(tiers.status).toBe(200)
    const page = (await tiers.json()) as { docs: { id: string }[]; totalDocs: number }
    expect(page.docs).toHaveLength(1)
    expect(page.totalDocs).toBeGreaterThanOrEqual(5)

    // A hook's ValidationError keeps its field errors only when the hook and the REST handler
    // share one copy of `payload` (next.config.ts keeps it external in the build).
    const operations = demoStaff.find((person) => person.role === 'operations')!
    const login = await fetch(`${baseUrl}/api/${slugs.users}/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: operations.email, password: operations.password }),
    })
    const { token } = (await login.json()) as { token: string }
    const gold = (
      await payload.find({ collection: slugs.tiers, where: { slug: { equals: 'gold' } } })
    ).docs[0]!
    const refused = await fetch(`${baseUrl}/api/${slugs.tiers}/${gold.id}?locale=zh`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
      body: JSON.stringify({ rank: 1, _status: 'published' }), // silver's rank
    })
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({
      errors: [{ name: 'ValidationError', data: { errors: [{ path: 'rank' }] } }],
    })
  })

  it('refuses bad input over HTTP with a 4xx and a reason, never an empty 500', async () => {
    const sort = await fetch(`${baseUrl}/api/${slugs.tiers}?sort=$where`)
    expect(sort.status).toBe(400)
    expect(await sort.json()).toMatchObject({ reason: 'invalid_query', field: 'sort' })

    const graphql = await fetch(`${baseUrl}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' },
      body: '{',
    })
    expect(graphql.status).toBe(400)
    expect(await graphql.json()).toMatchObject({
      errors: [
        {
          message: expect.stringMatching(/not valid JSON/),
          extensions: { reason: 'invalid_json' },
        },
      ],
    })

    // Through Next and on the hot path alike, a body over the one JSON limit is refused.
    const oversized = JSON.stringify({ member: 'x'.repeat(2 * 1024 * 1024) })
    for (const path of [`/api/${slugs.tiers}`, '/api/entitlements/check-batch']) {
      const response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `${slugs.serviceAccounts} API-Key ${demoServiceAccount.apiKey}`,
        },
        body: oversized,
      })
      expect(response.status, path).toBe(413)
    }
  })

  it('answers checks on the lean path with an API key exactly as Next does for a staff session', async () => {
    const apiKey = {
      Authorization: `${slugs.serviceAccounts} API-Key ${demoServiceAccount.apiKey}`,
    }
    const billing = {
      Authorization: `${slugs.serviceAccounts} API-Key ${demoBillingAccount.apiKey}`,
    }
    const support = demoStaff.find((person) => person.role === 'support')!
    const login = await fetch(`${baseUrl}/api/${slugs.users}/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: support.email, password: support.password }),
    })
    const session = { Authorization: `JWT ${((await login.json()) as { token: string }).token}` }
    const masterclass = (
      await payload.find({
        collection: slugs.courses,
        where: { status: { equals: 'published' } },
        sort: '-createdAt',
        limit: 1,
        depth: 1,
      })
    ).docs[0]!
    const member = `e2e-${Date.now()}`
    const check = `${baseUrl}/api/entitlements/check?member=${member}&course=${masterclass.slug}`
    const withoutTime = (body: Record<string, unknown>) => ({ ...body, evaluatedAt: undefined })

    // Unknown yet: 404 on both paths.
    const unknown = await fetch(check, { headers: apiKey })
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('x-served-by')).toBe('lean')

    // Billing reports a purchase through Next; the very next lean check sees the member.
    const order = await fetch(`${baseUrl}/api/membership/orders`, {
      method: 'POST',
      headers: { ...billing, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        orderId: `e2e-order-${Date.now()}`,
        type: 'purchase',
        member,
        tier: 'diamond',
        billingPeriod: 'monthly',
        amount: 19900,
      }),
    })
    expect(order.status).toBe(201)
    const lean = await fetch(check, { headers: apiKey })
    const viaNext = await fetch(check, { headers: session })
    expect(lean.headers.get('x-served-by')).toBe('lean')
    expect(viaNext.headers.get('x-served-by')).toBeNull()
    const leanBody = (await lean.json()) as Record<string, unknown>
    expect(leanBody).toMatchObject({ allowed: true, reason: 'entitled' })
    expect(withoutTime(leanBody)).toEqual(
      withoutTime((await viaNext.json()) as Record<string, unknown>),
    )

    const batch = await fetch(`${baseUrl}/api/entitlements/check-batch`, {
      method: 'POST',
      headers: { ...apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ member: demoMemberId(1), courses: [masterclass.slug, 'nope'] }),
    })
    expect(batch.headers.get('x-served-by')).toBe('lean')
    expect(((await batch.json()) as { courses: unknown[] }).courses).toHaveLength(2)

    const consume = (key: string) =>
      fetch(`${baseUrl}/api/entitlements/consume`, {
        method: 'POST',
        headers: { ...apiKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          member,
          benefit: 'tutoring-sessions',
          amount: 1,
          idempotencyKey: key,
        }),
      })
    const first = await consume('e2e-1')
    expect(first.status).toBe(200)
    expect(await first.json()).toMatchObject({ consumed: true, used: 1, limit: null })
    expect(await (await consume('e2e-1')).json()).toMatchObject({ replayed: true, used: 1 })

    const operator = await fetch(`${baseUrl}/api/entitlements/check?member[$gt]=&course=x`, {
      headers: apiKey,
    })
    expect(operator.status).toBe(400)
  })

  it("gives Next's route handlers the server's Payload instance", async () => {
    const diagnostics = async () =>
      (await (await fetch(`${baseUrl}${DIAGNOSTICS_PATH}`)).json()) as PayloadDiagnostics
    const before = await diagnostics()
    expect((await fetch(`${baseUrl}/api/${slugs.tiers}?limit=1`)).status).toBe(200)
    expect((await fetch(`${baseUrl}/admin/login`)).status).toBe(200)
    const after = await diagnostics()

    expect(after.cacheKeys).toEqual(['default'])
    expect(after.cachedIsServerInstance).toBe(true)
    // The admin stored its import map on the very object the server holds…
    expect(after.adminImportMapSet).toBe(true)
    // …the REST read went through that object's database adapter…
    expect(after.serverInstanceDbFinds).toBeGreaterThan(before.serverInstanceDbFinds)
    // …and nothing opened a second connection for an instance of its own.
    expect(after.mongooseConnections).toBe(before.mongooseConnections)
  })
})
