'use client'
// Webhook delivery edit view: the Replay button (POST /api/webhook-deliveries/{id}/replay). The
// delivery is queued for a new attempt with the same event id; the delivery job sends it within a
// minute (docs/webhooks.md).
import { Button, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

const words = {
  title: { zh: '重新发送', en: 'Replay' },
  replay: { zh: '重新发送此投递', en: 'Replay this delivery' },
  sending: { zh: '正在排队…', en: 'Queueing…' },
  queued: {
    zh: '已排队：一分钟内以相同事件 ID 重新发送。刷新页面查看结果。',
    en: 'Queued: it is sent again with the same event id within a minute. Reload to see the outcome.',
  },
  failed: { zh: '未能重新发送：', en: 'Could not replay: ' },
}

type Refusal = { message?: string; errors?: { message?: string }[] }

export function WebhookReplay() {
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'zh'
  const [state, setState] = useState<'idle' | 'sending' | 'queued' | string>('idle')
  if (!id) return null

  const replay = async () => {
    setState('sending')
    try {
      const response = await fetch(`/api/webhook-deliveries/${id}/replay`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json', 'accept-language': language },
        body: '{}',
      })
      if (response.ok) return setState('queued')
      const body = (await response.json().catch(() => ({}))) as Refusal
      setState(body.message ?? body.errors?.[0]?.message ?? String(response.status))
    } catch (error) {
      setState(String(error))
    }
  }

  return (
    <div className="field-type" style={{ marginBottom: '1.5rem' }} data-testid="webhook-replay">
      <strong>{words.title[language]}</strong>
      <div>
        <Button
          buttonStyle="secondary"
          size="small"
          disabled={state === 'sending'}
          onClick={() => void replay()}
        >
          {state === 'sending' ? words.sending[language] : words.replay[language]}
        </Button>
      </div>
      {state === 'queued' ? <p role="status">{words.queued[language]}</p> : null}
      {state !== 'idle' && state !== 'sending' && state !== 'queued' ? (
        <p role="alert">
          {words.failed[language]}
          {state}
        </p>
      ) : null}
    </div>
  )
}
