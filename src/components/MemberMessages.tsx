'use client'
// Member page: the messages the member was sent (reminders, notices, win-back), each with what
// happened on every channel — sent, failed, or not sent and why — read-only, for support.
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'

import { messageKindLabels } from '../domain/messages/types'
import { useMemberDocs } from './useMemberDocs'

type Delivery = {
  channel: string
  status: 'sent' | 'failed' | 'not_sent'
  reason?: string | null
  error?: string | null
  at?: string | null
}
type Message = {
  id: string
  kind: string
  title?: string | null
  state?: string | null
  step?: number | null
  createdAt: string
  readAt?: string | null
  deliveries?: Delivery[] | null
}

const words = {
  title: { zh: '已发送的消息与提醒', en: 'Messages and reminders sent' },
  loading: { zh: '加载中…', en: 'Loading…' },
  none: { zh: '尚未向该会员发送任何消息。', en: 'No message has been sent to this member yet.' },
  failed: { zh: '无法加载消息：', en: 'Could not load the messages: ' },
  saveFirst: { zh: '保存会员后显示其消息。', en: 'Save the member to see their messages.' },
  when: { zh: '时间', en: 'When' },
  kind: { zh: '类型', en: 'Kind' },
  subject: { zh: '标题', en: 'Title' },
  channels: { zh: '渠道与结果', en: 'Channels' },
  read: { zh: '已读', en: 'Read' },
  days: { zh: (days: number) => `${days} 天`, en: (days: number) => `${days} d` },
  status: {
    sent: { zh: '已发送', en: 'sent' },
    failed: { zh: '失败', en: 'failed' },
    not_sent: { zh: '未发送', en: 'not sent' },
  },
  reasons: {
    no_provider: { zh: '无服务商', en: 'no provider' },
    no_consent: { zh: '未同意', en: 'no consent' },
    no_address: { zh: '无地址', en: 'no address' },
  } as Record<string, { zh: string; en: string }>,
  kinds: messageKindLabels as Record<string, { zh: string; en: string }>,
}

export function MemberMessages() {
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'zh'
  const { docs: messages, error } = useMemberDocs<Message>('member-messages', id, language)

  if (!id) return <p className="field-description">{words.saveFirst[language]}</p>
  const date = (value: string | null | undefined) =>
    value ? new Date(value).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB') : '—'
  const delivery = (entry: Delivery) => {
    const status = words.status[entry.status]?.[language] ?? entry.status
    const why = entry.reason ? ` (${words.reasons[entry.reason]?.[language] ?? entry.reason})` : ''
    const failure = entry.error ? ` (${entry.error})` : ''
    return `${entry.channel}: ${status}${why}${failure} ${date(entry.at)}`
  }

  return (
    <div data-testid="member-messages" style={{ marginBottom: 'calc(var(--base) * 1.5)' }}>
      <h3 style={{ marginBottom: 'calc(var(--base) / 2)' }}>{words.title[language]}</h3>
      {error && <p role="alert">{`${words.failed[language]}${error}`}</p>}
      {!messages && !error && <p>{words.loading[language]}</p>}
      {messages && messages.length === 0 && <p>{words.none[language]}</p>}
      {messages && messages.length > 0 && (
        <table className="table" style={{ width: '100%' }}>
          <thead>
            <tr>
              <th>{words.when[language]}</th>
              <th>{words.kind[language]}</th>
              <th>{words.subject[language]}</th>
              <th>{words.channels[language]}</th>
              <th>{words.read[language]}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id} data-testid="member-message">
                <td>{date(message.createdAt)}</td>
                <td>
                  {words.kinds[message.kind]?.[language] ?? message.kind}
                  {typeof message.step === 'number' && ` · ${words.days[language](message.step)}`}
                </td>
                <td>{message.title ?? '—'}</td>
                <td>
                  {(message.deliveries ?? []).map((entry, index) => (
                    <div key={`${entry.channel}-${index}`}>{delivery(entry)}</div>
                  ))}
                </td>
                <td>{date(message.readAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
