// On which channels a message goes, and whether its offer goes with it (docs/rules.md rule 23).
// Every configured channel gets a decision, so nothing is dropped silently: SMS, with no provider,
// is recorded as not sent.
import {
  transactionalKinds,
  type MemberContact,
  type MessageChannel,
  type MessageKind,
  type NotSentReason,
} from './types'

export type ChannelDecision =
  | { channel: MessageChannel; send: true; withOffer: boolean }
  | { channel: MessageChannel; send: false; reason: NotSentReason }

const consentFor = (contact: MemberContact, channel: MessageChannel): boolean =>
  channel === 'email'
    ? contact.consent.email
    : channel === 'in-app'
      ? contact.consent.inApp
      : contact.consent.sms

/**
 * Transactional kinds go without marketing consent, their offer only with it; marketing kinds
 * (win-back, campaign launch) only with consent for the channel. Email needs an address, SMS a
 * phone number and a provider (there is none: `no_provider`).
 */
export function channelDecisions(
  kind: MessageKind,
  contact: MemberContact,
  channels: readonly MessageChannel[],
  hasOffer: boolean,
): ChannelDecision[] {
  const transactional = transactionalKinds.has(kind)
  return [...new Set(channels)].map((channel): ChannelDecision => {
    const consented = consentFor(contact, channel)
    if (!transactional && !consented) return { channel, send: false, reason: 'no_consent' }
    if (channel === 'email' && !contact.email) return { channel, send: false, reason: 'no_address' }
    if (channel === 'sms') {
      return { channel, send: false, reason: contact.phone ? 'no_provider' : 'no_address' }
    }
    return { channel, send: true, withOffer: hasOffer && consented }
  })
}
