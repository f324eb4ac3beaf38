import type { TaskConfig } from 'payload'

import { deliverWebhooks } from '../operations/webhooks/delivery'
import { sweepLedgerWebhooks } from '../operations/webhooks/ledgerWebhooks'

/**
 * Every minute: finishes ledger webhook events a crash left unrecorded, then sends the due
 * deliveries (docs/webhooks.md). Safe to run twice at once: each attempt is claimed by an insert.
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
    const recorded = await sweepLedgerWebhooks(req.payload)
    const run = await deliverWebhooks(req.payload, { now: new Date() })
    return {
      output: { recorded, attempted: run.attempted, delivered: run.delivered, failed: run.failed },
    }
  },
}
