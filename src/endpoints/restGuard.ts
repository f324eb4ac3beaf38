// Payload's REST route handlers behind a check of what the caller sent (docs/rules.md rule 14): the
// route exists for this collection, the query parameters have the shapes src/domain/input gives
// them, and the body is of an accepted type and size and well formed. A refusal is a 4xx in
// Payload's error shape with a reason; only what passes reaches Payload and the database.
import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'
import { getPayload, type SanitizedConfig } from 'payload'

import { callerLanguage } from '../adapters/language'
import { requestShapes, type RequestShapes } from '../adapters/requestShape'
import {
  byteLimitOf,
  checkJsonObject,
  checkJsonText,
  checkMediaType,
  notUtf8Text,
  tooLarge,
  type BodyKind,
} from '../domain/input/bodies'
import { checkQuery, parseQuery } from '../domain/input/queryParameters'
import { isRefusal, refuse, type InputRefusal } from '../domain/input/refusal'
import type { ResourceShape } from '../domain/input/shape'
import { restRefusal, serverError } from './inputAnswers'
import { bodyText, readBody, withBody } from './requestBody'

type RouteArgs = { params: Promise<{ slug?: string[] }> }
type RouteHandler = (request: Request, args: RouteArgs) => Promise<Response>
type ConfigInput = Promise<SanitizedConfig> | SanitizedConfig

/** Where a request goes, as far as the input rules care. */
type Target = {
  shape?: ResourceShape
  /** A collection's or global's own routes accept multipart bodies (the admin sends them). */
  documentRoute: boolean
  /** Creating or updating a document: Payload fails without the document's data. */
  needsData?: boolean
  /** An upload collection, where a file alone can stand for the data. */
  acceptsFile?: boolean
}

const objectIdPattern = /^[0-9a-f]{24}$/i
const bodyMethods = ['POST', 'PATCH', 'PUT', 'DELETE']

/** The REST handlers for src/app/(payload)/api/[...slug]/route.ts (and the tests). */
export function guardedRestRoutes(config: ConfigInput) {
  const guard =
    (handler: RouteHandler): RouteHandler =>
    async (request, args) => {
      const { payload, admitted, language } = await admit(config, request, args)
      if (admitted instanceof Response) return admitted
      try {
        return await handler(admitted, args)
      } catch (error) {
        // Payload's handler caught nothing here: answer in its shape rather than an empty 500.
        payload.logger.error({ err: error, msg: `${request.method} ${request.url} failed` })
        return serverError(language)
      }
    }
  return {
    GET: guard(REST_GET(config)),
    POST: guard(REST_POST(config)),
    PATCH: guard(REST_PATCH(config)),
    PUT: guard(REST_PUT(config)),
    DELETE: guard(REST_DELETE(config)),
    OPTIONS: REST_OPTIONS(config),
  }
}

async function admit(config: ConfigInput, request: Request, args: RouteArgs) {
  const payload = await getPayload({ config, cron: true })
  const url = new URL(request.url)
  const language = callerLanguage(request.headers, url.searchParams)
  const answer = (refusal: InputRefusal) => ({
    payload,
    admitted: restRefusal(refusal, language),
    language,
  })

  const shapes = requestShapes(payload.config)
  const target = targetOf(request.method, (await args.params).slug ?? [], shapes)
  if (isRefusal(target)) return answer(target)

  const query = parseQuery(url.searchParams)
  if (isRefusal(query)) return answer(query)
  const queryProblem = checkQuery(query, { shape: target.shape, locales: shapes.locales })
  if (queryProblem) return answer(queryProblem)

  if (!bodyMethods.includes(request.method)) return { payload, admitted: request, language }
  const admitted = await admitBody(request, target, shapes)
  return isRefusal(admitted) ? answer(admitted) : { payload, admitted, language }
}

function targetOf(
  method: string,
  segments: string[],
  shapes: RequestShapes,
): Target | InputRefusal {
  const [first, second, third, fourth] = segments
  if (first === 'globals' && second !== undefined && shapes.globals[second]) {
    if (third === 'versions') {
      return versionsTarget(shapes.globalVersions[second], fourth, `/globals/${second}`)
    }
    return {
      shape: shapes.globals[second],
      documentRoute: true,
      needsData: method === 'POST' && third === undefined,
    }
  }
  if (first !== undefined && shapes.collections[first]) {
    if (second === 'versions') {
      return versionsTarget(shapes.collectionVersions[first], third, `/${first}`)
    }
    if (second === 'verify' && !shapes.verifying.has(first)) return notFound(`/${first}/verify`)
    return {
      shape: shapes.collections[first],
      documentRoute: true,
      // POST /tiers creates; PATCH /tiers and PATCH /tiers/:id update.
      needsData:
        (method === 'POST' && second === undefined) || (method === 'PATCH' && third === undefined),
    }
  }
  return { documentRoute: false }
}

