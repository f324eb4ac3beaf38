// docs/rules.md rule 15: a campaign makes sense when it is published (each guard rail refused at
// its field, in Chinese and English, through REST and GraphQL); drafts are saved unchecked; times
// are instants entered in the campaign's zone.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { wallClockOf } from '../../../src/domain/campaigns/schedule'
import { graphql, rest, testPayload } from '../../helpers/api'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { campaignFactory, fromNow, times } from '../../helpers/campaigns'
import { fieldErrors, graphqlFieldErrors, inEnglish } from '../../helpers/refusals'
import { staffFactory, type TestStaff } from '../../helpers/staff'

let payload: Payload
let fixture: Fixture
let staff: ReturnType<typeof staffFactory>
let campaigns: ReturnType<typeof campaignFactory>
let marketing: TestStaff

beforeAll(async () => {
  payload = await testPayload()
  staff = staffFactory(payload)
  // The first user of an empty database becomes an admin: that must not be this one.
  await staff.staff(['admin'])
  marketing = await staff.staff(['marketing'])
  fixture = await createCatalogueFixture(payload)
  campaigns = campaignFactory(payload, fixture)
})

afterAll(async () => {
  // Campaigns first: a tier they sell cannot be deleted while they do.
  await campaigns?.cleanup()
  await fixture?.cleanup()
  await staff?.cleanup()
})

const { day } = times

type Case = {
  rail: string
  changes: () => Record<string, unknown>
  path: string
  zh: RegExp
  en: RegExp
}

const cases: Case[] = [
  {
    rail: 'the end is after the start',
    changes: () => ({ schedule: { startsAt: fromNow(5 * day), endsAt: fromNow(2 * day) } }),
    path: 'schedule.endsAt',
    zh: /结束时间/,
    en: /end/i,
  },
  {
    rail: 'it lasts at most the configured maximum (90 days)',
    changes: () => ({ schedule: { startsAt: fromNow(day), endsAt: fromNow(120 * day) } }),
    path: 'schedule.endsAt',
    zh: /90/,
    en: /90 days/,
  },
  {
    rail: 'an upgrade targets a tier above every audience tier',
    changes: () => ({ terms: { audience: { tiers: [fixture.tiers.gold] } } }),
    path: 'terms.target.tier',
    zh: /黄金/,
    en: /Gold/,
  },
  {
    rail: 'the target is purchasable (not the entry tier)',
    changes: () => ({ terms: { audience: { tiers: [] }, target: { tier: fixture.tiers.free } } }),
    path: 'terms.target.tier',
    zh: /免费/,
    en: /Free/,
  },
  {
    rail: 'a fixed price is below the selling price (¥699 a year)',
    changes: () => ({ terms: { offer: { discount: { kind: 'fixed_price', price: 699 } } } }),
    path: 'terms.offer.discount.price',
    zh: /699/,
    en: /699/,
  },
  {
    rail: 'an amount off leaves a price of at least 0',
    changes: () => ({ terms: { offer: { discount: { kind: 'amount_off', amount: 800 } } } }),
    path: 'terms.offer.discount.amount',
    zh: /699/,
    en: /699/,
  },
  {
    rail: 'percent off within the configured bound (90 %)',
    changes: () => ({ terms: { offer: { discount: { kind: 'percent_off', percent: 95 } } } }),
    path: 'terms.offer.discount.percent',
    zh: /90/,
    en: /90/,
  },
  {
    rail: 'bonus days within bounds (92)',
    changes: () => ({ terms: { offer: { bonusDays: 120 } } }),
    path: 'terms.offer.bonusDays',
    zh: /92/,
    en: /92/,
  },
  {
    rail: 'trial days within bounds (30)',
    changes: () => ({
      kind: 'trial',
      terms: { offer: { discount: { kind: 'fixed_price', price: 0.01 }, trialDays: 45 } },
    }),
    path: 'terms.offer.trialDays',
    zh: /30/,
    en: /30/,
  },
]

