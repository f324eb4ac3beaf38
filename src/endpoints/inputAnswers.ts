// How the guards answer refused input (docs/rules.md rule 14): one reason → status table, Payload's
// REST error shape (`errors[].message`, which the admin shows) with the reason beside it, and
// GraphQL's error shape with the reason among the extensions, as Payload puts its own there.
import type { Locale } from '../domain/catalogue/types'
import type { InputReason, InputRefusal } from '../domain/input/refusal'

export const inputReasonStatus: Record<InputReason, 400 | 404 | 413 | 415> = {
  body_too_large: 413,
  unsupported_media_type: 415,
  invalid_json: 400,
  invalid_body: 400,
  invalid_multipart: 400,
  invalid_query: 400,
  invalid_id: 400,
  route_not_found: 404,
  invalid_graphql_request: 400,
  graphql_too_complex: 400,
}

const details = (refusal: InputRefusal) => ({
  reason: refusal.reason,
  ...(refusal.field === undefined ? {} : { field: refusal.field }),
})

/** The body of a REST refusal (the lean path sends the same: src/server/inputRefusals.ts). */
export const restRefusalBody = (refusal: InputRefusal, language: Locale) => ({
  ...details(refusal),
  errors: [{ message: refusal.message[language], data: details(refusal) }],
})

export const restRefusal = (refusal: InputRefusal, language: Locale): Response =>
  Response.json(restRefusalBody(refusal, language), { status: inputReasonStatus[refusal.reason] })

export const graphqlRefusal = (refusal: InputRefusal, language: Locale): Response => {
  const status = inputReasonStatus[refusal.reason]
  return Response.json(
    {
      errors: [
        {
          message: refusal.message[language],
          extensions: { ...details(refusal), statusCode: status },
        },
      ],
    },
    { status },
  )
}

/** What a handler's unexpected failure answers: still JSON, never an empty body. */
export const serverError = (language: Locale): Response =>
  Response.json(
    { errors: [{ message: language === 'en' ? 'Something went wrong.' : '服务器出错了。' }] },
    { status: 500 },
  )
