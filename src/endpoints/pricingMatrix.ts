import type { Endpoint } from 'payload'

import { parseLocale, pricingMatrix } from '../operations/pricingMatrix'

/** GET /api/pricing-matrix?locale=zh|en — public: only the published catalogue is in it. */
export const pricingMatrixEndpoint: Endpoint = {
  path: '/pricing-matrix',
  method: 'get',
  handler: async (req) => {
    const requested = req.searchParams.get('locale')
    const locale = parseLocale(requested)
    if (!locale) {
      return Response.json(
        {
          error: 'invalid_locale',
          message: `locale must be "zh" or "en", got "${requested}"`,
        },
        { status: 400 },
      )
    }
    return Response.json(await pricingMatrix(req, locale))
  },
}
