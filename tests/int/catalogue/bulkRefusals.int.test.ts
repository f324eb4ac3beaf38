// Bulk REST writes (`PATCH|DELETE /api/<collection>?where=…`) answer a refused document with the
// guard rail's own message and field path, like a single-document write does, not only Payload's
// "Unable to delete 1 out of 1 Benefit".
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { rest, testPayload } from '../../helpers/api'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { fieldErrors, inEnglish } from '../../helpers/refusals'
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

type BulkError = { id: string; message: string; data?: { errors?: { path: string }[] } }
const bulkErrors = (body: Record<string, unknown>) => (body.errors ?? []) as BulkError[]

const bulk = (
  method: 'PATCH' | 'DELETE',
  collection: string,
  where: string,
  json?: Record<string, unknown>,
  headers: Record<string, string> = {},
) =>
  rest(method, `/${collection}?${where}`, {
    as: operations,
    ...(json ? { json } : {}),
    headers,
  })

describe('bulk deletes', () => {
  it('say why each benefit cannot be deleted, at its field, in Chinese and English', async () => {
    const where = `where[key][equals]=community-${fixture.suffix}`
    const zh = await bulk('DELETE', slugs.benefits, where)
    expect(zh.status).toBe(400)
    expect(bulkErrors(zh.body)).toEqual([
      {
        id: fixture.benefits.community,
        isPublic: true,
        message: expect.stringContaining('这个权益不能删除：1 个等级使用它（黄金）'),
        data: {
          collection: slugs.benefits,
          errors: [{ path: 'status', message: expect.stringContaining('1 个等级使用它（黄金）') }],
        },
      },
    ])
    const en = await bulk('DELETE', slugs.benefits, where, undefined, inEnglish)
    expect(en.body.message).toBe('Unable to delete 1 out of 1 Benefit.')
    expect(fieldErrors(en.body)).toEqual([
      {
        path: 'status',
        message:
          'This benefit cannot be deleted: 1 tier grants it (Gold). Remove those references first, or set its status to Archived.',
      },
    ])
  })

  it('say why a tier cannot be deleted', async () => {
    const where = `where[slug][equals]=free-${fixture.suffix}`
    const { status, body } = await bulk('DELETE', slugs.tiers, where, undefined, inEnglish)
    expect(status).toBe(400)
    const [error] = fieldErrors(body)
    expect(error?.path).toBe('status')
    expect(error?.message).toContain('"Free" cannot be deleted: the ladder would break without it.')
  })
})

describe('bulk updates', () => {
  it('say why a tier cannot be archived with itself as successor', async () => {
    const where = `where[slug][equals]=gold-${fixture.suffix}`
    const data = { status: 'archived', successorTier: fixture.tiers.gold, _status: 'published' }
    const zh = await bulk('PATCH', slugs.tiers, `${where}&locale=zh`, data)
    expect(zh.status).toBe(400)
    expect(bulkErrors(zh.body)[0]?.message).toBe(
      '黄金 不能把自己设为归档后的转入等级：会员将无处可去。请选择另一个已发布、未归档且不低于它的等级。',
    )
    expect(fieldErrors(zh.body).map((error) => error.path)).toEqual(['successorTier'])
    const en = await bulk('PATCH', slugs.tiers, `${where}&locale=zh`, data, inEnglish)
    expect(fieldErrors(en.body)[0]?.message).toContain('Gold cannot be its own successor')
    const gold = await payload.findByID({ collection: slugs.tiers, id: fixture.tiers.gold })
    expect(gold.status).toBe('active')
  })

  it('say why a price typed in 分 cannot be published', async () => {
    const where = `where[slug][equals]=silver-${fixture.suffix}&locale=zh`
    const data = {
      prices: [{ period: 'monthly', listPrice: 4900, sellingPrice: 3900 }],
      _status: 'published',
    }
    const zh = await bulk('PATCH', slugs.tiers, where, data)
    expect(zh.status).toBe(400)
    expect(fieldErrors(zh.body).map((error) => error.path)).toEqual([
      'prices.0.listPrice',
      'prices.0.sellingPrice',
    ])
    expect(bulkErrors(zh.body)[0]?.message).toContain('应填 ¥39')
    const en = await bulk('PATCH', slugs.tiers, where, data, inEnglish)
    expect(fieldErrors(en.body)[1]?.message).toContain('Did you type the amount in fen')
  })

  it("say why a used benefit's quota period cannot change", async () => {
    const where = `where[key][equals]=tutoring-${fixture.suffix}`
    const zh = await bulk('PATCH', slugs.benefits, where, { quotaPeriod: 'day' })
    expect(zh.status).toBe(400)
    expect(fieldErrors(zh.body)).toEqual([
      { path: 'quotaPeriod', message: expect.stringContaining('额度周期不能从“每月”改为“每天”') },
    ])
    const en = await bulk('PATCH', slugs.benefits, where, { quotaPeriod: 'day' }, inEnglish)
    expect(fieldErrors(en.body)[0]?.message).toContain('from per month to per day')
  })

  it('still answer 200 for a bulk update that breaks nothing', async () => {
    const where = `where[key][equals]=tutoring-${fixture.suffix}`
    const { status, body } = await bulk('PATCH', slugs.benefits, `${where}&locale=zh`, {
      name: '一对一辅导',
    })
    expect(status).toBe(200)
    expect(body.errors).toEqual([])
  })
})
