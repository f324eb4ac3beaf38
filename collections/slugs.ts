// Every collection and global slug, in one place. Frontends and tests rely on these names.
export const slugs = {
  users: 'users',
  serviceAccounts: 'service-accounts',
  media: 'media',
} as const

export type CollectionSlugName = (typeof slugs)[keyof typeof slugs]
