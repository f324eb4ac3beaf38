import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'

import { slugs } from '../../collections/slugs'
import { fieldDiff } from '../../src/domain/audit/diff'

type Action = 'create' | 'update' | 'save-draft' | 'publish' | 'delete'
type Doc = Record<string, unknown>

/** Ignored in diffs: bookkeeping Payload changes on every save. */
const ignoredFields = ['updatedAt', 'createdAt', 'id']

/** Versioned documents are either saved as a draft or published; others are created or updated. */
function changeAction(operation: 'create' | 'update', doc: Doc): Action {
  if (!('_status' in doc)) return operation
  return doc._status === 'published' ? 'publish' : 'save-draft'
}

function title(doc: Doc): string {
  for (const field of ['name', 'title', 'key', 'slug']) {
    const value = doc[field]
    if (typeof value === 'string' && value) return value
  }
  return String(doc.id ?? '')
}

function actorOf(req: PayloadRequest) {
  const user = req.user as (Doc & { collection?: string }) | null | undefined
  if (!user) return { actorType: 'system' as const }
  if (user.collection === slugs.users) {
    return { actorType: 'staff' as const, actor: user.id as string, actorEmail: String(user.email) }
  }
  return { actorType: 'service' as const, actorEmail: String(user.name ?? user.id) }
}

async function record(
  req: PayloadRequest,
  entry: { action: Action; target: string; id: string; title: string; changes: unknown[] },
) {
  await req.payload.create({
    collection: slugs.auditLog,
    req,
    overrideAccess: true,
    data: {
      action: entry.action,
      targetCollection: entry.target,
      documentId: entry.id,
      documentTitle: entry.title,
      summary: `${entry.action} ${entry.target} “${entry.title}” (${entry.changes.length})`,
      locale: typeof req.locale === 'string' ? req.locale : undefined,
      changes: entry.changes,
      ...actorOf(req),
    },
  })
}

export const recordChange: CollectionAfterChangeHook = async ({
  collection,
  doc,
  operation,
  previousDoc,
  req,
}) => {
  const previous = operation === 'create' ? undefined : (previousDoc as Doc)
  await record(req, {
    action: changeAction(operation, doc),
    target: collection.slug,
    id: String(doc.id),
    title: title(doc),
    changes: fieldDiff(previous, doc, { ignore: ignoredFields }),
  })
  return doc
}

export const recordDeletion: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  await record(req, {
    action: 'delete',
    target: collection.slug,
    id: String(doc.id),
    title: title(doc),
    changes: fieldDiff(doc, undefined, { ignore: ignoredFields }),
  })
  return doc
}

export const recordGlobalChange: GlobalAfterChangeHook = async ({
  doc,
  global,
  previousDoc,
  req,
}) => {
  await record(req, {
    action: 'update',
    target: global.slug,
    id: global.slug,
    title: global.slug,
    changes: fieldDiff(previousDoc, doc, { ignore: [...ignoredFields, 'globalType'] }),
  })
  return doc
}

/** Wire into an audited collection's `hooks`. */
export const auditHooks = { afterChange: [recordChange], afterDelete: [recordDeletion] }
export const auditGlobalHooks = { afterChange: [recordGlobalChange] }
