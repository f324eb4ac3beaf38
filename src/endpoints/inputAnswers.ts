// How the guards answer refused input (docs/rules.md rule 14): the status from the one reason →
// status table (src/api/refusals.ts); the body every refusal has (`reason`, `field`, `message` in zh
// and en), plus Payload's REST error shape (`errors[].message` in the caller's language, which the
// admin shows); GraphQL's error shape with the same keys among the extensions.
import { refusalStatus } from '../api/refusals'
import type { Locale } from '../domain/catalogue/types'
import type { InputRefusal } from '../domain/input/refusal'

const details = (refusal: InputRefusal) => ({
  reason: refusal.reason,
  ...(refusal.field === undefined ? {} : { field: refusal.field }),
})

/** The body of a REST refusal (the lean path sends the same: src/server/inputRefusals.ts). */
export const restRefusalBody = (refusal: InputRefusal, language: Locale) => ({
  ...details(refusal),
  message: refusal.message,
  errors: [{ message: refusal.message[language], data: details(refusal) }],
})

export const restRefusal = (refusal: InputRefusal, language: Locale): Response =>
  Response.json(restRefusalBody(refusal, language), { status: refusalStatus[refusal.reason] })

export const graphqlRefusal = (refusal: InputRefusal, language: Locale): Response => {
  const status = refusalStatus[refusal.reason]
  return Response.json(
    {
      errors: [
        {
          message: refusal.message[language],
          extensions: { ...details(refusal), status, statusCode: status, message: refusal.message },
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
