// A used benefit keeps its meaning and is not deleted (docs/rules.md rules 4 and 6): its quota period
// and duration unit do not change while tiers grant it, and it is not deleted while tiers, support
// grants or tier versions paying members still hold refer to it. REST and GraphQL, zh and en.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { graphql, rest, testPayload } from '../../helpers/api'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { membersFactory } from '../../helpers/members'
import { fieldErrors, graphqlFieldErrors, inEnglish } from '../../helpers/refusals'
import { staffFactory, type TestStaff } from '../../helpers/staff'

let payload: Payload
let fixture: Fixture
let factory: ReturnType<typeof staffFactory>
let members: ReturnType<typeof membersFactory>
let operations: TestStaff
/** A benefit only Silver granted, removed since; one paying member still holds it. */
let ebooks: string
let holder: { id: string; externalId: string }

beforeAll(async () => {
  payload = await testPayload()
  factory = staffFactory(payload)
  operations = await factory.staff(['operations'])
  fixture = await createCatalogueFixture(payload)
  members = membersFactory(payload, await factory.serviceAccount(['billing']))

  const benefit = await payload.create({
    collection: slugs.benefits,
    locale: 'zh',
    data: {
      key: `ebooks-${fixture.suffix}`,
      name: '电子书',
      unit: '本',
      category: 'content-access',
      valueShape: 'quota',
      quotaPeriod: 'month',
      status: 'active',
    },
  })
  ebooks = String(benefit.id)
  await payload.update({
    collection: slugs.benefits,
    id: ebooks,
    locale: 'en',
    data: { name: 'E-books', unit: 'books' },
  })
  const publishSilver = (rows: Record<string, unknown>[]) =>
    payload.update({
      collection: slugs.tiers,
      id: fixture.tiers.silver,
      data: { benefits: rows, _status: 'published' } as never,
    })
  // Silver alone grants e-books (written as an exception: Gold does not), a member buys Silver,
  // then Silver drops them: the member keeps them until the paid month ends.
  await publishSilver([
    ...fixture.rows.silver,
    { benefit: ebooks, amount: 2, unlimited: false, exceptionReason: '白银专享试点' },
  ])
  const buyer = await members.buyer(`silver-${fixture.suffix}`)
  holder = { id: buyer.id, externalId: buyer.externalId }
  await publishSilver(fixture.rows.silver.map((row) => ({ ...row })))
  await payload.create({
    collection: slugs.entitlementGrants,
    data: {
      member: holder.id,
      benefit: ebooks,
      amount: 1,
      unlimited: false,
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 86_400_000).toISOString(),
      reason: '直播故障补偿',
    },
  })
})

afterAll(async () => {
  // Members (with their grants) first: then nothing holds the e-books any more.
  await members?.cleanup()
  if (ebooks) await payload.delete({ collection: slugs.benefits, id: ebooks })
  await fixture?.cleanup()
  await factory.cleanup()
})

const patchBenefit = (id: string, json: Record<string, unknown>, headers = {}) =>
  rest('PATCH', `/${slugs.benefits}/${id}`, { as: operations, json, headers })

describe("changing a used benefit's meaning", () => {
  it('refuses a quota period change (month → day) while tiers grant it', async () => {
    const zh = await patchBenefit(fixture.benefits.tutoring, { quotaPeriod: 'day' })
    expect(zh.status).toBe(400)
    expect(fieldErrors(zh.body)).toEqual([
      {
        path: 'quotaPeriod',
        message:
          '白银、黄金 正在使用「1对1辅导」，它的额度周期不能从“每月”改为“每天”：这会立即、悄悄地改变这些等级给会员的权益。请保留原额度周期；如需新的额度周期，请新建一个权益，并在各等级中换用它。',
      },
    ])
    const en = await patchBenefit(fixture.benefits.tutoring, { quotaPeriod: 'day' }, inEnglish)
    expect(fieldErrors(en.body)).toEqual([
      {
        path: 'quotaPeriod',
        message: expect.stringContaining(
          'use "1:1 tutoring", so its quota period cannot change from per month to per day',
        ),
      },
    ])
    const stored = await payload.findByID({
      collection: slugs.benefits,
      id: fixture.benefits.tutoring,
    })
    expect(stored.quotaPeriod).toBe('month')
  })

  it('refuses a duration unit change (hour → day) while tiers grant it', async () => {
    const zh = await patchBenefit(fixture.benefits.answers, { durationUnit: 'day' })
    expect(zh.status).toBe(400)
    expect(fieldErrors(zh.body)[0]).toEqual({
      path: 'durationUnit',
      message: expect.stringContaining('它的时长单位不能从“小时”改为“天”'),
    })
    const en = await patchBenefit(fixture.benefits.answers, { durationUnit: 'day' }, inEnglish)
    expect(fieldErrors(en.body)[0]?.message).toContain(
      'so its duration unit cannot change from hours to days',
    )
  })

  it('accepts a new period for a benefit no tier grants', async () => {
    const { status } = await patchBenefit(ebooks, { quotaPeriod: 'week' })
    expect(status).toBe(200)
    expect((await patchBenefit(ebooks, { quotaPeriod: 'month' })).status).toBe(200)
  })

  it('refuses through GraphQL with the same field error', async () => {
    const mutation = `
      mutation ($id: String!) {
        updateBenefit(id: $id, data: { quotaPeriod: day }) {
          id
        }
      }
    `
    const variables = { id: fixture.benefits.tutoring }
    const zh = await graphql(mutation, { as: operations, variables })
    expect(zh.errors?.[0]?.extensions?.statusCode).toBe(400)
    expect(graphqlFieldErrors(zh.errors)[0]?.path).toBe('quotaPeriod')
    expect(graphqlFieldErrors(zh.errors)[0]?.message).toContain('额度周期不能从“每月”改为“每天”')
    const en = await graphql(mutation, { as: operations, variables, headers: inEnglish })
    expect(graphqlFieldErrors(en.errors)[0]?.message).toContain('from per month to per day')
  })
})

