import type { CollectionBeforeDeleteHook } from 'payload'

import { throwFieldError } from '../../src/adapters/findings'
import { countOf } from '../../src/domain/catalogue/english'
import { ensureStoreLoaded, storedMembers } from '../../src/operations/entitlements/store'

/** docs/rules.md rule 6: a tier members hold (or are moving to) is archived, never deleted. */
export const preventTierDeletionWithMembers: CollectionBeforeDeleteHook = async ({
  collection,
  id,
  req,
}) => {
  await ensureStoreLoaded(req.payload)
  const tierId = String(id)
  const holders = [...storedMembers(req.payload)].filter(
    (member) =>
      member.membership.tierId === tierId ||
      member.membership.pendingChange?.tierId === tierId ||
      member.membership.trial?.tierId === tierId,
  )
  if (!holders.length) return
  const examples = holders
    .slice(0, 3)
    .map((member) => member.externalId)
    .join(', ')
  const one = holders.length === 1
  throwFieldError(
    req,
    collection.slug,
    'status',
    {
      zh: `不能删除：${holders.length} 名会员持有或即将转入该等级（如 ${examples}）。请改为归档并指定会员转入的等级。`,
      en: `Cannot delete: ${countOf(holders.length, 'member')} ${one ? 'holds' : 'hold'} this tier or ${one ? 'is' : 'are'} moving to it (e.g. ${examples}). Archive it instead and choose where its members go.`,
    },
    id,
  )
}
