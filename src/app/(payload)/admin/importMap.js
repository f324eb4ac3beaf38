import { PublishImpact as PublishImpact_417e0dadb9de533e93bf3f299aa332a3 } from '../../../components/PublishImpact'
import { MemberEntitlements as MemberEntitlements_0d5fcdd5c1b80710f8c1ce9a3f0b72a9 } from '../../../components/MemberEntitlements'
import { MemberMessages as MemberMessages_1604770ca46b4cc8944451ef069b1170 } from '../../../components/MemberMessages'
import { MemberCancelIntents as MemberCancelIntents_0a83bcacf91227136a874f21fa88433b } from '../../../components/MemberCancelIntents'
import { MemberWebhooks as MemberWebhooks_30b981bae0b86799a91e2348162daee8 } from '../../../components/MemberWebhooks'
import { CampaignControls as CampaignControls_0a9986bfd27d9decbbb14d1e53adce8f } from '../../../components/CampaignControls'
import { CampaignAudience as CampaignAudience_3315ecbf9d4b08182f3d025e8155718d } from '../../../components/CampaignAudience'
import { WebhookReplay as WebhookReplay_6b9ab85b39d727266a748364af3d9a0d } from '../../../components/WebhookReplay'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/PublishImpact#PublishImpact": PublishImpact_417e0dadb9de533e93bf3f299aa332a3,
  "/components/MemberEntitlements#MemberEntitlements": MemberEntitlements_0d5fcdd5c1b80710f8c1ce9a3f0b72a9,
  "/components/MemberMessages#MemberMessages": MemberMessages_1604770ca46b4cc8944451ef069b1170,
  "/components/MemberCancelIntents#MemberCancelIntents": MemberCancelIntents_0a83bcacf91227136a874f21fa88433b,
  "/components/MemberWebhooks#MemberWebhooks": MemberWebhooks_30b981bae0b86799a91e2348162daee8,
  "/components/CampaignControls#CampaignControls": CampaignControls_0a9986bfd27d9decbbb14d1e53adce8f,
  "/components/CampaignAudience#CampaignAudience": CampaignAudience_3315ecbf9d4b08182f3d025e8155718d,
  "/components/WebhookReplay#WebhookReplay": WebhookReplay_6b9ab85b39d727266a748364af3d9a0d,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
