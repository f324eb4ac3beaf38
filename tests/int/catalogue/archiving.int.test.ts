// docs/rules.md rule 6: archiving a tier names the tier its members move to — another tier,
// published and not archived, not ranked below it, never an honorary one — refused at
// `successorTier` otherwise, through REST and GraphQL, in Chinese and English.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { graphql, rest, testPayload } from '../../helpers/api'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { fieldErrors, graphqlFieldErrors, inEnglish } from '../../helpers/refusals'
import { staffFactory, type TestStaff } from '../../helpers/staff'

let payload: Payload
let fixture: Fixture
let factory: ReturnType<typeof staffFactory>
let operations: TestStaff
/** An honorary tier, a tier saved only as a draft and an archived tier, made for these tests. */
let extra: { honorary: string; draftOnly: string; archived: string }

beforeAll(async () => {
  payload = await testPayload()
  factory = staffFactory(payload)
  operations = await factory.staff(['operations'])
  fixture = await createCatalogueFixture(payload)
  const tier = async (data: Record<string, unknown>) => {
    const doc = await payload.create({
      collection: slugs.tiers,
      locale: 'zh',
      data: { status: 'active', benefits: [], ...data } as never,
      ...(data._status === 'draft' ? { draft: true } : {}),
    })
    fixture.track(String(doc.id))
    await payload.update({
      collection: slugs.tiers,
      id: doc.id,
      locale: 'en',
      data: { name: String(data.en), _status: data._status } as never,
      ...(data._status === 'draft' ? { draft: true } : {}),
    })
    return String(doc.id)
  }
  const suffix = fixture.suffix
  extra = {
    honorary: await tier({
      slug: `mentor-${suffix}`,
      name: '导师荣誉',
      en: 'Mentor',
      rank: 500,
      kind: 'honorary',
      _status: 'published',
    }),
    draftOnly: await tier({
      slug: `platinum-${suffix}`,
      name: '铂金',
      en: 'Platinum',
      rank: 3,
      kind: 'paid',
      _status: 'draft',
    }),
    archived: await tier({
      slug: `legacy-${suffix}`,
      name: '旧版黄金',
      en: 'Legacy gold',
      rank: 2,
      kind: 'paid',
      prices: [{ period: 'annual', listPrice: 999, sellingPrice: 699 }],
      status: 'archived',
      successorTier: fixture.tiers.gold,
      _status: 'published',
    }),
  }
})

afterAll(async () => {
  await fixture?.cleanup()
  await factory.cleanup()
})

/** Archives a tier through REST as an operations user. */
const archive = (tierId: string, successorTier: string | null, headers = {}) =>
  rest('PATCH', `/${slugs.tiers}/${tierId}?locale=zh`, {
    as: operations,
    json: { status: 'archived', successorTier, _status: 'published' },
    headers,
  })

const statusOf = async (tierId: string) =>
  (await payload.findByID({ collection: slugs.tiers, id: tierId })).status

describe('archiving a tier', () => {
  it.each<[string, () => string | null, string, string]>([
    [
      'no successor',
      () => null,
      '归档 黄金 前，请选择其会员在周期结束后转入的等级。',
      'Before archiving Gold, choose the tier its members move to when their period ends.',
    ],
    [
      'itself',
      () => fixture.tiers.gold,
      '黄金 不能把自己设为归档后的转入等级：会员将无处可去。请选择另一个已发布、未归档且不低于它的等级。',
      'Gold cannot be its own successor: its members would have nowhere to go. Choose another tier that is published, not archived and not ranked below it.',
    ],
    [
      'a lower tier',
      () => fixture.tiers.silver,
      '转入等级 白银（序号 1）低于 黄金（序号 2）：付费会员会被降级。请选择另一个已发布、未归档且不低于它的等级。',
      'Silver (rank 1) ranks below Gold (rank 2): paying members would be downgraded. Choose another tier that is published, not archived and not ranked below it.',
    ],
    [
      'an archived tier',
      () => extra.archived,
      '转入等级 旧版黄金 也已归档，不再接收会员。请选择另一个已发布、未归档且不低于它的等级。',
      'Legacy gold is archived too and takes no members. Choose another tier that is published, not archived and not ranked below it.',
    ],
    [
      'a tier that was never published',
      () => extra.draftOnly,
      '转入等级 铂金 还没有发布，会员无法转入。请先发布它，或选择另一个已发布、未归档且不低于 黄金 的等级。',
      'Platinum is not published yet, so members cannot move to it. Publish it first, or choose another published, non-archived tier not ranked below Gold.',
    ],
    [
      'an honorary tier',
      () => extra.honorary,
      '导师荣誉 是荣誉等级，只能授予、不能购买或续费，不能接收 黄金 的付费会员。请选择另一个已发布、未归档且不低于它的等级。',
      "Mentor is an honorary tier, granted rather than bought or renewed, so it cannot take Gold's paying members. Choose another tier that is published, not archived and not ranked below it.",
    ],
  ])('refuses %s as the successor, at successorTier', async (_name, successor, zh, en) => {
    const refused = await archive(fixture.tiers.gold, successor())
    expect(refused.status).toBe(400)
    expect(fieldErrors(refused.body)).toEqual([{ path: 'successorTier', message: zh }])
    const inEn = await archive(fixture.tiers.gold, successor(), inEnglish)
    expect(inEn.status).toBe(400)
    expect(fieldErrors(inEn.body)).toEqual([{ path: 'successorTier', message: en }])
    expect(await statusOf(fixture.tiers.gold)).toBe('active')
  })

  it('archives a tier handing its members to a higher live tier, and takes it back', async () => {
    const archived = await archive(fixture.tiers.silver, fixture.tiers.gold)
    expect(archived.status).toBe(200)
    expect(await statusOf(fixture.tiers.silver)).toBe('archived')
    const restored = await rest('PATCH', `/${slugs.tiers}/${fixture.tiers.silver}?locale=zh`, {
      as: operations,
      json: { status: 'active', successorTier: null, _status: 'published' },
    })
    expect(restored.status).toBe(200)
  })

  it('lets an archived honorary tier hand its holders to a ladder tier', async () => {
    const archived = await archive(extra.honorary, fixture.tiers.silver)
    expect(archived.status).toBe(200)
  })

  it('refuses through GraphQL with the same field error', async () => {
    const mutation = `
      mutation ($id: String!, $data: mutationTierUpdateInput!) {
        updateTier(id: $id, data: $data, locale: zh) {
          id
        }
      }
    `
    const variables = {
      id: fixture.tiers.gold,
      data: { status: 'archived', successorTier: fixture.tiers.gold, _status: 'published' },
    }
    const zh = await graphql(mutation, { as: operations, variables })
    expect(zh.errors?.[0]?.extensions?.statusCode).toBe(400)
    expect(graphqlFieldErrors(zh.errors)).toEqual([
      {
        path: 'successorTier',
        message: expect.stringContaining('黄金 不能把自己设为归档后的转入等级'),
      },
    ])
    const en = await graphql(mutation, { as: operations, variables, headers: inEnglish })
    expect(graphqlFieldErrors(en.errors)[0]?.message).toContain('Gold cannot be its own successor')
    expect(await statusOf(fixture.tiers.gold)).toBe('active')
  })
})
