'use client'
// Campaign editor sidebar: who the campaign as edited would reach and what it would cost (the
// form's values, before anything is saved or published), and for a saved campaign its figures so
// far. Asks POST /api/campaigns/preview-audience and GET /api/campaigns/{id}/stats.
import {
  Button,
  useAllFormFields,
  useDocumentInfo,
  useLocale,
  useTranslation,
} from '@payloadcms/ui'
import { reduceFieldsToValues } from 'payload/shared'
import { useCallback, useEffect, useMemo, useState } from 'react'

type Text = { zh: string; en: string }
type Language = 'zh' | 'en'
type TierRef = { id: string; slug: string; name: Text }

type Preview = {
  evaluatedAt: string
  countedAt: 'start' | 'now'
  members: number
  eligible: number
  eligibleByTier: { tier: TierRef; members: number }[]
  ineligible: { reason: string; message: Text; members: number }[]
  prices: {
    tier: TierRef
    billingPeriod: string
    sellingPrice: number
    offerPrice: number
    saving: number
  }[]
  cost: { redemptions: number; discount: number; capped: boolean; unlimited: boolean }
  budget: { totalRedemptions: number | null; maxDiscount: number | null }
  currency: string
}

type Stats = {
  status: string
  /** A retention campaign: why the members it was offered to would not renew (rule 19). */
  cancelReasons?: { reason: string; label: Text; intents: number; confirmed: number }[]
  eligibleNow: number
  redemptions: number
  revenue: number
  discountGiven: number
  audienceAtLaunch: number | null
  audienceCountedAt: string | null
  conversion: number | null
  byTierAndPeriod: {
    tier: TierRef | null
    billingPeriod: string | null
    redemptions: number
    revenue: number
  }[]
  currency: string
}

const periods: Record<string, Text> = {
  monthly: { zh: '月付', en: 'monthly' },
  quarterly: { zh: '季付', en: 'quarterly' },
  annual: { zh: '年付', en: 'annual' },
}

const words = {
  title: { zh: '人群预览', en: 'Audience preview' },
  button: { zh: '预览人群与成本', en: 'Preview audience and cost' },
  loading: { zh: '计算中…', en: 'Working it out…' },
  failed: { zh: '无法预览：', en: 'Could not preview: ' },
  auto: { zh: '修改表单后自动更新。', en: 'Updates as you edit the form.' },
  at: {
    start: (when: string) => ({
      zh: `按开始时间 ${when} 计算`,
      en: `Counted at the start, ${when}`,
    }),
    now: (when: string) => ({ zh: `按当前时间 ${when} 计算`, en: `Counted now, ${when}` }),
  },
  eligible: {
    zh: (n: number, all: number) => `符合条件：${n} 名（共 ${all} 名会员）`,
    en: (n: number, all: number) => `Eligible: ${n} of ${all} members`,
  },
  whyNot: { zh: '不符合的原因（按首个未满足条件）', en: 'Why not (first condition missed)' },
  prices: { zh: '优惠价', en: 'Offer prices' },
  cost: {
    zh: (amount: string, n: number) => `按预算计的优惠成本：${amount}（${n} 次核销）`,
    en: (amount: string, n: number) => `Cost at the budget: ${amount} (${n} redemptions)`,
  },
  capped: { zh: '已按优惠总额上限封顶。', en: 'Stopped at the discount cap.' },
  unlimited: {
    zh: '未设核销总数与优惠总额上限：成本不封顶，随人群增长。',
    en: 'No redemption budget and no discount cap: the cost is unlimited and grows with the audience.',
  },
  statsTitle: { zh: '活动数据', en: 'Campaign figures' },
  refresh: { zh: '刷新数据', en: 'Refresh figures' },
  statsFailed: { zh: '无法读取数据：', en: 'Could not read the figures: ' },
  eligibleNow: { zh: '当前符合条件', en: 'Eligible now' },
  redemptions: { zh: '核销次数', en: 'Redemptions' },
  revenue: { zh: '收入', en: 'Revenue' },
  discount: { zh: '优惠金额', en: 'Discount given' },
  launch: { zh: '上线时人群', en: 'Audience at launch' },
  conversion: { zh: '转化率', en: 'Conversion' },
  cancelReasons: { zh: '不续费原因', en: 'Reasons for not renewing' },
  reasonCount: {
    zh: (label: string, intents: number, confirmed: number) =>
      `${label} ${intents}（已确认 ${confirmed}）`,
    en: (label: string, intents: number, confirmed: number) =>
      `${label} ${intents} (${confirmed} confirmed)`,
  },
  notLaunched: { zh: '尚未上线', en: 'not launched yet' },
}

