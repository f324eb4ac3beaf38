import type { CollectionBeforeChangeHook } from 'payload'

import { slugs } from '../../collections/slugs'
import { benefitFromDoc, relationId, valueFromRow } from '../../src/adapters/catalogue'
import { throwFieldError, throwIfFindings } from '../../src/adapters/findings'
import { grantFindings } from '../../src/domain/entitlements/grants'

/** Checks a grant against its benefit (see grantFindings) and records who granted it. */
export const validateGrant: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const merged = { ...originalDoc, ...data }
  const benefitId = relationId(merged.benefit)
  const benefitDoc = benefitId
    ? await req.payload.findByID({
        collection: slugs.benefits,
        id: benefitId,
        depth: 0,
        locale: 'all',
        overrideAccess: true,
        disableErrors: true,
        req,
      })
    : null
  if (!benefitDoc) {
    throwFieldError(req, slugs.entitlementGrants, 'benefit', {
      zh: '请选择一个存在的权益。',
      en: 'Choose an existing benefit.',
    })
  }
  const benefit = benefitFromDoc(benefitDoc)
  const findings = grantFindings({
    benefit,
    value: valueFromRow(merged, benefit.shape.kind),
    startsAt: new Date(String(merged.startsAt)),
    endsAt: new Date(String(merged.endsAt)),
  })
  throwIfFindings(findings, { req, collection: slugs.entitlementGrants, fallbackPath: 'amount' })
  const user = req.user as { email?: string; name?: string } | null
  return { ...data, grantedBy: originalDoc?.grantedBy ?? user?.email ?? user?.name ?? 'system' }
}
