// Writes the audit log (docs/rules.md rule 12): who changed which configuration document, when,
// and the field-level diff. Both versions are read the same way (depth 0, no locale fallback,
// every field), so only what the editor changed is listed, never how the request read it.
import { createHash } from 'node:crypto'

import type {
  CollectionSlug,
  PayloadRequest,
  SanitizedCollectionConfig,
  SanitizedGlobalConfig,
} from 'payload'

import { slugs } from '../../../collections/slugs'
import { fieldShapesOf, ignoredFieldsOf, secretFieldsOf } from '../../adapters/audit'
import { fieldDiff, type FieldChange } from '../../domain/audit/diff'
import { secretChanges, type SecretFingerprints } from '../../domain/audit/secrets'
import { auditSummary } from '../../domain/audit/summary'
import { preservingLocale } from '../preserveLocale'

export type AuditAction =
  'create' | 'update' | 'save-draft' | 'publish' | 'delete' | 'lockout' | 'unlock'

type Doc = Record<string, unknown>

type Actor = {
  actorType: 'staff' | 'service' | 'system'
  actor?: string
  actorServiceAccount?: string
  actorEmail?: string
  actorName?: string
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value ? value : undefined

/**
 * The signed-in staff user or the service account whose API key made the request. Without one
 * (the seed, jobs, a password reset link, sign-in attempts) the change is the system's.
 */
export function actorOf(user: unknown): Actor {
  const account = user as (Doc & { collection?: string }) | null | undefined
  if (!account) return { actorType: 'system' }
  if (account.collection === slugs.serviceAccounts) {
    return {
      actorType: 'service',
      actorServiceAccount: String(account.id),
      actorName: text(account.name),
    }
  }
  return {
    actorType: 'staff',
    actor: String(account.id),
    actorEmail: text(account.email),
    actorName: text(account.name),
  }
}

/** The document's title as the admin shows it (`useAsTitle`), else a name-like field, else its id. */
function titleOf(doc: Doc, useAsTitle?: string): string {
  for (const field of [useAsTitle, 'name', 'title', 'key', 'slug']) {
    const value = field ? doc[field] : undefined
    if (typeof value === 'string' && value) return value
  }
  return String(doc.id ?? '')
}

export async function appendAuditEntry(
  req: PayloadRequest,
  entry: {
    action: AuditAction
    target: string
    id: string
    title: string
    changes: FieldChange[]
    actor?: Actor
  },
): Promise<void> {
  // The names come from `secretFieldsOf`: 'password' and 'apiKey', the field's options.
  const secrets = entry.changes.flatMap((change) =>
    change.secret ? [change.path as 'password' | 'apiKey'] : [],
  )
  await req.payload.create({
    collection: slugs.auditLog,
    req,
    overrideAccess: true,
    data: {
      action: entry.action,
      targetCollection: entry.target,
      documentId: entry.id,
      documentTitle: entry.title,
      summary: auditSummary(entry),
      locale: typeof req.locale === 'string' ? req.locale : undefined,
      secretsChanged: secrets,
      changes: entry.changes,
      ...(entry.actor ?? actorOf(req.user)),
    },
  })
}

const secretsKey = (collection: string, id: unknown) => `audit:secrets:${collection}:${String(id)}`

const fingerprint = (value: unknown): string | null =>
  typeof value === 'string' && value ? createHash('sha256').update(value).digest('hex') : null

/** Fingerprints of the secrets stored for a document (auth collections; `{}` for the others). */
async function storedSecrets(
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  id: unknown,
): Promise<SecretFingerprints> {
  const fields = Object.entries(secretFieldsOf(collection))
  if (fields.length === 0) return {}
  // The Local API never returns an API key's index, so read what is stored.
  const stored = (await req.payload.db.findOne({
    collection: collection.slug,
    where: { id: { equals: id } },
    select: Object.fromEntries(fields.map(([, field]) => [field, true])),
    req,
  })) as Doc | null
  return Object.fromEntries(fields.map(([name, field]) => [name, fingerprint(stored?.[field])]))
}

/**
 * Before an update of an auth collection: remembers which secrets are stored, so the entry can
 * say whether the update set, changed or removed one (the values are gone by `afterChange`).
 */
export async function rememberStoredSecrets(
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  id: unknown,
): Promise<void> {
  if (Object.keys(secretFieldsOf(collection)).length === 0) return
  req.context[secretsKey(collection.slug, id)] = await storedSecrets(req, collection, id)
}

const readOptions = (req: PayloadRequest) =>
  ({
    depth: 0,
    locale: req.locale ?? undefined,
    fallbackLocale: false,
    overrideAccess: true,
    showHiddenFields: true,
    req,
  }) as const

/** The version members saw before this publish (null when it is the first). */
async function lastPublished(
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  id: string,
): Promise<Doc | null> {
  const { docs } = await req.payload.findVersions({
    ...readOptions(req),
    collection: collection.slug as CollectionSlug,
    where: {
      and: [
        { parent: { equals: id } },
        { 'version._status': { equals: 'published' } },
        { latest: { not_equals: true } },
      ],
    },
    sort: '-updatedAt',
    limit: 1,
  })
  return (docs[0]?.version as Doc | undefined) ?? null
}

const actionOf = (operation: 'create' | 'update', doc: Doc): AuditAction => {
  if (!('_status' in doc)) return operation
  return doc._status === 'published' ? 'publish' : 'save-draft'
}

const diffOptions = (config: SanitizedCollectionConfig | SanitizedGlobalConfig) => ({
  ignore: ignoredFieldsOf(config),
  fields: fieldShapesOf(config.flattenedFields),
})

/**
 * After a create or update. An update that changes nothing worth recording (a sign-in, a reset
 * token, a save without edits) writes no entry. A publish is compared with the version members
 * saw before it, so publishing a draft lists what the draft changed, not only its status.
 */
export async function recordDocumentChange(
  req: PayloadRequest,
  change: {
    collection: SanitizedCollectionConfig
    operation: 'create' | 'update'
    id: string
    previousDoc: Doc | undefined
  },
): Promise<void> {
  const { collection, id, operation } = change
  const drafts = Boolean(collection.versions?.drafts)
  const after = (await preservingLocale(req, () =>
    req.payload.findByID({
      ...readOptions(req),
      collection: collection.slug as CollectionSlug,
      id,
      draft: drafts,
      disableErrors: true,
    }),
  )) as Doc | null
  if (!after) return
  const action = actionOf(operation, after)
  let before = change.previousDoc
  if (action === 'publish' && before?._status !== 'published' && operation === 'update') {
    before = (await preservingLocale(req, () => lastPublished(req, collection, id))) ?? undefined
  }
  const secretsBefore = operation === 'create' ? {} : req.context[secretsKey(collection.slug, id)]
  const changes = [
    ...fieldDiff(before, after, diffOptions(collection)),
    ...(secretsBefore
      ? secretChanges(secretsBefore as SecretFingerprints, await storedSecrets(req, collection, id))
      : []),
  ]
  if (operation === 'update' && changes.length === 0) return
  await appendAuditEntry(req, {
    action,
    target: collection.slug,
    id,
    title: titleOf(after, collection.admin?.useAsTitle),
    changes,
  })
}

/** After a delete: every field of the document as it was (references by id). */
export async function recordDocumentDeletion(
  req: PayloadRequest,
  deletion: { collection: SanitizedCollectionConfig; doc: Doc },
): Promise<void> {
  const { collection, doc } = deletion
  await appendAuditEntry(req, {
    action: 'delete',
    target: collection.slug,
    id: String(doc.id),
    title: titleOf(doc, collection.admin?.useAsTitle),
    changes: fieldDiff(doc, undefined, diffOptions(collection)),
  })
}

export async function recordGlobalUpdate(
  req: PayloadRequest,
  change: { global: SanitizedGlobalConfig; doc: Doc; previousDoc: Doc },
): Promise<void> {
  const { global } = change
  const changes = fieldDiff(change.previousDoc, change.doc, diffOptions(global))
  if (changes.length === 0) return
  await appendAuditEntry(req, {
    action: 'update',
    target: global.slug,
    id: global.slug,
    title: global.slug,
    changes,
  })
}

/**
 * A sign-in event on a staff account that Payload writes without document hooks: a lockout after
 * too many wrong passwords, an unlock by an administrator, a password reset through the emailed
 * link (the account's owner acting, signed out).
 */
export async function recordAccountEvent(
  req: PayloadRequest,
  event: {
    collection: SanitizedCollectionConfig
    account: Doc
    action: AuditAction
    changes: FieldChange[]
    actor?: Actor
  },
): Promise<void> {
  const { account, collection } = event
  await appendAuditEntry(req, {
    action: event.action,
    target: collection.slug,
    id: String(account.id),
    title: titleOf(account, collection.admin?.useAsTitle),
    changes: event.changes,
    ...(event.actor ? { actor: event.actor } : {}),
  })
}
