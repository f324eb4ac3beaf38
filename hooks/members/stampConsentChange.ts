import type { FieldHook } from 'payload'

import { applyContactChange, contactOf } from '../../src/domain/messages/types'

/**
 * Any change of marketing consent, however it is made (the admin, the preferences operation, the
 * platform's upsert), stamps `consentUpdatedAt` (docs/rules.md rule 23).
 */
export const stampConsentChange: FieldHook = ({ value, previousValue, req }) => {
  if (!value || typeof value !== 'object') return value
  const before = contactOf(previousValue)
  const after = contactOf(value)
  const { contact } = applyContactChange(
    before,
    { consent: after.consent },
    (req.context?.now as Date | undefined) ?? new Date(),
  )
  if (contact.consentUpdatedAt?.getTime() === before.consentUpdatedAt?.getTime()) return value
  return { ...(value as object), consentUpdatedAt: contact.consentUpdatedAt?.toISOString() }
}
