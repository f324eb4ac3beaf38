// Who still points at a catalogue document: the guard against deleting what is referenced.
import type { PayloadRequest, Where } from 'payload'

import { slugs } from '../../collections/slugs'
import { toLocalized } from '../adapters/catalogue'
import { preservingLocale } from './preserveLocale'
import type { Localized } from '../domain/catalogue/types'

export type References = { count: number; examples: Localized[] }

/**
 * Tiers referencing something, in their published form or their latest draft, so a draft that
 * still uses a benefit also holds it.
 */
export async function tiersReferencing(req: PayloadRequest, where: Where): Promise<References> {
  const common = {
    req,
    collection: slugs.tiers,
    where,
    depth: 0,
    locale: 'all',
    limit: 100,
  } as const
  const [published, drafts] = await preservingLocale(req, () =>
    Promise.all([
      req.payload.find({ ...common, overrideAccess: true }),
      req.payload.find({ ...common, overrideAccess: true, draft: true }),
    ]),
  )
  const byId = new Map<string, Localized>()
  for (const doc of [...published.docs, ...drafts.docs]) {
    byId.set(String(doc.id), toLocalized((doc as { name?: unknown }).name))
  }
  return { count: byId.size, examples: [...byId.values()].slice(0, 5) }
}

export async function coursesReferencing(req: PayloadRequest, where: Where): Promise<References> {
  const found = await preservingLocale(req, () =>
    req.payload.find({
      req,
      collection: slugs.courses,
      where,
      depth: 0,
      locale: 'all',
      limit: 5,
      overrideAccess: true,
    }),
  )
  return {
    count: found.totalDocs,
    examples: found.docs.map((doc) => toLocalized((doc as { title?: unknown }).title)),
  }
}
