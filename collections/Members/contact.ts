import type { Field } from 'payload'

import { stampConsentChange } from '../../hooks/members/stampConsentChange'

/**
 * The member's contact and marketing consent (personal data; docs/messages.md). Set by the
 * platform through `POST /api/members/contact` (billing) and by the member through
 * `/api/members/{id}/preferences` (frontend); support sees them here. Consent changes stamp
 * `consentUpdatedAt` (docs/rules.md rule 23).
 */
export const contactField: Field = {
  name: 'contact',
  type: 'group',
  label: { zh: '联系方式与通知偏好', en: 'Contact and preferences' },
  admin: {
    description: {
      zh: '个人信息：仅客服与管理员可见，不写入日志。营销信息只在对应渠道同意后发送；续费与到期通知不需同意。',
      en: 'Personal data: seen by support and admins only, never logged. Offers go only on channels the member consented to; renewal and expiry notices need no consent.',
    },
  },
  hooks: { beforeChange: [stampConsentChange] },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'email', type: 'email', label: { zh: '邮箱', en: 'Email' } },
        { name: 'phone', type: 'text', label: { zh: '手机号', en: 'Phone' } },
        {
          name: 'language',
          type: 'select',
          defaultValue: 'zh',
          label: { zh: '通知语言', en: 'Preferred language' },
          options: [
            { value: 'zh', label: { zh: '中文', en: 'Chinese' } },
            { value: 'en', label: { zh: '英文', en: 'English' } },
          ],
        },
      ],
    },
    {
      name: 'consent',
      type: 'group',
      label: { zh: '营销同意（按渠道）', en: 'Marketing consent per channel' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'email',
              type: 'checkbox',
              defaultValue: false,
              label: { zh: '邮件', en: 'Email' },
            },
            {
              name: 'inApp',
              type: 'checkbox',
              defaultValue: false,
              label: { zh: '站内信', en: 'In-app' },
            },
            {
              name: 'sms',
              type: 'checkbox',
              defaultValue: false,
              label: { zh: '短信', en: 'SMS' },
            },
          ],
        },
      ],
    },
    {
      name: 'consentUpdatedAt',
      type: 'date',
      label: { zh: '同意更新时间', en: 'Consent updated' },
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
}
