'use client'
// Member page: what the member is entitled to right now and why (tier version or grant), with
// quotas left — the answer frontends get, shown to support.
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

type Text = { zh: string; en: string }
type Source = {
  type: 'tier' | 'grant'
  tierSlug?: string
  version?: number
  reason?: string
  endsAt?: string
}
type Answer = {
  tier: { slug: string; name: Text } | null
  status: string
  version: number | null
  heldVersion: number | null
  grandfatheredUntil: string | null
  period: { start: string; end: string; billingPeriod: string | null } | null
  graceEndsAt: string | null
  pendingChange: { tier: { name: Text }; effectiveAt: string } | null
  trial: { tier: { name: Text }; endsAt: string; returnsTo: { name: Text } | null } | null
  benefits: {
    key: string
    name: Text
    granted: boolean
    display: Text
    source: Source | null
    quota: {
      limit: number | null
      used: number
      remaining: number | null
      resetsAt: string | null
    } | null
  }[]
  courseAccess: { id: string; name: Text }[]
}

const words = {
  title: { zh: '当前权益（实时计算）', en: 'Entitlements now (computed)' },
  loading: { zh: '加载中…', en: 'Loading…' },
  failed: { zh: '无法加载权益：', en: 'Could not load the entitlements: ' },
  saveFirst: { zh: '保存会员后显示其权益。', en: 'Save the member to see their entitlements.' },
  tier: { zh: '等级', en: 'Tier' },
  status: { zh: '状态', en: 'Status' },
  until: { zh: '有效至', en: 'Until' },
  grace: { zh: '宽限至', en: 'Grace until' },
  pending: { zh: '待生效降级', en: 'Scheduled downgrade' },
  trial: {
    zh: (until: string, back: string) => `试用至 ${until}，之后回到 ${back}`,
    en: (until: string, back: string) => `on trial until ${until}, then back on ${back}`,
  },
  entry: { zh: '入门等级', en: 'the entry tier' },
  kept: {
    zh: (held: number, until: string) => `保留 v${held} 中更优的权益至 ${until}`,
    en: (held: number, until: string) => `keeps the better values of v${held} until ${until}`,
  },
  benefit: { zh: '权益', en: 'Benefit' },
  value: { zh: '当前值', en: 'Value' },
  source: { zh: '来源', en: 'Source' },
  quota: { zh: '额度', en: 'Quota' },
  grant: { zh: '赠送', en: 'Grant' },
  courses: { zh: '开放的课程层级', en: 'Course-access tiers open' },
  left: {
    zh: (remaining: number, limit: number) => `剩 ${remaining}/${limit}`,
    en: (remaining: number, limit: number) => `${remaining} of ${limit} left`,
  },
  unlimited: { zh: '不限', en: 'unlimited' },
  resets: { zh: '重置', en: 'resets' },
}

export function MemberEntitlements() {
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'zh'
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!id) return
    let cancelled = false
    fetch(`/api/members/${id}/entitlements`, { credentials: 'include' })
      .then(async (response) => {
        const body = await response.json()
        if (!response.ok) throw new Error(body?.message?.[language] ?? response.statusText)
        if (!cancelled) setAnswer(body as Answer)
      })
      .catch((failure: Error) => !cancelled && setError(failure.message))
    return () => {
      cancelled = true
    }
  }, [id, language])

  if (!id) return <p className="field-description">{words.saveFirst[language]}</p>
  const date = (value: string | null) =>
    value ? new Date(value).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB') : '—'
  const source = (value: Source | null) =>
    !value
      ? '—'
      : value.type === 'tier'
        ? `${value.tierSlug} v${value.version}`
        : `${words.grant[language]}: ${value.reason} (${words.until[language]} ${date(value.endsAt ?? null)})`

  return (
    <div data-testid="member-entitlements" style={{ marginBottom: 'calc(var(--base) * 1.5)' }}>
      <h3 style={{ marginBottom: 'calc(var(--base) / 2)' }}>{words.title[language]}</h3>
      {error && <p role="alert">{`${words.failed[language]}${error}`}</p>}
      {!answer && !error && <p>{words.loading[language]}</p>}
      {answer && (
        <>
          <p>
            {words.tier[language]}: <strong>{answer.tier?.name[language] ?? '—'}</strong> (v
            {answer.version}) · {words.status[language]}: <strong>{answer.status}</strong>
            {answer.period && ` · ${words.until[language]} ${date(answer.period.end)}`}
            {answer.graceEndsAt && ` · ${words.grace[language]} ${date(answer.graceEndsAt)}`}
            {answer.heldVersion !== null &&
              ` · ${words.kept[language](answer.heldVersion, date(answer.grandfatheredUntil))}`}
            {answer.pendingChange &&
              ` · ${words.pending[language]}: ${answer.pendingChange.tier.name[language]} (${date(answer.pendingChange.effectiveAt)})`}
            {answer.trial &&
              ` · ${words.trial[language](date(answer.trial.endsAt), answer.trial.returnsTo?.name[language] ?? words.entry[language])}`}
          </p>
          <table className="table" style={{ width: '100%' }}>
            <thead>
              <tr>
                <th>{words.benefit[language]}</th>
                <th>{words.value[language]}</th>
                <th>{words.source[language]}</th>
                <th>{words.quota[language]}</th>
              </tr>
            </thead>
            <tbody>
              {answer.benefits
                .filter((benefit) => benefit.granted)
                .map((benefit) => (
                  <tr key={benefit.key}>
                    <td>{benefit.name[language]}</td>
                    <td>{benefit.display[language]}</td>
                    <td>{source(benefit.source)}</td>
                    <td>
                      {benefit.quota
                        ? benefit.quota.limit === null
                          ? words.unlimited[language]
                          : `${words.left[language](benefit.quota.remaining ?? 0, benefit.quota.limit)} · ${words.resets[language]} ${date(benefit.quota.resetsAt)}`
                        : ''}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          <p>
            {words.courses[language]}:{' '}
            {answer.courseAccess.map((tier) => tier.name[language]).join(' · ') || '—'}
          </p>
        </>
      )}
    </div>
  )
}
