// A tier's prices (docs/rules.md rule 5). Amounts are whole 分 (at most two decimals in 元), never
// negative, the selling price at most the list price, one price per billing period. Beyond that,
// prices must be plausible, each break excusable by a written `priceExceptionReason`:
// - per month, no price exceeds the configured maximum (`membership-settings`);
// - within a tier, a longer period never costs more per month, nor less in total, than a shorter one;
// - per billing period, a higher tier sells for more than a lower one.
// A price that breaks one of these and would pass if read as 分 gets a "did you type 分?" hint.
import {
  priceAboveMaximum,
  priceInvalid,
  pricePeriodInconsistent,
  priceTierOrder,
  type Against,
  type PriceProblem,
} from './messages'
import {
  billingPeriods,
  type BillingPeriod,
  type Finding,
  type TierDefinition,
  type TierPrice,
} from './types'

export const monthsIn: Record<BillingPeriod, number> = { monthly: 1, quarterly: 3, annual: 12 }

/**
 * ¥1,000 a month: five times the dearest demo plan, and well below ¥3,900, a ¥39 price typed in 分.
 * `membership-settings` can set another maximum.
 */
export const defaultMaximumMonthlyPrice = 100_000

export type PriceRules = {
  /** The most any price may come to per month, in 分. */
  maximumMonthlyPrice: number
  /** ISO code, for showing amounts in messages. */
  currency: string
}

export const defaultPriceRules: PriceRules = {
  maximumMonthlyPrice: defaultMaximumMonthlyPrice,
  currency: 'CNY',
}

type PriceField = 'listPrice' | 'sellingPrice'

/** Whole 分, never negative. */
const isPriceAmount = (amount: number): boolean => Number.isInteger(amount) && amount >= 0

/** A price `amount` over `months`, compared per month without dividing: -1, 0 or 1. */
const comparePerMonth = (a: number, monthsA: number, b: number, monthsB: number): number => {
  const left = a * monthsB
  const right = b * monthsA
  return left < right ? -1 : left > right ? 1 : 0
}

const hasText = (text: string | undefined): boolean => (text ?? '').trim() !== ''

/** The tier's valid price for each billing period (the first row of a period counts). */
export function validPrices(tier: Pick<TierDefinition, 'prices'>): Map<BillingPeriod, TierPrice> {
  const byPeriod = new Map<BillingPeriod, TierPrice>()
  for (const price of tier.prices) {
    if (!billingPeriods.includes(price.period) || byPeriod.has(price.period)) continue
    if (!isPriceAmount(price.listPrice) || !isPriceAmount(price.sellingPrice)) continue
    byPeriod.set(price.period, price)
  }
  return byPeriod
}

/** Tiers whose prices are compared: sold (or growth) ladder tiers; the entry tier is free. */
const isPricedLadderTier = (tier: TierDefinition): boolean =>
  tier.kind === 'paid' || tier.kind === 'growth'

export type PriceNeighbours = {
  /** Lower ladder tiers, nearest first. */
  lower: readonly TierDefinition[]
  /** Higher ladder tiers, nearest first. */
  higher: readonly TierDefinition[]
}

