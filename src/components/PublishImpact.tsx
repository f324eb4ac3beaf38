'use client'
// Tier editor sidebar: "what would publishing this do to members?" — asks the server with the
// values currently in the form, before anything is published.
import { Button, useAllFormFields, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { reduceFieldsToValues } from 'payload/shared'
import { useState } from 'react'

import { countOf } from '../domain/catalogue/english'

type Text = { zh: string; en: string }
type Impact = {
  change: 'initial' | 'improvement' | 'worsening' | 'unchanged'
  members: { total: number; inPaidPeriod: number }
  gains: { benefit: { key: string; name: Text }; from: Text; to: Text; members: number }[]
  losses: {
    benefit: { key: string; name: Text }
    from: Text
    to: Text
    membersNow: number
    membersDeferred: number
    deferredUntil: { earliest: string; latest: string } | null
  }[]
  accessGained: { id: string; name: Text }[]
  accessLost: { id: string; name: Text; membersNow: number; membersDeferred: number }[]
}

const words = {
  title: { zh: '发布影响预览', en: 'Impact of publishing' },
  button: { zh: '预览对会员的影响', en: 'Preview the effect on members' },
  loading: { zh: '计算中…', en: 'Working it out…' },
  saveFirst: { zh: '保存后即可预览。', en: 'Save the tier first to preview.' },
  failed: { zh: '无法计算影响：', en: 'Could not work out the impact: ' },
  members: {
    zh: (total: number, paying: number) => `当前 ${total} 名会员，其中 ${paying} 名在付费周期内。`,
    en: (total: number, paying: number) =>
      `${countOf(total, 'current member')}, ${paying} of them in a paid period.`,
  },
  change: {
    initial: { zh: '首次发布。', en: 'First publish.' },
    improvement: {
      zh: '只增不减：所有会员立即获得改进。',
      en: 'Only improvements: every member gets them at once.',
    },
    worsening: {
      zh: '有权益减少：付费周期内的会员保留原权益至周期结束。',
      en: 'Something gets worse: members in a paid period keep it until their period ends.',
    },
    unchanged: { zh: '会员权益不变。', en: 'Members’ entitlements do not change.' },
  },
  gain: {
    zh: (n: number) => `${n} 名会员立即获得`,
    en: (n: number) => `${countOf(n, 'member')} ${n === 1 ? 'gains' : 'gain'} at once`,
  },
  loss: {
    zh: (now: number, deferred: number, until: string) =>
      `${now} 名立即失去；${deferred} 名保留至 ${until}`,
    en: (now: number, deferred: number, until: string) =>
      `${now} ${now === 1 ? 'loses' : 'lose'} it now; ${deferred} ${deferred === 1 ? 'keeps' : 'keep'} it until ${until}`,
  },
  accessLost: { zh: '不再开放课程层级', en: 'Course tier no longer opened' },
  accessGained: { zh: '新开放课程层级', en: 'Course tier newly opened' },
}

export function PublishImpact() {
  const { id } = useDocumentInfo()
  const [fields] = useAllFormFields()
  const { i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'zh'
  const [impact, setImpact] = useState<Impact | null>(null)
  const [state, setState] = useState<'idle' | 'loading' | string>('idle')

  if (!id) return <p className="field-description">{words.saveFirst[language]}</p>

  const preview = async () => {
    setState('loading')
    try {
      const values = reduceFieldsToValues(fields, true)
      const response = await fetch(`/api/tiers/${id}/publish-impact?locale=${language}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(values),
      })
      const body = await response.json()
      if (!response.ok) throw new Error(body?.message?.[language] ?? response.statusText)
      setImpact(body as Impact)
      setState('idle')
    } catch (error) {
      setState(`${words.failed[language]}${(error as Error).message}`)
    }
  }
  const date = (value: string) =>
    new Date(value).toLocaleDateString(language === 'zh' ? 'zh-CN' : 'en-GB')

  return (
    <div className="publish-impact" style={{ marginBottom: 'var(--base)' }}>
      <h4 style={{ margin: '0 0 calc(var(--base) / 2)' }}>{words.title[language]}</h4>
      <Button buttonStyle="secondary" size="small" onClick={preview} disabled={state === 'loading'}>
        {state === 'loading' ? words.loading[language] : words.button[language]}
      </Button>
      {state !== 'idle' && state !== 'loading' && <p role="alert">{state}</p>}
      {impact && (
        <div data-testid="publish-impact">
          <p>{words.change[impact.change][language]}</p>
          <p>{words.members[language](impact.members.total, impact.members.inPaidPeriod)}</p>
          <ul style={{ paddingLeft: '1.2em' }}>
            {impact.gains.map((line) => (
              <li key={`gain-${line.benefit.key}`}>
                ↑ {line.benefit.name[language]}: {line.from[language]} → {line.to[language]} ·{' '}
                {words.gain[language](line.members)}
              </li>
            ))}
            {impact.losses.map((line) => (
              <li key={`loss-${line.benefit.key}`}>
                ↓ {line.benefit.name[language]}: {line.from[language]} → {line.to[language]} ·{' '}
                {words.loss[language](
                  line.membersNow,
                  line.membersDeferred,
                  line.deferredUntil ? date(line.deferredUntil.latest) : '—',
                )}
              </li>
            ))}
            {impact.accessGained.map((tier) => (
              <li key={`access-gain-${tier.id}`}>
                ↑ {words.accessGained[language]}: {tier.name[language]}
              </li>
            ))}
            {impact.accessLost.map((tier) => (
              <li key={`access-loss-${tier.id}`}>
                ↓ {words.accessLost[language]}: {tier.name[language]} ·{' '}
                {words.loss[language](tier.membersNow, tier.membersDeferred, '—')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
