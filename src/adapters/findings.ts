// Domain findings -> Payload's ValidationError, so the admin shows each one at its field.
import { ValidationError, type PayloadRequest } from 'payload'

import type { Finding, Localized } from '../domain/catalogue/types'
import { editorLanguage } from './language'

export function throwIfFindings(
  findings: readonly Finding[],
  context: {
    req: PayloadRequest
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
  throw new ValidationError(
    {
      ...(context.collection ? { collection: context.collection } : {}),
      ...(context.global ? { global: context.global } : {}),
      errors: [...unique.values()].map((finding) => ({
        path: finding.path || context.fallbackPath,
        message: context.lead
          ? `${context.lead[language]} ${finding.message[language]}`
          : finding.message[language],
      })),
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
): never {
  throw new ValidationError(
    { collection, errors: [{ path, message: message[editorLanguage(req)] }], req },
    req.t,
  )
}
