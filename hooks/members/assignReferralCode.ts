import type { CollectionAfterChangeHook } from 'payload'

import { ensureReferralCode } from '../../src/operations/campaigns/referral'

/** A new member gets a referral code at once (claimed unique, never changed: docs/rules.md rule 16). */
export const assignReferralCode: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create' || doc.referralCode) return doc
  const referralCode = await ensureReferralCode(req.payload, String(doc.id))
  return referralCode ? { ...doc, referralCode } : doc
}
