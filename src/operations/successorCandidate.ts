// An archived tier's chosen successor as the successor rule reads it (docs/rules.md rule 6).
import type { PayloadRequest } from 'payload'

import { slugs } from '../../collections/slugs'
import { toLocalized } from '../adapters/catalogue'
import type { TierKind } from '../domain/catalogue/types'
import type { SuccessorCandidate } from '../domain/catalogue/successor'
import { preservingLocale } from './preserveLocale'

/** The tier's main document (what members see), or null when there is no such tier. */
export async function successorCandidate(
  req: PayloadRequest,
  id: string,
): Promise<SuccessorCandidate | null> {
  const read = (draft: boolean) =>
    preservingLocale(req, () =>
      req.payload
        .findByID({
          collection: slugs.tiers,
          id,
          draft,
          locale: 'all',
          depth: 0,
          req,
          overrideAccess: true,
          disableErrors: true,
        })
        // An id that is not even well-formed names no tier either.
        .catch(() => null),
    )
  const doc = await read(false)
  if (!doc) return null
  const tier = doc as unknown as Record<string, unknown>
  const published = tier._status === 'published'
  // A tier never published is named as its editors last saved it.
  const named = published ? tier : ((await read(true)) as unknown as Record<string, unknown>)
  return {
    id,
    name: toLocalized((named ?? tier).name),
    rank: typeof tier.rank === 'number' ? tier.rank : Number.NaN,
    kind: (typeof tier.kind === 'string' ? tier.kind : 'paid') as TierKind,
    published,
    archived: tier.status === 'archived',
  }
}
