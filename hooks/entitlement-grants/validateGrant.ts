import type { CollectionBeforeChangeHook } from 'payload'

import { slugs } from '../../collections/slugs'
import { benefitFromDoc, relationId, valueFromRow } from '../../src/adapters/catalogue'
import { throwFieldError, throwIfFindings } from '../../src/adapters/findings'
import { valueFindings } from '../../src/domain/catalogue/values'
import { grantsNothing } from '../../src/domain/catalogue/values'

/**
 * A grant's value must fit its benefit (shape and range, as on tiers), grant something, and its
 * window must end after it starts. Records who granted it.
 */
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
  const value = valueFromRow(merged, benefit.shape.kind)
  const member = { zh: '赠送', en: 'The grant' }
  throwIfFindings(
    valueFindings({ benefit, value, path: '', tierName: member }).map((finding) => ({
      ...finding,
      path: finding.path.replace(/^\./, ''),
    })),
    { req, collection: slugs.entitlementGrants, fallbackPath: 'amount' },
  )
  if (grantsNothing(benefit.shape, value)) {
    throwFieldError(req, slugs.entitlementGrants, 'amount', {
      zh: `赠送的“${benefit.name.zh}”没有给出任何权益：请填写与该权益类型对应的值。`,
      en: `The grant of "${benefit.name.en}" gives nothing: fill the value for this kind of benefit.`,
    })
  }
  const startsAt = new Date(String(merged.startsAt))
  const endsAt = new Date(String(merged.endsAt))
  if (!(endsAt > startsAt)) {
    throwFieldError(req, slugs.entitlementGrants, 'endsAt', {
      zh: '结束时间必须晚于开始时间。',
      en: 'The end must be after the start.',
    })
  }
  const user = req.user as { email?: string; name?: string } | null
  return { ...data, grantedBy: originalDoc?.grantedBy ?? user?.email ?? user?.name ?? 'system' }
}
