// The campaign editor's audience preview (issue 9) at N members (default 100k): the operation that
// POST /api/campaigns/preview-audience runs, in process, over the entitlement store — an upgrade
// for the lowest paid tier, a renewal of periods ending within 30 days, a win-back of members
// lapsed within 90 days and a referral open to everyone — each run several times after the store
// has loaded; prints the first run (members' facts worked out from their memberships) and the
// median and maximum of all runs (later runs re-use the facts while memberships stay the same, as
// the editor's preview following the form does). The target is under a second, cold or warm.
// The app server works the facts out at now once the store has loaded (`warmAudienceFacts`), as
// this script does first unless `--cold` is given (then the first run pays for them).
// Usage: npm run bench:preview -- [--members 100000] [--runs 9] [--cold]
import { performance } from 'node:perf_hooks'

import { createLocalReq } from 'payload'

import { slugs } from '../collections/slugs'
import { previewAudience, warmAudienceFacts } from '../src/operations/campaigns/audiencePreview'
import { ensureStoreLoaded, storedMembers } from '../src/operations/entitlements/store'
import { argNumber, benchPayload, table } from './lib/benchPayload'

const memberCount = argNumber('members', 100_000)
const runs = argNumber('runs', 9)
const payload = await benchPayload(memberCount)

let started = performance.now()
await ensureStoreLoaded(payload)
const loadSeconds = (performance.now() - started) / 1000
const inStore = [...storedMembers(payload)].length
const cold = process.argv.includes('--cold')
let warmUp = ''
if (!cold) {
  started = performance.now()
  const worked = await warmAudienceFacts(payload)
  warmUp = `; facts of ${worked.toLocaleString('en')} members worked out at now in ${Math.round(performance.now() - started)} ms first, as the app server does after loading`
}

const tiers = (
  await payload.find({
    collection: slugs.tiers,
    where: { and: [{ _status: { equals: 'published' } }, { kind: { equals: 'paid' } }] },
    sort: 'rank',
    pagination: false,
    depth: 0,
  })
).docs
if (tiers.length < 2) throw new Error('the demo catalogue needs two paid tiers')
const [lowest, next] = [String(tiers[0]!.id), String(tiers[1]!.id)]

const day = 86_400_000
const schedule = {
  startsAt: new Date(Date.now() + day).toISOString(),
  endsAt: new Date(Date.now() + 8 * day).toISOString(),
}
const scenarios: { name: string; draft: Record<string, unknown> }[] = [
  {
    name: `upgrade ${tiers[0]!.slug} → ${tiers[1]!.slug}, 20 % off`,
    draft: {
      kind: 'upgrade',
      schedule,
      terms: {
        audience: { tiers: [lowest] },
        target: { tier: next },
        offer: { discount: { kind: 'percent_off', percent: 20 } },
        budget: { totalRedemptions: 5000, maxDiscount: 200_000 },
      },
    },
  },
  {
    name: 'renewal, period ends within 30 days, ¥20 off',
    draft: {
      kind: 'renewal',
      schedule,
      terms: {
        audience: { periodEndsWithinDays: 30 },
        target: { tier: null },
        offer: { discount: { kind: 'amount_off', amount: 20 } },
        budget: { totalRedemptions: null, maxDiscount: null },
      },
    },
  },
  {
    name: 'win-back, lapsed within 90 days, 30 % off',
    draft: {
      kind: 'winback',
      schedule,
      terms: {
        audience: { lapsedWithinDays: 90 },
        target: { tier: lowest },
        offer: { discount: { kind: 'percent_off', percent: 30 } },
        budget: { totalRedemptions: 1000 },
      },
    },
  },
  {
    name: 'referral, everyone, 10 % off',
    draft: {
      kind: 'referral',
      schedule,
      terms: {
        audience: {},
        target: { tier: next },
        offer: { discount: { kind: 'percent_off', percent: 10 } },
        budget: { totalRedemptions: null, maxDiscount: null },
      },
    },
  },
]

const req = await createLocalReq({ locale: 'zh' }, payload)
const rows: Record<string, string | number>[] = []
let slowest = 0
for (const scenario of scenarios) {
  const times: number[] = []
  let eligible = 0
  let cost = ''
  for (let run = 0; run < runs; run += 1) {
    started = performance.now()
    const outcome = await previewAudience(req, scenario.draft)
    times.push(performance.now() - started)
    if (!outcome.ok) throw new Error(`${scenario.name}: ${outcome.refusal.message.en}`)
    const value = outcome.value as {
      eligible: number
      cost: { discount: number; unlimited: boolean }
    }
    eligible = value.eligible
    cost = `¥${(value.cost.discount / 100).toLocaleString('en')}${value.cost.unlimited ? ' (unlimited)' : ''}`
  }
  const first = times[0]!
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]!
  const max = times[times.length - 1]!
  slowest = Math.max(slowest, max)
  rows.push({
    scenario: scenario.name,
    eligible: eligible.toLocaleString('en'),
    'cost at budget': cost,
    'first ms': Math.round(first),
    'median ms': Math.round(median),
    'max ms': Math.round(max),
  })
}

console.log(
  `\nAudience preview over ${inStore.toLocaleString('en')} members in the store (loaded in ${loadSeconds.toFixed(1)} s), ` +
    `${runs} runs each, in process, Node ${process.version}${cold ? '; cold: no warm-up' : warmUp}\n`,
)
console.log(table(rows))
console.log(`\nslowest run: ${Math.round(slowest)} ms (target: under 1000 ms)`)
await payload.destroy()
process.exit(slowest < 1000 ? 0 : 1)
