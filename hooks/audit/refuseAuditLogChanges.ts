import { APIError } from 'payload'
import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { inEditorLanguage } from '../../src/adapters/language'

/**
 * Access already refuses edits and deletes through REST, GraphQL and the admin; this also stops
 * server code calling the Local API with overrideAccess. Appending (create) stays possible.
 */
export const refuseAuditLogChanges: CollectionBeforeChangeHook & CollectionBeforeDeleteHook = (
  args: Parameters<CollectionBeforeChangeHook>[0] | Parameters<CollectionBeforeDeleteHook>[0],
) => {
  if ('operation' in args && args.operation === 'create') return args.data
  throw new APIError(
    inEditorLanguage(args.req, {
      zh: '审计记录只能追加，不能修改或删除。',
      en: 'Audit entries can only be appended; they cannot be changed or deleted.',
    }),
    403,
  )
}
