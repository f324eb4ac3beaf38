// A campaign's guard rails, refused at publish (`campaignFindings`), and the frozen-terms rule for a
// campaign members may already hold (`liveEditFindings`). Findings carry the Payload field path
// and a zh/en message naming the campaign, tiers and benefits involved and how to fix it.
import {
  locales,
  type BenefitDefinition,
  type BillingPeriod,
  type Localized,
  type TierDefinition,
  type TierPrice,
} from '../catalogue/types'
import { isWithinRange } from '../catalogue/values'
import { giftRange } from './gifts'
import {
  campaignAudienceInvalid,
  campaignBillingPeriodNotSold,
  campaignBudgetInvalid,
  campaignChannelsMissing,
  campaignCopyMissing,
  campaignDaysOutOfRange,
  campaignDiscountInvalid,
  campaignGiftInvalid,
  campaignLiveEditInvalid,
  campaignLiveTermsFrozen,
  campaignOfferEmpty,
  campaignOfferNotBelowPrice,
  campaignPriorityInvalid,
  campaignScheduleInvalid,
  campaignTargetMissing,
  campaignTargetNotAboveAudience,
  campaignTargetNotOwnTier,
  campaignTargetNotPurchasable,
  campaignTimeZoneInvalid,
  campaignTooLong,
  campaignTrialDaysNotTrial,
  shownMoney,
  type AudienceDaysField,
  type BudgetField,
  type CopyField,
  type FrozenStatus,
  type NotPurchasable,
  type PricedDiscount,
} from './messages'
import { offerPrice } from './pricing'
import { addCalendarDays, calendarDaysBetween, isTimeZone, wallClockOf } from './schedule'
import { campaignStatus, termsFrozen } from './status'
import {
  kindsOnOwnTier,
  kindsWithTargetTier,
  type AudienceStatus,
  type CampaignDefinition,
  type CampaignFinding,
  type CampaignKind,
  type CampaignSettings,
  type CampaignUsage,
} from './types'

/** A tier as campaign rules read it: its definition plus whether it is published and archived. */
export type CampaignTier = TierDefinition & { published: boolean; archived: boolean }

export type CampaignFindingsInput = {
  campaign: CampaignDefinition
  tiers: readonly CampaignTier[]
  /** Benefits gifts may name (not archived). */
  benefits: readonly BenefitDefinition[]
  settings: CampaignSettings
  /** For prices in messages; the platform's currency. */
  currency?: string
  now: Date
}

const validDate = (date: Date): boolean => !Number.isNaN(date.getTime())
const isWhole = (value: number, min: number): boolean => Number.isInteger(value) && value >= min

/** A time as the editor sees it: `2026-11-11 00:00 (Asia/Shanghai)`. */
export function shownTime(instant: Date, timeZone: string): string {
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC'
  return `${wallClockOf(instant, zone).replace('T', ' ')} (${zone})`
}

const includes = <T>(values: readonly T[], value: T): boolean => values.includes(value)

/** Why a tier cannot be sold by a campaign, or null when it can. */
export function notPurchasable(tier: CampaignTier | undefined): NotPurchasable | null {
  if (!tier) return 'unknown'
  if (!tier.published) return 'unpublished'
  if (tier.archived) return 'archived'
  if (tier.kind === 'honorary') return 'honorary'
  if (tier.kind === 'entry') return 'entry'
  if (tier.kind === 'growth' && tier.prices.length === 0) return 'growth-only'
  return null
}

/** The "lasts at most N days" rail: ends no later than N calendar days after it starts. */
function durationFindings(
  campaign: CampaignDefinition,
  settings: CampaignSettings,
): CampaignFinding[] {
  const { startsAt, endsAt } = campaign.schedule
  const zone = isTimeZone(campaign.schedule.timeZone) ? campaign.schedule.timeZone : 'UTC'
  if (!validDate(startsAt) || !validDate(endsAt) || endsAt <= startsAt) return []
  if (endsAt <= addCalendarDays(startsAt, settings.maxCampaignDays, zone)) return []
  return [
    {
      code: 'campaign-too-long',
      path: 'schedule.endsAt',
      message: campaignTooLong({
        campaign: campaign.name,
        start: shownTime(startsAt, zone),
        end: shownTime(endsAt, zone),
        days: calendarDaysBetween(startsAt, endsAt, zone),
        maxDays: settings.maxCampaignDays,
      }),
    },
  ]
}

