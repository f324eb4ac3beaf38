import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
} from 'payload'

import { auditHooks } from '../audit/recordAuditEntry'
import { catalogueChanged } from '../../src/operations/entitlements/store'

/** The entitlement store rebuilds its catalogue on next use after any catalogue change. */
export const invalidateCatalogue: CollectionAfterChangeHook & CollectionAfterDeleteHook = ({
  doc,
  req,
}) => {
  catalogueChanged(req.payload)
  return doc
}

export const invalidateCatalogueOnSettings: GlobalAfterChangeHook = ({ doc, req }) => {
  catalogueChanged(req.payload)
  return doc
}

/** Audit entry plus store invalidation: what every catalogue collection wires in. */
export const catalogueChangeHooks = {
  afterChange: [...auditHooks.afterChange, invalidateCatalogue],
  afterDelete: [...auditHooks.afterDelete, invalidateCatalogue],
}
