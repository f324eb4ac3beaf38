// Parsing the entitlement APIs' input, shared by REST, GraphQL and the lean path. Only plain
// strings and numbers of the expected form get through: `{"$ne": null}`, `member[$gt]=` and
// friends are refused with a 400 before anything reaches a query.
import { isDocumentId, isExternalId, isKey } from '../adapters/memberRef'
import type { Localized } from '../domain/catalogue/types'

export type InputProblem = {
  status: 400
  body: { error: 'invalid_request'; field: string; message: Localized }
}

/** Where the fields come from: query parameters (GET) or a JSON body (POST, GraphQL args). */
export type InputSource = { get(name: string): unknown; names(): string[] }

export const fromSearchParams = (params: URLSearchParams): InputSource => ({
  get: (name) => {
    const values = params.getAll(name)
    // `?member=a&member=b` is as ambiguous as an operator: refuse it the same way.
    return values.length > 1 ? values : (values[0] ?? undefined)
  },
  names: () => [...params.keys()],
})

export const fromObject = (body: unknown): InputSource => {
  const object =
    body && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {}
  return { get: (name) => object[name], names: () => Object.keys(object) }
}

const problem = (field: string, message: Localized): InputProblem => ({
  status: 400,
  body: { error: 'invalid_request', field, message },
})

export const isProblem = (value: unknown): value is InputProblem =>
  typeof value === 'object' && value !== null && (value as InputProblem).status === 400

/** Brackets in a parameter name are how query strings smuggle operators (`member[$gt]=`). */
function operatorSmuggling(source: InputSource, fields: readonly string[]): InputProblem | null {
  for (const name of source.names()) {
    const base = name.replace(/\[.*$/, '')
    if (name !== base && fields.includes(base)) {
      return problem(base, {
        zh: `参数“${base}”必须是普通字符串，不能带 [ ] 或查询运算符。`,
        en: `"${base}" must be a plain string, without brackets or query operators.`,
      })
    }
  }
  return null
}

function text(
  source: InputSource,
  field: string,
  options: { required: boolean; valid: (value: string) => boolean; describe: Localized },
): string | undefined | InputProblem {
  const value = source.get(field)
  if (value === undefined || value === null || value === '') {
    return options.required
      ? problem(field, {
          zh: `缺少参数“${field}”：${options.describe.zh}`,
          en: `"${field}" is required: ${options.describe.en}`,
        })
      : undefined
  }
  if (typeof value !== 'string') {
    return problem(field, {
      zh: `参数“${field}”必须是字符串，收到的是 ${Array.isArray(value) ? '数组' : typeof value}。`,
      en: `"${field}" must be a string, got ${Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : typeof value}.`,
    })
  }
  if (!options.valid(value)) {
    return problem(field, {
      zh: `参数“${field}”格式不对：${options.describe.zh}`,
      en: `"${field}" is malformed: ${options.describe.en}`,
    })
  }
  return value
}

const memberRule = {
  valid: (value: string) => isDocumentId(value) || isExternalId(value),
  describe: {
    zh: '会员的 Payload ID（24 位十六进制）或平台用户 ID（1–128 位字母、数字或 _ . : @ -）。',
    en: "the member's Payload id (24 hex digits) or platform user id (1–128 letters, digits or _ . : @ -).",
  },
}
const courseRule = {
  valid: (value: string) => isDocumentId(value) || isKey(value),
  describe: { zh: '课程的 ID 或标识（slug）。', en: "the course's id or slug." },
}
const benefitRule = {
  valid: isKey,
  describe: {
    zh: '权益键（key），例如 tutoring-sessions。',
    en: 'a benefit key, e.g. tutoring-sessions.',
  },
}

function amount(source: InputSource, field: string, fallback?: number): number | InputProblem {
  const raw = source.get(field)
  if ((raw === undefined || raw === null || raw === '') && fallback !== undefined) return fallback
  const number =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!Number.isInteger(number) || number < 1 || number > 1_000_000) {
    return problem(field, {
      zh: `“${field}”必须是 1 到 1000000 之间的整数，收到 ${JSON.stringify(raw) ?? '空'}。`,
      en: `"${field}" must be a whole number from 1 to 1000000, got ${JSON.stringify(raw) ?? 'nothing'}.`,
    })
  }
  return number
}

