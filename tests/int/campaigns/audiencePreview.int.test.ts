// docs/rules.md rule 17: the audience preview (POST /api/campaigns/preview-audience for the form as
// edited, GET /api/campaigns/{id}/preview-audience for a saved campaign) and the stats
// (GET /api/campaigns/{id}/stats) count the members in the entitlement store, and the audience at
// launch is written once per campaign. The members here carry a growth value nobody else has, so
// an audience limited to it is exactly the known set.
import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { rawCollection } from '../../../src/operations/entitlements/store'
import { graphql, rest, testPayload, type Credentials } from '../../helpers/api'
import { campaignFactory, fromNow, times } from '../../helpers/campaigns'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { membersFactory } from '../../helpers/members'
import { staffFactory } from '../../helpers/staff'

let payload: Payload
let fixture: Fixture
let staff: ReturnType<typeof staffFactory>
let campaigns: ReturnType<typeof campaignFactory>
let members: ReturnType<typeof membersFactory>
const who = {} as Record<
  'admin' | 'marketing' | 'operations' | 'support' | 'viewer' | 'frontend' | 'billing',
  Credentials
>
const campaignIds: string[] = []
/** The growth value of the known members; nobody else in the database has it. */
const growth = 700_000 + Math.floor(Math.random() * 200_000)
const known = { silver: [] as string[], entry: '', gold: '', outsider: '' }

const { day, hour } = times
// Gold sells annual at ¥699 (69 900 分); ¥100 off is 59 900 分.
const goldAnnual = 69_900
const saving = 10_000

beforeAll(async () => {
  payload = await testPayload()
  staff = staffFactory(payload)
  for (const role of ['admin', 'marketing', 'operations', 'support', 'viewer'] as const) {
    who[role] = { token: (await staff.staff([role])).token }
  }
  who.frontend = await staff.serviceAccount(['frontend'])
  who.billing = await staff.serviceAccount(['billing'])
  fixture = await createCatalogueFixture(payload)
  campaigns = campaignFactory(payload, fixture)
  members = membersFactory(payload, who.billing)

  const withGrowth = async (id: string, value = growth) => {
    await payload.update({ collection: slugs.members, id, data: { growthPoints: value } as never })
    return id
  }
  for (let index = 0; index < 3; index += 1) {
    known.silver.push(await withGrowth((await members.buyer(`silver-${fixture.suffix}`)).id))
  }
  const entry = await payload.create({
    collection: slugs.members,
    data: { externalId: members.externalId() },
  })
  members.track(String(entry.id))
  known.entry = await withGrowth(String(entry.id))
  known.gold = await withGrowth(
    (
      await members.buyer(`gold-${fixture.suffix}`, {
        billingPeriod: 'annual',
        amount: goldAnnual,
      })
    ).id,
  )
  known.outsider = await withGrowth(
    (await members.buyer(`silver-${fixture.suffix}`)).id,
    growth + 1,
  )
})

afterAll(async () => {
  const campaign = { $in: [...campaignIds, ...campaignIds.map((id) => new ObjectId(id))] }
  await rawCollection(payload, slugs.campaignRedemptions).deleteMany({ campaign } as never)
  await rawCollection(payload, slugs.campaignClaims).deleteMany({ campaign } as never)
  await members?.cleanup()
  await campaigns?.cleanup()
  await fixture?.cleanup()
  await staff?.cleanup()
})

/** Free and Silver members with the known growth value buy Gold annual ¥100 off. */
const draftTerms = () => ({
  audience: {
    tiers: [fixture.tiers.free, fixture.tiers.silver],
    growthValue: { min: growth, max: growth },
  },
  target: { tier: fixture.tiers.gold, billingPeriods: ['annual'] },
  offer: { discount: { kind: 'amount_off', amount: 100 }, bonusDays: 0 },
  budget: { totalRedemptions: 2, perMember: 1, maxDiscount: null },
})

