'use client'
// Member page: the member's cancel intents (docs/rules.md rule 19), newest first — the reason, their
// words, the retention offer shown, and whether they confirmed (auto-renew off at the period end).
// Read-only; written by POST /api/members/{id}/cancel-intent.
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'

import { useMemberDocs } from './useMemberDocs'

import { cancelReasonLabels, type CancelReason } from '../domain/entitlements/cancelIntent'

type Intent = {
  id: string
  reason: CancelReason
  text?: string | null
  periodEnd?: string | null
  offerCampaign?: string | null
  offerPrice?: number | null
  confirmed?: boolean | null
  confirmedAt?: string | null
  createdAt: string
}

const words = {
  title: { zh: '不续费意向', en: 'Cancel intents' },
  loading: { zh: '加载中…', en: 'Loading…' },
  failed: { zh: '无法加载：', en: 'Could not load: ' },
  none: { zh: '没有记录。', en: 'None recorded.' },
  at: { zh: '时间', en: 'When' },
  reason: { zh: '原因', en: 'Reason' },
  text: { zh: '会员的说明', en: "The member's words" },
  offer: { zh: '挽留优惠', en: 'Retention offer' },
  state: { zh: '状态', en: 'State' },
  confirmed: { zh: '已确认：周期结束时不再续费', en: 'Confirmed: not renewed at the period end' },
  open: { zh: '未确认', en: 'Not confirmed' },
  periodEnd: { zh: '周期结束', en: 'Period end' },
}

export function MemberCancelIntents() {
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'zh'
  const { docs: intents, error } = useMemberDocs<Intent>('cancel-intents', id, language)

  if (!id) return null
  const date = (value: string | null | undefined) =>
    value ? new Date(value).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB') : '—'

  return (
    <div data-testid="member-cancel-intents" style={{ marginBottom: 'calc(var(--base) * 1.5)' }}>
      <h3 style={{ marginBottom: 'calc(var(--base) / 2)' }}>{words.title[language]}</h3>
      {error && <p role="alert">{`${words.failed[language]}${error}`}</p>}
      {!intents && !error && <p>{words.loading[language]}</p>}
      {intents && !intents.length && <p>{words.none[language]}</p>}
      {intents && intents.length > 0 && (
        <table className="table" style={{ width: '100%' }}>
          <thead>
            <tr>
              <th>{words.at[language]}</th>
              <th>{words.reason[language]}</th>
              <th>{words.text[language]}</th>
              <th>{words.offer[language]}</th>
              <th>{words.state[language]}</th>
              <th>{words.periodEnd[language]}</th>
            </tr>
          </thead>
          <tbody>
            {intents.map((intent) => (
              <tr key={intent.id}>
                <td>{date(intent.createdAt)}</td>
                <td>{cancelReasonLabels[intent.reason]?.[language] ?? intent.reason}</td>
                <td>{intent.text || '—'}</td>
                <td>
                  {typeof intent.offerPrice === 'number'
                    ? `¥${(intent.offerPrice / 100).toFixed(2)}`
                    : '—'}
                </td>
                <td>
                  {intent.confirmed
                    ? `${words.confirmed[language]} (${date(intent.confirmedAt)})`
                    : words.open[language]}
                </td>
                <td>{date(intent.periodEnd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
