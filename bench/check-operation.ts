// (c) The check operation in process, with offers: GET /api/entitlements/check's work without HTTP —
// the store lookup, the course check, the best live offer on a refusal and the JSON answer — on one
// core at N members (default 100k) and 20 live campaigns. Tells the cost of an offer on a refusal
// apart from the transport's (bench/offers.ts measures the lean HTTP path).
// Usage: npm run bench:check-op -- [--members 100000] [--seconds 5]
import { performance } from 'node:perf_hooks'

import { demoMemberId } from '../seed/members'
import { checkEntitlement } from '../src/operations/entitlements/service'
import { catalogueOf, ensureStoreLoaded } from '../src/operations/entitlements/store'
import { argNumber, benchPayload, table } from './lib/benchPayload'
import { ensureLiveCampaigns } from './lib/liveCampaigns'

const memberCount = argNumber('members', 100_000)
const seconds = argNumber('seconds', 5)
const payload = await benchPayload(memberCount)
const live = await ensureLiveCampaigns(payload, 20)
await ensureStoreLoaded(payload)
const { courses } = await catalogueOf(payload)
const courseSlugs = [...courses.bySlug.keys()]

type Tally = { checks: number; refused: number; withOffer: number; bytes: number; ms: number }

/** Checks for `seconds`, members spread over the whole range; `only` keeps allowed or refused. */
async function run(only: 'all' | 'refused' | 'allowed'): Promise<Tally> {
  const tally: Tally = { checks: 0, refused: 0, withOffer: 0, bytes: 0, ms: 0 }
  const deadline = performance.now() + seconds * 1000
  let n = 0
  while (performance.now() < deadline) {
    for (let i = 0; i < 500; i += 1, n += 1) {
      const member = demoMemberId(1 + ((n * 7919) % memberCount))
      const course = courseSlugs[n % courseSlugs.length]!
      const started = performance.now()
      const outcome = await checkEntitlement(payload, { member, course, amount: 1 })
      const body = JSON.stringify(outcome.ok ? outcome.value : outcome)
      const elapsed = performance.now() - started
      const value = (outcome.ok ? outcome.value : {}) as { allowed?: boolean; offer?: unknown }
      if (only === 'refused' && value.allowed !== false) continue
      if (only === 'allowed' && value.allowed !== true) continue
      tally.checks += 1
      tally.ms += elapsed
      tally.bytes += body.length
      if (value.allowed === false) {
        tally.refused += 1
        if (value.offer) tally.withOffer += 1
      }
    }
  }
  return tally
}

await run('all') // warm-up
const rows = []
for (const only of ['all', 'allowed', 'refused'] as const) {
  const tally = await run(only)
  if (tally.checks === 0) throw new Error(`no ${only} check: the benchmark data is wrong`)
  rows.push({
    checks: only,
    'µs per check': ((tally.ms * 1000) / tally.checks).toFixed(1),
    'checks / s (one core)': Math.round((tally.checks * 1000) / tally.ms).toLocaleString('en'),
    'refused with an offer': `${tally.withOffer} of ${tally.refused}`,
    'answer bytes (mean)': Math.round(tally.bytes / tally.checks),
  })
}
console.log(
  `\n(c) the check operation in process: ${memberCount.toLocaleString('en')} members, ${live} live ` +
    `campaigns, Node ${process.version}\n`,
)
console.log(table(rows))
await payload.destroy()
process.exit(0)
