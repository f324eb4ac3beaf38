// Live offers on the real database: a member in a live upgrade campaign's audience sees it in
// `memberOffers` and as the `offer` of a refused check or consumption; members outside the
// audience, paused and scheduled campaigns give nothing; a save reloads the campaigns at once.
// (REST = GraphQL = lean for the same calls: tests/int/parity.int.test.ts.)
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { rawCollection } from '../../../src/operations/entitlements/store'
import { graphql, rest, testPayload } from '../../helpers/api'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { campaignFactory, fromNow, times } from '../../helpers/campaigns'
import { membersFactory } from '../../helpers/members'
import { staffFactory } from '../../helpers/staff'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

let payload: Payload
let fixture: Fixture
let staff: ReturnType<typeof staffFactory>
let campaigns: ReturnType<typeof campaignFactory>
let members: ReturnType<typeof membersFactory>
let frontend: { apiKey: string }
const world = { silver: '', gold: '', entry: '', masterclass: '', live: '', paused: '', later: '' }

const { day, hour } = times
const live = { schedule: { startsAt: fromNow(-hour), endsAt: fromNow(10 * day) } }

beforeAll(async () => {
  payload = await testPayload()
  staff = staffFactory(payload)
  fixture = await createCatalogueFixture(payload)
  campaigns = campaignFactory(payload, fixture)
  frontend = await staff.serviceAccount(['frontend'])
  members = membersFactory(payload, await staff.serviceAccount(['billing']))
  world.silver = (await members.buyer(`silver-${fixture.suffix}`)).id
  world.gold = (await members.buyer(`gold-${fixture.suffix}`, { billingPeriod: 'annual' })).id
  const entry = await payload.create({
    collection: slugs.members,
    data: { externalId: members.externalId() },
  })
  members.track(String(entry.id))
  world.entry = String(entry.id)
  const course = await payload.create({
    collection: slugs.courses,
    data: {
      title: '大师课',
      slug: `masterclass-${fixture.suffix}`,
      accessTier: fixture.accessTiers.masterclass,
      status: 'published',
    } as never,
  })
  world.masterclass = String(course.id)
  // Silver → Gold at 20 % off, live; a better one (50 %) paused; one (30 %) not started yet.
  world.live = await campaigns.published('offer-live', live)
  world.paused = await campaigns.published('offer-paused', {
    ...live,
    terms: { offer: { discount: { kind: 'percent_off', percent: 50 } } },
  })
  await setPaused(world.paused, true)
  world.later = await campaigns.published('offer-later', {
    terms: { offer: { discount: { kind: 'percent_off', percent: 30 } } },
  })
})

afterAll(async () => {
  await campaigns?.cleanup()
  if (world.silver) {
    await rawCollection(payload, slugs.usageRequests).deleteMany({
      _id: `${world.silver}:offers-${fixture.suffix}`,
    } as never)
  }
  if (world.masterclass) await payload.delete({ collection: slugs.courses, id: world.masterclass })
  await members?.cleanup()
  await staff?.cleanup()
  await fixture?.cleanup()
})

async function setPaused(id: string, paused: boolean) {
  await payload.update({
    collection: slugs.campaigns,
    id,
    locale: 'zh',
    data: { schedule: { pausedAt: paused ? new Date().toISOString() : null } } as never,
  })
}

const offersOf = async (member: string, query = '') => {
  const response = await rest('GET', `/members/${member}/offers${query}`, { as: frontend })
  expect(response.status).toBe(200)
  return response.body.offers as Json[]
}

