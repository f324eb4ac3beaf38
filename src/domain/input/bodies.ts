// What a request body may be: its media type, its size, and for JSON its syntax and shape (bounded
// nesting; in a document's data no `$` keys, which are query operators to a database, not data).
import { inputLimits } from './limits'
import { describeValue, refuse, type InputRefusal } from './refusal'

export type BodyKind = 'json' | 'multipart' | 'form'

/** The media type of a Content-Type header, lower case, without parameters. */
export const mediaTypeOf = (contentType: string | null | undefined): string =>
  (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase()

export function bodyKindOf(contentType: string | null | undefined): BodyKind | null {
  const mediaType = mediaTypeOf(contentType)
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) return 'json'
  if (mediaType === 'multipart/form-data') return 'multipart'
  if (mediaType === 'application/x-www-form-urlencoded') return 'form'
  return null
}

const describeKinds = (kinds: readonly BodyKind[]) =>
  kinds
    .map((kind) =>
      kind === 'json'
        ? 'application/json'
        : kind === 'multipart'
          ? 'multipart/form-data'
          : 'application/x-www-form-urlencoded',
    )
    .join(', ')

/** The kind of a body a route accepts, or why it is refused. */
export function checkMediaType(
  contentType: string | null | undefined,
  accepted: readonly BodyKind[],
): BodyKind | InputRefusal {
  const kind = bodyKindOf(contentType)
  if (kind && accepted.includes(kind)) return kind
  const sent = mediaTypeOf(contentType) || '—'
  return refuse(
    'unsupported_media_type',
    {
      zh: `请求体的类型（Content-Type: ${sent}）不被接受，请使用 ${describeKinds(accepted)}。`,
      en: `The body's type (Content-Type: ${sent}) is not accepted; send ${describeKinds(accepted)}.`,
    },
    'body',
  )
}

export const byteLimitOf = (kind: BodyKind): number =>
  kind === 'multipart' ? inputLimits.multipartBodyBytes : inputLimits.jsonBodyBytes

export const tooLarge = (limitBytes: number): InputRefusal => {
  const size =
    limitBytes >= 1024 * 1024 ? `${limitBytes / (1024 * 1024)} MiB` : `${limitBytes / 1024} KiB`
  return refuse(
    'body_too_large',
    {
      zh: `请求体超过 ${size} 的上限。`,
      en: `The body is larger than the ${size} limit.`,
    },
    'body',
  )
}

/** A body whose bytes are not UTF-8 text, so not JSON either. */
export const notUtf8Text: InputRefusal = refuse(
  'invalid_json',
  { zh: '请求体不是有效的 UTF-8 文本。', en: 'The body is not valid UTF-8 text.' },
  'body',
)

export type JsonRules = {
  /** A document's data (stored or queried by Payload): keys starting with $ are refused. */
  documentData: boolean
}

/** Parses JSON text and checks its shape; `field` names where it came from in messages. */
export function checkJsonText(
  text: string,
  field: string,
  rules: JsonRules,
): { value: unknown } | InputRefusal {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return refuse(
      'invalid_json',
      {
        zh: `“${field}”不是有效的 JSON：${(error as Error).message}`,
        en: `"${field}" is not valid JSON: ${(error as Error).message}`,
      },
      field,
    )
  }
  const problem = checkJsonValue(value, field, rules)
  return problem ?? { value }
}

/** Bounded nesting (for data: no `$` keys), checked without recursion, as the input sets the depth. */
export function checkJsonValue(
  value: unknown,
  field: string,
  rules: JsonRules,
): InputRefusal | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }]
  while (stack.length) {
    const { value: node, depth } = stack.pop()!
    if (typeof node !== 'object' || node === null) continue
    if (depth >= inputLimits.jsonNesting) {
      return refuse(
        'invalid_body',
        {
          zh: `“${field}”中的对象和列表嵌套超过 ${inputLimits.jsonNesting} 层。`,
          en: `"${field}" nests objects and lists more than ${inputLimits.jsonNesting} levels deep.`,
        },
        field,
      )
    }
    if (Array.isArray(node)) {
      for (const item of node) stack.push({ value: item, depth: depth + 1 })
      continue
    }
    for (const [key, item] of Object.entries(node)) {
      if (rules.documentData && key.startsWith('$')) {
        return refuse(
          'invalid_body',
          {
            zh: `“${field}”中不能有以 $ 开头的键（“${key}”）。`,
            en: `"${field}" must not contain keys starting with $ ("${key}").`,
          },
          field,
        )
      }
      stack.push({ value: item, depth: depth + 1 })
    }
  }
  return null
}

/** A document's data: a JSON object, not a list, a string or null. */
export function checkJsonObject(value: unknown, field = 'body'): InputRefusal | null {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return null
  const got = describeValue(value)
  return refuse(
    'invalid_body',
    {
      zh: `“${field}”必须是 JSON 对象（{…}），收到的是${got.zh}。`,
      en: `"${field}" must be a JSON object ({…}), got ${got.en}.`,
    },
    field,
  )
}
