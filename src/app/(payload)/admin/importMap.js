import { PublishImpact as PublishImpact_417e0dadb9de533e93bf3f299aa332a3 } from '../../../components/PublishImpact'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/PublishImpact#PublishImpact": PublishImpact_417e0dadb9de533e93bf3f299aa332a3,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
