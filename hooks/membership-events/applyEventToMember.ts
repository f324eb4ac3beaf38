import type { CollectionAfterChangeHook } from 'payload'

import { relationId } from '../../src/adapters/catalogue'
import { applyLedger, rememberLedgerEvent } from '../../src/operations/entitlements/ledger'

/** A new event is folded into the member at once: the next check already sees it. */
export const applyEventToMember: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const memberId = relationId(doc.member)
  rememberLedgerEvent(req, doc)
  if (memberId) await applyLedger(req, memberId, String(doc.id))
  return doc
}
