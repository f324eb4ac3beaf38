// Payload's field configuration -> what the audit diff needs to know about a document's fields.
import type { FlattenedBlock, FlattenedField } from 'payload'

import type { FieldShape, FieldShapes } from '../domain/audit/diff'

type AuthOptions = {
  disableLocalStrategy?: boolean | { enableFields?: boolean }
  useAPIKey?: unknown
}

type AuditedConfig = {
  flattenedFields: FlattenedField[]
  /** `false` (Payload's sanitized default) for a collection without sign-in. */
  auth?: AuthOptions | null | false
}

/** Whether documents keep a password (local sign-in, or its fields kept for another strategy). */
const storesPassword = (auth: AuthOptions): boolean =>
  !auth.disableLocalStrategy ||
  (typeof auth.disableLocalStrategy === 'object' && Boolean(auth.disableLocalStrategy.enableFields))

/** Bookkeeping Payload changes on every save (row ids included: rows are compared by position). */
const bookkeeping = ['id', 'createdAt', 'updatedAt', 'globalType']

/**
 * Auth fields that are secrets, derived from secrets, or change on every sign-in, and the keys
 * Payload adds to a signed-in account (`collection`, `_strategy`). They never reach an audit
 * entry; a password or API key change is reported by `secretFieldsOf` instead.
 */
const authInternals = [
  'collection',
  '_strategy',
  'hash',
  'salt',
  'apiKey',
  'apiKeyIndex',
  'hasAPIKey',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'resetPasswordRequestedAt',
  '_verificationToken',
  'loginAttempts',
  'lockUntil',
  'sessions',
]

function shapeOf(field: FlattenedField): FieldShape | undefined {
  switch (field.type) {
    case 'relationship':
    case 'upload':
      return { kind: 'reference' }
    case 'richText':
    case 'point':
      return { kind: 'whole' }
    case 'select':
    case 'text':
    case 'number':
      return field.hasMany ? { kind: 'whole' } : undefined
    case 'group':
    case 'tab':
      return { kind: 'group', fields: fieldShapesOf(field.flattenedFields) }
    case 'array':
      return { kind: 'rows', fields: fieldShapesOf(field.flattenedFields) }
    case 'blocks': {
      const blocks = [...field.blocks, ...(field.blockReferences ?? [])].filter(
        (block): block is FlattenedBlock => typeof block === 'object',
      )
      return {
        kind: 'blocks',
        blocks: Object.fromEntries(
          blocks.map((block) => [block.slug, fieldShapesOf(block.flattenedFields)]),
        ),
      }
    }
    default:
      return undefined
  }
}

/** The shapes of the fields that need one: references, whole values and containers of them. */
export function fieldShapesOf(fields: readonly FlattenedField[]): FieldShapes {
  const shapes: Record<string, FieldShape> = {}
  for (const field of fields) {
    const shape = shapeOf(field)
    if (shape) shapes[field.name] = shape
  }
  return shapes
}

/**
 * Fields left out of every diff: bookkeeping, hidden and virtual fields (derived, or internal
 * like a password hash), fields marked `custom.auditSecret` (a webhook secret), joins (other documents pointing here) and, on auth collections, every
 * secret and sign-in counter.
 */
export function ignoredFieldsOf(config: AuditedConfig): string[] {
  const derived = config.flattenedFields
    .filter(
      (field) =>
        field.hidden ||
        ('virtual' in field && field.virtual) ||
        field.type === 'join' ||
        // A stored secret that is not a sign-in secret (a webhook signing secret).
        (field.custom as { auditSecret?: boolean } | undefined)?.auditSecret === true,
    )
    .map((field) => field.name)
  return [...new Set([...bookkeeping, ...derived, ...(config.auth ? authInternals : [])])]
}

/**
 * The secrets an auth collection stores, by the name the audit log reports them under, with the
 * stored field that changes exactly when the secret does (a password's hash, an API key's index).
 */
export function secretFieldsOf(config: AuditedConfig): Record<string, 'hash' | 'apiKeyIndex'> {
  if (!config.auth) return {}
  return {
    ...(storesPassword(config.auth) ? { password: 'hash' as const } : {}),
    ...(config.auth.useAPIKey ? { apiKey: 'apiKeyIndex' as const } : {}),
  }
}
