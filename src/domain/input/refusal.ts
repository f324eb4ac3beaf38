// Why input is refused: a machine-readable reason, the field or parameter at fault and a message
// in both languages. Transports pick the status (src/endpoints/inputAnswers.ts).
import type { Localized } from '../catalogue/types'

export type InputReason =
  | 'body_too_large'
  | 'unsupported_media_type'
  | 'invalid_json'
  | 'invalid_body'
  | 'invalid_multipart'
  | 'invalid_query'
  | 'invalid_id'
  | 'route_not_found'
  | 'invalid_graphql_request'
  | 'graphql_too_complex'

export type InputRefusal = {
  reason: InputReason
  /** The query parameter (`sort`, `where.rank.equals`) or body part at fault. */
  field?: string
  message: Localized
}

export const refuse = (reason: InputReason, message: Localized, field?: string): InputRefusal => ({
  reason,
  ...(field === undefined ? {} : { field }),
  message,
})

export const isRefusal = (value: unknown): value is InputRefusal =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as InputRefusal).reason === 'string' &&
  typeof (value as InputRefusal).message === 'object'

/** Describes a received value briefly, for messages. */
export function describeValue(value: unknown): Localized {
  if (value === undefined) return { zh: '空', en: 'nothing' }
  if (Array.isArray(value)) return { zh: '一个列表', en: 'a list' }
  if (value !== null && typeof value === 'object') return { zh: '一个对象', en: 'an object' }
  const text = JSON.stringify(value)
  const shown = text.length > 40 ? `${text.slice(0, 37)}…` : text
  return { zh: shown, en: shown }
}