const draft = (changes: Record<string, unknown> = {}) => ({
  name: '预览',
  kind: 'upgrade',
  schedule: { startsAt: fromNow(2 * day), endsAt: fromNow(5 * day) },
  terms: draftTerms(),
  // What the admin form also holds; the preview ignores it.
  copy: { headline: '升级', body: '', callToAction: '立即升级' },
  channels: ['email'],
  ...changes,
})

const preview = (json: Record<string, unknown>, as = who.marketing, headers = {}) =>
  rest('POST', `/${slugs.campaigns}/preview-audience`, { as, json, headers })

async function liveCampaign(slug: string, changes: Record<string, unknown> = {}) {
  const id = await campaigns.published(slug, {
    schedule: { startsAt: fromNow(-hour), endsAt: fromNow(10 * day) },
    terms: draftTerms(),
    ...changes,
  })
  campaignIds.push(id)
  return id
}

const stats = (id: string, as = who.marketing) =>
  rest('GET', `/${slugs.campaigns}/${id}/stats`, { as })

const launchDocs = (id: string) =>
  rawCollection(payload, slugs.campaignClaims).countDocuments({
    _id: `campaign:${id}:launch`,
  } as never)

describe('the audience preview of a campaign as edited', () => {
  it('counts the eligible by tier at the start, prices the offer and costs it at the budget', async () => {
    const body = draft()
    const response = await preview(body)
    expect(response.status).toBe(200)
    const startsAt = (body.schedule as { startsAt: string }).startsAt
    expect(response.body).toMatchObject({
      campaign: { id: null, kind: 'upgrade', name: { zh: '预览' } },
      countedAt: 'start',
      evaluatedAt: new Date(startsAt).toISOString(),
      eligible: 4,
      eligibleByTier: [
        {
          tier: { id: fixture.tiers.free, slug: `free-${fixture.suffix}`, name: { en: 'Free' } },
          members: 1,
        },
        {
          tier: { id: fixture.tiers.silver, name: { zh: '白银', en: 'Silver' } },
          members: 3,
        },
      ],
      prices: [
        {
          tier: { id: fixture.tiers.gold },
          billingPeriod: 'annual',
          sellingPrice: goldAnnual,
          offerPrice: goldAnnual - saving,
          saving,
        },
      ],
      cost: { redemptions: 2, discount: 2 * saving, capped: false, unlimited: false },
      budget: { totalRedemptions: 2, perMember: 1, maxDiscount: null },
      currency: 'CNY',
    })
    const ineligible = response.body.ineligible as {
      reason: string
      members: number
      message: { zh: string; en: string }
    }[]
    const reasons = Object.fromEntries(ineligible.map((row) => [row.reason, row]))
    // The Gold member is not below the target; the outsider's growth value is not the audience's.
    expect(reasons.rank_not_below_target?.members).toBeGreaterThanOrEqual(1)
    expect(reasons.growth_value_out_of_range?.members).toBeGreaterThanOrEqual(1)
    expect(reasons.growth_value_out_of_range?.message.zh).toContain('成长值')
    expect(reasons.growth_value_out_of_range?.message.en).toContain('growth value')
    expect(response.body.members as number).toBe(
      4 + ineligible.reduce((sum, row) => sum + row.members, 0),
    )
  })

  it('says when the cap stops the cost, and when the budget is unlimited', async () => {
    const terms = draftTerms()
    const capped = await preview(
      draft({ terms: { ...terms, budget: { totalRedemptions: 3, maxDiscount: 150 } } }),
    )
    expect(capped.body.cost).toEqual({
      redemptions: 3,
      discount: 15_000,
      capped: true,
      unlimited: false,
    })
    expect(capped.body.budget).toMatchObject({ totalRedemptions: 3, maxDiscount: 15_000 })
    const unlimited = await preview(
      draft({ terms: { ...terms, budget: { totalRedemptions: null, maxDiscount: null } } }),
    )
    expect(unlimited.body.cost).toEqual({
      redemptions: 4,
      discount: 4 * saving,
      capped: false,
      unlimited: true,
    })
  })

  it('counts now for a campaign that has started', async () => {
    const response = await preview(
      draft({ schedule: { startsAt: fromNow(-hour), endsAt: fromNow(day) } }),
    )
    expect(response.body).toMatchObject({ countedAt: 'now', eligible: 4 })
  })

  it('counts a member whose period ends before a later start as lapsed then, after a count now', async () => {
    // Bought Silver monthly 29 days ago: active now, lapsed at a start 20 days ahead. The
    // count now caches every member's facts; the later start must not reuse this member's.
    const value = growth + 2
    const ending = (
      await members.buyer(`silver-${fixture.suffix}`, { occurredAt: fromNow(-29 * day) })
    ).id
    await payload.update({
      collection: slugs.members,
      id: ending,
      data: { growthPoints: value } as never,
    })
    const terms = {
      ...draftTerms(),
      audience: {
        tiers: [fixture.tiers.silver],
        statuses: ['active'],
        growthValue: { min: value, max: value },
      },
    }
    const now = await preview(
      draft({ terms, schedule: { startsAt: fromNow(-hour), endsAt: fromNow(day) } }),
    )
    expect(now.body).toMatchObject({ countedAt: 'now', eligible: 1 })
    const later = await preview(
      draft({ terms, schedule: { startsAt: fromNow(20 * day), endsAt: fromNow(25 * day) } }),
    )
    expect(later.body).toMatchObject({ countedAt: 'start', eligible: 0 })
    const again = await preview(
      draft({ terms, schedule: { startsAt: fromNow(-hour), endsAt: fromNow(day) } }),
    )
    expect(again.body).toMatchObject({ countedAt: 'now', eligible: 1 })
  })

  it('lays the edit over a saved campaign, and previews the saved one by id', async () => {
    const id = await campaigns.draft('preview-saved', { terms: draftTerms() })
    const saved = await rest('GET', `/${slugs.campaigns}/${id}/preview-audience`, {
      as: who.marketing,
    })
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({
      campaign: { id, slug: `preview-saved-${fixture.suffix}` },
      eligible: 4,
    })
    // Only members who never paid: the entry member.
    const edited = await preview({ id, terms: { audience: { statuses: ['never_paid'] } } })
    expect(edited.status).toBe(200)
    expect(edited.body).toMatchObject({
      eligible: 1,
      eligibleByTier: [{ tier: { id: fixture.tiers.free }, members: 1 }],
    })
  })

  it('answers the same on GraphQL', async () => {
    const body = draft()
    const rested = await preview(body)
    const result = await graphql(
      `
        query ($kind: String, $schedule: CampaignDraftValue, $terms: CampaignDraftValue) {
          campaignAudiencePreview(kind: $kind, schedule: $schedule, terms: $terms) {
            eligible
            countedAt
            eligibleByTier {
              tier {
                id
              }
              members
            }
            cost {
              discount
              unlimited
            }
          }
        }
      `,
      {
        as: who.marketing,
        variables: { kind: body.kind, schedule: body.schedule, terms: body.terms },
      },
    )
    expect(result.errors).toBeUndefined()
    expect(result.data?.campaignAudiencePreview).toEqual({
      eligible: rested.body.eligible,
      countedAt: 'start',
      eligibleByTier: (
        rested.body.eligibleByTier as { tier: { id: string }; members: number }[]
      ).map((row) => ({ tier: { id: row.tier.id }, members: row.members })),
      cost: { discount: 2 * saving, unlimited: false },
    })
  })

  it.each([
    [
      'a tier id that is not one',
      { terms: { audience: { tiers: ['gold'] } } },
      'terms.audience.tiers.0',
    ],
    ['a start that is not an instant', { schedule: { startsAt: 'tomorrow' } }, 'schedule.startsAt'],
    ['a kind there is not', { kind: 'bargain' }, 'kind'],
    [
      'a percentage above 100',
      { terms: { offer: { discount: { kind: 'percent_off', percent: 120 } } } },
      'terms.offer.discount.percent',
    ],
  ])('refuses %s with 400 at its field', async (_name, change, field) => {
    const response = await preview({ ...draft(), ...change })
    expect(response.status).toBe(400)
    expect(response.body).toMatchObject({
      reason: 'invalid_request',
      field,
      message: {
        zh: expect.stringContaining(field.replace(/\.\d+$/, '')),
        en: expect.stringContaining(field.replace(/\.\d+$/, '')),
      },
    })
  })

  it('refuses a campaign id nobody has with 404 in zh and en, and a malformed one with 400', async () => {
    const nobody = new ObjectId().toHexString()
    for (const response of [
      await preview({ id: nobody }),
      await rest('GET', `/${slugs.campaigns}/${nobody}/preview-audience`, { as: who.marketing }),
      await stats(nobody),
    ]) {
      expect(response.status).toBe(404)
      expect(response.body).toMatchObject({
        reason: 'campaign_unknown',
        field: 'id',
        message: {
          zh: expect.stringContaining(nobody),
          en: expect.stringContaining(`no campaign with id ${nobody}`),
        },
      })
    }
    const malformed = await rest('GET', `/${slugs.campaigns}/double11/stats`, { as: who.marketing })
    expect(malformed.status).toBe(400)
    expect(malformed.body).toMatchObject({ reason: 'invalid_request', field: 'id' })
  })
})