describe('publishing a campaign', () => {
  it.each(cases)('refuses unless $rail, at $path, in zh and en', async (rail) => {
    const id = await campaigns.draft(`rail-${cases.indexOf(rail)}`, rail.changes())
    const zh = await campaigns.publish(id, marketing)
    expect(zh.status).toBe(400)
    const zhError = fieldErrors(zh.body).find((error) => error.path === rail.path)
    expect(zhError?.message).toMatch(rail.zh)
    expect(zhError?.message).toMatch(/[\u4e00-\u9fff]/)
    const en = await campaigns.publish(id, marketing, {}, inEnglish)
    expect(en.status).toBe(400)
    const enError = fieldErrors(en.body).find((error) => error.path === rail.path)
    expect(enError?.message).toMatch(rail.en)
    expect(enError?.message).not.toMatch(/[\u4e00-\u9fff]/)
    const stored = await payload.findByID({ collection: slugs.campaigns, id })
    expect(stored._status).toBe('draft')
  })

  it('publishes a campaign that keeps every rail, and reads its status as scheduled', async () => {
    const id = await campaigns.draft('valid')
    const { status, body } = await campaigns.publish(id, marketing)
    expect(fieldErrors(body)).toEqual([])
    expect(status).toBe(200)
    const read = await rest('GET', `/${slugs.campaigns}/${id}`, { as: marketing })
    expect(read.body.status).toBe('scheduled')
    expect(read.body._status).toBe('published')
  })

  it('saves drafts unchecked', async () => {
    const id = await campaigns.draft('unchecked', cases[6]!.changes())
    const saved = await rest('PATCH', `/${slugs.campaigns}/${id}?draft=true&locale=zh`, {
      as: marketing,
      json: { terms: { offer: { bonusDays: 500 } }, _status: 'draft' },
    })
    expect(saved.status).toBe(200)
    const read = await rest('GET', `/${slugs.campaigns}/${id}?draft=true`, { as: marketing })
    expect(read.body.status).toBe('draft')
    expect((read.body.terms as { offer: { bonusDays: number } }).offer.bonusDays).toBe(500)
  })

  it('refuses through GraphQL with the same field error', async () => {
    const id = await campaigns.draft('graphql', cases[6]!.changes())
    const mutation = `
      mutation ($id: String!, $data: mutationCampaignUpdateInput!) {
        updateCampaign(id: $id, data: $data, locale: zh) { id }
      }
    `
    const variables = { id, data: { _status: 'published' } }
    const zh = await graphql(mutation, { as: marketing, variables })
    expect(zh.errors?.[0]?.extensions?.statusCode).toBe(400)
    expect(graphqlFieldErrors(zh.errors)).toEqual([
      { path: 'terms.offer.discount.percent', message: expect.stringMatching(/90/) },
    ])
    const en = await graphql(mutation, { as: marketing, variables, headers: inEnglish })
    expect(graphqlFieldErrors(en.errors)[0]?.message).toMatch(/percent/i)
  })
})

describe("a campaign's schedule", () => {
  it("stores Singles' Day 00:00 in Asia/Shanghai as 16:00 UTC the day before, shown as 00:00", async () => {
    const id = await campaigns.draft('double-eleven', {
      schedule: {
        timeZone: 'Asia/Shanghai',
        startsAt: '2027-11-10T16:00:00.000Z',
        endsAt: '2027-11-12T16:00:00.000Z',
      },
    })
    const published = await campaigns.publish(id, marketing)
    expect(fieldErrors(published.body)).toEqual([])
    const stored = await payload.findByID({ collection: slugs.campaigns, id, depth: 0 })
    const schedule = stored.schedule as Record<string, unknown>
    expect(schedule.startsAt).toBe('2027-11-10T16:00:00.000Z')
    // The admin's date picker shows each date in its `_tz` zone, which follows the campaign's.
    expect(schedule.startsAt_tz).toBe('Asia/Shanghai')
    expect(schedule.endsAt_tz).toBe('Asia/Shanghai')
    expect(wallClockOf(new Date(String(schedule.startsAt)), String(schedule.startsAt_tz))).toBe(
      '2027-11-11T00:00',
    )
  })

  it("defaults the zone to the platform's and refuses a fixed offset", async () => {
    const doc = await payload.create({
      collection: slugs.campaigns,
      locale: 'zh',
      draft: true,
      data: { slug: `zone-${fixture.suffix}`, name: '时区', kind: 'renewal', _status: 'draft' },
    })
    campaigns.track(String(doc.id))
    expect((doc.schedule as { timeZone?: string }).timeZone).toBe('Asia/Shanghai')
    const refused = await rest('PATCH', `/${slugs.campaigns}/${doc.id}?locale=zh`, {
      as: marketing,
      json: { schedule: { timeZone: '+08:00' }, _status: 'published' },
      headers: inEnglish,
    })
    expect(refused.status).toBe(400)
    expect(fieldErrors(refused.body)).toContainEqual({
      path: 'schedule.timeZone',
      message: expect.stringContaining('+08:00'),
    })
  })
})