describe('memberOffers', () => {
  it('gives a member in the audience the live upgrade, priced, with copy in their language', async () => {
    const offers = await offersOf(world.silver)
    expect(offers.map((offer) => offer.campaign.id)).toEqual([world.live])
    expect(offers[0]).toMatchObject({
      campaign: { slug: `offer-live-${fixture.suffix}`, name: { en: 'Gold upgrade offer-live' } },
      kind: 'upgrade',
      tier: { id: fixture.tiers.gold, slug: `gold-${fixture.suffix}` },
      billingPeriod: 'annual',
      listPrice: 99_900,
      sellingPrice: 69_900,
      offerPrice: 55_920,
      saving: 13_980,
      bonusDays: 0,
      trialDays: 0,
      gifts: [],
      copy: { headline: '升级黄金立减', callToAction: '立即升级' },
      currency: 'CNY',
    })
    expect(new Date(offers[0]!.endsAt).getTime()).toBeGreaterThan(Date.now())
    const english = await offersOf(world.silver, '?locale=en')
    expect(english[0]!.copy).toEqual({
      headline: 'Upgrade to Gold for less',
      body: 'For a limited time',
      callToAction: 'Upgrade',
    })
  })

  it('filters by kind and by target tier', async () => {
    expect(await offersOf(world.silver, '?kind=renewal')).toEqual([])
    expect(await offersOf(world.silver, '?kind=upgrade')).toHaveLength(1)
    expect(await offersOf(world.silver, `?tier=gold-${fixture.suffix}`)).toHaveLength(1)
    expect(await offersOf(world.silver, `?tier=${fixture.tiers.gold}`)).toHaveLength(1)
    expect(await offersOf(world.silver, `?tier=silver-${fixture.suffix}`)).toEqual([])
  })

  it('gives nothing to members outside the audience (the entry tier, the target tier)', async () => {
    expect(await offersOf(world.entry)).toEqual([])
    expect(await offersOf(world.gold)).toEqual([])
  })

  it('is the same on GraphQL', async () => {
    const result = await graphql(
      `
        query ($member: String!) {
          memberOffers(member: $member, locale: "en") {
            offers {
              campaign {
                id
              }
              offerPrice
              copy {
                headline
              }
            }
          }
        }
      `,
      { as: frontend, variables: { member: world.silver } },
    )
    expect(result.errors).toBeUndefined()
    expect(result.data?.memberOffers).toEqual({
      offers: [
        {
          campaign: { id: world.live },
          offerPrice: 55_920,
          copy: { headline: 'Upgrade to Gold for less' },
        },
      ],
    })
  })

  it('follows a pause and a resume at once (the store reloads the campaigns on save)', async () => {
    await setPaused(world.live, true)
    try {
      expect(await offersOf(world.silver)).toEqual([])
    } finally {
      await setPaused(world.live, false)
    }
    expect((await offersOf(world.silver)).map((offer) => offer.campaign.id)).toEqual([world.live])
    // The paused one, resumed, is better (50 % off) and comes first.
    await setPaused(world.paused, false)
    try {
      const ranked = await offersOf(world.silver)
      expect(ranked.map((offer) => offer.campaign.id)).toEqual([world.paused, world.live])
    } finally {
      await setPaused(world.paused, true)
    }
  })
})

describe('the offer of a refusal', () => {
  const check = (member: string, query: string) =>
    rest('GET', `/entitlements/check?member=${member}&${query}`, { as: frontend })

  it('comes with tier_too_low for a member in the audience', async () => {
    const response = await check(world.silver, `course=${world.masterclass}`)
    expect(response.body).toMatchObject({ allowed: false, reason: 'tier_too_low' })
    expect(response.body.offer).toMatchObject({
      campaign: { id: world.live },
      tier: { id: fixture.tiers.gold },
      offerPrice: 55_920,
      copy: { zh: { headline: '升级黄金立减' }, en: { headline: 'Upgrade to Gold for less' } },
    })
    expect((response.body.course as Json).offer).toEqual(response.body.offer)
  })

  it('is null outside the audience and when allowed', async () => {
    const entry = await check(world.entry, `course=${world.masterclass}`)
    expect(entry.body).toMatchObject({ allowed: false, reason: 'tier_too_low', offer: null })
    const gold = await check(world.gold, `course=${world.masterclass}`)
    expect(gold.body).toMatchObject({ allowed: true, offer: null })
  })

  it('comes with not_included in a batch, per entry', async () => {
    const response = await rest('POST', '/entitlements/check-batch', {
      as: frontend,
      json: {
        member: world.silver,
        courses: [world.masterclass],
        benefits: [`community-${fixture.suffix}`, `video-${fixture.suffix}`],
      },
    })
    expect(response.status).toBe(200)
    const [community, video] = response.body.benefits as Json[]
    expect(community).toMatchObject({
      reason: 'not_included',
      offer: { campaign: { id: world.live } },
    })
    expect(video).toMatchObject({ allowed: true, offer: null })
    expect((response.body.courses as Json[])[0]!.offer.campaign.id).toBe(world.live)
  })

  it('comes with quota_exhausted on a refused consumption', async () => {
    const response = await rest('POST', '/entitlements/consume', {
      as: frontend,
      json: {
        member: world.silver,
        benefit: `tutoring-${fixture.suffix}`,
        amount: 100,
        idempotencyKey: `offers-${fixture.suffix}`,
      },
    })
    expect(response.body).toMatchObject({
      reason: 'quota_exhausted',
      offer: { campaign: { id: world.live }, tier: { id: fixture.tiers.gold } },
    })
  })
})