describe('deleting a benefit still held', () => {
  it('refuses while a support grant and a tier version a paying member holds refer to it', async () => {
    const zh = await rest('DELETE', `/${slugs.benefits}/${ebooks}`, { as: operations })
    expect(zh.status).toBe(400)
    const [error] = fieldErrors(zh.body)
    expect(error?.path).toBe('status')
    expect(error?.message).toMatch(
      new RegExp(
        `^这个权益不能删除：1 条客服赠送引用它（会员 ${holder.externalId}）；1 名付费会员仍通过 1 个等级版本（白银 v\\d+）享有它，直到付费周期结束（最晚 \\d{4}-\\d{2}-\\d{2}）。请先移除这些引用，或把状态改为“已归档”。$`,
      ),
    )
    const en = await rest('DELETE', `/${slugs.benefits}/${ebooks}`, {
      as: operations,
      headers: inEnglish,
    })
    expect(fieldErrors(en.body)[0]?.message).toMatch(
      new RegExp(
        `^This benefit cannot be deleted: 1 support grant refers to it \\(member ${holder.externalId}\\); 1 paying member still holds it through 1 tier version \\(Silver v\\d+\\) until their paid period ends \\(\\d{4}-\\d{2}-\\d{2} at the latest\\)\\. Remove those references first, or set its status to Archived\\.$`,
      ),
    )
    expect(
      await payload.count({ collection: slugs.benefits, where: { id: { equals: ebooks } } }),
    ).toEqual({
      totalDocs: 1,
    })
  })

  it('refuses in bulk with the same detailed message and field path', async () => {
    const path = `/${slugs.benefits}?where[key][equals]=ebooks-${fixture.suffix}`
    const zh = await rest('DELETE', path, { as: operations })
    expect(zh.status).toBe(400)
    const [error] = zh.body.errors as { id: string; message: string }[]
    expect(error?.id).toBe(ebooks)
    expect(error?.message).toContain('这个权益不能删除：1 条客服赠送引用它')
    expect(fieldErrors(zh.body)[0]?.path).toBe('status')
    const en = await rest('DELETE', path, { as: operations, headers: inEnglish })
    expect(fieldErrors(en.body)[0]?.message).toContain(
      '1 paying member still holds it through 1 tier version (Silver v',
    )
  })

  it('refuses through GraphQL with the same field error', async () => {
    const mutation = `
      mutation ($id: String!) {
        deleteBenefit(id: $id) {
          id
        }
      }
    `
    const zh = await graphql(mutation, { as: operations, variables: { id: ebooks } })
    expect(zh.errors?.[0]?.extensions?.statusCode).toBe(400)
    expect(graphqlFieldErrors(zh.errors)).toEqual([
      { path: 'status', message: expect.stringContaining('1 名付费会员仍通过 1 个等级版本') },
    ])
    const en = await graphql(mutation, {
      as: operations,
      variables: { id: ebooks },
      headers: inEnglish,
    })
    expect(graphqlFieldErrors(en.errors)[0]?.message).toContain('1 support grant refers to it')
  })

  it('names the tiers that grant a benefit, and lets it be archived instead', async () => {
    const refused = await rest('DELETE', `/${slugs.benefits}/${fixture.benefits.discount}`, {
      as: operations,
      headers: inEnglish,
    })
    expect(refused.status).toBe(400)
    expect(fieldErrors(refused.body)[0]?.message).toContain('2 tiers grant it (')
    const archived = await patchBenefit(ebooks, { status: 'archived' })
    expect(archived.status).toBe(200)
  })
})
