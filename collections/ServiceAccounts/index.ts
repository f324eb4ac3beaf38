import type { CollectionConfig } from 'payload'

import { accountAuditHooks } from '../../hooks/audit/recordAuditEntry'
import { refreshApiKeys } from '../../hooks/entitlements/refreshApiKeys'
import { cachedApiKeyStrategy } from '../../src/access/cachedApiKeyStrategy'
import { fieldPolicy, policy } from '../../src/access/policy'
import { roleLabels, serviceRoles } from '../../src/access/roles'
import { slugs } from '../slugs'

/**
 * Frontends (web, app, mini-programme) calling the REST and GraphQL APIs with an API key:
 * `Authorization: service-accounts API-Key <key>`. They cannot sign in with a password.
 */
export const ServiceAccounts: CollectionConfig = {
  slug: slugs.serviceAccounts,
  labels: {
    singular: { zh: '服务账号', en: 'Service account' },
    plural: { zh: '服务账号', en: 'Service accounts' },
  },
  auth: {
    useAPIKey: true,
    disableLocalStrategy: true,
    strategies: [cachedApiKeyStrategy],
  },
  access: policy[slugs.serviceAccounts],
  hooks: {
    beforeChange: accountAuditHooks.beforeChange,
    afterChange: [refreshApiKeys, ...accountAuditHooks.afterChange],
    afterDelete: [refreshApiKeys, ...accountAuditHooks.afterDelete],
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'roles', 'updatedAt'],
    group: { zh: '系统', en: 'System' },
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      unique: true,
      label: { zh: '名称', en: 'Name' },
      admin: { description: { zh: '例如 “Web 前端”', en: 'For example "Web frontend"' } },
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['frontend'],
      saveToJWT: true,
      label: { zh: '角色', en: 'Roles' },
      options: serviceRoles.map((role) => ({ value: role, label: roleLabels[role] })),
      access: fieldPolicy.roles,
    },
  ],
}
