// Campaigns under load (issue 9): (1) entitlement checks with offers — every refused check carries
// the best live offer — and GET /api/members/{id}/offers on the lean path, at N members (default
// 100k) and 20 live campaigns; (2) a redemption burst: 200 parallel billing orders for a campaign
// with 10 redemptions left, over HTTP to the app server: exactly 10 must be accepted.
// Usage: npm run bench:offers -- [--members 100000] [--seconds 10] [--connections 10] [--orders 200]
import { request } from 'node:http'

import { slugs } from '../collections/slugs'
import { demoBillingAccount, demoServiceAccount } from '../seed/data/staff'
import { demoMemberId } from '../seed/members'
import { rawCollection } from '../src/operations/entitlements/store'
import { argNumber, benchPayload, table } from './lib/benchPayload'
import { ensureLiveCampaigns, publishCampaign, tierIdsBySlug } from './lib/liveCampaigns'
import { loadTest, sampleRss, startBuiltServer } from './lib/http'

const memberCount = argNumber('members', 100_000)
const seconds = argNumber('seconds', 10)
const connections = argNumber('connections', 10)
const orderCount = argNumber('orders', 200)
const liveTarget = 20
const burstBudget = 10

const payload = await benchPayload(memberCount)
const hour = 3_600_000
const day = 24 * hour
const now = Date.now()
const iso = (offset: number) => new Date(Math.floor((now + offset) / 60_000) * 60_000).toISOString()

const tier = await tierIdsBySlug(payload)
const live = await ensureLiveCampaigns(payload, liveTarget, now)

// The burst: a renewal offer with 10 redemptions, for members renewing a bought tier in its period.
const burstSlug = `bench-burst-${now}`
const burstId = await publishCampaign(
  payload,
  burstSlug,
  {
    kind: 'renewal',
    schedule: { timeZone: 'Asia/Shanghai', startsAt: iso(-hour), endsAt: iso(2 * day) },
    terms: {
      audience: {},
      target: {},
      offer: { discount: { kind: 'percent_off', percent: 10 }, bonusDays: 0 },
      budget: { totalRedemptions: burstBudget, perMember: 1 },
      priority: 0,
    },
    channels: ['in-app'],
  },
  `Bench burst ${now}`,
)
const paidTiers = ['silver', 'gold', 'diamond'].map(tier)
const renewers = (
  await rawCollection(payload, slugs.members)
    .find(
      {
        externalId: { $regex: '^demo-' },
        status: 'active',
        billingPeriod: { $in: ['monthly', 'quarterly', 'annual'] },
        periodEnd: { $gt: new Date(now + 2 * day) },
      } as never,
      { projection: { externalId: 1, tier: 1 }, limit: orderCount * 4 },
    )
    .toArray()
)
  .filter((doc) => paidTiers.includes(String(doc.tier)))
  .map((doc) => String(doc.externalId))
await payload.destroy()

const frontend = { authorization: `${slugs.serviceAccounts} API-Key ${demoServiceAccount.apiKey}` }
const billing = { authorization: `${slugs.serviceAccounts} API-Key ${demoBillingAccount.apiKey}` }
const courses = ['python-basics', 'data-analysis', 'machine-learning', 'system-design']
const randomMember = () => demoMemberId(1 + Math.floor(Math.random() * memberCount))

/** A POST over node:http without any client timeout; the status and the answer's reason. */
function post(url: string, headers: Record<string, string>, body: object) {
  return new Promise<{ status: number; reason?: string }>((resolve, reject) => {
    const payload = JSON.stringify(body)
    const sent = request(
      url,
      { method: 'POST', headers: { ...headers, 'content-type': 'application/json' } },
      (response) => {
        let text = ''
        response.on('data', (chunk: Buffer) => (text += chunk.toString()))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            reason: (JSON.parse(text || '{}') as { reason?: string }).reason,
          }),
        )
      },
    )
    sent.on('error', reject)
    sent.end(payload)
  })
}