function versionsTarget(
  shape: ResourceShape | undefined,
  id: string | undefined,
  route: string,
): Target | InputRefusal {
  if (!shape) return notFound(`${route}/versions`)
  if (id !== undefined && !objectIdPattern.test(id)) {
    return refuse(
      'invalid_id',
      {
        zh: `版本 ID“${id.slice(0, 40)}”格式不对：应为 24 位十六进制。`,
        en: `The version id "${id.slice(0, 40)}" is malformed: 24 hex digits expected.`,
      },
      'id',
    )
  }
  return { shape, documentRoute: true }
}

const notFound = (route: string) =>
  refuse('route_not_found', {
    zh: `没有 ${route} 这个接口：该集合未启用此功能。`,
    en: `There is no ${route} route: the collection does not have that feature.`,
  })

const overridesToGet = (request: Request) =>
  request.method === 'POST' &&
  [
    request.headers.get('x-payload-http-method-override'),
    request.headers.get('x-http-method-override'),
  ]
    .map((value) => value?.toUpperCase())
    .includes('GET')

const missingData = refuse(
  'invalid_body',
  {
    zh: '缺少文档数据：请以 JSON 对象（application/json）或 multipart 的 _payload 字段发送。',
    en: "The document's data is missing: send a JSON object (application/json) or multipart with a _payload field.",
  },
  'body',
)

async function admitBody(
  request: Request,
  target: Target,
  shapes: RequestShapes,
): Promise<Request | InputRefusal> {
  const override = overridesToGet(request)
  // A POST that stands for a GET carries its query string in a form body (Payload's admin).
  const accepted: BodyKind[] = override
    ? ['form', 'json']
    : target.documentRoute
      ? ['json', 'multipart']
      : ['json']
  const needsData = target.needsData === true && !override
  const contentType = request.headers.get('content-type')
  const kind = checkMediaType(contentType, accepted)
  if (!request.body) return needsData ? missingData : request
  const bytes = await readBody(request, byteLimitOf(isRefusal(kind) ? 'json' : kind))
  if (isRefusal(bytes)) return bytes
  // Nothing sent is no body, whatever its type says.
  if (bytes.byteLength === 0) return needsData ? missingData : withBody(request, bytes)
  if (isRefusal(kind)) return kind

  if (kind === 'multipart') {
    const problem = await checkMultipart(bytes, contentType!, {
      needsData,
      acceptsFile: target.acceptsFile === true,
    })
    return problem ?? withBody(request, bytes)
  }
  const text = bodyText(bytes)
  if (text === null) return notUtf8Text
  if (kind === 'form') {
    const query = parseQuery(new URLSearchParams(text))
    if (isRefusal(query)) return query
    const problem = checkQuery(query, { shape: target.shape, locales: shapes.locales })
    return problem ?? withBody(request, bytes)
  }
  // Custom endpoints parse their own input (and name the field at fault).
  const parsed = checkJsonText(text, 'body', { documentData: target.documentRoute })
  if (isRefusal(parsed)) return parsed
  return checkJsonObject(parsed.value) ?? withBody(request, bytes)
}

/** A multipart body that parses, whose `_payload` field (the document's data) is a JSON object. */
async function checkMultipart(
  bytes: Uint8Array,
  contentType: string,
  route: { needsData: boolean; acceptsFile: boolean },
) {
  let form: FormData
  try {
    form = await new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { 'content-type': contentType },
    }).formData()
  } catch {
    return refuse(
      'invalid_multipart',
      {
        zh: 'multipart/form-data 请求体无法解析（边界 boundary 缺失或内容残缺）。',
        en: 'The multipart/form-data body does not parse (missing boundary or a truncated part).',
      },
      'body',
    )
  }
  const data = form.get('_payload')
  if (data === null) {
    return route.needsData && !(route.acceptsFile && form.has('file')) ? missingData : null
  }
  if (typeof data !== 'string') {
    return refuse(
      'invalid_multipart',
      { zh: '“_payload”必须是文本字段。', en: '"_payload" must be a text field.' },
      '_payload',
    )
  }
  // The document's data obeys the JSON limit; only the file may be larger.
  const limit = byteLimitOf('json')
  if (new TextEncoder().encode(data).byteLength > limit)
    return { ...tooLarge(limit), field: '_payload' }
  const parsed = checkJsonText(data, '_payload', { documentData: true })
  if (isRefusal(parsed)) return parsed
  return checkJsonObject(parsed.value, '_payload')
}
