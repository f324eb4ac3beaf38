import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { baseUrl, graphql, testPayload } from '../../helpers/api'
import { campaignFactory, fromNow, times } from '../../helpers/campaigns'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import config from '@payload-config'
import { REST_GET } from '@payloadcms/next/routes'

let payload: Payload
let fixture: Fixture
let campaigns: ReturnType<typeof campaignFactory>
let publicId = ''

const restGet = REST_GET(config)
async function getMatrix(locale: string) {
  const response = await restGet(new Request(`${baseUrl}/api/pricing-matrix?locale=${locale}`), {
    params: Promise.resolve({ slug: ['pricing-matrix'] }),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const matrixQuery = `query ($locale: PricingLocale) {
  pricingMatrix(locale: $locale) {
    locale currency
    tiers { id slug name kind rank honorary
      prices { period listPrice sellingPrice display }
      growth { reach keep }
      accessTiers { id rank name }
      offers { campaign { id slug name } kind period sellingPrice offerPrice saving bonusDays
        trialDays endsAt headline callToAction } }
    benefits { id key name unit category kind
      cells { tierId tierSlug display value { kind enabled unlimited amount level percent } } }
    accessTiers { id rank name }
  }
}`

/** GraphQL returns every selected field, null when unset; REST omits them. */
const withoutNulls = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(withoutNulls)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, field]) => field !== null)
            .map(([key, field]) => [key, withoutNulls(field)]),
        )
      : value

beforeAll(async () => {
  payload = await testPayload()
  fixture = await createCatalogueFixture(payload)
  campaigns = campaignFactory(payload, fixture)
  const live = { schedule: { startsAt: fromNow(-times.hour), endsAt: fromNow(10 * times.day) } }
  // Gold at 20 % off for anybody (public), and one for Silver members only (not public).
  publicId = await campaigns.published('matrix-public', {
    ...live,
    terms: { audience: { tiers: [] } },
  })
  await campaigns.published('matrix-silver', live)
})

afterAll(async () => {
  await campaigns?.cleanup()
  await fixture?.cleanup()
})

describe('the pricing matrix', () => {
  it('lists the published ladder in rank order with display strings in Chinese', async () => {
    const { status, body } = await getMatrix('zh')
    expect(status).toBe(200)
    const tiers = body.tiers as { id: string; name: string }[]
    expect(tiers.map((tier) => tier.id)).toEqual([
      fixture.tiers.free,
      fixture.tiers.silver,
      fixture.tiers.gold,
    ])
    expect(tiers.map((tier) => tier.name)).toEqual(['免费', '白银', '黄金'])
    const benefits = body.benefits as { id: string; cells: { tierId: string; display: string }[] }[]
    const tutoring = benefits.find((benefit) => benefit.id === fixture.benefits.tutoring)
    expect(tutoring?.cells.map((cell) => cell.display)).toEqual(['—', '每月 4 次', '每月 8 次'])
    const discount = benefits.find((benefit) => benefit.id === fixture.benefits.discount)
    expect(discount?.cells.map((cell) => cell.display)).toEqual(['—', '9折', '8折'])
  })

  it('carries the live public offers beside the tier they sell, in the locale asked', async () => {
    const { body } = await getMatrix('en')
    const tiers = body.tiers as { id: string; offers: Record<string, unknown>[] }[]
    expect(tiers.find((tier) => tier.id === fixture.tiers.silver)?.offers).toEqual([])
    expect(tiers.find((tier) => tier.id === fixture.tiers.gold)?.offers).toEqual([
      {
        campaign: {
          id: publicId,
          slug: `matrix-public-${fixture.suffix}`,
          name: 'Gold upgrade matrix-public',
        },
        kind: 'upgrade',
        period: 'annual',
        sellingPrice: 69_900,
        offerPrice: 55_920,
        saving: 13_980,
        bonusDays: 0,
        trialDays: 0,
        endsAt: expect.any(String),
        headline: 'Upgrade to Gold for less',
        callToAction: 'Upgrade',
      },
    ])
  })

  it('speaks English when asked', async () => {
    const { body } = await getMatrix('en')
    const benefits = body.benefits as { id: string; name: string; cells: { display: string }[] }[]
    const tutoring = benefits.find((benefit) => benefit.id === fixture.benefits.tutoring)
    expect(tutoring?.name).toBe('1:1 tutoring')
    expect(tutoring?.cells.map((cell) => cell.display)).toEqual([
      '—',
      '4 sessions / month',
      '8 sessions / month',
    ])
    const tiers = body.tiers as { accessTiers: { name: string }[] }[]
    expect(tiers[2]?.accessTiers.map((tier) => tier.name)).toEqual([
      'Basic library',
      'Advanced courses',
      'Masterclasses',
    ])
  })

  it.each(['zh', 'en'])('is the same through REST and GraphQL (%s)', async (locale) => {
    const [viaRest, viaGraphql] = await Promise.all([
      getMatrix(locale),
      graphql(matrixQuery, { variables: { locale } }),
    ])
    expect(viaGraphql.errors).toBeUndefined()
    expect(withoutNulls(viaGraphql.data?.pricingMatrix)).toEqual(withoutNulls(viaRest.body))
  })

  it('leaves out tiers that are only drafts', async () => {
    const draft = await payload.create({
      collection: 'tiers',
      data: {
        name: '草稿等级',
        slug: `draft-${fixture.suffix}`,
        rank: 9,
        kind: 'paid',
        _status: 'draft',
      } as never,
      draft: true,
    })
    fixture.track(String(draft.id))
    const { body } = await getMatrix('zh')
    expect((body.tiers as { id: string }[]).map((tier) => tier.id)).not.toContain(String(draft.id))
  })

  it('leaves out archived benefits', async () => {
    const before = await getMatrix('zh')
    const ids = (matrix: Record<string, unknown>) =>
      (matrix.benefits as { id: string }[]).map((benefit) => benefit.id)
    expect(ids(before.body)).toContain(fixture.benefits.community)
    await payload.update({
      collection: 'benefits',
      id: fixture.benefits.community,
      data: { status: 'archived' },
    })
    const after = await getMatrix('zh')
    expect(ids(after.body)).not.toContain(fixture.benefits.community)
    await payload.update({
      collection: 'benefits',
      id: fixture.benefits.community,
      data: { status: 'active' },
    })
  })

  it('refuses an unknown locale with a 400 naming the field, in both languages', async () => {
    const { status, body } = await getMatrix('fr')
    expect(status).toBe(400)
    expect(body).toMatchObject({
      reason: 'invalid_request',
      field: 'locale',
      message: { en: '"locale" must be zh or en, got "fr".' },
    })
  })
})
