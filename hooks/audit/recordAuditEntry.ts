import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
} from 'payload'

import {
  recordDocumentChange,
  recordDocumentDeletion,
  recordGlobalUpdate,
} from '../../src/operations/audit/auditLog'
import { rememberStoredSecrets } from './rememberStoredSecrets'

/** Every create, update, save-draft and publish of an audited document (docs/rules.md rule 12). */
export const recordChange: CollectionAfterChangeHook = async ({
  collection,
  doc,
  operation,
  previousDoc,
  req,
}) => {
  await recordDocumentChange(req, {
    collection,
    operation,
    id: String(doc.id),
    previousDoc: operation === 'create' ? undefined : previousDoc,
  })
  return doc
}

export const recordDeletion: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  await recordDocumentDeletion(req, { collection, doc })
  return doc
}

export const recordGlobalChange: GlobalAfterChangeHook = async ({
  doc,
  global,
  previousDoc,
  req,
}) => {
  await recordGlobalUpdate(req, { global, doc, previousDoc })
  return doc
}

/** Wire into an audited collection's `hooks` (and list it in `auditedCollections`). */
export const auditHooks = { afterChange: [recordChange], afterDelete: [recordDeletion] }
/** The same for staff users and service accounts: also says when a password or API key changed. */
export const accountAuditHooks = {
  beforeChange: [rememberStoredSecrets],
  afterChange: [recordChange],
  afterDelete: [recordDeletion],
}
export const auditGlobalHooks = { afterChange: [recordGlobalChange] }
