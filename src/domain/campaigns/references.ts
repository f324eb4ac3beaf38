// A tier that a scheduled, live or paused campaign sells stays sellable: it is neither archived
// nor deleted while such a campaign targets it (docs/rules.md rules 6 and 15).
import { joinNames } from '../catalogue/messages'
import type { Localized } from '../catalogue/types'
import type { CampaignStatus } from './types'

/** Statuses in which a campaign still offers (or will offer, or may resume offering) its target. */
export const statusesHoldingTarget: readonly CampaignStatus[] = ['scheduled', 'live', 'paused']

export function tierTargetedByCampaigns(input: {
  tier: Localized
  action: 'archive' | 'delete'
  campaigns: readonly Localized[]
}): Localized {
  const names = joinNames(input.campaigns.map((name) => ({ zh: `「${name.zh}」`, en: name.en })))
  const one = input.campaigns.length === 1
  return input.action === 'archive'
    ? {
        zh: `不能归档「${input.tier.zh}」：营销活动 ${names.zh} 正在或即将以它为目标等级。请先结束这些活动。`,
        en: `${input.tier.en} cannot be archived: ${one ? 'campaign' : 'campaigns'} ${names.en} ${one ? 'sells' : 'sell'} it (scheduled, live or paused). End ${one ? 'it' : 'them'} first.`,
      }
    : {
        zh: `不能删除「${input.tier.zh}」：营销活动 ${names.zh} 正在或即将以它为目标等级。请先结束这些活动。`,
        en: `${input.tier.en} cannot be deleted: ${one ? 'campaign' : 'campaigns'} ${names.en} ${one ? 'sells' : 'sell'} it (scheduled, live or paused). End ${one ? 'it' : 'them'} first.`,
      }
}
