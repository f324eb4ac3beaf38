// Retention (docs/rules.md rule 19): a member says they will not renew, with a reason from one fixed
// list. One intent per member and paid period: asking again in the same period returns it (and may
// confirm it), so a reason is counted once however often the member clicks.
import type { Localized } from '../catalogue/types'

export const cancelReasons = [
  'too_expensive',
  'not_using',
  'missing_content',
  'technical_issues',
  'switching',
  'other',
] as const
export type CancelReason = (typeof cancelReasons)[number]

export const cancelReasonLabels: Record<CancelReason, Localized> = {
  too_expensive: { zh: '价格太贵', en: 'Too expensive' },
  not_using: { zh: '用得不多', en: 'Not using it enough' },
  missing_content: { zh: '缺少想要的内容', en: 'Missing content I want' },
  technical_issues: { zh: '技术问题', en: 'Technical issues' },
  switching: { zh: '改用其他平台', en: 'Switching to another service' },
  other: { zh: '其他', en: 'Other' },
}

/** The longest free text kept with an intent. */
export const cancelTextLimit = 500

/** The intent's id: one per member and period end (the period the member will not renew). */
export const cancelIntentId = (memberId: string, periodEnd: Date | null): string =>
  `${memberId}:${periodEnd ? periodEnd.getTime() : 'open'}`

/** The ledger event that turns auto-renew off for a confirmed intent: one per intent. */
export const cancelIntentEventId = (intentId: string): string => `cancel-intent:${intentId}`

export type ReasonCount = {
  reason: CancelReason
  label: Localized
  intents: number
  confirmed: number
}

/** Intents counted by reason, every reason listed (in the fixed order), confirmed ones apart. */
export function countReasons(
  intents: readonly { reason: string; confirmed: boolean }[],
): ReasonCount[] {
  return cancelReasons.map((reason) => {
    const mine = intents.filter((intent) => intent.reason === reason)
    return {
      reason,
      label: cancelReasonLabels[reason],
      intents: mine.length,
      confirmed: mine.filter((intent) => intent.confirmed).length,
    }
  })
}
