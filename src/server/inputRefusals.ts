// The lean path refuses malformed input as the REST guard in front of Next does
// (src/endpoints/restGuard.ts): the same checks from src/domain/input, the same body and status,
// in the caller's language read the same way, so a request gets one answer whichever path serves it.
import type { IncomingHttpHeaders } from 'node:http'

import { callerLanguage } from '../adapters/language'
import { checkJsonObject, checkJsonText, checkMediaType, notUtf8Text } from '../domain/input/bodies'
import { checkQuery, parseQuery } from '../domain/input/queryParameters'
import { isRefusal, type InputRefusal } from '../domain/input/refusal'
import type { ResourceShape } from '../domain/input/shape'
import { refusalStatus } from '../api/refusals'
import { restRefusalBody } from '../endpoints/inputAnswers'
import { bodyText } from '../endpoints/requestBody'
import type { HotResponse } from './hotRoutes'

const headerText = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.join(', ') : (value ?? '')

export function inputRefusalAnswer(
  refusal: InputRefusal,
  headers: IncomingHttpHeaders,
  search: URLSearchParams,
): HotResponse {
  const language = callerLanguage(
    new Headers({
      cookie: headerText(headers.cookie),
      'accept-language': headerText(headers['accept-language']),
    }),
    search,
  )
  return { status: refusalStatus[refusal.reason], body: restRefusalBody(refusal, language) }
}

/** A non-empty request body as the guard admits it to a custom endpoint: a JSON object. */
export function admitJsonBody(
  bytes: Uint8Array,
  contentType: string | undefined,
): { value: unknown } | InputRefusal {
  const kind = checkMediaType(contentType, ['json'])
  if (isRefusal(kind)) return kind
  const text = bodyText(bytes)
  if (text === null) return notUtf8Text
  const parsed = checkJsonText(text, 'body', { documentData: false })
  if (isRefusal(parsed)) return parsed
  return checkJsonObject(parsed.value) ?? parsed
}

/** The query parameters Payload would read, checked as the guard checks them (others pass). */
export function queryRefusal(
  search: URLSearchParams,
  target: { shape?: ResourceShape; locales: readonly string[] },
): InputRefusal | null {
  const query = parseQuery(search)
  return isRefusal(query) ? query : checkQuery(query, target)
}
