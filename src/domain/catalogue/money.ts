// Prices as money: amounts are kept in the currency's smallest unit (分 for CNY) and edited in its
// main unit (元).
import type { Locale, Localized } from './types'

const numberLocales: Record<Locale, string> = { zh: 'zh-CN', en: 'en-US' }

/** A price in the smallest unit (分) as money: whole amounts without decimals (¥99), else ¥99.90. */
export function formatPrice(amountInFen: number, currency: string, locale: Locale): string {
  const whole = amountInFen % 100 === 0
  return new Intl.NumberFormat(numberLocales[locale], {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(amountInFen / 100)
}

/** Both languages at once, for messages. */
export const formatPriceLocalized = (amountInFen: number, currency: string): Localized => ({
  zh: formatPrice(amountInFen, currency, 'zh'),
  en: formatPrice(amountInFen, currency, 'en'),
})

/** The names of a currency's main and smallest unit, for "did you type 分 instead of 元?". */
export function currencyUnits(currency: string): { main: Localized; minor: Localized } {
  switch (currency) {
    case 'USD':
      return { main: { zh: '美元', en: 'dollars' }, minor: { zh: '美分', en: 'cents' } }
    case 'HKD':
      return { main: { zh: '港元', en: 'dollars' }, minor: { zh: '仙', en: 'cents' } }
    default:
      return { main: { zh: '元', en: 'yuan' }, minor: { zh: '分', en: 'fen' } }
  }
}
