// What an operation answers, whatever transport asked: a value, or a refusal with a reason from one
// fixed list, the field at fault and a message in zh and en. Nothing HTTP-shaped: which status a
// reason gets is the transports' one table (src/api/refusals.ts).
import type { Localized } from '../domain/catalogue/types'
import { checkReasons } from '../domain/entitlements/engine'
import { orderRefusalCodes } from '../domain/entitlements/orders'

/** Every reason the API refuses with. Frontends and billing branch on these, never on messages. */
export const refusalReasons = [
  // Input and access, the same for every operation.
  'invalid_request',
  'unauthorized',
  'forbidden',
  // What a check or a consumption can say no with (`entitled` is not a refusal).
  ...(checkReasons.filter((reason) => reason !== 'entitled') as Exclude<
    (typeof checkReasons)[number],
    'entitled'
  >[]),
  'not_consumable',
  'request_in_progress',
  // Orders from billing and tier lookups.
  'tier_unknown',
  'order_conflict',
  ...orderRefusalCodes,
  // Orders that redeem a campaign (docs/campaigns.md).
  'campaign_unknown',
  'campaign_not_live',
  'not_eligible',
  'amount_mismatch',
  'campaign_exhausted',
  'already_redeemed',
  'trial_used',
  'trial_needs_campaign',
  // Upgrade orders must match a quote (docs/rules.md rule 18).
  'quote_required',
  'quote_unknown',
  'quote_expired',
  // Referral attributions (docs/campaigns.md "Referrals").
  'referral_code_unknown',
  'own_referral_code',
  'already_referred',
  'referral_cycle',
  'already_paid',
  // Webhook deliveries (docs/webhooks.md).
  'delivery_unknown',
  'delivery_in_progress',
  'endpoint_inactive',
  // Member messages (docs/messages.md).
  'message_unknown',
  // Said by the app server's dispatch itself (a body that is not admitted is refused by the input
  // guard's rules, src/domain/input, before any of this).
  'method_not_allowed',
  'internal_error',
] as const
export type RefusalReason = (typeof refusalReasons)[number]

export type Refusal = {
  reason: RefusalReason
  /** The input field at fault (`member`, `courses.3`, `body`), when one is. */
  field?: string
  message: Localized
  /**
   * What else the caller should see with the refusal: the answer so far (a check's course, a
   * consumption's quota), the cheapest upgrade, the event an order conflicts with.
   */
  details?: Record<string, unknown>
}

export type Outcome<T> =
  | {
      ok: true
      value: T
      /** A version tag of the value, equal while the value is (transports may offer revalidation). */
      revision?: string
    }
  | { ok: false; refusal: Refusal }

export const ok = <T>(value: T, revision?: string): Outcome<T> =>
  revision === undefined ? { ok: true, value } : { ok: true, value, revision }

export const refuse = (
  reason: RefusalReason,
  message: Localized,
  extra: { field?: string; details?: Record<string, unknown> } = {},
): { ok: false; refusal: Refusal } => ({
  ok: false,
  refusal: {
    reason,
    ...(extra.field === undefined ? {} : { field: extra.field }),
    message,
    ...(extra.details === undefined ? {} : { details: extra.details }),
  },
})
