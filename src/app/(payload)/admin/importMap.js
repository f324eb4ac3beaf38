import { PublishImpact as PublishImpact_417e0dadb9de533e93bf3f299aa332a3 } from '../../../components/PublishImpact'
import { MemberEntitlements as MemberEntitlements_0d5fcdd5c1b80710f8c1ce9a3f0b72a9 } from '../../../components/MemberEntitlements'
import { MemberMessages as MemberMessages_1604770ca46b4cc8944451ef069b1170 } from '../../../components/MemberMessages'
import { CampaignControls as CampaignControls_0a9986bfd27d9decbbb14d1e53adce8f } from '../../../components/CampaignControls'
import { CampaignAudience as CampaignAudience_3315ecbf9d4b08182f3d025e8155718d } from '../../../components/CampaignAudience'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/PublishImpact#PublishImpact": PublishImpact_417e0dadb9de533e93bf3f299aa332a3,
  "/components/MemberEntitlements#MemberEntitlements": MemberEntitlements_0d5fcdd5c1b80710f8c1ce9a3f0b72a9,
  "/components/MemberMessages#MemberMessages": MemberMessages_1604770ca46b4cc8944451ef069b1170,
  "/components/CampaignControls#CampaignControls": CampaignControls_0a9986bfd27d9decbbb14d1e53adce8f,
  "/components/CampaignAudience#CampaignAudience": CampaignAudience_3315ecbf9d4b08182f3d025e8155718d,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
