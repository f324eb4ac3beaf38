import type { CollectionBeforeChangeHook } from 'payload'

import { rememberStoredSecrets as remember } from '../../src/operations/audit/auditLog'

/**
 * Before an account is updated: notes which secrets (password, API key) are stored, so its audit
 * entry can say one was set, changed or removed without ever recording it.
 */
export const rememberStoredSecrets: CollectionBeforeChangeHook = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation === 'update' && originalDoc?.id !== undefined) {
    await remember(req, collection, originalDoc.id)
  }
  return data
}
