// The price plausibility settings (docs/rules.md rule 5) from `membership-settings`: the most a
// price may come to per month (edited in 元) and the currency messages show amounts in.
import type { PayloadRequest } from 'payload'

import { globalSlugs } from '../../collections/slugs'
import { defaultPriceRules, type PriceRules } from '../domain/catalogue/prices'

export async function loadPriceRules(req: PayloadRequest): Promise<PriceRules> {
  const settings = (await req.payload.findGlobal({
    slug: globalSlugs.membershipSettings,
    req,
    depth: 0,
    overrideAccess: true,
  })) as { maximumMonthlyPrice?: unknown; currency?: unknown }
  const maximum = settings.maximumMonthlyPrice
  return {
    maximumMonthlyPrice:
      typeof maximum === 'number' && Number.isFinite(maximum) && maximum > 0
        ? Math.round(maximum * 100)
        : defaultPriceRules.maximumMonthlyPrice,
    currency:
      typeof settings.currency === 'string' && settings.currency
        ? settings.currency
        : defaultPriceRules.currency,
  }
}
