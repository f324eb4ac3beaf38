import type { CollectionBeforeDeleteHook } from 'payload'

import { throwIfFindings } from '../../src/adapters/findings'
import { ladderFindings } from '../../src/domain/catalogue/ladder'
import { loadCatalogue } from '../../src/operations/loadCatalogue'

/** A tier whose removal would break the live ladder cannot be deleted (archive it instead). */
export const preventTierDeletionBreakingLadder: CollectionBeforeDeleteHook = async ({
  collection,
  id,
  req,
}) => {
  const catalogue = await loadCatalogue(req)
  const doomed = catalogue.tiers.find((tier) => tier.id === String(id))
  if (!doomed) return
  const remaining = catalogue.tiers.filter((tier) => tier.id !== String(id))
  const findings = ladderFindings({
    tiers: remaining,
    benefits: catalogue.benefitsById,
    accessTiers: catalogue.accessTiersById,
  }).map(({ finding }) => ({ ...finding, path: 'status' }))
  throwIfFindings(findings, {
    req,
    id,
    collection: collection.slug,
    fallbackPath: 'status',
    lead: {
      zh: `不能删除「${doomed.name.zh}」：删除后等级阶梯将不成立，请改为归档并指定会员转入的等级。`,
      en: `"${doomed.name.en}" cannot be deleted: the ladder would break without it. Archive it instead and choose where its members go.`,
    },
  })
}
