import { describe, expect, it } from 'vitest'

import { demoCampaigns, nextSinglesDay } from '../../seed/data/campaigns'
import { seedBenefits, seedTiers } from '../../seed/data/catalogue'
import { campaignFromDoc } from '../../src/adapters/campaigns'
import { campaignFindings, type CampaignTier } from '../../src/domain/campaigns/rules'
import { wallClockOf } from '../../src/domain/campaigns/schedule'
import { campaignStatus } from '../../src/domain/campaigns/status'
import { defaultCampaignSettings, noUsage } from '../../src/domain/campaigns/types'

// The seed's slugs and keys stand in for database ids, as in seedCatalogue.test.ts.
const tiers: CampaignTier[] = seedTiers.map((tier) => ({
  id: tier.slug,
  slug: tier.slug,
  name: tier.name,
  rank: tier.rank,
  kind: tier.kind,
  prices: tier.prices.map((price) => ({
    period: price.period,
    listPrice: Math.round(price.listPrice * 100),
    sellingPrice: Math.round(price.sellingPrice * 100),
  })),
  benefits: [],
  accessTierIds: [],
  published: true,
  archived: false,
}))
const benefits = seedBenefits.map((benefit) => ({ ...benefit, id: benefit.key }))

const now = new Date('2026-06-15T04:20:00Z')

const definitions = (at: Date) =>
  demoCampaigns(at).map((campaign) => ({
    campaign,
    definition: campaignFromDoc(
      {
        ...campaign.fields,
        id: campaign.slug,
        slug: campaign.slug,
        name: campaign.name,
        copy: {
          headline: { zh: campaign.copy.zh.headline, en: campaign.copy.en.headline },
          body: { zh: campaign.copy.zh.body, en: campaign.copy.en.body },
          callToAction: { zh: campaign.copy.zh.callToAction, en: campaign.copy.en.callToAction },
        },
        _status: 'published',
      },
      { benefitKeyOf: (key) => key },
    ),
  }))

describe('the demo campaigns', () => {
  it('keep every guard rail when they are published', () => {
    for (const { definition } of definitions(now)) {
      expect(
        campaignFindings({
          campaign: definition,
          tiers,
          benefits,
          settings: defaultCampaignSettings,
          now,
        }),
        definition.slug,
      ).toEqual([])
    }
  })

  it('are some live, some scheduled and one ended by hand', () => {
    const statuses = definitions(now).map(({ campaign, definition }) =>
      campaignStatus(
        {
          ...definition,
          schedule: { ...definition.schedule, endedAt: campaign.endedAt ?? null },
        },
        now,
        noUsage,
      ),
    )
    expect(statuses.filter((status) => status === 'live').length).toBeGreaterThanOrEqual(3)
    expect(statuses.filter((status) => status === 'scheduled').length).toBeGreaterThanOrEqual(2)
    expect(statuses.filter((status) => status === 'ended')).toHaveLength(1)
  })

  it("start the Singles' Day sale at the next 11 November 00:00 in Asia/Shanghai", () => {
    expect(nextSinglesDay(now).toISOString()).toBe('2026-11-10T16:00:00.000Z')
    expect(nextSinglesDay(new Date('2026-11-10T16:00:00Z')).toISOString()).toBe(
      '2027-11-10T16:00:00.000Z',
    )
    const [sale] = definitions(now)
    expect(wallClockOf(sale!.definition.schedule.startsAt, 'Asia/Shanghai')).toBe(
      '2026-11-11T00:00',
    )
  })
})
