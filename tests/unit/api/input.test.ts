// The request schemas and the input adapter: what every transport refuses before an operation
// runs (docs/rules.md rule 14), with the field at fault and a message that says what it must be.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

import { parseInput, queryInput } from '../../../src/api/input'
import {
  campaignDraftSchema,
  checkBatchSchema,
  checkSchema,
  consumeSchema,
  memberEntitlementsSchema,
  orderSchema,
  pricingMatrixSchema,
  publishImpactSchema,
} from '../../../src/api/schemas'

/** The refusal, the same from the schema and from its compiled fast path (what the API runs). */
const refusalOf = (schema: z.ZodType, raw: unknown) => {
  const outcome = parseInput(schema, raw)
  if (outcome.ok) throw new Error(`accepted ${JSON.stringify(raw)}`)
  expect(parseInput(z.compile(schema), raw)).toEqual(outcome)
  return outcome.refusal
}
const fromQuery = (query: string) => queryInput(new URLSearchParams(query))

describe('a query string', () => {
  it('becomes an object in which repeats are arrays and bracketed names are objects', () => {
    expect(fromQuery('member=a&member=b&course=x&member[$gt]=&__proto__=1')).toEqual({
      member: ['a', 'b', { '[$gt]': '' }],
      course: 'x',
    })
    expect(Object.getPrototypeOf(fromQuery('__proto__[polluted]=1'))).toBe(Object.prototype)
  })
})

