// docs/rules.md rule 5 through the APIs operations staff use: a price typed in 分, with three
// decimals, dearer per month over a longer period, or not above a lower tier is refused at publish,
// at the price field, in the editor's language; a written price exception lets it through.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { globalSlugs, slugs } from '../../../collections/slugs'
import { graphql, rest, testPayload } from '../../helpers/api'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { fieldError, fieldErrors, graphqlFieldErrors, inEnglish } from '../../helpers/refusals'
import { staffFactory, type TestStaff } from '../../helpers/staff'

let payload: Payload
let fixture: Fixture
let factory: ReturnType<typeof staffFactory>
let operations: TestStaff

beforeAll(async () => {
  payload = await testPayload()
  factory = staffFactory(payload)
  operations = await factory.staff(['operations'])
  fixture = await createCatalogueFixture(payload)
})

afterAll(async () => {
  await fixture?.cleanup()
  await factory.cleanup()
})

type Price = { period: string; listPrice: number; sellingPrice: number }
const silverPrices: Price[] = [{ period: 'monthly', listPrice: 49, sellingPrice: 39 }]

/** Publishes Silver's prices through REST as an operations user. */
const publishSilver = (data: Record<string, unknown>, headers: Record<string, string> = {}) =>
  rest('PATCH', `/${slugs.tiers}/${fixture.tiers.silver}?locale=zh`, {
    as: operations,
    json: { ...data, _status: 'published' },
    headers,
  })

const restoreSilver = async () => {
  const { status } = await publishSilver({ prices: silverPrices, priceExceptionReason: '' })
  expect(status).toBe(200)
}

const storedSilverPrices = async () => {
  const silver = await payload.findByID({ collection: slugs.tiers, id: fixture.tiers.silver })
  return (silver.prices ?? []).map(({ period, listPrice, sellingPrice }) => ({
    period,
    listPrice,
    sellingPrice,
  }))
}