/** Every price finding for `subject`, at paths in its own document (`prices.N.<field>`). */
export function priceFindings(
  subject: TierDefinition,
  neighbours: PriceNeighbours,
  rules: PriceRules = defaultPriceRules,
): Finding[] {
  const findings: Finding[] = []
  const add = (path: string, problem: PriceProblem) =>
    findings.push({
      code: 'price-invalid',
      path,
      message: priceInvalid({ tier: subject.name, ...problem }),
    })

  if (subject.kind === 'paid' && subject.prices.length === 0) add('prices', { problem: 'missing' })
  const firstRowOfPeriod = new Map<BillingPeriod, number>()
  /** Rows that are well-formed, by index: the plausibility checks look at these only. */
  const wellFormed: { index: number; price: TierPrice }[] = []
  for (const [index, price] of subject.prices.entries()) {
    const path = `prices.${index}`
    const row = index + 1
    let rowValid = true
    if (!billingPeriods.includes(price.period)) {
      add(`${path}.period`, { problem: 'period-unknown', row })
      rowValid = false
    } else {
      const firstRow = firstRowOfPeriod.get(price.period)
      if (firstRow === undefined) firstRowOfPeriod.set(price.period, row)
      else {
        add(`${path}.period`, { problem: 'period-twice', row, firstRow, period: price.period })
        rowValid = false
      }
    }
    const amountProblem = (field: PriceField): PriceProblem | null => {
      const amount = price[field]
      if (!Number.isFinite(amount) || amount < 0) {
        return { problem: 'amount-invalid', row, field, amount }
      }
      return Number.isInteger(amount) ? null : { problem: 'too-many-decimals', row, field, amount }
    }
    const listProblem = amountProblem('listPrice')
    const sellingProblem = amountProblem('sellingPrice')
    if (listProblem) add(`${path}.listPrice`, listProblem)
    if (sellingProblem) add(`${path}.sellingPrice`, sellingProblem)
    if (listProblem || sellingProblem) rowValid = false
    if (!listProblem && !sellingProblem && price.sellingPrice > price.listPrice) {
      add(`${path}.sellingPrice`, {
        problem: 'selling-above-list',
        row,
        listPrice: price.listPrice,
        sellingPrice: price.sellingPrice,
      })
      rowValid = false
    }
    if (subject.kind === 'entry' && (price.sellingPrice > 0 || price.listPrice > 0)) {
      const field = price.sellingPrice > 0 ? 'sellingPrice' : 'listPrice'
      add(`${path}.${field}`, { problem: 'entry-not-free', row })
      rowValid = false
    }
    if (rowValid) wellFormed.push({ index, price })
  }
  if (hasText(subject.priceExceptionReason)) return findings
  return [...findings, ...plausibilityFindings(subject, wellFormed, neighbours, rules)]
}

type Row = { index: number; price: TierPrice }

/** A plausibility break before its message is worded: the hint is decided afterwards. */
type Break = {
  code: Finding['code']
  path: string
  /** The row and amount the finding is about (the one a 分 slip would be in). */
  index: number
  field: PriceField
  message: (fenTypo: boolean) => Finding['message']
}

const breakKey = (found: Break) => `${found.code}|${found.path}`

function plausibilityFindings(
  subject: TierDefinition,
  rows: readonly Row[],
  neighbours: PriceNeighbours,
  rules: PriceRules,
): Finding[] {
  const found = plausibilityBreaks(subject, rows, neighbours, rules)
  const keys = new Set(found.map(breakKey))
  /**
   * The 分-for-元 slip: the amount is a whole multiple of 100 元 and, read as 分 (with the row's
   * other amount too, when that is also a whole multiple of 100 元), the row would break nothing
   * and nothing new would break elsewhere.
   */
  const looksLikeFen = ({ index, field }: Break): boolean => {
    const row = rows.find((candidate) => candidate.index === index)
    if (!row) return false
    const asFen = (amount: number) => amount > 0 && amount % 10_000 === 0
    if (!asFen(row.price[field])) return false
    const corrected = { ...row.price }
    for (const name of ['listPrice', 'sellingPrice'] as const) {
      if (name === field || asFen(corrected[name])) corrected[name] = corrected[name] / 100
    }
    if (corrected.sellingPrice > corrected.listPrice) return false
    const candidate = rows.map((other) =>
      other.index === index ? { index, price: corrected } : other,
    )
    return plausibilityBreaks(subject, candidate, neighbours, rules).every(
      (other) => other.index !== index && keys.has(breakKey(other)),
    )
  }
  return found.map((entry) => ({
    code: entry.code,
    path: entry.path,
    message: entry.message(looksLikeFen(entry)),
  }))
}

