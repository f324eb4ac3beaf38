import type { TaskConfig } from 'payload'

import { snapshotLaunchAudiences } from '../operations/campaigns/audiencePreview'
import { storeForJob } from '../operations/entitlements/store'

/**
 * Every minute: counts the audience of each campaign that has just started and has no launch count
 * yet, once (a write-once claim per campaign; docs/campaigns.md "Audience preview and stats").
 */
export const snapshotLaunchAudiencesTask: TaskConfig<{
  input: object
  output: { recorded: number }
}> = {
  slug: 'snapshotLaunchAudiences',
  label: 'Count the audience of campaigns at launch',
  schedule: [{ cron: '0 * * * * *', queue: 'default' }],
  outputSchema: [{ name: 'recorded', type: 'number', required: true }],
  handler: async ({ req }) => {
    await storeForJob(req.payload)
    return { output: { recorded: await snapshotLaunchAudiences(req) } }
  },
}
