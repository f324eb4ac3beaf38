import { APIError } from 'payload'
import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { inEditorLanguage } from '../../src/adapters/language'

/** The ledger is append-only: a mistake is corrected by a new event, never by editing one. */
export const refuseLedgerChanges: CollectionBeforeChangeHook & CollectionBeforeDeleteHook = (
  args: Parameters<CollectionBeforeChangeHook>[0] | Parameters<CollectionBeforeDeleteHook>[0],
) => {
  if ('operation' in args && args.operation === 'create') return args.data
  throw new APIError(
    inEditorLanguage(args.req, {
      zh: '会员流水只能追加，不能修改或删除；如需更正，请追加一条新记录（如取消或赠送）。',
      en: 'Membership events can only be appended; to correct one, append a new event (e.g. a cancellation or a grant).',
    }),
    403,
  )
}