/** At most one break per field: the first of maximum, period consistency, tier order. */
function plausibilityBreaks(
  subject: TierDefinition,
  rows: readonly Row[],
  neighbours: PriceNeighbours,
  rules: PriceRules,
): Break[] {
  const breaks = new Map<string, Break>()
  const add = (entry: Omit<Break, 'path'>) => {
    const path = `prices.${entry.index}.${entry.field}`
    if (!breaks.has(path)) breaks.set(path, { ...entry, path })
  }
  const tier = subject.name
  const { currency } = rules

  // 1. The configured maximum per month, for both amounts.
  const plausible = new Set<number>()
  for (const { index, price } of rows) {
    const months = monthsIn[price.period]
    let rowPlausible = true
    for (const field of ['listPrice', 'sellingPrice'] as const) {
      const amount = price[field]
      if (amount <= rules.maximumMonthlyPrice * months) continue
      rowPlausible = false
      add({
        code: 'price-above-maximum',
        index,
        field,
        message: (fenTypo) =>
          priceAboveMaximum({
            tier,
            row: index + 1,
            field,
            period: price.period,
            amount,
            maximum: rules.maximumMonthlyPrice,
            currency,
            fenTypo,
          }),
      })
    }
    if (rowPlausible) plausible.add(index)
  }
  const checked = rows.filter(({ index }) => plausible.has(index))

  // 2. Within the tier: longer periods cheaper per month, dearer in total.
  const byLength = [...checked].sort((a, b) => monthsIn[a.price.period] - monthsIn[b.price.period])
  for (const [position, longer] of byLength.entries()) {
    for (const shorter of byLength.slice(0, position)) {
      const [long, short] = [longer.price, shorter.price]
      if (monthsIn[long.period] === monthsIn[short.period]) continue
      const perMonth = comparePerMonth(
        long.sellingPrice,
        monthsIn[long.period],
        short.sellingPrice,
        monthsIn[short.period],
      )
      if (perMonth > 0) {
        add({
          code: 'price-period-inconsistent',
          index: longer.index,
          field: 'sellingPrice',
          message: (fenTypo) =>
            pricePeriodInconsistent({
              tier,
              case: 'dearer-per-month',
              row: longer.index + 1,
              period: long.period,
              amount: long.sellingPrice,
              otherPeriod: short.period,
              otherAmount: short.sellingPrice,
              currency,
              fenTypo,
            }),
        })
      }
      if (short.sellingPrice > long.sellingPrice) {
        add({
          code: 'price-period-inconsistent',
          index: shorter.index,
          field: 'sellingPrice',
          message: (fenTypo) =>
            pricePeriodInconsistent({
              tier,
              case: 'cheaper-in-total',
              row: shorter.index + 1,
              period: short.period,
              amount: short.sellingPrice,
              otherPeriod: long.period,
              otherAmount: long.sellingPrice,
              currency,
              fenTypo,
            }),
        })
      }
    }
  }

  // 3. Across tiers, per billing period: a higher tier sells for more.
  if (isPricedLadderTier(subject)) {
    const priced = (others: readonly TierDefinition[]) =>
      others
        .filter((other) => isPricedLadderTier(other) && !hasText(other.priceExceptionReason))
        .map((other) => ({ other, prices: validPrices(other) }))
    const sides: [Against, ReturnType<typeof priced>][] = [
      ['higher', priced(neighbours.higher)],
      ['lower', priced(neighbours.lower)],
    ]
    for (const { index, price } of checked) {
      for (const [against, others] of sides) {
        const inOrder = (theirs: number) =>
          against === 'lower' ? price.sellingPrice > theirs : price.sellingPrice < theirs
        const offender = others.find(({ prices }) => {
          const theirs = prices.get(price.period)
          return theirs !== undefined && !inOrder(theirs.sellingPrice)
        })
        const theirs = offender?.prices.get(price.period)
        if (!offender || !theirs) continue
        add({
          code: 'price-tier-order',
          index,
          field: 'sellingPrice',
          message: (fenTypo) =>
            priceTierOrder({
              against,
              tier,
              other: offender.other.name,
              row: index + 1,
              period: price.period,
              amount: price.sellingPrice,
              otherAmount: theirs.sellingPrice,
              currency,
              fenTypo,
            }),
        })
      }
    }
  }
  return [...breaks.values()]
}