function scheduleFindings(input: CampaignFindingsInput): CampaignFinding[] {
  const { campaign, now } = input
  const { startsAt, endsAt, timeZone } = campaign.schedule
  const findings: CampaignFinding[] = []
  const c = campaign.name
  if (!isTimeZone(timeZone)) {
    findings.push({
      code: 'campaign-time-zone-invalid',
      path: 'schedule.timeZone',
      message: campaignTimeZoneInvalid({ campaign: c, timeZone }),
    })
  }
  if (!validDate(startsAt)) {
    findings.push({
      code: 'campaign-schedule-invalid',
      path: 'schedule.startsAt',
      message: campaignScheduleInvalid({ campaign: c, problem: 'start-missing' }),
    })
  }
  if (!validDate(endsAt)) {
    findings.push({
      code: 'campaign-schedule-invalid',
      path: 'schedule.endsAt',
      message: campaignScheduleInvalid({ campaign: c, problem: 'end-missing' }),
    })
    return findings
  }
  if (validDate(startsAt) && endsAt <= startsAt) {
    findings.push({
      code: 'campaign-schedule-invalid',
      path: 'schedule.endsAt',
      message: campaignScheduleInvalid({
        campaign: c,
        problem: 'end-not-after-start',
        start: shownTime(startsAt, timeZone),
        end: shownTime(endsAt, timeZone),
      }),
    })
  } else if (endsAt <= now) {
    findings.push({
      code: 'campaign-schedule-invalid',
      path: 'schedule.endsAt',
      message: campaignScheduleInvalid({
        campaign: c,
        problem: 'ended-already',
        end: shownTime(endsAt, timeZone),
        now: shownTime(now, timeZone),
      }),
    })
  }
  findings.push(...durationFindings(campaign, input.settings))
  return findings
}

type TargetContext = {
  /** The target tier when one is set, known and purchasable. */
  target: CampaignTier | null
  /** Tiers whose prices the offer applies to. */
  pricedTiers: readonly CampaignTier[]
}

function targetContext(input: CampaignFindingsInput): TargetContext {
  const { campaign, tiers } = input
  const byId = new Map(tiers.map((tier) => [tier.id, tier]))
  const { tierId } = campaign.terms.target
  if (tierId !== null) {
    const tier = byId.get(tierId)
    const target = tier && notPurchasable(tier) === null ? tier : null
    return { target, pricedTiers: target ? [target] : [] }
  }
  // The member's own tier: every audience tier that sells something, or every purchasable tier.
  const audienceTiers = campaign.terms.audience.tierIds
    .map((id) => byId.get(id))
    .filter((tier): tier is CampaignTier => tier !== undefined)
  const pricedTiers = campaign.terms.audience.tierIds.length
    ? audienceTiers.filter((tier) => tier.prices.length > 0)
    : tiers.filter((tier) => notPurchasable(tier) === null)
  return { target: null, pricedTiers }
}

