import type { CollectionBeforeChangeHook } from 'payload'

import { editedName, relationId } from '../../src/adapters/catalogue'
import { throwIfFindings } from '../../src/adapters/findings'
import { successorFindings } from '../../src/domain/catalogue/successor'
import type { TierKind } from '../../src/domain/catalogue/types'
import { storedInAllLocales } from '../../src/operations/storedInAllLocales'
import { successorCandidate } from '../../src/operations/successorCandidate'

/**
 * Archiving a tier (publishing it with status Archived) names the tier its members move to:
 * another, published, non-archived tier not ranked below it (docs/rules.md rule 6).
 */
export const validateSuccessorTier: CollectionBeforeChangeHook = async ({
  collection,
  context,
  data,
  originalDoc,
  req,
}) => {
  if (data._status !== 'published' || context.skipCatalogueValidation) return data
  const tier = { ...originalDoc, ...data } as Record<string, unknown>
  if (tier.status !== 'archived') return data

  const id = originalDoc?.id === undefined ? '' : String(originalDoc.id)
  const successorId = relationId(tier.successorTier)
  const stored = id ? await storedInAllLocales(req, collection.slug, id) : {}
  const subject = {
    id,
    name: editedName(stored.name, data.name, req.locale),
    rank: typeof tier.rank === 'number' ? tier.rank : Number.NaN,
    kind: (typeof tier.kind === 'string' ? tier.kind : 'paid') as TierKind,
  }
  const successor =
    successorId && successorId !== id ? await successorCandidate(req, successorId) : null
  throwIfFindings(successorFindings({ subject, successorId, successor }), {
    req,
    id,
    collection: collection.slug,
    fallbackPath: 'successorTier',
  })
  return data
}