describe('publishing prices', () => {
  it('refuses a ¥49 / ¥39 monthly price typed in 分 and asks about 分, in Chinese', async () => {
    const typo = [{ period: 'monthly', listPrice: 4900, sellingPrice: 3900 }]
    const { status, body } = await publishSilver({ prices: typo })
    expect(status).toBe(400)
    expect(fieldErrors(body).map((error) => error.path)).toEqual([
      'prices.0.listPrice',
      'prices.0.sellingPrice',
    ])
    const selling = fieldError(body, 'prices.0.sellingPrice')?.message
    expect(selling).toContain('白银 第 1 个价格的售价为月付 ¥3,900')
    expect(selling).toContain('每月价格上限 ¥1,000')
    expect(selling).toContain('¥3,900 若是 3900 分，应填 ¥39')
    expect(await storedSilverPrices()).toEqual(silverPrices)
  })

  it('says the same in English', async () => {
    const typo = [{ period: 'monthly', listPrice: 4900, sellingPrice: 3900 }]
    const { status, body } = await publishSilver({ prices: typo }, inEnglish)
    expect(status).toBe(400)
    expect(fieldError(body, 'prices.0.sellingPrice')?.message).toBe(
      'Price 1 of Silver has a selling price of CN¥3,900 a month, above the maximum of CN¥1,000 a month set in Membership settings. Did you type the amount in fen instead of yuan? Prices are in yuan: if you meant 3900 fen, enter CN¥39, not CN¥3,900. Enter the right price in yuan or raise the maximum in Membership settings. If this is deliberate, write a price exception reason.',
    )
  })

  it('refuses a price with three decimals instead of storing it as typed', async () => {
    const prices = [{ period: 'monthly', listPrice: 49, sellingPrice: 39.999 }]
    const zh = await publishSilver({ prices })
    expect(zh.status).toBe(400)
    expect(fieldError(zh.body, 'prices.0.sellingPrice')?.message).toBe(
      '白银 第 1 个价格的售价（39.999）超过两位小数。价格以元为单位，最多精确到分（两位小数）：请改为例如 40。',
    )
    const en = await publishSilver({ prices }, inEnglish)
    expect(fieldError(en.body, 'prices.0.sellingPrice')?.message).toContain(
      'has a selling price with more than two decimals (39.999)',
    )
    expect(await storedSilverPrices()).toEqual(silverPrices)
  })

  it('refuses a longer period that costs more per month', async () => {
    const prices = [...silverPrices, { period: 'annual', listPrice: 600, sellingPrice: 600 }]
    const zh = await publishSilver({ prices })
    expect(zh.status).toBe(400)
    expect(fieldError(zh.body, 'prices.1.sellingPrice')?.message).toBe(
      '白银 的年付 ¥600（折合每月 ¥50），按月算比月付 ¥39 还贵。周期越长，每月价格不应越高：请降低年付售价或提高月付售价。如确属有意为之，请填写“价格例外原因”。',
    )
    const en = await publishSilver({ prices }, inEnglish)
    expect(fieldError(en.body, 'prices.1.sellingPrice')?.message).toContain(
      'Silver sells annual at CN¥600 a year (CN¥50 a month), dearer per month than monthly at CN¥39 a month.',
    )
  })

  it('refuses a higher tier that sells a billing period for no more than a lower tier', async () => {
    const prices = [{ period: 'monthly', listPrice: 49, sellingPrice: 39 }]
    const publishGold = (headers: Record<string, string> = {}) =>
      rest('PATCH', `/${slugs.tiers}/${fixture.tiers.gold}?locale=zh`, {
        as: operations,
        json: { prices, _status: 'published' },
        headers,
      })
    const zh = await publishGold()
    expect(zh.status).toBe(400)
    expect(fieldErrors(zh.body)).toEqual([
      {
        path: 'prices.0.sellingPrice',
        message:
          '黄金 的月付售价 ¥39 不高于更低等级 白银 的 ¥39。同一计费周期内，高等级必须比低等级贵：请提高 黄金 的售价或降低 白银 的售价。如确属有意为之，请填写“价格例外原因”。',
      },
    ])
    const en = await publishGold(inEnglish)
    expect(fieldError(en.body, 'prices.0.sellingPrice')?.message).toContain(
      "Gold sells monthly at CN¥39, no more than the lower tier Silver at CN¥39. For each billing period a higher tier costs more: raise Gold's selling price or lower Silver's.",
    )
  })

  it('publishes a deliberate exception with a written reason, shown to staff only', async () => {
    const reason = '年付含实体教材礼盒，按成本定价'
    const prices = [...silverPrices, { period: 'annual', listPrice: 600, sellingPrice: 600 }]
    const { status } = await publishSilver({ prices, priceExceptionReason: reason })
    expect(status).toBe(200)

    const asStaff = await rest('GET', `/${slugs.tiers}/${fixture.tiers.silver}`, { as: operations })
    expect(asStaff.body.priceExceptionReason).toBe(reason)
    const frontend = await factory.serviceAccount(['frontend'])
    const asFrontend = await rest('GET', `/${slugs.tiers}/${fixture.tiers.silver}`, {
      as: frontend,
    })
    expect(asFrontend.status).toBe(200)
    expect(asFrontend.body.priceExceptionReason).toBeUndefined()
    const viaGraphql = await graphql(
      `
        query ($id: String!) {
          Tier(id: $id) {
            priceExceptionReason
          }
        }
      `,
      { variables: { id: fixture.tiers.silver } },
    )
    expect(
      (viaGraphql.data?.Tier as { priceExceptionReason: string | null }).priceExceptionReason,
    ).toBeNull()
    await restoreSilver()
  })

  it('reads the monthly maximum from the membership settings', async () => {
    const dear = [{ period: 'monthly', listPrice: 1500, sellingPrice: 1200 }]
    expect((await publishSilver({ prices: dear })).status).toBe(400)
    const settings = await payload.findGlobal({ slug: globalSlugs.membershipSettings })
    await payload.updateGlobal({
      slug: globalSlugs.membershipSettings,
      data: { maximumMonthlyPrice: 2000 },
    })
    try {
      expect((await publishSilver({ prices: dear })).status).toBe(200)
    } finally {
      await payload.updateGlobal({
        slug: globalSlugs.membershipSettings,
        data: { maximumMonthlyPrice: settings.maximumMonthlyPrice ?? null },
      })
      await restoreSilver()
    }
  })

  it('refuses through GraphQL with the same field errors', async () => {
    const mutation = `
      mutation ($id: String!, $data: mutationTierUpdateInput!) {
        updateTier(id: $id, data: $data, locale: zh) {
          id
        }
      }
    `
    const data = {
      prices: [{ period: 'monthly', listPrice: 4900, sellingPrice: 3900 }],
      _status: 'published',
    }
    const zh = await graphql(mutation, {
      as: operations,
      variables: { id: fixture.tiers.silver, data },
    })
    expect(zh.errors?.[0]?.extensions?.statusCode).toBe(400)
    const selling = graphqlFieldErrors(zh.errors).find(
      (error) => error.path === 'prices.0.sellingPrice',
    )
    expect(selling?.message).toContain('应填 ¥39')
    const en = await graphql(mutation, {
      as: operations,
      variables: { id: fixture.tiers.silver, data },
      headers: inEnglish,
    })
    expect(
      graphqlFieldErrors(en.errors).find((error) => error.path === 'prices.0.sellingPrice')
        ?.message,
    ).toContain('Did you type the amount in fen instead of yuan?')
    expect(await storedSilverPrices()).toEqual(silverPrices)
  })
})