function targetFindings(input: CampaignFindingsInput, context: TargetContext): CampaignFinding[] {
  const { campaign, tiers } = input
  const { kind } = campaign
  const { tierId, billingPeriods } = campaign.terms.target
  const c = campaign.name
  const findings: CampaignFinding[] = []
  const tier = tierId === null ? undefined : tiers.find((candidate) => candidate.id === tierId)
  const tierName: Localized = tier?.name ?? { zh: tierId ?? '', en: tierId ?? '' }

  if (tierId === null && includes(kindsWithTargetTier, kind)) {
    findings.push({
      code: 'campaign-target-missing',
      path: 'terms.target.tier',
      message: campaignTargetMissing({ campaign: c, kind }),
    })
  }
  if (tierId !== null && includes(kindsOnOwnTier, kind)) {
    findings.push({
      code: 'campaign-target-not-own-tier',
      path: 'terms.target.tier',
      message: campaignTargetNotOwnTier({ campaign: c, kind, tier: tierName }),
    })
    return findings
  }
  if (tierId !== null) {
    const reason = notPurchasable(tier)
    if (reason) {
      findings.push({
        code: 'campaign-target-not-purchasable',
        path: 'terms.target.tier',
        message: campaignTargetNotPurchasable({ campaign: c, tier: tierName, reason }),
      })
    }
  }
  const { target } = context
  if (target && (kind === 'upgrade' || kind === 'trial')) {
    const notBelow = tiers
      .filter((other) => campaign.terms.audience.tierIds.includes(other.id))
      .filter((other) => other.rank >= target.rank)
      .sort((a, b) => a.rank - b.rank)
    if (notBelow.length) {
      findings.push({
        code: 'campaign-target-not-above-audience',
        path: 'terms.target.tier',
        message: campaignTargetNotAboveAudience({
          campaign: c,
          kind,
          tier: target.name,
          rank: target.rank,
          notBelow: notBelow.map((other) => other.name),
        }),
      })
    }
  }

  const seen = new Set<BillingPeriod>()
  for (const [index, period] of billingPeriods.entries()) {
    const path = `terms.target.billingPeriods.${index}`
    if (seen.has(period)) {
      findings.push({
        code: 'campaign-billing-period-not-sold',
        path,
        message: campaignBillingPeriodNotSold({ problem: 'twice', period }),
      })
      continue
    }
    seen.add(period)
    const sells = (candidate: TierDefinition) =>
      candidate.prices.some((price) => price.period === period)
    if (target && !sells(target)) {
      findings.push({
        code: 'campaign-billing-period-not-sold',
        path,
        message: campaignBillingPeriodNotSold({ problem: 'not-sold', period, tier: target.name }),
      })
    } else if (tierId === null && !context.pricedTiers.some(sells)) {
      findings.push({
        code: 'campaign-billing-period-not-sold',
        path,
        message: campaignBillingPeriodNotSold({ problem: 'not-sold-by-audience', period }),
      })
    }
  }
  return findings
}

function offerFindings(input: CampaignFindingsInput): CampaignFinding[] {
  const { campaign, settings } = input
  const { discount, bonusDays, trialDays, gifts } = campaign.terms.offer
  const findings: CampaignFinding[] = []
  switch (discount.kind) {
    case 'percent_off':
      if (!isWhole(discount.percent, 1) || discount.percent > settings.maxPercentOff) {
        findings.push({
          code: 'campaign-discount-invalid',
          path: 'terms.offer.discount.percent',
          message: campaignDiscountInvalid({
            problem: 'percent',
            entered: discount.percent,
            max: settings.maxPercentOff,
          }),
        })
      }
      break
    case 'amount_off':
      if (!isWhole(discount.amount, 1)) {
        findings.push({
          code: 'campaign-discount-invalid',
          path: 'terms.offer.discount.amount',
          message: campaignDiscountInvalid({ problem: 'amount', entered: discount.amount }),
        })
      }
      break
    case 'fixed_price':
      if (!isWhole(discount.price, 0)) {
        findings.push({
          code: 'campaign-discount-invalid',
          path: 'terms.offer.discount.price',
          message: campaignDiscountInvalid({ problem: 'price', entered: discount.price }),
        })
      }
      break
    case 'none':
      break
  }
  if (!isWhole(bonusDays, 0) || bonusDays > settings.maxBonusDays) {
    findings.push({
      code: 'campaign-days-out-of-range',
      path: 'terms.offer.bonusDays',
      message: campaignDaysOutOfRange({
        field: 'bonusDays',
        entered: bonusDays,
        min: 0,
        max: settings.maxBonusDays,
      }),
    })
  }
  if (campaign.kind === 'trial') {
    if (!isWhole(trialDays, 1) || trialDays > settings.maxTrialDays) {
      findings.push({
        code: 'campaign-days-out-of-range',
        path: 'terms.offer.trialDays',
        message: campaignDaysOutOfRange({
          field: 'trialDays',
          entered: trialDays,
          min: 1,
          max: settings.maxTrialDays,
        }),
      })
    }
  } else if (!Number.isNaN(trialDays) && trialDays !== 0) {
    // An empty field (NaN) on a campaign that is not a trial means no trial.
    findings.push({
      code: 'campaign-trial-days-not-trial',
      path: 'terms.offer.trialDays',
      message: campaignTrialDaysNotTrial({
        campaign: campaign.name,
        kind: campaign.kind,
        days: trialDays,
      }),
    })
  }
  // A trial without trial days is already refused at the trial days.
  const givesSomething =
    discount.kind !== 'none' || bonusDays > 0 || trialDays > 0 || gifts.length > 0
  if (!givesSomething && campaign.kind !== 'trial') {
    findings.push({
      code: 'campaign-offer-empty',
      path: 'terms.offer.discount',
      message: campaignOfferEmpty({ campaign: campaign.name }),
    })
  }
  return findings
}

