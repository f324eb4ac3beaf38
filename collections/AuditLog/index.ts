import type { CollectionConfig } from 'payload'

import { refuseAuditLogChanges } from '../../hooks/audit/refuseAuditLogChanges'
import { policy } from '../../src/access/policy'
import { slugs } from '../slugs'

/**
 * Who changed which configuration, when, and what changed (docs/rules.md rule 12): the catalogue,
 * grants, settings, staff users and service accounts. Append-only; secrets appear only redacted.
 */
export const AuditLog: CollectionConfig = {
  slug: slugs.auditLog,
  labels: {
    singular: { zh: '审计记录', en: 'Audit entry' },
    plural: { zh: '审计日志', en: 'Audit log' },
  },
  access: policy[slugs.auditLog],
  defaultSort: '-createdAt',
  admin: {
    useAsTitle: 'summary',
    defaultColumns: [
      'createdAt',
      'action',
      'targetCollection',
      'documentTitle',
      'actorName',
      'actorEmail',
    ],
    group: { zh: '系统', en: 'System' },
    listSearchableFields: ['documentTitle', 'documentId', 'actorEmail', 'actorName'],
  },
  hooks: {
    beforeChange: [refuseAuditLogChanges],
    beforeDelete: [refuseAuditLogChanges],
  },
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      label: { zh: '操作', en: 'Action' },
      options: [
        { value: 'create', label: { zh: '创建', en: 'Create' } },
        { value: 'update', label: { zh: '修改', en: 'Update' } },
        { value: 'save-draft', label: { zh: '保存草稿', en: 'Save draft' } },
        { value: 'publish', label: { zh: '发布', en: 'Publish' } },
        { value: 'delete', label: { zh: '删除', en: 'Delete' } },
        { value: 'lockout', label: { zh: '登录锁定', en: 'Locked out' } },
        { value: 'unlock', label: { zh: '解除锁定', en: 'Unlock' } },
      ],
    },
    {
      name: 'targetCollection',
      type: 'text',
      required: true,
      index: true,
      label: { zh: '集合', en: 'Collection' },
    },
    {
      name: 'documentId',
      type: 'text',
      required: true,
      index: true,
      label: { zh: '文档 ID', en: 'Document ID' },
    },
    { name: 'documentTitle', type: 'text', label: { zh: '文档', en: 'Document' } },
    { name: 'summary', type: 'text', label: { zh: '摘要', en: 'Summary' } },
    {
      name: 'actor',
      type: 'relationship',
      relationTo: slugs.users,
      index: true,
      label: { zh: '操作人', en: 'Changed by' },
    },
    {
      name: 'actorServiceAccount',
      type: 'relationship',
      relationTo: slugs.serviceAccounts,
      index: true,
      label: { zh: '操作服务账号', en: 'Changed by (service account)' },
    },
    {
      name: 'actorEmail',
      type: 'text',
      index: true,
      label: { zh: '操作人邮箱', en: 'Changed by (email)' },
    },
    {
      name: 'actorName',
      type: 'text',
      label: { zh: '操作人名称', en: 'Changed by (name)' },
      admin: {
        description: {
          zh: '员工姓名或服务账号名称；账号删除后仍保留。',
          en: "The staff user's or service account's name, kept after the account is deleted.",
        },
      },
    },
    {
      name: 'actorType',
      type: 'select',
      required: true,
      label: { zh: '来源', en: 'Source' },
      options: [
        { value: 'staff', label: { zh: '员工', en: 'Staff' } },
        { value: 'service', label: { zh: '服务账号', en: 'Service account' } },
        { value: 'system', label: { zh: '系统', en: 'System' } },
      ],
    },
    { name: 'locale', type: 'text', label: { zh: '语言', en: 'Locale' } },
    {
      name: 'secretsChanged',
      type: 'select',
      hasMany: true,
      index: true,
      label: { zh: '变更的密钥', en: 'Secrets changed' },
      options: [
        { value: 'password', label: { zh: '密码', en: 'Password' } },
        { value: 'apiKey', label: { zh: 'API 密钥', en: 'API key' } },
      ],
      admin: {
        description: {
          zh: '设置、更换或撤销了哪些密钥；密钥本身从不记录。',
          en: 'Which secrets were set, changed or removed; the secrets themselves are never recorded.',
        },
      },
    },
    {
      name: 'changes',
      type: 'json',
      label: { zh: '字段变更', en: 'Field changes' },
      admin: {
        description: {
          zh: '每项为 { path, before, after }；密钥只显示为 ••••••，并以 secret 标明 set（设置）、changed（更换）或 removed（撤销）。关联只记录 ID。',
          en: 'Each entry is { path, before, after }; a secret shows only as ••••••, with secret: set, changed or removed. References are recorded by id.',
        },
      },
    },
  ],
}