const money = (fen: number, currency: string, language: Language) =>
  (fen / 100).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', {
    style: 'currency',
    currency,
  })

async function ask<T>(url: string, init: RequestInit, language: Language): Promise<T> {
  const response = await fetch(url, { credentials: 'include', ...init })
  const body = await response.json()
  if (!response.ok) throw new Error(body?.message?.[language] ?? response.statusText)
  return body as T
}

export function CampaignAudience() {
  const { id } = useDocumentInfo()
  const [fields] = useAllFormFields()
  const { code: contentLocale } = useLocale()
  const { i18n } = useTranslation()
  const language: Language = i18n.language === 'en' ? 'en' : 'zh'
  const [preview, setPreview] = useState<Preview | null>(null)
  const [stats, setStats] = useState<Stats | null>(null)
  const [state, setState] = useState<'idle' | 'loading' | string>('idle')
  const [statsError, setStatsError] = useState<string | null>(null)

  const values = useMemo(() => reduceFieldsToValues(fields, true), [fields])
  const date = (value: string) =>
    new Date(value).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB')

  const body = useMemo(
    () => JSON.stringify({ ...values, ...(id ? { id: String(id) } : {}) }),
    [values, id],
  )
  // The form as last previewed: an edit that changes nothing the request carries asks nothing.
  const [asked, setAsked] = useState<string | null>(null)
  const runPreview = useCallback(async () => {
    setState('loading')
    setAsked(body)
    try {
      const locale = contentLocale === 'en' ? 'en' : 'zh'
      setPreview(
        await ask<Preview>(
          `/api/campaigns/preview-audience?locale=${locale}`,
          { method: 'POST', headers: { 'Content-Type': 'application/json' }, body },
          language,
        ),
      )
      setState('idle')
    } catch (error) {
      setState(`${words.failed[language]}${(error as Error).message}`)
    }
  }, [body, contentLocale, language])

  // The figures of a saved campaign: on opening, and again on "refresh".
  const [refreshes, setRefreshes] = useState(0)
  useEffect(() => {
    if (!id) return
    let current = true
    ask<Stats>(`/api/campaigns/${id}/stats`, { method: 'GET' }, language).then(
      (value) => {
        if (!current) return
        setStats(value)
        setStatsError(null)
      },
      (error: Error) => {
        if (current) setStatsError(`${words.statsFailed[language]}${error.message}`)
      },
    )
    return () => {
      current = false
    }
  }, [id, language, refreshes])

  // Once shown, the preview follows the form, a second after the last edit.
  useEffect(() => {
    if (asked === null || asked === body) return
    const timer = setTimeout(() => void runPreview(), 1000)
    return () => clearTimeout(timer)
  }, [asked, body, runPreview])

  return (
    <div className="campaign-audience" style={{ marginBottom: 'var(--base)' }}>
      <h4 style={{ margin: '0 0 calc(var(--base) / 2)' }}>{words.title[language]}</h4>
      <Button
        buttonStyle="secondary"
        size="small"
        onClick={() => void runPreview()}
        disabled={state === 'loading'}
      >
        {state === 'loading' ? words.loading[language] : words.button[language]}
      </Button>
      {state !== 'idle' && state !== 'loading' && <p role="alert">{state}</p>}
      {preview && (
        <div data-testid="campaign-audience-preview">
          <p style={{ opacity: 0.7 }}>
            {words.at[preview.countedAt](date(preview.evaluatedAt))[language]} ·{' '}
            {words.auto[language]}
          </p>
          <p>
            <strong>{words.eligible[language](preview.eligible, preview.members)}</strong>
          </p>
          <ul style={{ paddingLeft: '1.2em' }}>
            {preview.eligibleByTier.map((row) => (
              <li key={row.tier.id}>
                {row.tier.name[language]}: {row.members}
              </li>
            ))}
          </ul>
          {preview.ineligible.length > 0 && (
            <>
              <p>{words.whyNot[language]}</p>
              <ul style={{ paddingLeft: '1.2em' }}>
                {preview.ineligible.map((row) => (
                  <li key={row.reason}>
                    {row.members} · {row.message[language]}
                  </li>
                ))}
              </ul>
            </>
          )}
          {preview.prices.length > 0 && (
            <>
              <p>{words.prices[language]}</p>
              <ul style={{ paddingLeft: '1.2em' }}>
                {preview.prices.map((row) => (
                  <li key={`${row.tier.id}-${row.billingPeriod}`}>
                    {row.tier.name[language]} {periods[row.billingPeriod]?.[language] ?? ''}:{' '}
                    {money(row.sellingPrice, preview.currency, language)} →{' '}
                    {money(row.offerPrice, preview.currency, language)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>
            {words.cost[language](
              money(preview.cost.discount, preview.currency, language),
              preview.cost.redemptions,
            )}
          </p>
          {preview.cost.capped && <p>{words.capped[language]}</p>}
          {preview.cost.unlimited && <p role="note">{words.unlimited[language]}</p>}
        </div>
      )}
      {id && (
        <div data-testid="campaign-stats" style={{ marginTop: 'var(--base)' }}>
          <h4 style={{ margin: '0 0 calc(var(--base) / 2)' }}>{words.statsTitle[language]}</h4>
          {statsError && <p role="alert">{statsError}</p>}
          {stats && (
            <ul style={{ paddingLeft: '1.2em' }}>
              <li>
                {words.eligibleNow[language]}: {stats.eligibleNow}
              </li>
              <li>
                {words.redemptions[language]}: {stats.redemptions}
              </li>
              <li>
                {words.revenue[language]}: {money(stats.revenue, stats.currency, language)}
              </li>
              <li>
                {words.discount[language]}: {money(stats.discountGiven, stats.currency, language)}
              </li>
              <li>
                {words.launch[language]}:{' '}
                {stats.audienceAtLaunch === null
                  ? words.notLaunched[language]
                  : `${stats.audienceAtLaunch} (${date(stats.audienceCountedAt!)})`}
              </li>
              <li>
                {words.conversion[language]}:{' '}
                {stats.conversion === null ? '—' : `${(stats.conversion * 100).toFixed(1)} %`}
              </li>
              {stats.byTierAndPeriod.map((row) => (
                <li key={`${row.tier?.id ?? ''}-${row.billingPeriod ?? ''}`}>
                  {row.tier?.name[language] ?? '—'}{' '}
                  {row.billingPeriod ? (periods[row.billingPeriod]?.[language] ?? '') : ''}:{' '}
                  {row.redemptions} · {money(row.revenue, stats.currency, language)}
                </li>
              ))}
              {stats.cancelReasons?.some((row) => row.intents > 0) && (
                <li data-testid="campaign-cancel-reasons">
                  {words.cancelReasons[language]}:{' '}
                  {stats.cancelReasons
                    .filter((row) => row.intents > 0)
                    .map((row) =>
                      words.reasonCount[language](row.label[language], row.intents, row.confirmed),
                    )
                    .join(' · ')}
                </li>
              )}
            </ul>
          )}
          <Button
            buttonStyle="secondary"
            size="small"
            onClick={() => setRefreshes((count) => count + 1)}
          >
            {words.refresh[language]}
          </Button>
        </div>
      )}
    </div>
  )
}