describe('the check schema', () => {
  it('takes a member and a course or benefit, amount 1 unless given; digits count as a number', () => {
    expect(parseInput(checkSchema, fromQuery('member=u-1&course=python&amount='))).toEqual({
      ok: true,
      value: { member: 'u-1', course: 'python', amount: 1 },
    })
    expect(parseInput(checkSchema, fromQuery('member=u-1&benefit=tutoring&amount=3'))).toEqual({
      ok: true,
      value: { member: 'u-1', benefit: 'tutoring', amount: 3 },
    })
  })

  it.each([
    [
      'an operator smuggled into the query string',
      'member[$gt]=&course=x',
      'member',
      /query operators/,
    ],
    ['an operator object', { member: { $ne: null }, course: 'x' }, 'member', /query operators/],
    ['the same parameter twice', 'member=a&member=b&course=x', 'member', /takes one value/],
    ['a missing member', 'course=x', 'member', /"member" is required: the member's Payload id/],
    ['an empty member', 'member=&course=x', 'member', /is required/],
    ['a malformed member', 'member=a%20b&course=x', 'member', /must be the member's .*got "a b"/],
    ['a malformed course', 'member=a&course=%24where', 'course', /must be a course's id or slug/],
    [
      'a negative amount',
      'member=a&benefit=b&amount=-1',
      'amount',
      /whole number from 1 to 1000000, got -1/,
    ],
    ['a zero amount', { member: 'a', benefit: 'b', amount: 0 }, 'amount', /got 0\./],
    ['a fractional amount', { member: 'a', benefit: 'b', amount: 1.5 }, 'amount', /got 1\.5/],
    ['a huge amount', { member: 'a', benefit: 'b', amount: 1_000_001 }, 'amount', /1000000/],
    ['neither course nor benefit', 'member=a', 'course', /^Give a course, a benefit, or both\.$/],
  ])('refuses %s at the field, in both languages', (_name, raw, field, english) => {
    const refusal = refusalOf(checkSchema, typeof raw === 'string' ? fromQuery(raw) : raw)
    expect(refusal).toMatchObject({ reason: 'invalid_request', field })
    expect(refusal.message.en).toMatch(english)
    expect(refusal.message.zh).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('the batch schema', () => {
  it.each([
    ['201 courses', { member: 'a', courses: Array(201).fill('x') }, 'courses', /at most 200/],
    [
      'an operator in the list',
      { member: 'a', courses: ['x', { $gt: '' }] },
      'courses.1',
      /^Item 2 of "courses" must be a course's id or slug, got \{"\$gt":""\}\.$/,
    ],
    [
      'a list that is not a list',
      { member: 'a', courses: 'x' },
      'courses',
      /must be an array of at most 200 course ids or slugs, got "x"/,
    ],
    ['nothing to check', { member: 'a', courses: [], benefits: [] }, 'courses', /at least one/],
    [
      'a body that is not an object',
      ['a'],
      'body',
      /The request body must be a JSON object, got \["a"\]\./,
    ],
    ['no body', undefined, 'body', /got nothing/],
  ])('refuses %s', (_name, raw, field, english) => {
    const refusal = refusalOf(checkBatchSchema, raw)
    expect(refusal).toMatchObject({ reason: 'invalid_request', field })
    expect(refusal.message.en).toMatch(english)
  })
})

describe('the consume schema', () => {
  it('needs an idempotency key of the right form', () => {
    expect(refusalOf(consumeSchema, { member: 'a', benefit: 'b' })).toMatchObject({
      field: 'idempotencyKey',
      message: { en: expect.stringMatching(/is required: a key unique to this consumption/) },
    })
    expect(
      refusalOf(consumeSchema, { member: 'a', benefit: 'b', idempotencyKey: 'a b' }).field,
    ).toBe('idempotencyKey')
  })
})

describe('the order schema', () => {
  const order = {
    orderId: 'ORD-1',
    type: 'purchase',
    member: 'u-10086',
    tier: 'gold',
    billingPeriod: 'annual',
    amount: 69900,
  }

  it('reads a time with its offset as a Date and defaults the amount to 0', () => {
    const parsed = parseInput(orderSchema, {
      ...order,
      amount: undefined,
      occurredAt: '2026-11-23T10:00:00+08:00',
    })
    expect(parsed).toMatchObject({ ok: true, value: { amount: 0 } })
    expect(parsed.ok && parsed.value.occurredAt?.toISOString()).toBe('2026-11-23T02:00:00.000Z')
  })

  it.each([
    [
      'an unknown type',
      { type: 'refund' },
      'type',
      /must be one of purchase, renewal, upgrade, downgrade, cancellation, trial, got "refund"/,
    ],
    ['a missing type', { type: undefined }, 'type', /"type" is required: one of purchase/],
    ['a negative amount', { amount: -5 }, 'amount', /smallest currency unit/],
    ['an amount as text', { amount: '100' }, 'amount', /got "100"/],
    ['a lower-case currency', { currency: 'cny' }, 'currency', /three-letter currency code/],
    ['a time that is not ISO 8601', { occurredAt: 'yesterday' }, 'occurredAt', /with its offset/],
    [
      'a time without its offset',
      { occurredAt: '2026-11-23T10:00:00' },
      'occurredAt',
      /with its offset/,
    ],
    ['a flag that is not a boolean', { autoRenew: 'yes' }, 'autoRenew', /must be true or false/],
    [
      'an unknown billing period',
      { billingPeriod: 'weekly' },
      'billingPeriod',
      /one of monthly, quarterly, annual/,
    ],
  ])('refuses %s', (_name, change, field, english) => {
    const refusal = refusalOf(orderSchema, { ...order, ...change })
    expect(refusal).toMatchObject({ reason: 'invalid_request', field })
    expect(refusal.message.en).toMatch(english)
  })
})

describe('the other schemas', () => {
  it('refuse a malformed tier id, edited fields that are not an object and an unknown locale', () => {
    expect(refusalOf(publishImpactSchema, { id: 'gold' }).field).toBe('id')
    expect(refusalOf(publishImpactSchema, { id: 'a'.repeat(24), fields: [1] }).field).toBe('fields')
    expect(refusalOf(pricingMatrixSchema, { locale: 'fr' }).message.en).toBe(
      '"locale" must be zh or en, got "fr".',
    )
    expect(parseInput(pricingMatrixSchema, {})).toEqual({ ok: true, value: { locale: 'zh' } })
    expect(refusalOf(memberEntitlementsSchema, { member: 'a/b' }).field).toBe('member')
  })
})

describe('the campaign draft schema (the audience preview)', () => {
  const id = 'a'.repeat(24)
  it('names the nested field at fault, with what it must be in both languages', () => {
    expect(
      refusalOf(campaignDraftSchema, { kind: 'upgrade', terms: { budget: { perMember: 0 } } }),
    ).toEqual({
      reason: 'invalid_request',
      field: 'terms.budget.perMember',
      message: {
        zh: '“terms.budget.perMember”必须是不小于 1 的整数，收到 0。',
        en: '"terms.budget.perMember" must be a whole number of at least 1, got 0.',
      },
    })
    expect(
      refusalOf(campaignDraftSchema, { id, terms: { audience: { statuses: ['active', 'vip'] } } }),
    ).toMatchObject({
      field: 'terms.audience.statuses.1',
      message: {
        en: expect.stringContaining('Item 2 of "terms.audience.statuses" must be one of'),
      },
    })
    expect(refusalOf(campaignDraftSchema, { id, schedule: { startsAt: 'soon' } }).field).toBe(
      'schedule.startsAt',
    )
    expect(refusalOf(campaignDraftSchema, { terms: {} }).field).toBe('kind')
  })

  it('keeps what the preview reads, accepts empty fields and relationships as objects', () => {
    expect(
      parseInput(campaignDraftSchema, {
        id,
        kind: 'renewal',
        copy: { headline: 'ignored' },
        terms: {
          audience: { tiers: [{ id }], periodEndsWithinDays: null },
          target: { tier: null },
          budget: { totalRedemptions: null, maxDiscount: 12.5 },
        },
      }),
    ).toEqual({
      ok: true,
      value: {
        id,
        kind: 'renewal',
        terms: {
          audience: { tiers: [id], periodEndsWithinDays: null },
          target: { tier: null },
          budget: { totalRedemptions: null, maxDiscount: 12.5 },
        },
      },
    })
  })
})

describe('as JSON Schema', () => {
  it.each([
    ['check', checkSchema],
    ['check-batch', checkBatchSchema],
    ['consume', consumeSchema],
    ['order', orderSchema],
    ['publish impact', publishImpactSchema],
  ])(
    'the %s schema exports with its patterns and descriptions in both languages',
    (_name, schema) => {
      const exported = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
        properties: Record<string, { description?: string; 'x-description-zh'?: string }>
      }
      for (const property of Object.values(exported.properties)) {
        expect(property.description).toBeTruthy()
        expect(property['x-description-zh']).toMatch(/[\u4e00-\u9fff]|true|zh/)
      }
    },
  )
})
