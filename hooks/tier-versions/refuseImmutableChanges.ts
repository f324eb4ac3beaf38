import { APIError } from 'payload'
import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { inEditorLanguage } from '../../src/adapters/language'

/** A tier version is what members paid for: it is recorded once and never changed or deleted. */
export const refuseImmutableChanges: CollectionBeforeChangeHook & CollectionBeforeDeleteHook = (
  args: Parameters<CollectionBeforeChangeHook>[0] | Parameters<CollectionBeforeDeleteHook>[0],
) => {
  if ('operation' in args && args.operation === 'create') return args.data
  throw new APIError(
    inEditorLanguage(args.req, {
      zh: '等级版本不可修改或删除；请修改等级本身并重新发布。',
      en: 'Tier versions cannot be changed or deleted; edit the tier and publish it again.',
    }),
    403,
  )
}
