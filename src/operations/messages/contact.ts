// The member's contact and consent: the platform sets them (an upsert by externalId, billing's
// service account), the member's frontend reads and changes their own language and consent
// (docs/messages.md, docs/rules.md rule 23). Contact is personal data: nothing here logs it, and the
// frontend's answer says only whether an address is on file, never the address.
import type { Payload, PayloadRequest } from 'payload'

import { slugs } from '../../../collections/slugs'
import { isDocumentId } from '../../adapters/memberRef'
import { reasonMessages } from '../../domain/entitlements/reasons'
import {
  applyContactChange,
  noContact,
  type Consent,
  type ContactChange,
  type MemberContact,
  type MessageLanguage,
} from '../../domain/messages/types'
import { ensureStoreLoaded, findMember } from '../entitlements/store'
import { ok, refuse, type Outcome } from '../result'

type ConsentFields = { consentEmail?: boolean; consentInApp?: boolean; consentSms?: boolean }

export type ContactInput = ConsentFields & {
  member: string
  displayName?: string
  email?: string | null
  phone?: string | null
  language?: MessageLanguage
}

export type PreferencesInput = ConsentFields & { member: string; language?: MessageLanguage }

const consentChange = (input: ConsentFields): Partial<Consent> => ({
  ...(input.consentEmail === undefined ? {} : { email: input.consentEmail }),
  ...(input.consentInApp === undefined ? {} : { inApp: input.consentInApp }),
  ...(input.consentSms === undefined ? {} : { sms: input.consentSms }),
})

/** The `contact` group as Payload stores it. */
const contactFields = (contact: MemberContact) => ({
  email: contact.email,
  phone: contact.phone,
  language: contact.language,
  consent: { ...contact.consent },
  consentUpdatedAt: contact.consentUpdatedAt?.toISOString() ?? null,
})

const consentJson = (contact: MemberContact) => ({
  consent: { ...contact.consent },
  consentUpdatedAt: contact.consentUpdatedAt?.toISOString() ?? null,
})

export type ContactAnswer = {
  member: { id: string; externalId: string }
  created: boolean
  changed: boolean
  contact: {
    email: string | null
    phone: string | null
    language: MessageLanguage
    consent: Consent
    consentUpdatedAt: string | null
  }
}

/**
 * POST /api/members/contact (billing): sets the member's contact, creating the member when the
 * platform user is new. Idempotent: the same request again changes nothing (`changed: false`), and
 * consent keeps its `consentUpdatedAt` unless a channel's consent changes.
 */
export async function upsertMemberContact(
  req: PayloadRequest,
  input: ContactInput,
  now = new Date(),
): Promise<Outcome<ContactAnswer>> {
  const { payload } = req
  await ensureStoreLoaded(payload)
  let member = findMember(payload, input.member)
  let created = false
  const change: ContactChange = {
    ...(input.email === undefined ? {} : { email: input.email || null }),
    ...(input.phone === undefined ? {} : { phone: input.phone || null }),
    ...(input.language === undefined ? {} : { language: input.language }),
    consent: consentChange(input),
  }
  if (!member) {
    if (isDocumentId(input.member)) {
      return refuse('member_unknown', reasonMessages.member_unknown, { field: 'member' })
    }
    const { contact } = applyContactChange(noContact, change, now)
    await payload
      .create({
        collection: slugs.members,
        data: {
          externalId: input.member,
          ...(input.displayName === undefined ? {} : { displayName: input.displayName }),
          contact: contactFields(contact),
        },
        overrideAccess: true,
        context: { now },
        req,
      })
      .then(() => (created = true))
      .catch(() => undefined) // created meanwhile by a concurrent request: updated below
    member = findMember(payload, input.member)
    if (!member) throw new Error('the member could not be created')
    if (created) return ok(contactAnswer(member.id, member.externalId, true, true, contact))
  }
  const previous = member.contact ?? noContact
  const { contact, changed: contactChanged } = applyContactChange(previous, change, now)
  const renamed =
    input.displayName !== undefined && input.displayName !== (member.displayName ?? undefined)
  if (contactChanged || renamed) {
    await payload.update({
      collection: slugs.members,
      id: member.id,
      data: {
        contact: contactFields(contact),
        ...(renamed ? { displayName: input.displayName } : {}),
      },
      overrideAccess: true,
      context: { now },
      req,
    })
  }
  return ok(contactAnswer(member.id, member.externalId, false, contactChanged || renamed, contact))
}

const contactAnswer = (
  id: string,
  externalId: string,
  created: boolean,
  changed: boolean,
  contact: MemberContact,
): ContactAnswer => ({
  member: { id, externalId },
  created,
  changed,
  contact: {
    email: contact.email,
    phone: contact.phone,
    language: contact.language,
    ...consentJson(contact),
  },
})

export type PreferencesAnswer = {
  member: { id: string; externalId: string }
  language: MessageLanguage
  consent: Consent
  consentUpdatedAt: string | null
  /** Whether an address is on file for the channel (never the address itself). */
  reachable: { email: boolean; sms: boolean }
}

const preferencesAnswer = (
  id: string,
  externalId: string,
  contact: MemberContact,
): PreferencesAnswer => ({
  member: { id, externalId },
  language: contact.language,
  ...consentJson(contact),
  reachable: { email: contact.email !== null, sms: contact.phone !== null },
})

/** GET /api/members/{id}/preferences: the member's language and consent per channel. */
export async function memberPreferences(
  payload: Payload,
  input: { member: string },
): Promise<Outcome<PreferencesAnswer>> {
  await ensureStoreLoaded(payload)
  const member = findMember(payload, input.member)
  if (!member) return refuse('member_unknown', reasonMessages.member_unknown, { field: 'member' })
  return ok(preferencesAnswer(member.id, member.externalId, member.contact ?? noContact))
}

/**
 * POST /api/members/{id}/preferences: the member changes their language or consent. A change of
 * consent stamps `consentUpdatedAt` (docs/rules.md rule 23); asking for what is already set
 * writes nothing.
 */
export async function updateMemberPreferences(
  payload: Payload,
  input: PreferencesInput,
  now = new Date(),
): Promise<Outcome<PreferencesAnswer>> {
  await ensureStoreLoaded(payload)
  const member = findMember(payload, input.member)
  if (!member) return refuse('member_unknown', reasonMessages.member_unknown, { field: 'member' })
  const previous = member.contact ?? noContact
  const { contact, changed } = applyContactChange(
    previous,
    {
      ...(input.language === undefined ? {} : { language: input.language }),
      consent: consentChange(input),
    },
    now,
  )
  if (changed) {
    await payload.update({
      collection: slugs.members,
      id: member.id,
      data: { contact: contactFields(contact) },
      overrideAccess: true,
      context: { now },
    })
  }
  return ok(preferencesAnswer(member.id, member.externalId, contact))
}
