'use client'
// Campaign editor sidebar: "who would this reach, and what would it cost?" — the audience preview
// of the values in the form, before publishing — and, for a published campaign, its figures so far
// (eligible now, redemptions, revenue, discount given, conversion). Amounts arrive in 分.
import {
  Button,
  useAllFormFields,
  useDocumentInfo,
  useLocale,
  useTranslation,
} from '@payloadcms/ui'
import { reduceFieldsToValues } from 'payload/shared'
import { useEffect, useState } from 'react'

type Text = { zh: string; en: string }
type TierCount = { tier: { id: string; slug: string; name: Text }; members: number }
type Preview = {
  evaluatedAt: string
  countedAt: 'now' | 'start'
  members: number
  eligible: number
  eligibleByTier: TierCount[]
  ineligible: { reason: string; message: Text; members: number }[]
  prices: {
    tier: { name: Text }
    billingPeriod: string
    sellingPrice: number
    offerPrice: number
    saving: number
  }[]
  cost: { redemptions: number; discount: number; capped: boolean; unlimited: boolean }
  tookMs: number
}
type Stats = {
  status: string
  eligibleNow: number
  redemptions: number
  revenue: number
  discountGiven: number
  audienceAtLaunch: number | null
  audienceCountedAt: string | null
  conversion: number | null
}

const words = {
  preview: { zh: '人群预览', en: 'Audience preview' },
  button: { zh: '预览符合条件的会员', en: 'Preview who qualifies' },
  loading: { zh: '计算中…', en: 'Working it out…' },
  saveFirst: {
    zh: '先保存草稿，即可预览人群。',
    en: 'Save a draft first to preview the audience.',
  },
  failed: { zh: '无法计算：', en: 'Could not work it out: ' },
  eligible: {
    zh: (eligible: number, total: number, when: string) =>
      `${when}符合条件：${eligible} 名（共 ${total} 名会员）`,
    en: (eligible: number, total: number, when: string) =>
      `Eligible ${when}: ${eligible} of ${total} members`,
  },
  atStart: { zh: '活动开始时', en: 'at the start' },
  now: { zh: '当前', en: 'now' },
  notEligible: { zh: '不符合的原因', en: 'Why the others do not qualify' },
  prices: { zh: '活动价', en: 'Offer prices' },
  cost: {
    zh: (redemptions: number, discount: string) =>
      `按预算：最多 ${redemptions} 次核销，优惠共 ${discount}`,
    en: (redemptions: number, discount: string) =>
      `At the budget: up to ${redemptions} redemptions, ${discount} of discount`,
  },
  capped: { zh: '（已受优惠上限限制）', en: ' (held to the discount cap)' },
  unlimited: {
    zh: '未设名额和优惠上限：成本随核销增长。',
    en: 'No redemption budget or discount cap: the cost grows with every redemption.',
  },
  stats: { zh: '活动数据', en: 'Campaign figures' },
  eligibleNow: { zh: '当前符合条件', en: 'Eligible now' },
  redemptions: { zh: '核销次数', en: 'Redemptions' },
  revenue: { zh: '收入', en: 'Revenue' },
  discountGiven: { zh: '已给优惠', en: 'Discount given' },
  conversion: {
    zh: '转化率（核销 / 上线时人群）',
    en: 'Conversion (redemptions / audience at launch)',
  },
  noLaunch: { zh: '尚未上线', en: 'not launched yet' },
  refresh: { zh: '刷新数据', en: 'Refresh figures' },
}

const periods: Record<string, Text> = {
  monthly: { zh: '月付', en: 'monthly' },
  quarterly: { zh: '季付', en: 'quarterly' },
  annual: { zh: '年付', en: 'annual' },
}

