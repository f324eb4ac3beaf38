import type { TaskConfig } from 'payload'

import { deliverWebhooks } from '../operations/webhooks/delivery'
import { storeForJob } from '../operations/entitlements/store'
import { sweepLedgerWebhooks } from '../operations/webhooks/ledgerWebhooks'
import { sweepTimeWebhooks } from '../operations/webhooks/timeWebhooks'

/**
 * Every minute: finishes ledger webhook events a crash left unrecorded, announces what changed by
 * time alone since the last run (a downgrade due, a trial ended, a grant started), then sends the
 * due deliveries (docs/webhooks.md). Safe to run twice at once: events are keyed, each attempt is
 * claimed by an insert.
 */
export const deliverWebhooksTask: TaskConfig<{
  input: object
  output: { recorded: number; attempted: number; delivered: number; failed: number }
}> = {
  slug: 'deliverWebhooks',
  label: 'Deliver webhooks',
  schedule: [{ cron: '0 * * * * *', queue: 'default' }],
  outputSchema: [
    { name: 'recorded', type: 'number', required: true },
    { name: 'attempted', type: 'number', required: true },
    { name: 'delivered', type: 'number', required: true },
    { name: 'failed', type: 'number', required: true },
  ],
  handler: async ({ req }) => {
    await storeForJob(req.payload)
    const now = new Date()
    const recorded =
      (await sweepLedgerWebhooks(req.payload)) + (await sweepTimeWebhooks(req.payload, { now }))
    const run = await deliverWebhooks(req.payload, { now })
    return {
      output: { recorded, attempted: run.attempted, delivered: run.delivered, failed: run.failed },
    }
  },
}
