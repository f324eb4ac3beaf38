// What a member should be told at an instant (docs/rules.md rule 24): one pure function of the
// stored membership, the settings and `now`. Each answer has a key naming the member, the period
// end and the step (offset or delay), so a message is claimed once per key (docs/messages.md).
import type { MembershipState } from '../entitlements/membership'
import { periodEndFrom } from '../entitlements/membership'
import type { BillingPeriod } from '../catalogue/types'
import { addCalendarDays } from '../time/zonedCalendar'
import type { MessageChannel, MessageKind } from './types'

export type LifecycleSettings = {
  /** Days before the period end a reminder is due (default 7, 3, 1). */
  reminderOffsets: readonly number[]
  channels: readonly MessageChannel[]
  /** Auto-renewing members get "we will renew on D" once per period instead of reminders. */
  autoRenewNotice: boolean
  /** Days after a membership lapses that a win-back message is due (default 3, 14). */
  winbackDelays: readonly number[]
  timeZone: string
  graceDays: number
}

export const defaultReminderOffsets = [7, 3, 1] as const
export const defaultWinbackDelays = [3, 14] as const

/**
 * How long after its moment a missed message is still sent (the app was down): an expiry notice or
 * a win-back step older than this is history, not news.
 */
export const catchUpDays = 14

export type MessageIntent = {
  kind: MessageKind
  /** `<kind>:<member>:<period end ISO>[:<step>]`: the claim's identity. */
  key: string
  memberId: string
  periodEnd: Date
  /** Days before the end (reminders) or after the lapse (win-back); null for one-off notices. */
  step: number | null
  /** When it became due. */
  dueAt: Date
  /** grace_ending: the last moment of grace; renewal_notice: the renewal date. */
  until: Date | null
}

export const messageKey = (
  kind: MessageKind,
  memberId: string,
  periodEnd: Date,
  step: number | null,
): string => `${kind}:${memberId}:${periodEnd.toISOString()}${step === null ? '' : `:${step}`}`

const wholeSorted = (values: readonly number[], order: 1 | -1) =>
  [...new Set(values.filter((value) => Number.isInteger(value) && value > 0))].sort(
    (a, b) => order * (a - b),
  )

/**
 * The messages due for one member at `now`, at most one per kind:
 * - in a paid period, the reminder of the latest offset reached (a missed 7-day reminder is not
 *   sent once the 3-day one is due: caught up once, not replayed), or for an auto-renewing member
 *   the renewal notice (when configured);
 * - after the end, for an auto-renewing member whose payment has not arrived, the grace notice;
 * - once lapsed (to the entry tier), the expiry notice and the latest win-back step reached, each
 *   within `catchUpDays` of its moment.
 * Nothing for the entry tier, a granted period (no billing period), a scheduled downgrade or a
 * cancelled membership.
 */
export function messagesDue(
  memberId: string,
  stored: MembershipState,
  settings: LifecycleSettings,
  now: Date,
  entryTierId: string | null = null,
): MessageIntent[] {
  const end = stored.periodEnd
  if (!end || stored.tierId === null || stored.tierId === entryTierId) return []
  if (stored.status === 'cancelled' || !stored.billingPeriod) return []
  const { timeZone } = settings
  const intent = (
    kind: MessageKind,
    step: number | null,
    dueAt: Date,
    until: Date | null = null,
  ): MessageIntent => ({
    kind,
    key: messageKey(kind, memberId, end, step),
    memberId,
    periodEnd: end,
    step,
    dueAt,
    until,
  })

  if (now < end) {
    if (stored.status !== 'active' || stored.pendingChange) return []
    // Largest offset first: the last one reached is the smallest offset whose day has come.
    let latest: { offset: number; dueAt: Date } | null = null
    for (const offset of wholeSorted(settings.reminderOffsets, -1)) {
      const dueAt = addCalendarDays(end, -offset, timeZone)
      if (dueAt <= now) latest = { offset, dueAt }
    }
    if (!latest) return []
    if (stored.autoRenew) {
      return settings.autoRenewNotice ? [intent('renewal_notice', null, latest.dueAt, end)] : []
    }
    return [intent('renewal_reminder', latest.offset, latest.dueAt)]
  }

  const graceEnd = addCalendarDays(end, settings.graceDays, timeZone)
  if (stored.autoRenew && stored.status !== 'expired' && now < graceEnd) {
    return [intent('grace_ending', null, end, graceEnd)]
  }
  const lapsedAt = stored.autoRenew ? graceEnd : end
  const due: MessageIntent[] = []
  const horizon = (at: Date) => now.getTime() - at.getTime() < catchUpDays * 86_400_000
  if (horizon(lapsedAt)) due.push(intent('expired', null, lapsedAt))
  let winback: { delay: number; dueAt: Date } | null = null
  for (const delay of wholeSorted(settings.winbackDelays, 1)) {
    const dueAt = addCalendarDays(lapsedAt, delay, timeZone)
    if (dueAt <= now) winback = { delay, dueAt }
  }
  if (winback && horizon(winback.dueAt)) due.push(intent('winback', winback.delay, winback.dueAt))
  return due
}

/**
 * The end a renewal bought now would give: one more billing period from the current end (no day
 * is lost however early the member renews), plus the offer's bonus days.
 */
export function renewedEnd(
  periodEnd: Date,
  billingPeriod: BillingPeriod,
  bonusDays: number,
  timeZone: string,
): Date {
  const renewed = periodEndFrom(periodEnd, billingPeriod, timeZone)
  return bonusDays > 0 ? addCalendarDays(renewed, bonusDays, timeZone) : renewed
}

/** Days after a campaign starts that its launch is still announced (the app was down meanwhile). */
export const launchWindowDays = 3

/** Kinds whose launch is announced: offers of something new. Renewal, retention and win-back
 * offers reach members inside the reminders, the retention answer and the win-back messages. */
export const announcedKinds: ReadonlySet<string> = new Set(['upgrade', 'trial'])

export type LaunchingCampaign = {
  id: string
  kind: string
  startsAt: Date
  endsAt: Date
  channels: readonly MessageChannel[]
}

/**
 * The campaign-launch message for one member, if due at `now`: an upgrade or trial campaign with
 * channels, started no more than `launchWindowDays` ago and not ended, and the member eligible for
 * its offer (decided by the caller). One per member and campaign: the key names both.
 */
export function launchDue(
  memberId: string,
  campaign: LaunchingCampaign,
  eligible: boolean,
  now: Date,
): MessageIntent | null {
  const time = now.getTime()
  const start = campaign.startsAt.getTime()
  if (!eligible || !announcedKinds.has(campaign.kind) || campaign.channels.length === 0) return null
  if (time < start || time >= campaign.endsAt.getTime()) return null
  if (time - start > launchWindowDays * 86_400_000) return null
  return {
    kind: 'campaign_launch',
    key: `campaign_launch:${memberId}:${campaign.id}`,
    memberId,
    periodEnd: campaign.startsAt,
    step: null,
    dueAt: campaign.startsAt,
    until: campaign.endsAt,
  }
}
