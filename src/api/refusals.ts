// The one mapping from a refusal to what goes on the wire: its HTTP status, its JSON body (REST and
// the lean path send it as is), and its GraphQL error extensions (the same body plus the status).
// Transports use nothing else, so a reason answers alike everywhere.
import type { Localized } from '../domain/catalogue/types'
import type { InputReason } from '../domain/input/refusal'
import type { Refusal, RefusalReason } from '../operations/result'

/**
 * Every reason's HTTP status: the operations' refusals and the input guard's (which answers before
 * Payload's generated routes and the API operations ever run). GraphQL carries it in `extensions`.
 */
export const refusalStatus: Record<RefusalReason | InputReason, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  // Something named in the request does not exist.
  member_unknown: 404,
  course_unknown: 404,
  benefit_unknown: 404,
  tier_unknown: 404,
  campaign_unknown: 404,
  message_unknown: 404,
  // The member's entitlements say no (a consumption; a check answers these with allowed: false).
  course_unpublished: 403,
  membership_expired: 403,
  membership_cancelled: 403,
  tier_too_low: 403,
  not_included: 403,
  over_limit: 403,
  quota_exhausted: 409,
  not_consumable: 400,
  // Repeats: the same idempotency key still running, an order id already used differently.
  request_in_progress: 409,
  order_conflict: 409,
  // An order that cannot happen to this member now.
  tier_not_purchasable: 422,
  billing_period_not_offered: 422,
  not_an_upgrade: 422,
  not_a_downgrade: 422,
  already_member: 422,
  nothing_to_renew: 422,
  renewal_tier_mismatch: 422,
  nothing_to_cancel: 422,
  // An order's campaign that cannot be redeemed by this member now.
  campaign_not_live: 422,
  not_eligible: 422,
  amount_mismatch: 422,
  campaign_exhausted: 422,
  already_redeemed: 422,
  trial_used: 422,
  trial_needs_campaign: 422,
  // An upgrade order without a quote it matches (docs/rules.md rule 18).
  quote_required: 422,
  quote_unknown: 422,
  quote_expired: 422,
  // A referral code that cannot be recorded for this member.
  referral_code_unknown: 422,
  own_referral_code: 422,
  already_referred: 422,
  referral_cycle: 422,
  already_paid: 422,
  // A webhook delivery that cannot be replayed now.
  delivery_unknown: 404,
  delivery_in_progress: 409,
  endpoint_inactive: 409,
  method_not_allowed: 405,
  internal_error: 500,
  // The input guard (src/domain/input): bodies, query parameters, GraphQL documents.
  body_too_large: 413,
  unsupported_media_type: 415,
  invalid_json: 400,
  invalid_body: 400,
  invalid_multipart: 400,
  invalid_query: 400,
  invalid_id: 400,
  route_not_found: 404,
  invalid_graphql_request: 400,
  graphql_too_complex: 400,
}

export type RefusalBody = {
  reason: RefusalReason
  field?: string
  message: Localized
  [detail: string]: unknown
}

/** `{ reason, field?, message, ...details }`: the body of every refused request. */
export const refusalBody = (refusal: Refusal): RefusalBody => ({
  reason: refusal.reason,
  ...(refusal.field === undefined ? {} : { field: refusal.field }),
  message: refusal.message,
  ...refusal.details,
})

/** GraphQL `errors[].extensions`: `{ reason, status, field?, message, ...details }`. */
export const refusalExtensions = (refusal: Refusal): Record<string, unknown> => {
  const { reason, ...rest } = refusalBody(refusal)
  return { reason, status: refusalStatus[reason], ...rest }
}

const plain = (reason: RefusalReason, message: Localized, field?: string): Refusal =>
  field === undefined ? { reason, message } : { reason, field, message }

/** Refusals the transports give before an operation runs, worded once. */
export const transportRefusals = {
  unauthorized: plain('unauthorized', {
    zh: '需要有效的 API 密钥（Authorization: service-accounts API-Key <key>）或已登录的员工账号；此请求没有，或密钥无效、已停用。',
    en: 'A valid API key (Authorization: service-accounts API-Key <key>) or a staff session is required; this request has none, or the key is unknown or disabled.',
  }),
  forbidden: (roles: readonly string[]) =>
    plain('forbidden', {
      zh: `此账号或密钥的角色无权执行该操作；允许的角色：${roles.join('、')}。`,
      en: `The role of this account or key may not do this; allowed roles: ${roles.join(', ')}.`,
    }),
  invalidJson: plain(
    'invalid_request',
    { zh: '请求体必须是 JSON。', en: 'The request body must be JSON.' },
    'body',
  ),
  methodNotAllowed: (allow: string) =>
    plain('method_not_allowed', {
      zh: `此路径只接受 ${allow} 请求。`,
      en: `This path accepts ${allow} only.`,
    }),
  internalError: plain('internal_error', {
    zh: '服务器内部错误，已记录；请稍后重试。',
    en: 'Something went wrong on the server and was logged; retry later.',
  }),
} as const