const server = await startBuiltServer({
  env: { DATABASE_URI: process.env.DATABASE_URI!, LEAN_ROUTES: 'on' },
  timeoutMs: 300_000,
})
try {
  // The store loads on the first call.
  const started = Date.now()
  while (Date.now() - started < 15 * 60_000) {
    const answer = await fetch(`${server.url}/api/members/${demoMemberId(1)}/offers`, {
      headers: frontend,
    }).catch(() => null)
    if (answer?.ok) break
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  const published = await fetch(`${server.url}/api/courses?limit=200&depth=0`, {
    headers: frontend,
  }).then((response) => response.json() as Promise<{ docs?: { slug: string }[] }>)
  const courseSlugs = published.docs?.map((course) => course.slug) ?? courses

  // How often a refused check carries an offer, over a sample.
  let refused = 0
  let withOffer = 0
  for (let n = 0; n < 1000; n += 1) {
    const course = courseSlugs[n % courseSlugs.length]
    const answer = (await fetch(
      `${server.url}/api/entitlements/check?member=${randomMember()}&course=${course}`,
      { headers: frontend },
    ).then((response) => response.json())) as { allowed?: boolean; offer?: unknown }
    if (answer.allowed === false) {
      refused += 1
      if (answer.offer) withOffer += 1
    }
  }

  const rows: Record<string, string | number>[] = []
  const scenarios = [
    {
      name: 'GET /api/entitlements/check (refusals carry offers)',
      nextPath: () =>
        `/api/entitlements/check?member=${randomMember()}&course=${courseSlugs[Math.floor(Math.random() * courseSlugs.length)]}`,
    },
    {
      name: 'GET /api/members/{id}/offers',
      nextPath: () => `/api/members/${randomMember()}/offers`,
    },
  ]
  for (const scenario of scenarios) {
    const options = {
      url: `${server.url}/`,
      headers: frontend,
      nextPath: scenario.nextPath,
      connections,
    }
    await loadTest({ ...options, duration: 2 })
    const sampler = sampleRss(server.pid, 100)
    const result = await loadTest({ ...options, duration: seconds })
    const rss = sampler.stop()
    rows.push({
      route: scenario.name,
      'req/s': Math.round(result.requestsPerSecond),
      'p50 ms': result.p50,
      'p99 ms': result.p99,
      'non-2xx': result.non2xx,
      errors: result.errors,
      'RSS MB (peak)': Math.round(rss.peakMb),
    })
  }

  console.log(
    `\n(1) checks with offers: ${memberCount.toLocaleString('en')} members, ${live} live campaigns, ` +
      `lean path, ${connections} connections, ${seconds} s per route, Node ${process.version}\n`,
  )
  console.log(table(rows))
  console.log(
    `\nof 1,000 sampled checks ${refused} were refused and ${withOffer} of those carried an offer` +
      ` (target ≥ 5,000 checks/s, p99 ≤ 10 ms)`,
  )

  // The burst: each member's offer price first, then every order at once.
  const priced: { member: string; amount: number; tier: string; billingPeriod: string }[] = []
  for (const member of renewers) {
    if (priced.length >= orderCount) break
    const answer = (await fetch(`${server.url}/api/members/${member}/offers?kind=renewal`, {
      headers: frontend,
    }).then((response) => response.json())) as {
      offers?: {
        campaign: { slug: string }
        offerPrice: number
        tier: { id: string }
        billingPeriod: string
      }[]
    }
    const offer = answer.offers?.find((entry) => entry.campaign.slug === burstSlug)
    if (offer) {
      priced.push({
        member,
        amount: offer.offerPrice,
        tier: offer.tier.id,
        billingPeriod: offer.billingPeriod,
      })
    }
  }
  // Orders wait for each other (one database connection, one campaign's claims in turn): no
  // client timeout may cut the burst short.
  console.log(`\n[bench] sending ${priced.length} orders at once…`)
  const burstStarted = performance.now()
  const answers = await Promise.all(
    priced.map((entry, n) =>
      post(`${server.url}/api/membership/orders`, billing, {
        orderId: `bench-burst-${now}-${n}`,
        type: 'renewal',
        member: entry.member,
        billingPeriod: entry.billingPeriod,
        amount: entry.amount,
        campaign: burstId,
      }).then((answer) => ({ ...answer, at: performance.now() - burstStarted })),
    ),
  )
  const burstMs = performance.now() - burstStarted
  const accepted = answers.filter((answer) => answer.status === 201).length
  const reasons = new Map<string, number>()
  for (const answer of answers) {
    const key = answer.status === 201 ? '201' : `${answer.status} ${answer.reason ?? ''}`.trim()
    reasons.set(key, (reasons.get(key) ?? 0) + 1)
  }
  const latencies = answers.map((answer) => answer.at).sort((a, b) => a - b)

  console.log(
    `\n(2) redemption burst: ${priced.length} parallel renewal orders for a campaign with ${burstBudget} redemptions\n`,
  )
  console.log(
    table([
      {
        orders: priced.length,
        accepted,
        answers: [...reasons].map(([key, count]) => `${count}× ${key}`).join(', '),
        'all answered in ms': Math.round(burstMs),
        'p50 ms': Math.round(latencies[Math.floor(latencies.length / 2)] ?? 0),
        'max ms': Math.round(latencies.at(-1) ?? 0),
      },
    ]),
  )
  if (accepted !== Math.min(burstBudget, priced.length)) {
    console.error(`\nFAILED: ${accepted} orders were accepted for ${burstBudget} redemptions`)
    process.exitCode = 1
  }
} finally {
  await server.stop()
}
process.exit(process.exitCode ?? 0)
