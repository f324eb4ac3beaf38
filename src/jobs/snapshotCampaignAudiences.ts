import type { TaskConfig } from 'payload'

import { snapshotLaunchAudiences } from '../operations/campaigns/audiencePreview'

/**
 * Every 5 minutes: counts, once, the audience of each campaign that has started (the denominator
 * of its conversion), as one write-once document per campaign, so every process reads one count.
 */
export const snapshotCampaignAudiencesTask: TaskConfig<{
  input: object
  output: { recorded: number }
}> = {
  slug: 'snapshotCampaignAudiences',
  label: 'Count the audience of campaigns at launch',
  schedule: [{ cron: '0 */5 * * * *', queue: 'default' }],
  outputSchema: [{ name: 'recorded', type: 'number', required: true }],
  handler: async ({ req }) => ({ output: { recorded: await snapshotLaunchAudiences(req) } }),
}
