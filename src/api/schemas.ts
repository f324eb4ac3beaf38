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
import { audienceStatuses, campaignKinds } from '../domain/campaigns/types'
import { billingPeriods, type Localized } from '../domain/catalogue/types'
import { cancelReasons, cancelTextLimit } from '../domain/entitlements/cancelIntent'
import { orderTypes } from '../domain/entitlements/membership'
import { quoteIdPattern } from '../operations/entitlements/quoteToken'

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

const quoteRef = described(z.string().regex(quoteIdPattern), {
  zh: '升级报价的 quoteId（GET /api/members/{id}/quote 的回答，以 q1. 开头）',
  en: 'the quoteId of an upgrade quote (from GET /api/members/{id}/quote, starting q1.)',
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
  quote: quoteRef.optional(),
})

/** GET /api/members/{id}/quote (docs/rules.md rule 18). */
export const quoteSchema = z.object({
  member: memberRef,
  tier: described(z.string().regex(keyPattern), {
    zh: '要升级到的等级的 ID 或标识（slug），例如 gold',
    en: 'the id or slug of the tier to upgrade to, e.g. gold',
  }),
  period: oneOf(billingPeriods).optional(),
  campaign: described(z.string().regex(keyPattern), {
    zh: '活动的 ID 或标识（slug）；不填则使用最优优惠',
    en: "a campaign's id or slug; leave it out for the best offer",
  }).optional(),
  locale: described(z.enum(['zh', 'en']).default('zh'), { zh: 'zh 或 en', en: 'zh or en' }),
})

