// Seeds the demo campaigns in zh and en. Idempotent: a campaign is found by its slug and created
// only when missing. Each is saved as a draft, then published through the same hooks as the admin
// (so it must keep every guard rail), and the ended one is then ended by hand.
import type { Payload } from 'payload'

import { slugs } from '../collections/slugs'
import { demoCampaigns, type SeedCampaign } from './data/campaigns'

type Note = (created: boolean, label: string) => void
type Doc = Record<string, unknown>

async function idsBy(payload: Payload, collection: 'tiers' | 'benefits', field: string) {
  const found = await payload.find({ collection, pagination: false, depth: 0 })
  return new Map(found.docs.map((doc) => [String((doc as unknown as Doc)[field]), String(doc.id)]))
}

/** The seed's document with tier slugs and benefit keys replaced by ids. */
function withIds(
  campaign: SeedCampaign,
  tierIds: Map<string, string>,
  benefitIds: Map<string, string>,
): Doc {
  const tier = (slug: unknown) => {
    const id = tierIds.get(String(slug))
    if (!id) throw new Error(`seed campaign ${campaign.slug}: no tier "${String(slug)}"`)
    return id
  }
  const benefit = (key: unknown) => {
    const id = benefitIds.get(String(key))
    if (!id) throw new Error(`seed campaign ${campaign.slug}: no benefit "${String(key)}"`)
    return id
  }
  const terms = campaign.fields.terms as Doc
  const audience = (terms.audience ?? {}) as Doc
  const target = (terms.target ?? {}) as Doc
  const offer = (terms.offer ?? {}) as Doc
  return {
    ...campaign.fields,
    terms: {
      ...terms,
      audience: { ...audience, tiers: ((audience.tiers ?? []) as unknown[]).map(tier) },
      target: { ...target, tier: target.tier === undefined ? null : tier(target.tier) },
      offer: {
        ...offer,
        gifts: ((offer.gifts ?? []) as Doc[]).map((gift) => ({
          ...gift,
          benefit: benefit(gift.benefit),
        })),
      },
    },
  }
}

export async function seedCampaigns({
  payload,
  note,
  now = new Date(),
}: {
  payload: Payload
  note: Note
  now?: Date
}): Promise<void> {
  const [tierIds, benefitIds] = await Promise.all([
    idsBy(payload, slugs.tiers, 'slug'),
    idsBy(payload, slugs.benefits, 'key'),
  ])
  for (const campaign of demoCampaigns(now)) {
    const existing = await payload.find({
      collection: slugs.campaigns,
      where: { slug: { equals: campaign.slug } },
      limit: 1,
      depth: 0,
      draft: true,
    })
    note(existing.docs.length === 0, `campaign ${campaign.slug}`)
    if (existing.docs.length > 0) continue
    const created = await payload.create({
      collection: slugs.campaigns,
      locale: 'zh',
      draft: true,
      data: {
        ...withIds(campaign, tierIds, benefitIds),
        slug: campaign.slug,
        name: campaign.name.zh,
        copy: campaign.copy.zh,
        _status: 'draft',
      } as never,
    })
    await payload.update({
      collection: slugs.campaigns,
      id: created.id,
      locale: 'en',
      draft: true,
      data: { name: campaign.name.en, copy: campaign.copy.en, _status: 'draft' } as never,
    })
    await payload.update({
      collection: slugs.campaigns,
      id: created.id,
      locale: 'zh',
      data: { _status: 'published' } as never,
    })
    if (campaign.endedAt) {
      await payload.update({
        collection: slugs.campaigns,
        id: created.id,
        locale: 'zh',
        data: {
          schedule: { endedAt: campaign.endedAt.toISOString() },
          _status: 'published',
        } as never,
      })
    }
  }
}
