import { APIError } from 'payload'
import type { CollectionBeforeChangeHook } from 'payload'

import { hasAnyRole, type Principal } from '../../src/access/roles'
import { relationId } from '../../src/adapters/catalogue'
import { throwFieldError } from '../../src/adapters/findings'
import { inEditorLanguage } from '../../src/adapters/language'
import { slugs } from '../../collections/slugs'
import type { BillingPeriod } from '../../src/domain/catalogue/types'
import type { MembershipEventType } from '../../src/domain/entitlements/membership'
import { eventRefusal } from '../../src/operations/entitlements/events'

/** Events support may append by hand; payments come from billing, expiries from the job. */
const supportTypes: readonly MembershipEventType[] = ['grant', 'cancellation']

/** Refuses an event the member's current state does not allow, naming the reason. */
export const validateMembershipEvent: CollectionBeforeChangeHook = async ({
  context,
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') return data
  const type = data.type as MembershipEventType
  const principal = req.user as Principal | null
  if (principal && !hasAnyRole(principal, ['admin', 'billing']) && !supportTypes.includes(type)) {
    throw new APIError(
      inEditorLanguage(req, {
        zh: '客服只能记录赠送和取消；购买、续费和升降级由计费系统报送。',
        en: 'Support can record grants and cancellations only; purchases, renewals, upgrades and downgrades come from billing.',
      }),
      403,
    )
  }
  if (type === 'trial' && !context.trialFromCampaign) {
    throwFieldError(req, slugs.membershipEvents, 'type', {
      zh: '试用只能通过试用活动的计费订单开通（POST /api/membership/orders，type 为 trial 并填写活动）；手动赠送某等级的天数请记录“赠送”。',
      en: 'A trial comes only from a trial campaign through a billing order (POST /api/membership/orders with type trial and the campaign); to give days of a tier by hand, record a grant.',
    })
  }
  if (type === 'grant' && !(typeof data.days === 'number' && data.days > 0)) {
    throwFieldError(req, slugs.membershipEvents, 'days', {
      zh: '赠送需要填写天数（大于 0）。',
      en: 'A grant needs a number of days above 0.',
    })
  }
  if (context.eventAlreadyValidated) return data
  const memberId = relationId(data.member)
  if (!memberId) return data
  const refusal = await eventRefusal(req, {
    type,
    memberId,
    tierId: relationId(data.tier),
    billingPeriod: (data.billingPeriod as BillingPeriod | undefined) ?? null,
    at: new Date(String(data.occurredAt)),
  })
  if (refusal) throwFieldError(req, slugs.membershipEvents, 'tier', refusal.message)
  return data
}
