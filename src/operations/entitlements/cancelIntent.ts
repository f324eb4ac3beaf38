// POST /api/members/{id}/cancel-intent and GraphQL `cancelIntent` (docs/rules.md rule 19): the
// member says they will not renew, with a reason from a fixed list. The answer carries the best live
// retention offer; confirming turns auto-renew off at the period end through the ledger (a
// cancellation at the period end, the way support records one). Idempotent: the intent is one
// document per member and period (`<member>:<period end>`, a unique id, so two calls racing in
// store one), and the cancellation is one ledger event per intent (`cancel-intent:<intent>`).
import type { Payload } from 'payload'

import { slugs } from '../../../collections/slugs'
import { refId } from '../../adapters/entitlements'
import {
  cancelIntentEventId,
  cancelIntentId,
  countReasons,
  type CancelReason,
  type ReasonCount,
} from '../../domain/entitlements/cancelIntent'
import type { Locale } from '../../domain/catalogue/types'
import { liveOffersFor, offerJson } from '../campaigns/offers'
import { ok, refuse, type Outcome } from '../result'
import { sendRetentionAnswer } from '../messages/lifecycle'
import { contextFor, isRefused } from './service'
import { findMember } from './store'

export type CancelIntentInput = {
  member: string
  reason: CancelReason
  text?: string
  confirm?: boolean
  locale?: Locale
}

type Json = Record<string, unknown>
type IntentDoc = {
  id: string
  reason: CancelReason
  text?: string | null
  confirmed?: boolean | null
  confirmedAt?: string | null
  cancellationEvent?: string | null
  periodEnd?: string | null
  createdAt?: string
  offerCampaign?: unknown
}

export type CancelIntentAnswer = Json & { recorded: boolean }

async function readIntent(payload: Payload, id: string): Promise<IntentDoc | null> {
  return (await payload
    .findByID({
      collection: slugs.cancelIntents,
      id,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    .catch(() => null)) as IntentDoc | null
}

export async function recordCancelIntent(
  payload: Payload,
  input: CancelIntentInput,
  now = new Date(),
): Promise<Outcome<CancelIntentAnswer>> {
  const context = await contextFor(payload, input.member, now)
  if (isRefused(context)) return context
  const { view, catalogue } = context
  // What the member pays for (beneath any trial): the period they would not renew.
  const membership = view.membership.trial?.after ?? view.membership
  if (!membership.tierId) {
    return refuse(
      'nothing_to_cancel',
      {
        zh: '该会员当前没有付费会员，没有可以不续费的周期。',
        en: 'The member has no paid membership now, so there is no period to leave unrenewed.',
      },
      { field: 'member' },
    )
  }
  const memberId = view.member.id
  const id = cancelIntentId(memberId, membership.periodEnd)
  const locale = input.locale ?? 'zh'
  const best = liveOffersFor(payload, context, { kind: 'retention' })[0] ?? null

  let recorded = false
  let intent = await readIntent(payload, id)
  if (!intent) {
    try {
      intent = (await payload.create({
        collection: slugs.cancelIntents,
        data: {
          id,
          member: memberId,
          reason: input.reason,
          text: input.text?.trim() || undefined,
          periodEnd: membership.periodEnd?.toISOString(),
          tier: membership.tierId,
          offerCampaign: best?.campaign.definition.id,
          offerPrice: best?.quote.price,
          confirmed: false,
        } as never,
        overrideAccess: true,
        depth: 0,
      })) as unknown as IntentDoc
      recorded = true
    } catch (error) {
      // Two calls raced in: the other stored it (Payload reports the unique id as a validation
      // error, in the request's language), so the stored one is the answer.
      intent = await readIntent(payload, id)
      if (!intent) throw error
    }
  }

  // The answer in the member's inbox (and by email), once per member and period: asked on every
  // call, so a call cut short after storing the intent is answered by the next; a failure to send
  // never loses the intent (docs/messages.md).
  if (membership.periodEnd) {
    await sendRetentionAnswer(payload, memberId, membership.periodEnd, now).catch(
      (error: unknown) =>
        payload.logger.error({ err: error, memberId }, 'retention answer not sent'),
    )
  }

  if (input.confirm && !intent.confirmed) {
    let eventId: string | null = null
    if (membership.autoRenew) {
      eventId = cancelIntentEventId(id)
      await payload
        .create({
          collection: slugs.membershipEvents,
          data: {
            id: eventId,
            member: memberId,
            type: 'cancellation',
            occurredAt: now.toISOString(),
            immediate: false,
            reason: `不续费意向 / Cancel intent: ${input.reason}`,
          } as never,
          overrideAccess: true,
        })
        .catch(async (error: unknown) => {
          // Recorded by a confirmation racing this one, or an earlier interrupted one: the
          // ledger has it once.
          const recorded = await payload
            .findByID({
              collection: slugs.membershipEvents,
              id: eventId!,
              depth: 0,
              overrideAccess: true,
              disableErrors: true,
            })
            .catch(() => null)
          if (!recorded) throw error
        })
    }
    intent = (await payload.update({
      collection: slugs.cancelIntents,
      id,
      data: {
        confirmed: true,
        confirmedAt: now.toISOString(),
        cancellationEvent: eventId ?? undefined,
      } as never,
      overrideAccess: true,
      depth: 0,
    })) as unknown as IntentDoc
  }

  const after = findMember(payload, memberId)?.membership ?? view.member.membership
  const autoRenew = intent.confirmed ? false : after.autoRenew
  return ok({
    recorded,
    intent: {
      id: intent.id,
      reason: intent.reason,
      text: intent.text ?? null,
      confirmed: intent.confirmed === true,
      confirmedAt: intent.confirmedAt ?? null,
      periodEnd: intent.periodEnd ?? null,
      createdAt: intent.createdAt ?? null,
    },
    member: { id: memberId, externalId: view.member.externalId },
    offer: best ? offerJson(best, catalogue.settings.currency, locale) : null,
    autoRenew,
    periodEnd: membership.periodEnd?.toISOString() ?? null,
    message: intent.confirmed
      ? {
          zh: `已关闭自动续费：会员权益保留到 ${membership.periodEnd?.toISOString() ?? '周期结束'}，之后不再续费。`,
          en: `Auto-renew is off: the membership runs until ${membership.periodEnd?.toISOString() ?? 'the period end'} and is not renewed.`,
        }
      : {
          zh: '已记录不续费意向；确认（confirm: true）后在周期结束时关闭自动续费。',
          en: 'The intent is recorded; confirm it (confirm: true) to turn auto-renew off at the period end.',
        },
    evaluatedAt: now.toISOString(),
  })
}

/** A retention campaign's cancel intents by reason: those offered this campaign (stats). */
export async function cancelReasonsFor(
  payload: Payload,
  campaignId: string,
): Promise<ReasonCount[]> {
  const found = await payload.find({
    collection: slugs.cancelIntents,
    where: { offerCampaign: { equals: campaignId } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { reason: true, confirmed: true, offerCampaign: true },
  })
  return countReasons(
    found.docs
      .filter((doc) => refId((doc as { offerCampaign?: unknown }).offerCampaign) === campaignId)
      .map((doc) => ({
        reason: String((doc as { reason?: unknown }).reason),
        confirmed: (doc as { confirmed?: unknown }).confirmed === true,
      })),
  )
}
