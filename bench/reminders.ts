// The renewal-reminder job under load (issue 10): the lifecycle messages of N members (default
// 100,000) at an instant when about D of them (default 10,000) are due, each claimed, rendered in
// the member's language, mailed (to a scratch outbox directory) and written to the inbox. Prints a
// progress log, the time and the peak memory (target < 60 s), then runs again at the same instant
// as a fresh process would (what it knew forgotten): the second run must send nothing.
// Usage: npm run bench:reminders -- [--members 100000] [--due 10000] [--concurrency 8] [--batch 50]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { argNumber, benchPayload, table } from './lib/benchPayload'

const memberCount = argNumber('members', 100_000)
const dueTarget = argNumber('due', 10_000)
const concurrency = argNumber('concurrency', 8)
const batchSize = argNumber('batch', 50)

// Mail goes to a scratch outbox (a real nodemailer transport writing .eml files), removed after.
const outbox = mkdtempSync(path.join(tmpdir(), 'bench-reminders-'))
process.env.EMAIL_OUTBOX_DIR = outbox
delete process.env.SMTP_URL

// A database of its own (`bench_reminders`), whose members are seeded with an address, a language
// (half zh, half en) and marketing consent for a third: giving 100k existing members a contact
// afterwards is 100k updates, each of which FerretDB pays for with the whole collection.
const setupStarted = Date.now()
const payload = await benchPayload(memberCount, { database: 'bench_reminders', contacts: true })
const { slugs } = await import('../collections/slugs')
const { messagesDue } = await import('../src/domain/messages/schedule')
const store = await import('../src/operations/entitlements/store')
const { lifecycleSettings, sendLifecycleMessages, forgetDoneMessages } =
  await import('../src/operations/messages/lifecycle')

// Live bench campaigns (upgrades announced in-app, and renewals whose offer the reminders carry).
const { ensureLiveCampaigns } = await import('./lib/liveCampaigns')
await ensureLiveCampaigns(payload, 8)

// What an earlier bench run sent is removed (not timed).
for (const slug of [slugs.memberMessages, slugs.messageClaims, slugs.webhookEvents] as const) {
  await store.rawCollection(payload, slug).deleteMany({})
}
store.resetStore(payload)
await store.ensureStoreLoaded(payload)
const { catalogue } = await store.catalogueOf(payload)
const settings = await lifecycleSettings(payload, catalogue)

/** Messages due at `at` over the whole store (the job's own selection, without sending). */
const dueAt = (at: Date) => {
  let count = 0
  for (const member of store.storedMembers(payload)) {
    count += messagesDue(member.id, member.membership, settings, at, catalogue.entryTierId).length
  }
  return count
}

// The instant: hour by hour from now, the first at which at least `dueTarget` messages are due
// (or, if none reaches it, the one with the most).
const hour = 3_600_000
const start = Date.now()
let now = new Date(start)
let found = dueAt(now)
for (let hours = 1; found < dueTarget && hours < 24 * 120; hours += 1) {
  const at = new Date(start + hours * hour)
  const count = dueAt(at)
  if (count > found) [now, found] = [at, count]
}
console.log(
  `${[...store.storedMembers(payload)].length} members in the store; ${found} messages due at ${now.toISOString()} (setup ${((Date.now() - setupStarted) / 1000).toFixed(1)} s)`,
)

let peakRss = process.memoryUsage().rss
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}, 100)
const started = Date.now()
let lastLog = 0
const first = await sendLifecycleMessages(payload, {
  now,
  concurrency,
  batchSize,
  onProgress: ({ done, total }) => {
    if (done - lastLog >= 1000 || done === total) {
      lastLog = done
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      const rss = Math.round(process.memoryUsage().rss / 1_048_576)
      process.stderr.write(`  ${done}/${total} messages, ${seconds} s, RSS ${rss} MB\n`)
    }
  },
})
const elapsed = (Date.now() - started) / 1000
forgetDoneMessages()
const againStarted = Date.now()
const again = await sendLifecycleMessages(payload, { now, concurrency, batchSize })
const againElapsed = (Date.now() - againStarted) / 1000
clearInterval(sampler)

console.log(
  `\nreminder job: ${memberCount.toLocaleString('en')} members, ${first.due.toLocaleString('en')} due, concurrency ${concurrency}, Node ${process.version}\n`,
)
console.log(
  table([
    {
      run: 'first',
      due: first.due,
      sent: first.sent,
      'no offer': first.noOffer,
      'time s': elapsed.toFixed(1),
      'messages/s': Math.round(first.due / elapsed),
      'peak RSS MB': Math.round(peakRss / 1_048_576),
    },
    {
      run: 'again (same instant)',
      due: again.due,
      sent: again.sent,
      'no offer': again.noOffer,
      'time s': againElapsed.toFixed(1),
      'messages/s': Math.round(again.due / Math.max(againElapsed, 0.001)),
      'peak RSS MB': Math.round(peakRss / 1_048_576),
    },
  ]),
)
console.log(`\ntarget: the first run < 60 s; the second sends nothing (sent = ${again.sent})`)
rmSync(outbox, { recursive: true, force: true })
await payload.destroy()
process.exit(again.sent === 0 ? 0 : 1)