const discountPath: Record<PricedDiscount['kind'], string> = {
  percent_off: 'terms.offer.discount.percent',
  amount_off: 'terms.offer.discount.amount',
  fixed_price: 'terms.offer.discount.price',
}

/**
 * The offer price is at least 0 and below the selling price of every price it applies to: the
 * target's prices, or for the member's own tier each audience tier's (docs/campaigns.md).
 */
function priceFindings(
  input: CampaignFindingsInput,
  context: TargetContext,
  discountValid: boolean,
): CampaignFinding[] {
  const { discount } = input.campaign.terms.offer
  if (discount.kind === 'none' || !discountValid) return []
  const periods = input.campaign.terms.target.billingPeriods
  const currency = input.currency ?? 'CNY'
  const findings: CampaignFinding[] = []
  const applies = (price: TierPrice) => periods.length === 0 || periods.includes(price.period)
  for (const tier of context.pricedTiers) {
    for (const price of tier.prices.filter(applies)) {
      const selling = price.sellingPrice
      const raw =
        discount.kind === 'amount_off'
          ? selling - discount.amount
          : discount.kind === 'fixed_price'
            ? discount.price
            : offerPrice(selling, discount)
      if (raw >= 0 && raw < selling) continue
      findings.push({
        code: 'campaign-offer-not-below-price',
        path: discountPath[discount.kind],
        message: campaignOfferNotBelowPrice({
          discount,
          tier: tier.name,
          period: price.period,
          sellingPrice: selling,
          offerPrice: offerPrice(selling, discount),
          currency,
        }),
      })
    }
  }
  return findings
}

function giftFindings(input: CampaignFindingsInput): CampaignFinding[] {
  const byKey = new Map(input.benefits.map((benefit) => [benefit.key, benefit]))
  const firstRowOf = new Map<string, number>()
  const findings: CampaignFinding[] = []
  for (const [index, gift] of input.campaign.terms.offer.gifts.entries()) {
    const path = `terms.offer.gifts.${index}`
    const row = index + 1
    const benefit = byKey.get(gift.benefitKey)
    const add = (field: string, message: Localized) =>
      findings.push({ code: 'campaign-gift-invalid', path: `${path}.${field}`, message })
    if (!benefit) {
      add(
        'benefit',
        campaignGiftInvalid({ row, problem: 'benefit-unknown', benefitKey: gift.benefitKey }),
      )
      continue
    }
    const firstRow = firstRowOf.get(benefit.key)
    if (firstRow !== undefined) {
      add(
        'benefit',
        campaignGiftInvalid({ row, problem: 'benefit-twice', benefit: benefit.name, firstRow }),
      )
      continue
    }
    firstRowOf.set(benefit.key, row)
    if (benefit.shape.kind === 'level') {
      add('benefit', campaignGiftInvalid({ row, problem: 'not-giftable', benefit: benefit.name }))
      continue
    }
    const range = giftRange(benefit)
    if (range && !isWithinRange(range, gift.amount)) {
      add(
        'amount',
        campaignGiftInvalid({
          row,
          problem: 'amount',
          benefit: benefit.name,
          entered: gift.amount,
          range,
        }),
      )
    }
    if (!isWhole(gift.validDays, 1)) {
      add(
        'validDays',
        campaignGiftInvalid({
          row,
          problem: 'valid-days',
          benefit: benefit.name,
          entered: gift.validDays,
        }),
      )
    }
  }
  return findings
}

