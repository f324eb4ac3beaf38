// Who may do what, as one table. Collection files only wire these entries in.
import type { Access } from 'payload'

import { slugs } from '../../collections/slugs'
import { allow, allowField, anyOf, anyone, ownRecord, type RoleRule } from './rules'

type CollectionPolicy = {
  /** May sign in to the admin panel (auth collections only). */
  admin?: RoleRule
  create: Access
  read: Access
  update: Access
  delete: Access
  unlock?: RoleRule
}

const staff = allow('admin', 'operations', 'marketing', 'support', 'viewer')

export const policy = {
  [slugs.users]: {
    admin: staff,
    create: allow('admin'),
    read: anyOf(allow('admin'), ownRecord(slugs.users)),
    update: anyOf(allow('admin'), ownRecord(slugs.users)),
    delete: allow('admin'),
    unlock: allow('admin'),
  },
  [slugs.serviceAccounts]: {
    admin: () => false,
    create: allow('admin'),
    // A frontend may look itself up (GET /api/service-accounts/me), nothing more.
    read: anyOf(allow('admin'), ownRecord(slugs.serviceAccounts)),
    update: allow('admin'),
    delete: allow('admin'),
    unlock: allow('admin'),
  },
  [slugs.media]: {
    create: allow('admin', 'operations', 'marketing'),
    // Badges and covers appear on public pricing and course pages.
    read: anyone,
    update: allow('admin', 'operations', 'marketing'),
    delete: allow('admin', 'operations'),
  },
} satisfies Record<string, CollectionPolicy>

/** Field-level rules: roles are granted by admins only, so nobody can raise their own. */
export const fieldPolicy = {
  roles: { create: allowField('admin'), update: allowField('admin') },
}