type Parsed<T> = T | InputProblem

function collect<T extends Record<string, unknown>>(values: {
  [K in keyof T]: T[K] | InputProblem
}): Parsed<T> {
  for (const value of Object.values(values)) if (isProblem(value)) return value
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as T
}

export function parseMemberOnly(source: InputSource): Parsed<{ member: string }> {
  return (
    operatorSmuggling(source, ['member']) ??
    collect<{ member: string }>({
      member: text(source, 'member', { required: true, ...memberRule }) as string | InputProblem,
    })
  )
}

export function parseCheck(
  source: InputSource,
): Parsed<{ member: string; course?: string; benefit?: string; amount: number }> {
  const smuggled = operatorSmuggling(source, ['member', 'course', 'benefit', 'amount'])
  if (smuggled) return smuggled
  const parsed = collect<{ member: string; course?: string; benefit?: string; amount: number }>({
    member: text(source, 'member', { required: true, ...memberRule }) as string | InputProblem,
    course: text(source, 'course', { required: false, ...courseRule }),
    benefit: text(source, 'benefit', { required: false, ...benefitRule }),
    amount: amount(source, 'amount', 1),
  })
  if (isProblem(parsed)) return parsed
  if (parsed.course === undefined && parsed.benefit === undefined) {
    return problem('course', {
      zh: '请至少给出 course（课程）或 benefit（权益）之一。',
      en: 'Give a course, a benefit, or both.',
    })
  }
  return parsed
}

const maxBatch = 200

function list(
  source: InputSource,
  field: string,
  rule: { valid: (value: string) => boolean; describe: Localized },
): string[] | InputProblem {
  const value = source.get(field)
  if (value === undefined || value === null) return []
  if (!Array.isArray(value) || value.length > maxBatch) {
    return problem(field, {
      zh: `“${field}”必须是最多 ${maxBatch} 个字符串的数组。`,
      en: `"${field}" must be an array of at most ${maxBatch} strings.`,
    })
  }
  for (const [index, item] of value.entries()) {
    if (typeof item !== 'string' || !rule.valid(item)) {
      return problem(`${field}.${index}`, {
        zh: `“${field}”第 ${index + 1} 项格式不对：${rule.describe.zh}`,
        en: `Item ${index + 1} of "${field}" is malformed: ${rule.describe.en}`,
      })
    }
  }
  return value as string[]
}

export function parseBatch(
  source: InputSource,
): Parsed<{ member: string; courses: string[]; benefits: string[] }> {
  const parsed = collect<{ member: string; courses: string[]; benefits: string[] }>({
    member: text(source, 'member', { required: true, ...memberRule }) as string | InputProblem,
    courses: list(source, 'courses', courseRule),
    benefits: list(source, 'benefits', benefitRule),
  })
  if (isProblem(parsed)) return parsed
  if (!parsed.courses.length && !parsed.benefits.length) {
    return problem('courses', {
      zh: '请在 courses 或 benefits 中至少给出一项。',
      en: 'List at least one course or benefit.',
    })
  }
  return parsed
}

export function parseConsume(
  source: InputSource,
): Parsed<{ member: string; benefit: string; amount: number; idempotencyKey: string }> {
  return collect<{ member: string; benefit: string; amount: number; idempotencyKey: string }>({
    member: text(source, 'member', { required: true, ...memberRule }) as string | InputProblem,
    benefit: text(source, 'benefit', { required: true, ...benefitRule }) as string | InputProblem,
    amount: amount(source, 'amount', 1),
    idempotencyKey: text(source, 'idempotencyKey', {
      required: true,
      valid: (value) => /^[A-Za-z0-9_.:-]{1,128}$/.test(value),
      describe: {
        zh: '每次扣减唯一的键（1–128 位字母、数字或 _ . : -），重试时沿用同一个。',
        en: 'a key unique to this consumption (1–128 letters, digits or _ . : -), reused on retries.',
      },
    }) as string | InputProblem,
  })
}

