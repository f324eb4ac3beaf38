import type { CollectionConfig } from 'payload'

import { refuseAuditLogChanges } from '../../hooks/audit/refuseAuditLogChanges'
import { policy } from '../../src/access/policy'
import { slugs } from '../slugs'

/** Who changed which configuration, when, and what changed (docs/rules.md rule 12). Append-only. */
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
    defaultColumns: ['createdAt', 'action', 'targetCollection', 'documentTitle', 'actorEmail'],
    group: { zh: '系统', en: 'System' },
    listSearchableFields: ['documentTitle', 'documentId', 'actorEmail'],
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
      name: 'actorEmail',
      type: 'text',
      index: true,
      label: { zh: '操作人邮箱', en: 'Changed by (email)' },
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
      name: 'changes',
      type: 'json',
      label: { zh: '字段变更', en: 'Field changes' },
      admin: {
        description: {
          zh: '每项为 { path, before, after }。',
          en: 'Each entry is { path, before, after }.',
        },
      },
    },
  ],
}
