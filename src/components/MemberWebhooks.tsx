'use client'
// Member page: the member's webhook events (type, time) and how their deliveries went, read-only,
// for support (docs/webhooks.md).
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'

import { deliveryStatusLabels } from '../adapters/deliveryStatusLabels'
import type { DeliveryStatus } from '../domain/webhooks/ordering'
import { useMemberDocs } from './useMemberDocs'

type Delivery = {
  id: string
  eventId: string
  eventType: string
  occurredAt?: string
  status: string
  attempts?: number
  lastError?: string | null
  deliveredAt?: string | null
  endpoint?: { url?: string } | string
}

const words = {
  title: { zh: 'Webhook 事件', en: 'Webhook events' },
  none: { zh: '暂无 Webhook 事件。', en: 'No webhook events yet.' },
  loading: { zh: '加载中…', en: 'Loading…' },
  failed: { zh: '无法加载 Webhook 事件：', en: 'Could not load the webhook events: ' },
  type: { zh: '事件', en: 'Event' },
  time: { zh: '时间', en: 'Time' },
  endpoint: { zh: '端点', en: 'Endpoint' },
  // Endpoints hold signing secrets: only administrators may read them (docs/webhooks.md).
  endpointHidden: { zh: '仅管理员可见', en: 'Visible to admins' },
  status: { zh: '投递状态', en: 'Delivery' },
  attempts: { zh: '尝试', en: 'Attempts' },
}

export function MemberWebhooks() {
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'zh'
  const { docs: rows, error } = useMemberDocs<Delivery>('webhook-deliveries', id, language, 1)

  if (!id) return null
  const when = (iso?: string | null) =>
    iso ? new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN') : '—'
  return (
    <div className="field-type" style={{ marginBottom: '1.5rem' }} data-testid="member-webhooks">
      <strong>{words.title[language]}</strong>
      {error ? (
        <p role="alert">
          {words.failed[language]}
          {error}
        </p>
      ) : rows === null ? (
        <p>{words.loading[language]}</p>
      ) : rows.length === 0 ? (
        <p>{words.none[language]}</p>
      ) : (
        <table style={{ width: '100%' }}>
          <thead>
            <tr>
              <th align="left">{words.type[language]}</th>
              <th align="left">{words.time[language]}</th>
              <th align="left">{words.endpoint[language]}</th>
              <th align="left">{words.status[language]}</th>
              <th align="left">{words.attempts[language]}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} title={row.lastError ?? undefined}>
                <td>
                  <code>{row.eventType}</code>
                </td>
                <td>{when(row.occurredAt)}</td>
                <td>
                  {typeof row.endpoint === 'object' && row.endpoint?.url
                    ? row.endpoint.url
                    : words.endpointHidden[language]}
                </td>
                <td>
                  <a href={`/admin/collections/webhook-deliveries/${row.id}`}>
                    {deliveryStatusLabels[row.status as DeliveryStatus]?.[language] ?? row.status}
                  </a>
                  {row.lastError ? ` — ${row.lastError}` : ''}
                </td>
                <td>{row.attempts ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
