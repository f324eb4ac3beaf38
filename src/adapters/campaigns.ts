// Campaign documents (read with locale 'all', depth 0) <-> the domain's CampaignDefinition. Field
// paths in the collection equal the domain's finding paths, so findings land at their fields.
// Amounts (discount amount and price, the discount cap) are typed in 元 and read here as 分.
import type { BillingPeriod, Locale } from '../domain/catalogue/types'
import {
  defaultPerMember,
  type AudienceStatus,
  type CampaignChannel,
  type CampaignCopy,
  type CampaignDefinition,
  type CampaignDiscount,
  type CampaignKind,
} from '../domain/campaigns/types'
import { relationId, toLocalized, yuanToExactFen } from './catalogue'

type Doc = Record<string, unknown>

const asDoc = (value: unknown): Doc =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Doc) : ({} as Doc)

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

/** An empty number field is null; a number stays as entered (the rules judge it). */
const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && !Number.isNaN(value) ? value : null

/** An empty number field the rules must see as missing. */
const numberOrNaN = (value: unknown): number => numberOrNull(value) ?? Number.NaN

/** 元 as typed -> 分 (a third decimal is kept, so the rules refuse it); empty is null. */
const fenOrNull = (value: unknown): number | null =>
  typeof value === 'number' && !Number.isNaN(value) ? yuanToExactFen(value) : null

const dateOf = (value: unknown): Date =>
  typeof value === 'string' || value instanceof Date ? new Date(value) : new Date(Number.NaN)

const dateOrNull = (value: unknown): Date | null =>
  value === null || value === undefined || value === '' ? null : dateOf(value)

/** A localized text as `{ zh, en }` without falling back to the other language. */
function perLocale(value: unknown): Record<Locale, string> {
  if (typeof value === 'string') return { zh: value, en: value }
  const doc = asDoc(value)
  return { zh: text(doc.zh), en: text(doc.en) }
}

function discountOf(input: unknown): CampaignDiscount {
  const doc = asDoc(input)
  switch (doc.kind) {
    case 'percent_off':
      return { kind: 'percent_off', percent: numberOrNaN(doc.percent) }
    case 'amount_off':
      return { kind: 'amount_off', amount: fenOrNull(doc.amount) ?? Number.NaN }
    case 'fixed_price':
      return { kind: 'fixed_price', price: fenOrNull(doc.price) ?? Number.NaN }
    default:
      return { kind: 'none' }
  }
}

export type CampaignLookups = {
  /** The domain's tier id for a stored relationship id; the id itself when absent. */
  tierIdOf?: (id: string) => string
  /** The benefit key for a stored benefit id, or undefined when no such benefit exists. */
  benefitKeyOf: (id: string) => string | undefined
}

/**
 * A campaign document as the domain reads it. Read with locale 'all' for both languages of the
 * name and copy (a document read in one locale gives that text for both). A gift whose benefit is
 * unknown keeps the stored id as its key, so the rules name it.
 */
