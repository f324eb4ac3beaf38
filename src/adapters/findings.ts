// Domain findings -> Payload's ValidationError, so the admin shows each one at its field. Every
// refusal is also remembered for its request and document, because Payload's bulk REST operations
// (PATCH/DELETE /api/<collection>?where=…) keep only each error's summary ("The following field is
// invalid: status"); hooks/shared/explainBulkRefusals puts the details back into their answer.
import { APIError, ValidationError, type PayloadRequest } from 'payload'

import type { Finding, Localized } from '../domain/catalogue/types'
import { editorLanguage } from './language'

export type FieldRefusal = { path: string; message: string }

/** What a hook refused, per request and document id. */
const refusals = new WeakMap<PayloadRequest, Map<string, FieldRefusal[]>>()

function remember(req: PayloadRequest, id: unknown, errors: FieldRefusal[]): void {
  if (id === undefined || id === null || id === '') return
  let byId = refusals.get(req)
  if (!byId) refusals.set(req, (byId = new Map()))
  byId.set(String(id), errors)
}

/** The field errors a hook refused document `id` with during this request, if any. */
export const refusalOf = (req: PayloadRequest, id: unknown): FieldRefusal[] | undefined =>
  refusals.get(req)?.get(String(id))

export function throwIfFindings(
  findings: readonly (Pick<Finding, 'path' | 'message'> & { code?: string })[],
  context: {
    req: PayloadRequest
    /** The document refused (for bulk answers); absent on create. */
    id?: unknown
    collection?: string
    global?: string
    fallbackPath: string
    /** Says what was refused, before each finding (e.g. for a deletion). */
    lead?: Localized
  },
): void {
  if (findings.length === 0) return
  const language = editorLanguage(context.req)
  // A break between two tiers can be found from both sides; say it once.
  const unique = new Map(
    findings.map((finding) => [`${finding.path}|${finding.message.en}`, finding]),
  )
  const errors = [...unique.values()].map((finding) => ({
    path: finding.path || context.fallbackPath,
    message: context.lead
      ? `${context.lead[language]} ${finding.message[language]}`
      : finding.message[language],
  }))
  remember(context.req, context.id, errors)
  throw new ValidationError(
    {
      ...(context.collection ? { collection: context.collection } : {}),
      ...(context.global ? { global: context.global } : {}),
      errors,
      req: context.req,
    },
    context.req.t,
  )
}

/** One refusal at one field, in the editor's language (the admin shows it at the field). */
export function throwFieldError(
  req: PayloadRequest,
  collection: string,
  path: string,
  message: Localized,
  id?: unknown,
): never {
  const errors = [{ path, message: message[editorLanguage(req)] }]
  remember(req, id, errors)
  throw new ValidationError({ collection, errors, req }, req.t)
}

/**
 * 403: the caller may not make this change at all (not a value to correct). The answer carries a
 * machine-readable reason and the field, like a validation error: `errors[0].data`.
 */
export function throwForbidden(
  req: PayloadRequest,
  input: { collection: string; path: string; reason: string; message: Localized },
): never {
  const message = input.message[editorLanguage(req)]
  throw new APIError(
    message,
    403,
    {
      collection: input.collection,
      reason: input.reason,
      errors: [{ path: input.path, message }],
    },
    true,
  )
}
