// The arguments of an operation called from GraphQL (typed values, not query-string text): the
// same rules as the REST query parameters and bodies of the same names.
import { checkJsonValue } from './bodies'
import { inputLimits } from './limits'
import { describeValue, refuse, type InputRefusal } from './refusal'
import type { Fields } from './shape'
import { checkSort } from './queryParameters'
import { checkWhere } from './where'

export type OperationArguments = {
  sort?: unknown
  where?: unknown
  limit?: unknown
  page?: unknown
  /** A document's data (create, update): JSON fields inside it come unchecked by GraphQL's types. */
  data?: unknown
}

const ranges = {
  limit: { min: 0, max: inputLimits.limit },
  page: { min: 1, max: inputLimits.page },
} as const

export function checkOperationArguments(
  args: OperationArguments,
  fields: Fields | undefined,
  locales: readonly string[],
): InputRefusal | null {
  for (const name of ['limit', 'page'] as const) {
    const value = args[name]
    if (value === undefined || value === null) continue
    const { min, max } = ranges[name]
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      return refuse(
        'invalid_query',
        {
          zh: `“${name}”必须是 ${min} 到 ${max} 之间的整数，收到 ${describeValue(value).zh}。`,
          en: `"${name}" must be a whole number from ${min} to ${max}, got ${describeValue(value).en}.`,
        },
        name,
      )
    }
  }
  if (args.sort !== undefined && args.sort !== null && args.sort !== '') {
    const problem = checkSort(args.sort, fields, locales)
    if (problem) return problem
  }
  if (args.where !== undefined && args.where !== null) {
    const problem = checkWhere(args.where, fields, locales)
    if (problem) return problem
  }
  return args.data === undefined ? null : checkJsonValue(args.data, 'data', { documentData: true })
}