export function campaignFromDoc(input: object, lookups: CampaignLookups): CampaignDefinition {
  const doc = input as Doc
  const tierIdOf = lookups.tierIdOf ?? ((id: string) => id)
  const schedule = asDoc(doc.schedule)
  const terms = asDoc(doc.terms)
  const audience = asDoc(terms.audience)
  const growth = asDoc(audience.growthValue)
  const target = asDoc(terms.target)
  const offer = asDoc(terms.offer)
  const budget = asDoc(terms.budget)
  const copy = asDoc(doc.copy)
  const headline = perLocale(copy.headline)
  const body = perLocale(copy.body)
  const callToAction = perLocale(copy.callToAction)
  const copyIn = (locale: Locale): CampaignCopy => ({
    headline: headline[locale],
    body: body[locale],
    callToAction: callToAction[locale],
  })
  const targetTier = relationId(target.tier)
  return {
    id: String(doc.id ?? ''),
    slug: text(doc.slug),
    name: toLocalized(doc.name),
    kind: text(doc.kind) as CampaignKind,
    published: doc._status === 'published',
    schedule: {
      startsAt: dateOf(schedule.startsAt),
      endsAt: dateOf(schedule.endsAt),
      timeZone: text(schedule.timeZone),
      pausedAt: dateOrNull(schedule.pausedAt),
      endedAt: dateOrNull(schedule.endedAt),
    },
    terms: {
      audience: {
        tierIds: list(audience.tiers)
          .map(relationId)
          .filter((id): id is string => id !== null)
          .map(tierIdOf),
        statuses: list(audience.statuses).map(text) as AudienceStatus[],
        periodEndsWithinDays: numberOrNull(audience.periodEndsWithinDays),
        lapsedWithinDays: numberOrNull(audience.lapsedWithinDays),
        joinedWithinDays: numberOrNull(audience.joinedWithinDays),
        billingPeriods: list(audience.billingPeriods).map(text) as BillingPeriod[],
        growthValue: { min: numberOrNull(growth.min), max: numberOrNull(growth.max) },
        excludeRedeemedSameKindWithinDays: numberOrNull(audience.excludeRedeemedSameKindWithinDays),
      },
      target: {
        tierId: targetTier === null ? null : tierIdOf(targetTier),
        billingPeriods: list(target.billingPeriods).map(text) as BillingPeriod[],
      },
      offer: {
        discount: discountOf(offer.discount),
        bonusDays: numberOrNull(offer.bonusDays) ?? 0,
        // Empty means "no trial days" (0): refused on a trial, nothing on any other kind; never NaN,
        // which would make an offer's ranking value NaN.
        trialDays: numberOrNull(offer.trialDays) ?? 0,
        gifts: list(offer.gifts).map((entry) => {
          const row = asDoc(entry)
          const benefitId = relationId(row.benefit) ?? ''
          return {
            benefitKey: lookups.benefitKeyOf(benefitId) ?? benefitId,
            amount: numberOrNaN(row.amount),
            validDays: numberOrNaN(row.validDays),
          }
        }),
      },
      budget: {
        totalRedemptions: numberOrNull(budget.totalRedemptions),
        perMember: numberOrNull(budget.perMember) ?? defaultPerMember,
        maxDiscount: fenOrNull(budget.maxDiscount),
      },
      priority: numberOrNull(terms.priority) ?? 0,
    },
    channels: list(doc.channels).map(text) as CampaignChannel[],
    copy: { zh: copyIn('zh'), en: copyIn('en') },
  }
}

const localizedPaths = [
  ['name'],
  ['copy', 'headline'],
  ['copy', 'body'],
  ['copy', 'callToAction'],
] as const

const isPlainObject = (value: unknown): value is Doc =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)

/** `base` with `over` laid on top: objects merge key by key, anything else is replaced. */
function deepMerge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base
  if (!isPlainObject(base) || !isPlainObject(over)) return over
  const merged: Doc = { ...base }
  for (const [key, value] of Object.entries(over)) merged[key] = deepMerge(base[key], value)
  return merged
}

/**
 * The document as it will read after an edit, in every language: `stored` is read with locale
 * 'all'; `edit` carries the localized fields in the editor's locale only (`locale`), so those are
 * put into that language and the other language is kept.
 */
export function editedCampaign(stored: object, edit: object, locale: unknown): Doc {
  const editDoc = edit as Doc
  const merged = deepMerge(stored, edit) as Doc
  const language: Locale = locale === 'en' ? 'en' : 'zh'
  for (const path of localizedPaths) {
    const read = (root: Doc) => path.reduce<unknown>((at, key) => asDoc(at)[key], root)
    const edited = read(editDoc)
    // Not edited (the stored languages stay), or edited in every language at once (merged).
    if (edited === undefined || isPlainObject(edited)) continue
    let parent: Doc = merged
    for (const key of path.slice(0, -1)) {
      parent[key] = { ...asDoc(parent[key]) }
      parent = parent[key] as Doc
    }
    parent[path[path.length - 1]!] = { ...perLocale(read(stored as Doc)), [language]: text(edited) }
  }
  return merged
}
