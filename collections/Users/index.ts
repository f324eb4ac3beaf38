import type { CollectionConfig } from 'payload'

import { accountAuditHooks } from '../../hooks/audit/recordAuditEntry'
import { explainBulkRefusals } from '../../hooks/shared/explainBulkRefusals'
import { grantAdminToFirstUser } from '../../hooks/users/grantAdminToFirstUser'
import { keepAnAdministrator } from '../../hooks/users/keepAnAdministrator'
import { recordLockout } from '../../hooks/users/recordLockout'
import { recordPasswordReset } from '../../hooks/users/recordPasswordReset'
import { recordUnlock } from '../../hooks/users/recordUnlock'
import { refuseRoleChangesByNonAdmins } from '../../hooks/users/refuseRoleChangesByNonAdmins'
import { fieldPolicy, policy } from '../../src/access/policy'
import { roleLabels, staffRoles } from '../../src/access/roles'
import { slugs } from '../slugs'

/** Staff who sign in to the admin panel. */
export const Users: CollectionConfig = {
  slug: slugs.users,
  labels: {
    singular: { zh: '员工', en: 'Staff user' },
    plural: { zh: '员工', en: 'Staff users' },
  },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
  },
  access: policy[slugs.users],
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'roles'],
    group: { zh: '系统', en: 'System' },
  },
  hooks: {
    beforeOperation: [refuseRoleChangesByNonAdmins],
    beforeChange: [grantAdminToFirstUser, keepAnAdministrator, ...accountAuditHooks.beforeChange],
    afterChange: accountAuditHooks.afterChange,
    afterDelete: accountAuditHooks.afterDelete,
    afterOperation: [recordUnlock, recordPasswordReset, explainBulkRefusals],
    afterError: [recordLockout],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      label: { zh: '姓名', en: 'Name' },
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['viewer'],
      saveToJWT: true,
      label: { zh: '角色', en: 'Roles' },
      options: staffRoles.map((role) => ({ value: role, label: roleLabels[role] })),
      access: fieldPolicy.roles,
      admin: {
        description: {
          zh: '只有管理员可以授予或收回角色；最后一名管理员不能移除自己的管理员角色。',
          en: 'Only administrators can grant or remove roles; the last administrator keeps the admin role.',
        },
      },
    },
  ],
}
