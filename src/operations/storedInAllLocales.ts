import type { CollectionSlug, PayloadRequest } from 'payload'

import { preservingLocale } from './preserveLocale'

/** The stored document with every language of its localized fields, for hooks comparing edits. */
export async function storedInAllLocales(
  req: PayloadRequest,
  collection: CollectionSlug,
  id: string,
): Promise<Record<string, unknown>> {
  const doc = await preservingLocale(req, () =>
    req.payload.findByID({ collection, id, locale: 'all', depth: 0, req, overrideAccess: true }),
  )
  return doc as unknown as Record<string, unknown>
}