/** 分 as ¥ with two decimals. */
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`

export function CampaignInsights() {
  const { id } = useDocumentInfo()
  const [fields] = useAllFormFields()
  const { i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'zh'
  // The form's localized fields are in the content locale the editor is working in.
  const contentLocale = useLocale()?.code === 'en' ? 'en' : 'zh'
  const [preview, setPreview] = useState<Preview | null>(null)
  const [stats, setStats] = useState<Stats | null>(null)
  const [state, setState] = useState<'idle' | 'loading' | string>('idle')

  const [statsRound, setStatsRound] = useState(0)
  useEffect(() => {
    if (!id) return
    let current = true
    fetch(`/api/campaigns/${id}/stats`, { credentials: 'include' })
      .then((response) => (response.ok ? (response.json() as Promise<Stats>) : null))
      .then((body) => {
        if (current && body) setStats(body)
      })
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [id, statsRound])

  if (!id) return <p className="field-description">{words.saveFirst[language]}</p>

  const runPreview = async () => {
    setState('loading')
    try {
      const values = reduceFieldsToValues(fields, true)
      const response = await fetch(
        `/api/campaigns/${id}/preview-audience?locale=${contentLocale}`,
        {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json', 'Accept-Language': language },
          body: JSON.stringify(values),
        },
      )
      const body = await response.json()
      if (!response.ok) throw new Error(body?.message?.[language] ?? response.statusText)
      setPreview(body as Preview)
      setState('idle')
    } catch (error) {
      setState(`${words.failed[language]}${(error as Error).message}`)
    }
  }

  return (
    <div className="campaign-insights" style={{ marginBottom: 'var(--base)' }}>
      <h4 style={{ margin: '0 0 calc(var(--base) / 2)' }}>{words.preview[language]}</h4>
      <Button
        buttonStyle="secondary"
        size="small"
        onClick={runPreview}
        disabled={state === 'loading'}
      >
        {state === 'loading' ? words.loading[language] : words.button[language]}
      </Button>
      {state !== 'idle' && state !== 'loading' && <p role="alert">{state}</p>}
      {preview && (
        <div data-testid="audience-preview">
          <p>
            <strong>
              {words.eligible[language](
                preview.eligible,
                preview.members,
                preview.countedAt === 'start' ? words.atStart[language] : words.now[language],
              )}
            </strong>
          </p>
          <ul style={{ paddingLeft: '1.2em' }}>
            {preview.eligibleByTier.map((row) => (
              <li key={row.tier.id}>
                {row.tier.name[language]}: {row.members}
              </li>
            ))}
          </ul>
          {preview.prices.length > 0 && (
            <>
              <p style={{ marginBottom: 0 }}>{words.prices[language]}</p>
              <ul style={{ paddingLeft: '1.2em' }}>
                {preview.prices.map((price) => (
                  <li key={`${price.tier.name.en}-${price.billingPeriod}`}>
                    {price.tier.name[language]} · {periods[price.billingPeriod]?.[language]}:{' '}
                    {yuan(price.offerPrice)} <s>{yuan(price.sellingPrice)}</s>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p data-testid="audience-cost">
            {words.cost[language](preview.cost.redemptions, yuan(preview.cost.discount))}
            {preview.cost.capped && words.capped[language]}
          </p>
          {preview.cost.unlimited && <p>{words.unlimited[language]}</p>}
          {preview.ineligible.length > 0 && (
            <details>
              <summary>{words.notEligible[language]}</summary>
              <ul style={{ paddingLeft: '1.2em' }}>
                {preview.ineligible.map((row) => (
                  <li key={row.reason}>
                    {row.message[language]} {row.members}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
      {stats && stats.status !== 'draft' && (
        <div data-testid="campaign-stats" style={{ marginTop: 'var(--base)' }}>
          <h4 style={{ margin: '0 0 calc(var(--base) / 2)' }}>{words.stats[language]}</h4>
          <dl style={{ display: 'grid', gridTemplateColumns: 'auto auto', gap: '0.25rem 1rem' }}>
            <dt>{words.eligibleNow[language]}</dt>
            <dd data-testid="stats-eligible">{stats.eligibleNow}</dd>
            <dt>{words.redemptions[language]}</dt>
            <dd data-testid="stats-redemptions">{stats.redemptions}</dd>
            <dt>{words.revenue[language]}</dt>
            <dd data-testid="stats-revenue">{yuan(stats.revenue)}</dd>
            <dt>{words.discountGiven[language]}</dt>
            <dd>{yuan(stats.discountGiven)}</dd>
            <dt>{words.conversion[language]}</dt>
            <dd>
              {stats.conversion === null
                ? stats.audienceAtLaunch === null
                  ? words.noLaunch[language]
                  : '—'
                : `${(stats.conversion * 100).toFixed(1)}% (${stats.redemptions} / ${stats.audienceAtLaunch})`}
            </dd>
          </dl>
          <Button
            buttonStyle="secondary"
            size="small"
            onClick={() => setStatsRound((round) => round + 1)}
          >
            {words.refresh[language]}
          </Button>
        </div>
      )}
    </div>
  )
}
