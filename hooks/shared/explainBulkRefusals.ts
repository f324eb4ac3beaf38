import type { CollectionAfterOperationHook } from 'payload'

import { refusalOf } from '../../src/adapters/findings'

type BulkError = { id: unknown; message: string; isPublic?: boolean }

/**
 * Bulk REST updates and deletes (`PATCH|DELETE /api/<collection>?where=…`) answer each refused
 * document with only Payload's summary ("The following field is invalid: status"). This puts the
 * guard rail's own messages and field paths back, in the single-document shape:
 * `errors[i] = { id, message, data: { errors: [{ path, message }] } }`.
 */
export const explainBulkRefusals: CollectionAfterOperationHook = ({
  collection,
  operation,
  req,
  result,
}) => {
  if (operation !== 'update' && operation !== 'delete') return result
  const bulk = result as unknown as { errors?: BulkError[] }
  if (!bulk?.errors?.length) return result
  const errors = bulk.errors.map((error) => {
    const fields = refusalOf(req, error.id)
    if (!fields) return error
    return {
      ...error,
      isPublic: true,
      message: fields.map((field) => field.message).join(' '),
      data: { collection: collection.slug, errors: fields },
    }
  })
  return { ...bulk, errors } as typeof result
}
