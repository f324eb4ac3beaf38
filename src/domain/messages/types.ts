// Member contact, consent and the messages the renewal lifecycle sends (docs/messages.md). Plain
// data only: the decision of what is due (schedule.ts) and on which channel (channels.ts) are pure.
import type { Localized } from '../catalogue/types'

export const messageLanguages = ['zh', 'en'] as const
export type MessageLanguage = (typeof messageLanguages)[number]

/** The same names campaigns use for their channels (domain/campaigns/types.ts). */
export const messageChannels = ['email', 'in-app', 'sms'] as const
export type MessageChannel = (typeof messageChannels)[number]

/** Marketing consent per channel (the member's `contact.consent` group). */
export type Consent = { email: boolean; inApp: boolean; sms: boolean }
export const noConsent: Consent = { email: false, inApp: false, sms: false }

/** What the member document's `contact` group holds (personal data: never logged). */
export type MemberContact = {
  email: string | null
  phone: string | null
  language: MessageLanguage
  consent: Consent
  consentUpdatedAt: Date | null
}

export const noContact: MemberContact = {
  email: null,
  phone: null,
  language: 'zh',
  consent: noConsent,
  consentUpdatedAt: null,
}

export const messageKinds = [
  'renewal_reminder',
  'renewal_notice',
  'grace_ending',
  'expired',
  'winback',
  'campaign_launch',
  'retention',
] as const
export type MessageKind = (typeof messageKinds)[number]

/**
 * Transactional messages tell the member about their own membership and go without marketing
 * consent; an offer inside them only with consent for the channel (docs/rules.md rule 23).
 */
export const transactionalKinds: ReadonlySet<MessageKind> = new Set<MessageKind>([
  'renewal_reminder',
  'renewal_notice',
  'grace_ending',
  'expired',
  'retention',
])

export const deliveryStatuses = ['sent', 'failed', 'not_sent'] as const
export type DeliveryStatus = (typeof deliveryStatuses)[number]

/**
 * A recorded message: `sent` (its channels settled), `retrying` (an email failed and is retried by a
 * later run), `skipped` (no longer due when its turn came), `abandoned` (every runner that claimed
 * it crashed; never retried).
 */
export const messageStates = ['sent', 'retrying', 'skipped', 'abandoned'] as const
export type MessageState = (typeof messageStates)[number]

export const messageStateLabels: Record<MessageState, Localized> = {
  sent: { zh: '已处理', en: 'Done' },
  retrying: { zh: '待重试', en: 'To be retried' },
  skipped: { zh: '已跳过', en: 'Skipped' },
  abandoned: { zh: '已放弃', en: 'Abandoned' },
}

export const notSentReasons = ['no_provider', 'no_consent', 'no_address'] as const
export type NotSentReason = (typeof notSentReasons)[number]

export const messageKindLabels: Record<MessageKind, Localized> = {
  renewal_reminder: { zh: '续费提醒', en: 'Renewal reminder' },
  renewal_notice: { zh: '自动续费通知', en: 'Auto-renewal notice' },
  grace_ending: { zh: '宽限期提醒', en: 'Grace period notice' },
  expired: { zh: '到期通知', en: 'Expiry notice' },
  winback: { zh: '召回', en: 'Win-back' },
  campaign_launch: { zh: '活动上线', en: 'Campaign launch' },
  retention: { zh: '挽留', en: 'Retention' },
}

/** Normalises a stored `contact` group (absent on members from before: defaults). */
export function contactOf(value: unknown): MemberContact {
  if (!value || typeof value !== 'object') return noContact
  const group = value as Record<string, unknown>
  const consent = (group.consent ?? {}) as Record<string, unknown>
  const text = (field: unknown) => (typeof field === 'string' && field.trim() ? field.trim() : null)
  const at = group.consentUpdatedAt
  return {
    email: text(group.email),
    phone: text(group.phone),
    language: group.language === 'en' ? 'en' : 'zh',
    consent: {
      email: consent.email === true,
      inApp: consent.inApp === true,
      sms: consent.sms === true,
    },
    consentUpdatedAt: at instanceof Date ? at : typeof at === 'string' && at ? new Date(at) : null,
  }
}

export type ContactChange = {
  email?: string | null
  phone?: string | null
  language?: MessageLanguage
  consent?: Partial<Consent>
}

/**
 * The contact after a change: consent stamped with `now` when any channel's consent changes
 * (docs/rules.md rule 23), unchanged otherwise. `changed` says whether anything differs.
 */
export function applyContactChange(
  previous: MemberContact,
  change: ContactChange,
  now: Date,
): { contact: MemberContact; changed: boolean } {
  const consent: Consent = { ...previous.consent, ...definedOnly(change.consent ?? {}) }
  const consentChanged =
    consent.email !== previous.consent.email ||
    consent.inApp !== previous.consent.inApp ||
    consent.sms !== previous.consent.sms
  const contact: MemberContact = {
    email: change.email === undefined ? previous.email : change.email,
    phone: change.phone === undefined ? previous.phone : change.phone,
    language: change.language ?? previous.language,
    consent,
    consentUpdatedAt: consentChanged ? now : previous.consentUpdatedAt,
  }
  const changed =
    consentChanged ||
    contact.email !== previous.email ||
    contact.phone !== previous.phone ||
    contact.language !== previous.language
  return { contact, changed }
}

function definedOnly(consent: Partial<Consent>): Partial<Consent> {
  return Object.fromEntries(
    Object.entries(consent).filter(([, value]) => typeof value === 'boolean'),
  ) as Partial<Consent>
}
