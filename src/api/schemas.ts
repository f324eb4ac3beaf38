// The request schemas of every API operation, in one place, for every transport: REST query strings
// and bodies, GraphQL arguments and the lean path all go through them (src/api/input.ts turns the
// first problem into a 400 `{ reason: 'invalid_request', field, message }`).
//
// Written with zod 4 rather than by hand: it is the schema library the TypeScript ecosystem has
// settled on (Payload's own packages, tRPC, Next's docs, OpenAPI generators), the operation input
// types are inferred from the schemas instead of written twice, `z.toJSONSchema` exports them for
// an API document, and its issues carry the exact path of the bad value (`courses.3`), which is the
// `field` callers are told to fix. The operations' own input types must accept what a schema
// produces: src/api/operations.ts passes one to the other, so a mismatch fails the type check.
// Each field describes itself (en in `description`, zh in
// `x-description-zh`) so both the refusal messages and the JSON Schema read the same words.
import { z } from 'zod'

import { externalIdPattern, keyPattern, objectIdPattern } from '../adapters/memberRef'
import { campaignKinds } from '../domain/campaigns/types'
import { billingPeriods, type Localized } from '../domain/catalogue/types'
import { orderTypes } from '../domain/entitlements/membership'

/** What a field must be, as a noun phrase that completes "must be …" in both languages. */
export type FieldMeta = { description: string; 'x-description-zh': string }

const described = <T extends z.ZodType>(schema: T, text: Localized): T =>
  schema.meta({ description: text.en, 'x-description-zh': text.zh } satisfies FieldMeta)

/** A cross-field problem, reported at `field` with its own message. */
export type CrossFieldParams = { message: Localized }

const maxBatch = 200
const requestKeyPattern = /^[A-Za-z0-9_.:-]{1,128}$/

const memberRef = described(z.string().regex(externalIdPattern), {
  zh: '会员的 Payload ID（24 位十六进制）或平台用户 ID（1–128 位字母、数字或 _ . : @ -）',
  en: "the member's Payload id (24 hex digits) or platform user id (1–128 letters, digits or _ . : @ -)",
})
const courseText = { zh: '课程的 ID 或标识（slug）', en: "a course's id or slug" }
const courseRef = described(z.string().regex(keyPattern), courseText)
const benefitText = {
  zh: '权益键（key），例如 tutoring-sessions',
  en: 'a benefit key, e.g. tutoring-sessions',
}
const benefitKey = described(z.string().regex(keyPattern), benefitText)

/** 1..1,000,000 units; a number written out (a query string's "3") counts as the number. */
const units = described(
  z
    .preprocess(
      (value) =>
        typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value,
      z.number().int().min(1).max(1_000_000),
    )
    .default(1),
  { zh: '1 到 1000000 之间的整数', en: 'a whole number from 1 to 1000000' },
)

const list = (item: z.ZodString, text: Localized) =>
  described(z.array(item).max(maxBatch).default([]), {
    zh: `最多 ${maxBatch} 个${text.zh}组成的数组`,
    en: `an array of at most ${maxBatch} ${text.en}`,
  })

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  described(z.enum(values), {
    zh: `${values.join('、')} 之一`,
    en: `one of ${values.join(', ')}`,
  })

const flag = described(z.boolean(), { zh: 'true 或 false', en: 'true or false' })

const crossField = (field: string, message: Localized) => ({
  code: 'custom' as const,
  path: [field],
  params: { message } satisfies CrossFieldParams,
  message: message.en,
})

export const memberEntitlementsSchema = z.object({ member: memberRef })

export const checkSchema = z
  .object({
    member: memberRef,
    course: courseRef.optional(),
    benefit: benefitKey.optional(),
    amount: units,
  })
  .check((context) => {
    if (context.value.course === undefined && context.value.benefit === undefined) {
      context.issues.push({
        input: context.value,
        ...crossField('course', {
          zh: '请至少给出 course（课程）或 benefit（权益）之一。',
          en: 'Give a course, a benefit, or both.',
        }),
      })
    }
  })

export const checkBatchSchema = z
  .object({
    member: memberRef,
    courses: list(courseRef, { zh: '课程 ID 或标识', en: 'course ids or slugs' }),
    benefits: list(benefitKey, { zh: '权益键', en: 'benefit keys' }),
  })
  .check((context) => {
    if (!context.value.courses.length && !context.value.benefits.length) {
      context.issues.push({
        input: context.value,
        ...crossField('courses', {
          zh: '请在 courses 或 benefits 中至少给出一项。',
          en: 'List at least one course or benefit.',
        }),
      })
    }
  })

