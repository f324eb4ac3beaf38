// What a GraphQL request may be: one operation as a JSON object, a query of bounded nesting, depth
// and size. The depth and field count are measured on the parsed document (src/graphql/).
import { inputLimits } from './limits'
import { describeValue, refuse, type InputRefusal } from './refusal'

export type GraphqlRequest = {
  query: string
  variables?: Record<string, unknown> | null
  operationName?: string | null
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const invalid = (field: string, zh: string, en: string) =>
  refuse('invalid_graphql_request', { zh, en }, field)

/** The body of POST /api/graphql, already parsed as JSON. */
export function checkGraphqlRequest(body: unknown): GraphqlRequest | InputRefusal {
  if (Array.isArray(body)) {
    return invalid(
      'body',
      '每个请求只能有一个操作，不支持批量（JSON 数组）。',
      'One operation per request: batches (JSON arrays) are not supported.',
    )
  }
  if (!isPlainObject(body)) {
    return invalid(
      'body',
      `请求体必须是 JSON 对象 {"query": "…"}，收到的是${describeValue(body).zh}。`,
      `The body must be a JSON object {"query": "…"}, got ${describeValue(body).en}.`,
    )
  }
  const { query, variables, operationName } = body
  if (typeof query !== 'string' || query.trim() === '') {
    return invalid(
      'query',
      `“query”必须是包含 GraphQL 文档的字符串，收到的是${describeValue(query).zh}。`,
      `"query" must be a string holding a GraphQL document, got ${describeValue(query).en}.`,
    )
  }
  if (variables !== undefined && variables !== null && !isPlainObject(variables)) {
    return invalid(
      'variables',
      `“variables”必须是 JSON 对象，收到的是${describeValue(variables).zh}。`,
      `"variables" must be a JSON object, got ${describeValue(variables).en}.`,
    )
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return invalid(
      'operationName',
      `“operationName”必须是字符串，收到的是${describeValue(operationName).zh}。`,
      `"operationName" must be a string, got ${describeValue(operationName).en}.`,
    )
  }
  return { query, variables, operationName }
}

/**
 * Brackets nested in the document's text, strings and comments skipped: bounds the parser's
 * recursion before it runs (a literal nested 100,000 levels would exhaust the stack).
 */
export function checkGraphqlNesting(query: string): InputRefusal | null {
  let depth = 0
  let deepest = 0
  for (let index = 0; index < query.length; index += 1) {
    const char = query[index]
    if (char === '#') {
      while (index < query.length && query[index] !== '\n') index += 1
    } else if (char === '"') {
      const block = query.startsWith('"""', index)
      const end = block ? '"""' : '"'
      index += end.length
      while (index < query.length && !query.startsWith(end, index)) {
        if (query[index] === '\\') index += 1
        index += 1
      }
      index += end.length - 1
    } else if (char === '{' || char === '[' || char === '(') {
      depth += 1
      deepest = Math.max(deepest, depth)
      if (deepest > inputLimits.graphqlNesting) break
    } else if (char === '}' || char === ']' || char === ')') {
      depth -= 1
    }
  }
  return deepest > inputLimits.graphqlNesting
    ? refuse(
        'graphql_too_complex',
        {
          zh: `查询中的括号嵌套超过 ${inputLimits.graphqlNesting} 层。`,
          en: `The query nests brackets more than ${inputLimits.graphqlNesting} levels deep.`,
        },
        'query',
      )
    : null
}

/** Judges a parsed document by its deepest selection and its number of fields. */
export function checkGraphqlSize(measured: { depth: number; fields: number }): InputRefusal | null {
  if (measured.depth > inputLimits.graphqlDepth) {
    return refuse(
      'graphql_too_complex',
      {
        zh: `查询嵌套 ${measured.depth} 层，上限是 ${inputLimits.graphqlDepth} 层。`,
        en: `The query nests ${measured.depth} levels deep; the limit is ${inputLimits.graphqlDepth}.`,
      },
      'query',
    )
  }
  if (measured.fields > inputLimits.graphqlFields) {
    return refuse(
      'graphql_too_complex',
      {
        zh: `查询包含 ${measured.fields} 个字段（含别名），上限是 ${inputLimits.graphqlFields} 个。`,
        en: `The query selects ${measured.fields} fields (aliases included); the limit is ${inputLimits.graphqlFields}.`,
      },
      'query',
    )
  }
  return null
}