function budgetFindings(input: CampaignFindingsInput): CampaignFinding[] {
  const { budget, priority } = input.campaign.terms
  const findings: CampaignFinding[] = []
  const check = (field: BudgetField, value: number | null, nullable: boolean) => {
    if (value === null && nullable) return
    if (value !== null && isWhole(value, 1)) return
    findings.push({
      code: 'campaign-budget-invalid',
      path: `terms.budget.${field}`,
      message: campaignBudgetInvalid({ field, entered: value ?? Number.NaN }),
    })
  }
  check('totalRedemptions', budget.totalRedemptions, true)
  check('perMember', budget.perMember, false)
  check('maxDiscount', budget.maxDiscount, true)
  if (!Number.isInteger(priority)) {
    findings.push({
      code: 'campaign-priority-invalid',
      path: 'terms.priority',
      message: campaignPriorityInvalid({ entered: priority }),
    })
  }
  return findings
}

/** Statuses a member of each kind must have; an audience listing statuses must include one. */
const statusesForKind: Partial<Record<CampaignKind, readonly AudienceStatus[]>> = {
  renewal: ['active', 'grace'],
  retention: ['active', 'grace'],
  winback: ['lapsed'],
}

const audienceDaysFields: readonly AudienceDaysField[] = [
  'periodEndsWithinDays',
  'lapsedWithinDays',
  'joinedWithinDays',
  'excludeRedeemedSameKindWithinDays',
]

function audienceFindings(input: CampaignFindingsInput): CampaignFinding[] {
  const { campaign, tiers } = input
  const { audience } = campaign.terms
  const c = campaign.name
  const known = new Set(tiers.map((tier) => tier.id))
  const findings: CampaignFinding[] = []
  for (const tierId of audience.tierIds) {
    if (known.has(tierId)) continue
    findings.push({
      code: 'campaign-audience-invalid',
      path: 'terms.audience.tiers',
      message: campaignAudienceInvalid({ campaign: c, problem: 'tier-unknown', tierId }),
    })
  }
  for (const field of audienceDaysFields) {
    const value = audience[field]
    if (value === null || isWhole(value, 0)) continue
    findings.push({
      code: 'campaign-audience-invalid',
      path: `terms.audience.${field}`,
      message: campaignAudienceInvalid({ campaign: c, problem: 'days', field, entered: value }),
    })
  }
  const { min, max } = audience.growthValue
  if (min !== null && max !== null && min > max) {
    findings.push({
      code: 'campaign-audience-invalid',
      path: 'terms.audience.growthValue.max',
      message: campaignAudienceInvalid({ campaign: c, problem: 'growth-range', min, max }),
    })
  }
  const needed = statusesForKind[campaign.kind]
  if (
    needed &&
    audience.statuses.length &&
    !needed.some((status) => audience.statuses.includes(status))
  ) {
    findings.push({
      code: 'campaign-audience-invalid',
      path: 'terms.audience.statuses',
      message: campaignAudienceInvalid({
        campaign: c,
        problem: 'statuses',
        kind: campaign.kind,
        needed,
      }),
    })
  }
  return findings
}

const copyFields: readonly CopyField[] = ['headline', 'callToAction']

function presentationFindings(campaign: CampaignDefinition): CampaignFinding[] {
  const findings: CampaignFinding[] = []
  if (campaign.channels.length === 0) {
    findings.push({
      code: 'campaign-channels-missing',
      path: 'channels',
      message: campaignChannelsMissing({ campaign: campaign.name }),
    })
  }
  for (const locale of locales) {
    for (const field of copyFields) {
      if ((campaign.copy[locale]?.[field] ?? '').trim() !== '') continue
      findings.push({
        code: 'campaign-copy-missing',
        path: `copy.${field}`,
        message: campaignCopyMissing({ locale, field }),
      })
    }
  }
  return findings
}