describe('access', () => {
  it('lets marketing and admin preview; every other staff role and every key is refused', async () => {
    const id = await campaigns.draft('preview-access', { terms: draftTerms() })
    const expected = {
      admin: 200,
      marketing: 200,
      operations: 403,
      support: 403,
      viewer: 403,
      frontend: 403,
      billing: 403,
    } as const
    for (const [role, status] of Object.entries(expected) as [keyof typeof who, number][]) {
      expect([role, (await preview({ id }, who[role])).status]).toEqual([role, status])
      const saved = await rest('GET', `/${slugs.campaigns}/${id}/preview-audience`, {
        as: who[role],
      })
      expect([role, saved.status]).toEqual([role, status])
    }
    expect((await preview({ id }, null)).status).toBe(401)
  })

  it('lets every staff role read the stats, never a frontend or billing key', async () => {
    const id = await liveCampaign('stats-access')
    const expected = {
      admin: 200,
      marketing: 200,
      operations: 200,
      support: 200,
      viewer: 200,
      frontend: 403,
      billing: 403,
    } as const
    for (const [role, status] of Object.entries(expected) as [keyof typeof who, number][]) {
      expect([role, (await stats(id, who[role])).status]).toEqual([role, status])
    }
    const refused = await stats(id, who.frontend)
    expect(refused.body).toMatchObject({ reason: 'forbidden' })
    expect((await stats(id, null)).status).toBe(401)
  })
})

