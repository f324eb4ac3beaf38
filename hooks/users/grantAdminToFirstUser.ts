import type { CollectionBeforeChangeHook } from 'payload'

/**
 * The account made on the admin's "create first user" screen becomes an administrator; otherwise
 * a fresh installation would have nobody able to manage roles.
 */
export const grantAdminToFirstUser: CollectionBeforeChangeHook = async ({
  collection,
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: collection.slug, req })
  if (totalDocs === 0) return { ...data, roles: ['admin'] }
  return data
}
