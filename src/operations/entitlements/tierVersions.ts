// Publishing a tier records an immutable plan version (docs/rules.md rule 7): members who paid under an
// older version keep its better values until their period ends; improvements apply at once.
// Nothing is written per member, so a publish costs the same with 10 or 10 million members.
import type { PayloadRequest } from 'payload'

import { slugs } from '../../../collections/slugs'
import { deltaOf, planVersionFromDoc, snapshotOf, tierVersionId } from '../../adapters/entitlements'
import { planChange, planSnapshot, type PlanVersion } from '../../domain/entitlements/plans'
import { loadCatalogue } from '../loadCatalogue'

async function latestVersion(req: PayloadRequest, tierId: string): Promise<PlanVersion | null> {
  const found = await req.payload.find({
    collection: slugs.tierVersions,
    where: { tier: { equals: tierId } },
    sort: '-version',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const doc = found.docs[0]
  return doc ? planVersionFromDoc(doc) : null
}

/**
 * Records the live tier's current terms as a new version when they differ from its latest one.
 * Returns the version written, or null when nothing changed (or the tier is not live).
 */
export async function recordTierVersion(
  req: PayloadRequest,
  tierId: string,
  options: { catalogue?: Awaited<ReturnType<typeof loadCatalogue>> } = {},
): Promise<{ id: string; version: number; change: string } | null> {
  const catalogue = options.catalogue ?? (await loadCatalogue(req))
  const tier = catalogue.tiers.find((candidate) => candidate.id === tierId)
  if (!tier) return null
  const latest = await latestVersion(req, tierId)
  const snapshot = snapshotOf(planSnapshot(tier))
  if (latest && JSON.stringify(snapshotOf(latest)) === JSON.stringify(snapshot)) return null
  const change = planChange(latest, snapshot, catalogue.benefits)
  const version = (latest?.version ?? 0) + 1
  const id = tierVersionId(tierId, version)
  const actor = req.user as { email?: string; name?: string } | null | undefined
  await req.payload.create({
    collection: slugs.tierVersions,
    data: {
      id,
      tier: tierId,
      version,
      change: change.kind,
      publishedAt: new Date().toISOString(),
      publishedBy: actor?.email ?? actor?.name ?? 'system',
      snapshot,
      delta: deltaOf(change),
    },
    overrideAccess: true,
    req,
  })
  return { id, version, change: change.kind }
}

/** Live tiers published before versions existed (or seeded around hooks) get their first one. */
export async function backfillTierVersions(req: PayloadRequest): Promise<number> {
  const catalogue = await loadCatalogue(req)
  let written = 0
  for (const tier of catalogue.tiers) {
    const existing = await req.payload.count({
      collection: slugs.tierVersions,
      where: { tier: { equals: tier.id } },
      overrideAccess: true,
      req,
    })
    if (existing.totalDocs > 0) continue
    if (await recordTierVersion(req, tier.id, { catalogue })) written += 1
  }
  return written
}