/** Every guard rail a campaign must keep to be published (docs/campaigns.md). */
export function campaignFindings(input: CampaignFindingsInput): CampaignFinding[] {
  const context = targetContext(input)
  const offer = offerFindings(input)
  const discountValid = !offer.some((finding) => finding.code === 'campaign-discount-invalid')
  return [
    ...scheduleFindings(input),
    ...audienceFindings(input),
    ...targetFindings(input, context),
    ...offer,
    ...priceFindings(input, context, discountValid),
    ...giftFindings(input),
    ...budgetFindings(input),
    ...presentationFindings(input.campaign),
  ]
}

export type LiveEditInput = {
  previous: CampaignDefinition
  next: CampaignDefinition
  usage: CampaignUsage
  /** When given, a later end must still keep the campaign within its maximum length. */
  settings?: CampaignSettings
  /** For amounts in messages; the platform's currency. */
  currency?: string
  now: Date
}

/** Domain field names where the admin's differ, so findings point at the admin's fields. */
const adminFieldNames: Readonly<Record<string, string>> = {
  tierIds: 'tiers',
  tierId: 'tier',
  benefitKey: 'benefit',
}

/** How a changed frozen field is named in the message, by the longest matching path prefix. */
const frozenFieldWords: ReadonlyArray<readonly [string, Localized]> = [
  ['kind', { zh: '活动类型', en: 'kind' }],
  ['slug', { zh: '标识', en: 'slug' }],
  ['published', { zh: '发布状态', en: 'published state' }],
  ['schedule.startsAt', { zh: '开始时间', en: 'start' }],
  ['schedule.timeZone', { zh: '时区', en: 'time zone' }],
  ['terms.audience', { zh: '人群', en: 'audience' }],
  ['terms.target.tier', { zh: '目标等级', en: 'target tier' }],
  ['terms.target.billingPeriods', { zh: '计费周期', en: 'billing periods' }],
  ['terms.offer.discount', { zh: '折扣', en: 'discount' }],
  ['terms.offer.bonusDays', { zh: '赠送天数', en: 'bonus days' }],
  ['terms.offer.trialDays', { zh: '试用天数', en: 'trial days' }],
  ['terms.offer.gifts', { zh: '赠品', en: 'gifts' }],
  ['terms.priority', { zh: '优先级', en: 'priority' }],
]

function frozenFieldWord(path: string): Localized {
  let best: readonly [string, Localized] | undefined
  for (const entry of frozenFieldWords) {
    const [prefix] = entry
    if (
      (path === prefix || path.startsWith(`${prefix}.`)) &&
      (!best || prefix.length > best[0].length)
    ) {
      best = entry
    }
  }
  return best?.[1] ?? { zh: path, en: path }
}

/** What members hold: everything but the end, pause, hand-end, budget, copy, channels and name. */
function frozenView(campaign: CampaignDefinition) {
  const { audience, target, offer, priority } = campaign.terms
  return {
    kind: campaign.kind,
    slug: campaign.slug,
    published: campaign.published,
    schedule: { startsAt: campaign.schedule.startsAt, timeZone: campaign.schedule.timeZone },
    terms: { audience, target, offer, priority },
  }
}

/**
 * Paths (admin field names) where two plain values differ: leaves of objects and arrays, Dates by
 * instant. A list that gained or lost rows is one difference, at the list; a discriminated object
 * below the root (one with `kind`, such as the discount) whose kind changed is one, at its kind.
 */
function differences(a: unknown, b: unknown, path: string, out: string[]): void {
  if (a instanceof Date || b instanceof Date) {
    const same = a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
    if (!same) out.push(path)
    return
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    // Rows added or removed: the list as a whole changed.
    if (a.length !== b.length) {
      out.push(path)
      return
    }
    for (let index = 0; index < a.length; index += 1) {
      differences(a[index], b[index], path ? `${path}.${index}` : String(index), out)
    }
    return
  }
  if (
    a &&
    b &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    const left = a as Record<string, unknown>
    const right = b as Record<string, unknown>
    const at = (key: string) => {
      const name = adminFieldNames[key] ?? key
      return path ? `${path}.${name}` : name
    }
    if (path && 'kind' in left && 'kind' in right && left.kind !== right.kind) {
      out.push(at('kind'))
      return
    }
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      differences(left[key], right[key], at(key), out)
    }
    return
  }
  if (!Object.is(a, b)) out.push(path)
}