export const consumeSchema = z.object({
  member: memberRef,
  benefit: benefitKey,
  amount: units,
  idempotencyKey: described(z.string().regex(requestKeyPattern), {
    zh: '每次扣减唯一的键（1–128 位字母、数字或 _ . : -），重试时沿用同一个',
    en: 'a key unique to this consumption (1–128 letters, digits or _ . : -), reused on retries',
  }),
})

export const orderSchema = z.object({
  orderId: described(z.string().regex(requestKeyPattern), {
    zh: '计费系统的订单号（1–128 位字母、数字或 _ . : -）',
    en: "the billing system's order id (1–128 letters, digits or _ . : -)",
  }),
  type: oneOf(orderTypes),
  member: memberRef,
  tier: described(z.string().regex(keyPattern), {
    zh: '等级的 ID 或标识（slug），例如 gold',
    en: "a tier's id or slug, e.g. gold",
  }).optional(),
  billingPeriod: oneOf(billingPeriods).optional(),
  amount: described(z.number().int().min(0).default(0), {
    zh: '以分为单位的非负整数（¥99 = 9900）',
    en: 'a whole, non-negative number in the smallest currency unit (¥99 = 9900)',
  }),
  currency: described(z.string().regex(/^[A-Z]{3}$/), {
    zh: '三位大写币种代码，例如 CNY',
    en: 'a three-letter currency code such as CNY',
  }).optional(),
  occurredAt: described(
    z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
    {
      zh: '带时区的 ISO 8601 时间，例如 2026-11-23T10:00:00+08:00',
      en: 'an ISO 8601 time with its offset, e.g. 2026-11-23T10:00:00+08:00',
    },
  ).optional(),
  autoRenew: flag.optional(),
  immediate: flag.optional(),
  campaign: described(z.string().regex(keyPattern), {
    zh: '活动的 ID 或标识（slug），例如 double11-gold',
    en: "a campaign's id or slug, e.g. double11-gold",
  }).optional(),
})

export const publishImpactSchema = z.object({
  id: described(z.string().regex(objectIdPattern), {
    zh: '等级的 Payload ID（24 位十六进制）',
    en: "the tier's Payload id (24 hex digits)",
  }),
  fields: described(z.record(z.string(), z.unknown()).optional(), {
    zh: '编辑中的等级字段组成的 JSON 对象（可省略：则用当前草稿）',
    en: "a JSON object of the tier's edited fields (or nothing: the current draft)",
  }),
})

export const pricingMatrixSchema = z.object({
  locale: described(z.enum(['zh', 'en']).default('zh'), { zh: 'zh 或 en', en: 'zh or en' }),
})

export const memberOffersSchema = z.object({
  member: memberRef,
  kind: oneOf(campaignKinds).optional(),
  tier: described(z.string().regex(keyPattern), {
    zh: '等级的 ID 或标识（slug），例如 gold',
    en: "a tier's id or slug, e.g. gold",
  }).optional(),
  locale: described(z.enum(['zh', 'en']).default('zh'), { zh: 'zh 或 en', en: 'zh or en' }),
})

const campaignId = described(z.string().regex(objectIdPattern), {
  zh: '营销活动的 Payload ID（24 位十六进制）',
  en: "the campaign's Payload id (24 hex digits)",
})

export const audiencePreviewSchema = z.object({
  id: campaignId,
  fields: described(z.record(z.string(), z.unknown()).optional(), {
    zh: '编辑中的活动字段组成的 JSON 对象（可省略：则用当前草稿）',
    en: "a JSON object of the campaign's edited fields (or nothing: the latest draft)",
  }),
})

export const campaignStatsSchema = z.object({ id: campaignId })
export const memberReferralSchema = z.object({ member: memberRef })

export const attributeReferralSchema = z.object({
  member: memberRef,
  // Case, spaces and hyphens do not matter (the operation normalises); the letters must be the
  // code's alphabet (docs/campaigns.md "Referrals").
  code: described(z.string().regex(/^(?:[2-9A-HJ-NP-Za-hj-np-z][\s-]?){12}$/), {
    zh: '好友的 12 位推荐码（数字 2–9 和字母 A–Z，不含 I、L、O；大小写、空格和连字符不限）',
    en: "the friend's 12-character referral code (digits 2–9 and letters A–Z without I, L or O; case, spaces and hyphens do not matter)",
  }),
})
