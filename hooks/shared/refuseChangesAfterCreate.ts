import { APIError } from 'payload'
import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { inEditorLanguage } from '../../src/adapters/language'
import type { Localized } from '../../src/domain/catalogue/types'

type Hook = CollectionBeforeChangeHook & CollectionBeforeDeleteHook

/**
 * For append-only records (audit log, membership ledger, tier versions): creating stays possible,
 * changing or deleting is refused with `message` (403), even from the Local API with
 * overrideAccess, which collection access alone cannot stop.
 */
export const refuseChangesAfterCreate =
  (message: Localized): Hook =>
  (args: Parameters<CollectionBeforeChangeHook>[0] | Parameters<CollectionBeforeDeleteHook>[0]) => {
    if ('operation' in args && args.operation === 'create') return args.data
    throw new APIError(inEditorLanguage(args.req, message), 403)
  }
