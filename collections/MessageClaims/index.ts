import type { CollectionConfig } from 'payload'

import { policy } from '../../src/access/policy'
import { slugs } from '../slugs'

/**
 * Claims on member messages, written by the message delivery path only (docs/messages.md): one
 * document per message key and claim number (`_id` from both), inserted before the message is
 * sent. Whoever inserts an id first holds it, in any process; a claim older than the lease whose
 * message was never recorded (its runner crashed) is taken over by inserting the next number.
 * Inserted, never updated: on FerretDB an insert costs the same however many claims there are.
 */
export const MessageClaims: CollectionConfig = {
  slug: slugs.messageClaims,
  labels: {
    singular: { zh: '消息认领', en: 'Message claim' },
    plural: { zh: '消息认领', en: 'Message claims' },
  },
  access: policy[slugs.messageClaims],
  admin: { hidden: true, useAsTitle: 'key' },
  fields: [
    { name: 'key', type: 'text' },
    { name: 'message', type: 'text' },
    { name: 'member', type: 'relationship', relationTo: slugs.members, index: true },
    { name: 'claim', type: 'number' },
    { name: 'claimedAt', type: 'date' },
    { name: 'claimedBy', type: 'text' },
  ],
}