const budgetFields: readonly BudgetField[] = ['totalRedemptions', 'perMember', 'maxDiscount']

/**
 * Once members may hold a campaign's terms (published and started: live, paused, exhausted or
 * ended), they do not change under them. Allowed: the end moved later, pausing and resuming,
 * ending by hand (once), the budget grown (never lowered, never below what is used), copy,
 * channels and name. Every other change is refused at its field: end it and start a new one.
 * Before the start, returns nothing (campaignFindings alone applies).
 */
export function liveEditFindings(input: LiveEditInput): CampaignFinding[] {
  const { previous, next, usage, now } = input
  if (!termsFrozen(previous, now)) return []
  const status = campaignStatus(previous, now, usage)
  if (status === 'draft' || status === 'scheduled') return []
  const frozen: FrozenStatus = status
  const c = previous.name
  const findings: CampaignFinding[] = []

  const changed: string[] = []
  differences(frozenView(previous), frozenView(next), '', changed)
  for (const path of changed) {
    findings.push({
      code: 'campaign-live-terms-frozen',
      path,
      message: campaignLiveTermsFrozen({
        campaign: c,
        status: frozen,
        field: frozenFieldWord(path),
      }),
    })
  }

  const zone = previous.schedule.timeZone
  if (next.schedule.endsAt.getTime() < previous.schedule.endsAt.getTime()) {
    findings.push({
      code: 'campaign-live-edit-invalid',
      path: 'schedule.endsAt',
      message: campaignLiveEditInvalid({
        campaign: c,
        status: frozen,
        problem: 'end-earlier',
        before: shownTime(previous.schedule.endsAt, zone),
        after: shownTime(next.schedule.endsAt, zone),
      }),
    })
  } else if (input.settings) {
    findings.push(...durationFindings(next, input.settings))
  }
  const endedBefore = previous.schedule.endedAt
  const endedAfter = next.schedule.endedAt
  if (
    endedBefore !== null &&
    (endedAfter === null || endedAfter.getTime() !== endedBefore.getTime())
  ) {
    findings.push({
      code: 'campaign-live-edit-invalid',
      path: 'schedule.endedAt',
      message: campaignLiveEditInvalid({ campaign: c, status: frozen, problem: 'unended' }),
    })
  }

  const currency = input.currency ?? 'CNY'
  const shownBudget = (field: BudgetField, value: number | null): Localized =>
    value === null
      ? { zh: '不限', en: 'unlimited' }
      : field === 'maxDiscount'
        ? shownMoney(value, currency)
        : { zh: String(value), en: String(value) }
  const used: Partial<Record<BudgetField, number>> = {
    totalRedemptions: usage.redemptions,
    maxDiscount: usage.discountGiven,
  }
  for (const field of budgetFields) {
    const before = previous.terms.budget[field]
    const after = next.terms.budget[field]
    const path = `terms.budget.${field}`
    // null is unlimited: any number after it is lower.
    const lowered = after !== null && (before === null || after < before)
    if (lowered) {
      findings.push({
        code: 'campaign-live-edit-invalid',
        path,
        message: campaignLiveEditInvalid({
          campaign: c,
          status: frozen,
          problem: 'budget-lowered',
          field,
          before: shownBudget(field, before),
          after: shownBudget(field, after),
        }),
      })
      continue
    }
    const usedSoFar = used[field]
    if (after !== null && usedSoFar !== undefined && after < usedSoFar) {
      findings.push({
        code: 'campaign-live-edit-invalid',
        path,
        message: campaignLiveEditInvalid({
          campaign: c,
          status: frozen,
          problem: 'budget-below-used',
          field,
          used: shownBudget(field, usedSoFar),
          after: shownBudget(field, after),
        }),
      })
    }
  }
  return findings
}