const orderTypeList = ['purchase', 'renewal', 'upgrade', 'downgrade', 'cancellation'] as const
const billingPeriodList = ['monthly', 'quarterly', 'annual'] as const

export type OrderInput = {
  orderId: string
  type: (typeof orderTypeList)[number]
  member: string
  tier?: string
  billingPeriod?: (typeof billingPeriodList)[number]
  amount: number
  currency?: string
  occurredAt?: Date
  autoRenew?: boolean
  immediate?: boolean
}

function oneOf<T extends string>(
  source: InputSource,
  field: string,
  options: readonly T[],
  required: boolean,
): T | undefined | InputProblem {
  const value = source.get(field)
  if (value === undefined || value === null) {
    return required
      ? problem(field, {
          zh: `缺少“${field}”，可选：${options.join('、')}。`,
          en: `"${field}" is required: one of ${options.join(', ')}.`,
        })
      : undefined
  }
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    return problem(field, {
      zh: `“${field}”必须是 ${options.join('、')} 之一，收到 ${JSON.stringify(value)}。`,
      en: `"${field}" must be one of ${options.join(', ')}, got ${JSON.stringify(value)}.`,
    })
  }
  return value as T
}

function flag(source: InputSource, field: string): boolean | undefined | InputProblem {
  const value = source.get(field)
  if (value === undefined || value === null) return undefined
  return typeof value === 'boolean'
    ? value
    : problem(field, {
        zh: `“${field}”必须是 true 或 false。`,
        en: `"${field}" must be true or false.`,
      })
}

/** POST /api/membership/orders: an order as the billing system reports it. */
export function parseOrder(source: InputSource): Parsed<OrderInput> {
  const rawAmount = source.get('amount')
  const amountInFen =
    typeof rawAmount === 'number' && Number.isInteger(rawAmount) && rawAmount >= 0
      ? rawAmount
      : rawAmount === undefined
        ? 0
        : problem('amount', {
            zh: '“amount”是以分为单位的非负整数（¥99 = 9900）。',
            en: '"amount" is a whole, non-negative number in the smallest currency unit (¥99 = 9900).',
          })
  const rawAt = source.get('occurredAt')
  const occurredAt =
    rawAt === undefined
      ? undefined
      : typeof rawAt === 'string' &&
          !Number.isNaN(Date.parse(rawAt)) &&
          /^\d{4}-\d{2}-\d{2}T/.test(rawAt)
        ? new Date(rawAt)
        : problem('occurredAt', {
            zh: '“occurredAt”必须是 ISO 8601 时间，例如 2026-11-23T10:00:00+08:00。',
            en: '"occurredAt" must be an ISO 8601 time, e.g. 2026-11-23T10:00:00+08:00.',
          })
  const currency = source.get('currency')
  return collect<OrderInput>({
    orderId: text(source, 'orderId', {
      required: true,
      valid: (value) => /^[A-Za-z0-9_.:-]{1,128}$/.test(value),
      describe: {
        zh: '计费系统的订单号（1–128 位字母、数字或 _ . : -）。',
        en: "the billing system's order id (1–128 letters, digits or _ . : -).",
      },
    }) as string | InputProblem,
    type: oneOf(source, 'type', orderTypeList, true) as OrderInput['type'] | InputProblem,
    member: text(source, 'member', { required: true, ...memberRule }) as string | InputProblem,
    tier: text(source, 'tier', {
      required: false,
      valid: (value) => isDocumentId(value) || isKey(value),
      describe: {
        zh: '等级的 ID 或标识（slug），例如 gold。',
        en: "the tier's id or slug, e.g. gold.",
      },
    }),
    billingPeriod: oneOf(source, 'billingPeriod', billingPeriodList, false),
    amount: amountInFen,
    currency:
      currency === undefined || (typeof currency === 'string' && /^[A-Z]{3}$/.test(currency))
        ? (currency as string | undefined)
        : problem('currency', {
            zh: '“currency”是三位大写币种代码，例如 CNY。',
            en: '"currency" is a three-letter code such as CNY.',
          }),
    occurredAt,
    autoRenew: flag(source, 'autoRenew'),
    immediate: flag(source, 'immediate'),
  })
}
