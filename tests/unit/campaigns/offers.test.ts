import { describe, expect, it } from 'vitest'

import {
  bestMemberOffer,
  compileOffers,
  memberOffers,
  offersOpening,
  type OfferCatalogue,
} from '../../../src/domain/campaigns/offers'
import { noUsage, type CampaignDefinition } from '../../../src/domain/campaigns/types'
import type { PlanVersion } from '../../../src/domain/entitlements/plans'
import { campaign, campaignOfKind, facts, free, gold, shanghai, silver } from './fixtures'

const plan = (tier: typeof gold, accessTierIds: string[] = []): PlanVersion => ({
  id: `${tier.id}:1`,
  tierId: tier.id,
  version: 1,
  publishedAt: shanghai('2026-01-01T00:00'),
  slug: tier.slug,
  name: tier.name,
  rank: tier.rank,
  kind: tier.kind,
  prices: tier.prices,
  values: {},
  accessTierIds,
})

const catalogue: OfferCatalogue = {
  latestPlanByTier: new Map([
    [free.id, plan(free, ['basic'])],
    [silver.id, plan(silver, ['basic'])],
    [gold.id, plan(gold, ['basic', 'master'])],
  ]),
  liveTierIds: new Set([free.id, silver.id, gold.id]),
}
const during = shanghai('2026-11-11T10:00')
const usage = () => noUsage
const offersFor = (definitions: CampaignDefinition[], filter = {}, at = during) =>
  memberOffers(
    compileOffers(definitions, catalogue, during).campaigns,
    catalogue,
    facts(),
    silver.id,
    at,
    usage,
    filter,
  )

describe('memberOffers', () => {
  it('quotes a live campaign on each price it applies to, best first', () => {
    const upgrade = campaign({
      terms: {
        target: { tierId: gold.id, billingPeriods: [] },
        offer: { discount: { kind: 'percent_off', percent: 20 } },
      },
    })
    const offers = offersFor([upgrade])
    expect(offers.map((offer) => [offer.price.period, offer.quote.price])).toEqual([
      ['annual', 55920],
      ['quarterly', 15120],
      ['monthly', 5520],
    ])
  })

  it('gives nothing before the start, after the end, paused, as a draft or when exhausted', () => {
    const base = campaign()
    expect(offersFor([base], {}, shanghai('2026-11-10T23:59'))).toEqual([])
    expect(offersFor([base], {}, shanghai('2026-11-12T00:00'))).toEqual([])
    expect(offersFor([campaign({ schedule: { pausedAt: during } })])).toEqual([])
    expect(offersFor([campaign({ published: false })])).toEqual([])
    const compiled = compileOffers([base], catalogue, during).campaigns
    const used = () => ({ redemptions: 1000, discountGiven: 0 })
    expect(memberOffers(compiled, catalogue, facts(), silver.id, during, used)).toEqual([])
    expect(offersFor([base])).toHaveLength(1)
  })

  it('leaves out campaigns the member is not eligible for', () => {
    const forFree = campaign({
      terms: { audience: { ...campaign().terms.audience, tierIds: [free.id] } },
    })
    expect(offersFor([forFree])).toEqual([])
    expect(offersFor([campaignOfKind('winback')])).toEqual([])
  })

  it('sells the own tier for renewals, and filters by kind and tier', () => {
    const renewal = campaignOfKind('renewal')
    const both = [campaign(), renewal]
    expect(offersFor(both).map((offer) => offer.tier.tierId)).toEqual([
      gold.id,
      silver.id,
      silver.id,
    ])
    expect(offersFor(both, { kind: 'renewal' }).every((o) => o.tier.tierId === silver.id)).toBe(
      true,
    )
    expect(offersFor(both, { tierId: gold.id }).map((o) => o.campaign.definition.id)).toEqual([
      'c-double-11',
    ])
  })

  it('leaves out, at compilation, campaigns already ended', () => {
    const ended = compileOffers([campaign()], catalogue, shanghai('2026-11-12T00:00'))
    expect(ended.campaigns).toEqual([])
    const ending = compileOffers([campaign({ schedule: { endedAt: during } })], catalogue, during)
    expect(ending.campaigns).toEqual([])
  })

  it('counts empty bonus and trial days as none (ranking stays a number)', () => {
    const empty = campaign({ terms: { offer: { trialDays: Number.NaN } } })
    const [offer] = offersFor([empty])
    expect(offer!.campaign.definition.terms.offer.trialDays).toBe(0)
    expect(Number.isFinite(offer!.quote.value)).toBe(true)
  })
})

describe('offersOpening', () => {
  it('keeps the campaigns whose target opens what was refused, once per compilation', () => {
    const compiled = compileOffers([campaign(), campaignOfKind('renewal')], catalogue, during)
    const opens = (p: PlanVersion) => p.accessTierIds.includes('master')
    const first = offersOpening(compiled, catalogue, 'access:master', opens)
    expect(first.map((c) => c.definition.id)).toEqual(['c-double-11'])
    expect(offersOpening(compiled, catalogue, 'access:master', () => false)).toBe(first)
    const best = bestMemberOffer(first, catalogue, facts(), silver.id, during, usage)
    expect(best?.quote.price).toBe(49900)
  })
})