describe('campaign stats', () => {
  it('counts redemptions, revenue and discount from real orders; the launch audience once', async () => {
    const id = await liveCampaign('stats-orders')
    const before = await stats(id)
    expect(before.status).toBe(200)
    expect(before.body).toMatchObject({
      campaign: { id, kind: 'upgrade' },
      status: 'live',
      eligibleNow: 4,
      redemptions: 0,
      revenue: 0,
      discountGiven: 0,
      byTierAndPeriod: [],
      audienceAtLaunch: 4,
      conversion: 0,
      budget: { totalRedemptions: 2, perMember: 1, maxDiscount: null },
      budgetLeft: { redemptions: 2, discount: null },
    })
    const countedAt = before.body.audienceCountedAt
    expect(typeof countedAt).toBe('string')
    expect(await launchDocs(id)).toBe(1)

    // Each pays the offer price less the credit for their unused Silver month (rule 18).
    let revenue = 0
    for (const member of known.silver.slice(0, 2)) {
      const tier = `gold-${fixture.suffix}`
      const quote = await members.quote(member, tier, { period: 'annual', campaign: id })
      expect(quote.amount).toBe(goldAnnual - saving - quote.credit.applied)
      revenue += quote.amount
      await members.order({
        type: 'upgrade',
        member,
        tier,
        billingPeriod: 'annual',
        amount: quote.amount,
        quote: quote.quoteId,
        campaign: id,
      })
    }
    const after = await stats(id)
    expect(after.body).toMatchObject({
      // Two redemptions used the budget of two.
      status: 'exhausted',
      // The two who upgraded hold Gold now (and reached their limit): two are left.
      eligibleNow: 2,
      redemptions: 2,
      revenue,
      discountGiven: 2 * saving,
      byTierAndPeriod: [
        {
          tier: { id: fixture.tiers.gold, slug: `gold-${fixture.suffix}` },
          billingPeriod: 'annual',
          redemptions: 2,
          revenue,
          discountGiven: 2 * saving,
        },
      ],
      // Counted once, at the first read: unchanged.
      audienceAtLaunch: 4,
      audienceCountedAt: countedAt,
      conversion: 0.5,
      budgetLeft: { redemptions: 0, discount: null },
    })
    expect(await launchDocs(id)).toBe(1)

    const result = await graphql(
      `
        query ($id: String!) {
          campaignStats(id: $id) {
            redemptions
            revenue
            conversion
            audienceAtLaunch
          }
        }
      `,
      { as: who.viewer, variables: { id } },
    )
    expect(result.data?.campaignStats).toEqual({
      redemptions: 2,
      revenue,
      conversion: 0.5,
      audienceAtLaunch: 4,
    })
  })

  it('writes the launch audience once under concurrent first reads, and never on later reads', async () => {
    const id = await liveCampaign('stats-race')
    const answers = await Promise.all(Array.from({ length: 6 }, () => stats(id)))
    const launches = new Set(
      answers.map((answer) => `${answer.body.audienceAtLaunch}@${answer.body.audienceCountedAt}`),
    )
    expect(launches.size).toBe(1)
    expect(await launchDocs(id)).toBe(1)
    const claims = rawCollection(payload, slugs.campaignClaims)
    const total = await claims.countDocuments({})
    for (let index = 0; index < 5; index += 1) await stats(id)
    await rest('GET', `/${slugs.campaigns}/${id}/preview-audience`, { as: who.marketing })
    expect(await claims.countDocuments({})).toBe(total)
  })

  it('has no launch audience before the start, and none for a draft', async () => {
    const later = await liveCampaign('stats-later', {
      schedule: { startsAt: fromNow(day), endsAt: fromNow(3 * day) },
    })
    expect((await stats(later)).body).toMatchObject({
      status: 'scheduled',
      audienceAtLaunch: null,
      audienceCountedAt: null,
      conversion: null,
    })
    expect(await launchDocs(later)).toBe(0)
    const draftId = await campaigns.draft('stats-draft', { terms: draftTerms() })
    expect((await stats(draftId)).body).toMatchObject({ status: 'draft', audienceAtLaunch: null })
  })

  it('records the launch audience from the scheduled job, once', async () => {
    const id = await liveCampaign('stats-job')
    expect(await launchDocs(id)).toBe(0)
    for (let run = 0; run < 2; run += 1) {
      await payload.jobs.queue({ task: 'snapshotLaunchAudiences', input: {} })
      await payload.jobs.run({ queue: 'default' })
    }
    expect(await launchDocs(id)).toBe(1)
    const doc = (await rawCollection(payload, slugs.campaignClaims).findOne({
      _id: `campaign:${id}:launch`,
    } as never)) as unknown as { audience: number; campaign: string }
    // The two Silver members who took the upgrade above hold Gold now: two are left.
    expect(doc).toMatchObject({ audience: 2, campaign: id })
    expect((await stats(id)).body).toMatchObject({ eligibleNow: 2, audienceAtLaunch: 2 })
  })
})
