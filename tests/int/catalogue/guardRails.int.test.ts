import { ValidationError, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { rest, testPayload } from '../../helpers/api'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { staffFactory, type TestStaff } from '../../helpers/staff'

let payload: Payload
let fixture: Fixture
let factory: ReturnType<typeof staffFactory>
let operations: TestStaff

type ErrorBody = {
  errors?: { message: string; data?: { errors?: { path: string; message: string }[] } }[]
}

/** The field errors of a refused REST write. */
const fieldErrors = (body: unknown) =>
  ((body as ErrorBody).errors ?? []).flatMap((error) => error.data?.errors ?? [])

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

const goldRows = () => fixture.rows.gold.map((row) => ({ ...row }))

/** Publishes a change to gold through REST as an operations user, in the given UI language. */
const publishGold = (data: Record<string, unknown>, language: 'zh' | 'en' = 'zh') =>
  rest('PATCH', `/${slugs.tiers}/${fixture.tiers.gold}?locale=zh`, {
    as: operations,
    json: { ...data, _status: 'published' },
    headers: { 'Accept-Language': language },
  })

describe('publishing a tier', () => {
  it('refuses a higher tier granting less than a lower one, naming both tiers and values', async () => {
    const rows = goldRows()
    rows[0] = { ...rows[0]!, amount: 2 } // tutoring: gold 2 < silver 4
    const { status, body } = await publishGold({ benefits: rows })
    expect(status).toBe(400)
    const [error] = fieldErrors(body)
    expect(error?.path).toBe('benefits.0.amount')
    expect(error?.message).toContain('黄金')
    expect(error?.message).toContain('白银')
    expect(error?.message).toContain('1对1辅导')
    expect(error?.message).toContain('每月 2 次')
    expect(error?.message).toContain('每月 4 次')
  })

  it('says the same in English for an English-speaking editor', async () => {
    const rows = goldRows()
    rows[0] = { ...rows[0]!, amount: 2 }
    const { body } = await publishGold({ benefits: rows }, 'en')
    const [error] = fieldErrors(body)
    expect(error?.message).toContain('Gold')
    expect(error?.message).toContain('Silver')
    expect(error?.message).toContain('1:1 tutoring')
  })

  it('refuses through the Local API with a ValidationError carrying the field path', async () => {
    const rows = goldRows()
    rows[1] = { ...rows[1]!, level: '720p' } // video: gold 720p < silver 1080p
    const failure = await payload
      .update({
        collection: slugs.tiers,
        id: fixture.tiers.gold,
        data: { benefits: rows, _status: 'published' } as never,
      })
      .catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ValidationError)
    expect((failure as ValidationError).data.errors[0]?.path).toBe('benefits.1.level')
  })

  it('publishes a good edit', async () => {
    const rows = goldRows()
    rows[0] = { ...rows[0]!, amount: 10 }
    const { status } = await publishGold({ benefits: rows })
    expect(status).toBe(200)
    const stored = await payload.findByID({ collection: slugs.tiers, id: fixture.tiers.gold })
    expect((stored.benefits as { amount?: number }[])[0]?.amount).toBe(10)
  })

  it('publishes a deliberate exception when it has a written reason, and keeps the reason', async () => {
    const rows = goldRows()
    rows[2] = { ...rows[2]!, percent: 5, exceptionReason: '黄金年费已含赠课，折扣另行补偿' }
    const { status } = await publishGold({ benefits: rows })
    expect(status).toBe(200)
    const asStaff = await rest('GET', `/${slugs.tiers}/${fixture.tiers.gold}`, { as: operations })
    const row = (asStaff.body.benefits as { exceptionReason?: string }[])[2]
    expect(row?.exceptionReason).toBe('黄金年费已含赠课，折扣另行补偿')
    await publishGold({ benefits: goldRows() })
  })

  it('refuses a value outside its benefit range', async () => {
    const rows = goldRows()
    rows[2] = { ...rows[2]!, percent: 80 } // discount max is 50
    const { status, body } = await publishGold({ benefits: rows })
    expect(status).toBe(400)
    expect(fieldErrors(body)[0]?.path).toBe('benefits.2.percent')
  })

  it('refuses a level the benefit does not offer', async () => {
    const rows = goldRows()
    rows[1] = { ...rows[1]!, level: '8k' }
    const { status, body } = await publishGold({ benefits: rows })
    expect(status).toBe(400)
    expect(fieldErrors(body).map((error) => error.path)).toContain('benefits.1.level')
  })

  it('refuses a rank another tier holds', async () => {
    const { status, body } = await publishGold({ rank: fixture.rankBase + 1 })
    expect(status).toBe(400)
    expect(fieldErrors(body).map((error) => error.path)).toContain('rank')
  })

  it('refuses a second entry tier', async () => {
    const { status, body } = await publishGold({ kind: 'entry' })
    expect(status).toBe(400)
    expect(fieldErrors(body).map((error) => error.path)).toContain('kind')
  })

  it('refuses a higher tier that opens fewer course-access tiers', async () => {
    const { status, body } = await publishGold({
      accessTiers: [fixture.accessTiers.basic, fixture.accessTiers.masterclass],
    })
    expect(status).toBe(400)
    const error = fieldErrors(body).find((candidate) => candidate.path === 'accessTiers')
    expect(error?.message).toContain('精选进阶课')
  })

  it('refuses a tier identical to the tier below it', async () => {
    const { status, body } = await publishGold({
      benefits: fixture.rows.silver,
      accessTiers: [fixture.accessTiers.basic, fixture.accessTiers.advanced],
    })
    expect(status).toBe(400)
    expect(fieldErrors(body).map((error) => error.path)).toContain('benefits')
  })

  it('saves an incomplete draft without checking it', async () => {
    const rows = goldRows()
    rows[0] = { ...rows[0]!, amount: 1 }
    const { status } = await rest('PATCH', `/${slugs.tiers}/${fixture.tiers.gold}?draft=true`, {
      as: operations,
      json: { benefits: rows, _status: 'draft' },
    })
    expect(status).toBe(200)
    // The published tier is untouched until the draft is published.
    const published = await payload.findByID({ collection: slugs.tiers, id: fixture.tiers.gold })
    expect((published.benefits as { amount?: number }[])[0]?.amount).not.toBe(1)
    await publishGold({ benefits: goldRows() })
  })
})

