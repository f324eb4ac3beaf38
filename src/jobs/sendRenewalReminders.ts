import type { TaskConfig } from 'payload'

import { sendLifecycleMessages } from '../operations/messages/lifecycle'
import { storeForJob } from '../operations/entitlements/store'

/**
 * Every 10 minutes: renewal reminders at their offsets, auto-renewal and grace notices, expiry
 * notices and win-back messages (docs/messages.md). Exactly once per message comes from the
 * messages' own claims, never from the queue: Payload 3.90.1's Mongo adapter can hand one job to two
 * runners, and a retried job only finds its messages already claimed.
 */
export const sendRenewalRemindersTask: TaskConfig<{
  input: { now?: string }
  output: { due: number; sent: number }
}> = {
  slug: 'sendRenewalReminders',
  label: 'Send renewal reminders and member messages',
  schedule: [{ cron: '0 */10 * * * *', queue: 'default' }],
  // `now` lets tests and catch-up runs name the instant; the schedule leaves it empty.
  inputSchema: [{ name: 'now', type: 'text' }],
  outputSchema: [
    { name: 'due', type: 'number', required: true },
    { name: 'sent', type: 'number', required: true },
  ],
  retries: 2,
  handler: async ({ input, req }) => {
    await storeForJob(req.payload)
    const now = input?.now ? new Date(input.now) : new Date()
    const result = await sendLifecycleMessages(req.payload, { now })
    req.payload.logger.info(
      { due: result.due, sent: result.sent, busy: result.busy, retry: result.retry },
      'member messages sent',
    )
    return { output: { due: result.due, sent: result.sent } }
  },
}
