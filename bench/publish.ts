// (c) Publishing a tier with N members (default 100k): an improving and a worsening publish of the
// gold tier, wall time and documents written, plus the editor's impact preview. Members are never
// rewritten: a publish writes the tier, one immutable version and audit entries.
// Usage: npm run bench:publish -- [--members 100000]
import { performance } from 'node:perf_hooks'

import { slugs } from '../collections/slugs'
import { tierPublishImpact } from '../src/operations/entitlements/publishImpact'
import { ensureStoreLoaded, rawCollection } from '../src/operations/entitlements/store'
import { argNumber, benchPayload, table } from './lib/benchPayload'

const memberCount = argNumber('members', 100_000)
const payload = await benchPayload(memberCount)
const { createLocalReq } = await import('payload')

const gold = (
  await payload.find({ collection: slugs.tiers, where: { slug: { equals: 'gold' } }, depth: 0 })
).docs[0]!
const tutoring = (
  await payload.find({
    collection: slugs.benefits,
    where: { key: { equals: 'tutoring-sessions' } },
    depth: 0,
  })
).docs[0]!
const rows = (gold.benefits ?? []).map((row) => ({
  ...row,
  benefit: typeof row.benefit === 'object' ? row.benefit.id : row.benefit,
}))
const original = rows.find((row) => row.benefit === tutoring.id)!.amount ?? 4
const withTutoring = (amount: number) =>
  rows.map((row) => (row.benefit === tutoring.id ? { ...row, amount } : row))

const counted = [slugs.members, slugs.tierVersions, slugs.auditLog, slugs.tiers] as const
async function counts(): Promise<Record<string, number>> {
  const entries = await Promise.all(
    counted.map(
      async (slug) => [slug, await rawCollection(payload, slug).estimatedDocumentCount()] as const,
    ),
  )
  return Object.fromEntries(entries)
}

const members = await rawCollection(payload, slugs.members).estimatedDocumentCount()
const benchStart = new Date()
const rowsOut: Record<string, string | number>[] = []

async function publish(label: string, amount: number) {
  const before = await counts()
  const started = performance.now()
  await payload.update({
    collection: slugs.tiers,
    id: gold.id,
    data: { benefits: withTutoring(amount), _status: 'published' },
  })
  const ms = performance.now() - started
  const after = await counts()
  const version = await payload.find({
    collection: slugs.tierVersions,
    where: { tier: { equals: gold.id } },
    sort: '-version',
    limit: 1,
    depth: 0,
  })
  rowsOut.push({
    publish: label,
    'wall time': `${ms.toFixed(0)} ms`,
    'versions written': after[slugs.tierVersions]! - before[slugs.tierVersions]!,
    'audit entries': after[slugs.auditLog]! - before[slugs.auditLog]!,
    'tier version kind': String(version.docs[0]?.change),
  })
}

await publish(`improving (tutoring ${original} → ${original + 1})`, original + 1)
await publish(`worsening (tutoring ${original + 1} → ${original - 1})`, original - 1)

let started = performance.now()
await ensureStoreLoaded(payload)
const loadMs = performance.now() - started
started = performance.now()
const req = await createLocalReq({}, payload)
const preview = await tierPublishImpact(req, {
  id: String(gold.id),
  fields: { benefits: withTutoring(original - 2) },
})
const impact = preview.ok ? preview.value : null
const previewMs = performance.now() - started
await publish(`restoring (tutoring → ${original})`, original)

// Written members would have a newer updatedAt; one scan at the end checks none was.
const membersWritten = await rawCollection(payload, slugs.members).countDocuments({
  updatedAt: { $gte: benchStart, $lte: new Date() },
})

console.log(`\n(c) publishing the gold tier with ${members.toLocaleString('en')} members\n`)
console.log(table(rowsOut))
console.log(
  `\nmember documents written by all publishes: ${membersWritten}` +
    `\nimpact preview (${impact?.members.total ?? 0} gold members, ${impact?.members.inPaidPeriod ?? 0} in a paid period): ` +
    `${previewMs.toFixed(0)} ms, after a one-off store load of ${(loadMs / 1000).toFixed(1)} s`,
)
await payload.destroy()
process.exit(0)
