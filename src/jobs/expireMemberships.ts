import type { TaskConfig } from 'payload'

import { recordExpiries } from '../operations/entitlements/expiries'
import { storeForJob } from '../operations/entitlements/store'

/** Every 15 minutes: records an expiry in the ledger of each membership that has run out. */
export const expireMembershipsTask: TaskConfig<{ input: object; output: { expired: number } }> = {
  slug: 'expireMemberships',
  label: 'Record membership expiries',
  schedule: [{ cron: '0 */15 * * * *', queue: 'default' }],
  outputSchema: [{ name: 'expired', type: 'number', required: true }],
  handler: async ({ req }) => {
    await storeForJob(req.payload)
    return { output: { expired: await recordExpiries(req) } }
  },
}