describe('changing a benefit that tiers use', () => {
  it('refuses a new value shape', async () => {
    const { status, body } = await rest(
      'PATCH',
      `/${slugs.benefits}/${fixture.benefits.tutoring}`,
      {
        as: operations,
        json: { valueShape: 'flag' },
      },
    )
    expect(status).toBe(400)
    expect(fieldErrors(body)[0]?.path).toBe('valueShape')
  })

  it('refuses removing a level a tier grants', async () => {
    const { status, body } = await rest('PATCH', `/${slugs.benefits}/${fixture.benefits.video}`, {
      as: operations,
      json: {
        levels: [
          { key: '720p', label: '720p' },
          { key: '1080p', label: '1080p' },
        ],
      },
    })
    expect(status).toBe(400)
    expect(fieldErrors(body)[0]?.path).toBe('levels')
  })

  it('refuses re-ordering levels so that the gradient breaks', async () => {
    const { status, body } = await rest('PATCH', `/${slugs.benefits}/${fixture.benefits.video}`, {
      as: operations,
      json: {
        levels: [
          { key: '4k', label: '4K' },
          { key: '720p', label: '720p' },
          { key: '1080p', label: '1080p' },
        ],
      },
    })
    expect(status).toBe(400)
    expect(fieldErrors(body)[0]?.path).toBe('levels')
  })

  it('refuses renaming its key', async () => {
    const { status, body } = await rest(
      'PATCH',
      `/${slugs.benefits}/${fixture.benefits.community}`,
      {
        as: operations,
        json: { key: `renamed-${fixture.suffix}` },
      },
    )
    expect(status).toBe(400)
    expect(fieldErrors(body)[0]?.path).toBe('key')
  })

  it('accepts a new name', async () => {
    const { status } = await rest(
      'PATCH',
      `/${slugs.benefits}/${fixture.benefits.community}?locale=zh`,
      {
        as: operations,
        json: { name: '会员专属社群' },
      },
    )
    expect(status).toBe(200)
  })
})

describe('deleting what is referenced', () => {
  it('refuses a benefit that tiers grant, and allows archiving it', async () => {
    const refused = await rest('DELETE', `/${slugs.benefits}/${fixture.benefits.community}`, {
      as: operations,
    })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain('黄金')
    const archived = await rest('PATCH', `/${slugs.benefits}/${fixture.benefits.community}`, {
      as: operations,
      json: { status: 'archived' },
    })
    expect(archived.status).toBe(200)
  })

  it('refuses a course-access tier that courses belong to', async () => {
    await payload.create({
      collection: slugs.courses,
      data: {
        slug: `course-${fixture.suffix}`,
        title: '测试课程',
        accessTier: fixture.accessTiers.masterclass,
        status: 'published',
      },
    })
    const refused = await rest(
      'DELETE',
      `/${slugs.courseAccessTiers}/${fixture.accessTiers.masterclass}`,
      {
        as: operations,
      },
    )
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain('测试课程')
  })

  it('refuses deleting the entry tier while paid tiers remain', async () => {
    const refused = await rest('DELETE', `/${slugs.tiers}/${fixture.tiers.free}`, {
      as: operations,
    })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain('免费')
  })
})
