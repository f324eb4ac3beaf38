// Payload's GraphQL route handler behind a check of the request itself (docs/rules.md rule 14): a
// JSON body within the size limit, one operation, a query string of bounded nesting. Payload's
// handler would throw on a body that is not JSON, and Next would answer an empty 500.
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { getPayload, type SanitizedConfig } from 'payload'

import { callerLanguage } from '../adapters/language'
import { byteLimitOf, checkJsonText, checkMediaType } from '../domain/input/bodies'
import { checkGraphqlNesting, checkGraphqlRequest } from '../domain/input/graphql'
import { isRefusal, refuse, type InputRefusal } from '../domain/input/refusal'
import { graphqlRefusal, serverError } from '../endpoints/inputAnswers'
import { bodyText, readBody, withBody } from '../endpoints/requestBody'

type ConfigInput = Promise<SanitizedConfig> | SanitizedConfig

async function check(request: Request): Promise<Request | InputRefusal> {
  const kind = checkMediaType(request.headers.get('content-type'), ['json'])
  if (isRefusal(kind)) return kind
  const bytes = await readBody(request, byteLimitOf('json'))
  if (isRefusal(bytes)) return bytes
  const text = bodyText(bytes)
  if (text === null) {
    return refuse(
      'invalid_json',
      { zh: '请求体不是有效的 UTF-8 文本。', en: 'The body is not valid UTF-8 text.' },
      'body',
    )
  }
  // Variables are coerced to their declared types; JSON ones are checked where they are used.
  const parsed = checkJsonText(text, 'body', { documentData: false })
  if (isRefusal(parsed)) return parsed
  const operation = checkGraphqlRequest(parsed.value)
  if (isRefusal(operation)) return operation
  return checkGraphqlNesting(operation.query) ?? withBody(request, bytes)
}

/** POST /api/graphql for src/app/(payload)/api/graphql/route.ts (and the tests). */
export function guardedGraphqlPost(config: ConfigInput) {
  const handler = GRAPHQL_POST(config)
  return async (request: Request): Promise<Response> => {
    const language = callerLanguage(request.headers, new URL(request.url).searchParams)
    const admitted = await check(request)
    if (isRefusal(admitted)) return graphqlRefusal(admitted, language)
    try {
      return await handler(admitted)
    } catch (error) {
      const payload = await getPayload({ config, cron: true })
      payload.logger.error({ err: error, msg: 'POST /api/graphql failed' })
      return serverError(language)
    }
  }
}