/** POST /api/members/{id}/cancel-intent (docs/rules.md rule 19). */
export const cancelIntentSchema = z.object({
  member: memberRef,
  reason: oneOf(cancelReasons),
  text: described(z.string().max(cancelTextLimit), {
    zh: `不超过 ${cancelTextLimit} 字的说明`,
    en: `a text of at most ${cancelTextLimit} characters`,
  }).optional(),
  confirm: flag.optional(),
  locale: described(z.enum(['zh', 'en']).default('zh'), { zh: 'zh 或 en', en: 'zh or en' }),
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

const campaignIdText = {
  zh: '营销活动的 Payload ID（24 位十六进制）',
  en: "the campaign's Payload id (24 hex digits)",
}
const campaignId = described(z.string().regex(objectIdPattern), campaignIdText)

/** GET /api/campaigns/{id}/preview-audience and GET /api/campaigns/{id}/stats. */
export const campaignByIdSchema = z.object({ id: campaignId })

/** Replaying a webhook delivery (the delivery's edit view in the admin). */
export const webhookReplaySchema = z.object({
  id: described(z.string().regex(objectIdPattern), {
    zh: 'Webhook 投递的 ID（24 位十六进制）',
    en: "the webhook delivery's id (24 hex digits)",
  }),
})
export const campaignStatsSchema = campaignByIdSchema

const tierId = z.string().regex(objectIdPattern)
/** A relationship as the admin form holds it (the id) or as the REST API reads it (`{ id }`). */
const tierRef = described(
  z.union([tierId, z.object({ id: tierId }).transform((tier) => tier.id)]),
  {
    zh: '等级的 Payload ID（24 位十六进制）',
    en: "a tier's Payload id (24 hex digits)",
  },
)
const wholeDays = described(z.number().int().min(0).max(100_000).nullish(), {
  zh: '0 到 100000 之间的整数天数，或留空（不限）',
  en: 'a whole number of days from 0 to 100000, or empty (any)',
})
const amountInYuan = described(z.number().min(0).max(100_000_000).nullish(), {
  zh: '0 到 100000000 之间的金额（元），或留空',
  en: 'an amount in yuan from 0 to 100000000, or empty',
})
const instant = described(z.iso.datetime({ offset: true }).nullish(), {
  zh: 'ISO 8601 时间，例如 2026-11-10T16:00:00.000Z',
  en: 'an ISO 8601 instant, e.g. 2026-11-10T16:00:00.000Z',
})
const localizedText = described(
  z.union([
    z.string().max(500),
    z.object({ zh: z.string().max(500).nullish(), en: z.string().max(500).nullish() }),
  ]),
  {
    zh: '不超过 500 字的文字，或 { zh, en }',
    en: 'a text of at most 500 characters, or { zh, en }',
  },
)
const listOf = <T extends z.ZodType>(item: T, text: Localized) =>
  described(z.array(item).max(maxBatch).nullish(), {
    zh: `最多 ${maxBatch} 个${text.zh}组成的数组`,
    en: `an array of at most ${maxBatch} ${text.en}`,
  })
const periods = listOf(oneOf(billingPeriods), {
  zh: '计费周期（monthly、quarterly、annual）',
  en: 'billing periods (monthly, quarterly, annual)',
})

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
/**
 * POST /api/campaigns/preview-audience: the campaign as the editor holds it (its form values), or
 * any part of it laid over the saved campaign `id`. Only what the audience and the price read is
 * taken (name, kind, schedule, terms); the copy, channels and anything else are ignored. The
 * values' types are checked; the publish rules are not (a draft may still break them).
 */
export const campaignDraftSchema = z
  .object({
    id: campaignId.optional(),
    slug: described(z.string().max(200).nullish(), {
      zh: '不超过 200 字的标识',
      en: 'a slug of at most 200 characters',
    }),
    name: localizedText.nullish(),
    kind: oneOf(campaignKinds).optional(),
    schedule: z
      .object({ startsAt: instant, endsAt: instant, pausedAt: instant, endedAt: instant })
      .nullish(),
    terms: z
      .object({
        audience: z
          .object({
            tiers: listOf(tierRef, { zh: '等级 ID', en: 'tier ids' }),
            statuses: listOf(oneOf(audienceStatuses), {
              zh: '会员状态（active、grace、lapsed、never_paid）',
              en: 'membership statuses (active, grace, lapsed, never_paid)',
            }),
            periodEndsWithinDays: wholeDays,
            lapsedWithinDays: wholeDays,
            joinedWithinDays: wholeDays,
            billingPeriods: periods,
            growthValue: z
              .object({
                min: described(z.number().nullish(), { zh: '数字或留空', en: 'a number or empty' }),
                max: described(z.number().nullish(), { zh: '数字或留空', en: 'a number or empty' }),
              })
              .nullish(),
            excludeRedeemedSameKindWithinDays: wholeDays,
          })
          .nullish(),
        target: z.object({ tier: tierRef.nullish(), billingPeriods: periods }).nullish(),
        offer: z
          .object({
            discount: z
              .object({
                kind: oneOf(['none', 'percent_off', 'amount_off', 'fixed_price']).nullish(),
                percent: described(z.number().min(0).max(100).nullish(), {
                  zh: '0 到 100 之间的百分比',
                  en: 'a percentage from 0 to 100',
                }),
                amount: amountInYuan,
                price: amountInYuan,
              })
              .nullish(),
            bonusDays: wholeDays,
            trialDays: wholeDays,
          })
          .nullish(),
        budget: z
          .object({
            totalRedemptions: described(z.number().int().min(0).max(1_000_000_000).nullish(), {
              zh: '不小于 0 的整数，或留空（不限）',
              en: 'a whole number of at least 0, or empty (unlimited)',
            }),
            perMember: described(z.number().int().min(1).max(1_000_000).nullish(), {
              zh: '不小于 1 的整数',
              en: 'a whole number of at least 1',
            }),
            maxDiscount: amountInYuan,
          })
          .nullish(),
        priority: described(z.number().int().nullish(), { zh: '整数', en: 'a whole number' }),
      })
      .nullish(),
  })
  .check((context) => {
    const draft = context.value
    if (draft.id === undefined && draft.kind === undefined) {
      context.issues.push({
        input: draft,
        ...crossField('kind', {
          zh: '未保存的活动需要“kind”（活动类型：upgrade、renewal、retention、winback、trial 或 referral）；已保存的活动请给出它的“id”。',
          en: 'A campaign not yet saved needs "kind" (upgrade, renewal, retention, winback, trial or referral); for a saved one give its "id".',
        }),
      })
    }
  })

// Member contact, preferences and inbox (docs/messages.md).
const language = described(z.enum(['zh', 'en']), { zh: 'zh 或 en', en: 'zh or en' })
const consentFlag = (channel: Localized) =>
  described(z.boolean(), {
    zh: `true 或 false（是否同意通过${channel.zh}接收营销信息）`,
    en: `true or false (whether the member agrees to offers by ${channel.en})`,
  })
const consentFields = {
  consentEmail: consentFlag({ zh: '邮件', en: 'email' }).optional(),
  consentInApp: consentFlag({ zh: '站内信', en: 'in-app message' }).optional(),
  consentSms: consentFlag({ zh: '短信', en: 'SMS' }).optional(),
}

export const memberContactSchema = z.object({
  member: described(z.string().regex(externalIdPattern), {
    zh: '平台用户 ID（1–128 位字母、数字或 _ . : @ -），或已有会员的 Payload ID',
    en: "the platform user id (1–128 letters, digits or _ . : @ -), or an existing member's Payload id",
  }),
  displayName: described(z.string().max(100), {
    zh: '不超过 100 字的昵称',
    en: 'a display name of at most 100 characters',
  }).optional(),
  email: described(z.union([z.email().max(254), z.literal(''), z.null()]), {
    zh: '邮箱地址，例如 learner@example.com（空字符串或 null 表示删除）',
    en: 'an email address such as learner@example.com (an empty string or null removes it)',
  }).optional(),
  phone: described(
    z.union([z.string().regex(/^\+?[0-9][0-9 ()-]{4,19}$/), z.literal(''), z.null()]),
    {
      zh: '手机号，5–20 位数字，可带 +、空格、括号或 -（空字符串或 null 表示删除）',
      en: 'a phone number of 5–20 digits, optionally with +, spaces, brackets or - (an empty string or null removes it)',
    },
  ).optional(),
  language: language.optional(),
  ...consentFields,
})

export const memberPreferencesSchema = z.object({ member: memberRef })

export const updatePreferencesSchema = z
  .object({ member: memberRef, language: language.optional(), ...consentFields })
  .check((context) => {
    const { language: chosen, consentEmail, consentInApp, consentSms } = context.value
    if ([chosen, consentEmail, consentInApp, consentSms].every((value) => value === undefined)) {
      context.issues.push({
        input: context.value,
        ...crossField('language', {
          zh: '请至少给出 language、consentEmail、consentInApp 或 consentSms 之一。',
          en: 'Give at least one of language, consentEmail, consentInApp or consentSms.',
        }),
      })
    }
  })

const wholeNumber = (min: number, max: number, fallback: number) =>
  described(
    z
      .preprocess(
        (value) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value),
        z.number().int().min(min).max(max),
      )
      .default(fallback),
    { zh: `${min} 到 ${max} 之间的整数`, en: `a whole number from ${min} to ${max}` },
  )

export const memberMessagesSchema = z.object({
  member: memberRef,
  page: wholeNumber(1, 10_000, 1),
  limit: wholeNumber(1, 50, 20),
})

export const markMessageReadSchema = z.object({
  member: memberRef,
  message: described(z.string().regex(objectIdPattern), {
    zh: '消息的 ID（24 位十六进制）',
    en: "the message's id (24 hex digits)",
  }),
})
