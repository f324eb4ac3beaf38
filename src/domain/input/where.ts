// The shape of a `where` filter from outside (REST query strings, GraphQL arguments): known
// operators only, plain values of the field's kind, bounded nesting and size. Payload checks that
// the field paths exist; what it would pass on to the database unchecked is refused here.
import type { Localized } from '../catalogue/types'
import { inputLimits } from './limits'
import { describeValue, refuse, type InputRefusal } from './refusal'
import { fieldPathPattern, resolvePath, type Fields, type FieldShape } from './shape'

const listOperators = ['in', 'not_in', 'all'] as const
const scalarOperators = [
  'equals',
  'not_equals',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
] as const
const textOperators = ['like', 'not_like', 'contains'] as const
const geoOperators = ['near', 'within', 'intersects'] as const
export const whereOperators = [
  ...scalarOperators,
  ...listOperators,
  ...textOperators,
  'exists',
  ...geoOperators,
] as const

type Operator = (typeof whereOperators)[number]
type Scalar = string | number | boolean | null

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isScalar = (value: unknown): value is Scalar =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value)

/** Arrays arrive from query strings as objects with numeric keys (`or[0]`, `in[1]`). */
export function asList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value
  if (isPlainObject(value) && Object.keys(value).every((key) => /^\d+$/.test(key))) {
    return Object.values(value)
  }
  return null
}

const objectIdPattern = /^[0-9a-f]{24}$/i
const numberPattern = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

const isNumeric = (value: Scalar) =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && numberPattern.test(value) && Number.isFinite(Number(value)))

const isDate = (value: Scalar) =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Date.parse(value)))

const isBoolean = (value: Scalar) =>
  value === true || value === false || value === 'true' || value === 'false'

const isNullish = (value: Scalar) => value === null || value === 'null'

/** Why `value` is not a value of `field`'s kind, or null when it is one. */
function kindProblem(field: FieldShape, value: Scalar): Localized | null {
  switch (field.kind) {
    case 'number':
      return isNumeric(value)
        ? null
        : {
            zh: '这里需要一个数字；要找没有值的文档，请用 exists=false。',
            en: 'a number is needed here; to find documents without a value use exists=false.',
          }
    case 'date':
      return isDate(value)
        ? null
        : {
            zh: '这里需要一个日期，例如 2026-01-31 或 2026-01-31T08:00:00Z。',
            en: 'a date is needed here, e.g. 2026-01-31 or 2026-01-31T08:00:00Z.',
          }
    case 'checkbox':
      return isBoolean(value)
        ? null
        : { zh: '这里需要 true 或 false。', en: 'true or false is needed here.' }
    case 'id':
    case 'relationship':
    case 'join':
      if (!field.objectIds) return null
      if (field.kind === 'relationship' && isNullish(value)) return null
      return typeof value === 'string' && objectIdPattern.test(value)
        ? null
        : {
            zh: '这里需要文档 ID（24 位十六进制）。',
            en: 'a document id (24 hex digits) is needed here.',
          }
    default:
      return null
  }
}

type Walk = { conditions: number }

/**
 * Checks a where filter. `fields` is the collection's (or versions', or global's) shape when the
 * route has one; without it only the structure and the operators are checked.
 */
export function checkWhere(
  where: unknown,
  fields: Fields | undefined,
  locales: readonly string[],
  name = 'where',
): InputRefusal | null {
  return checkClause(where, fields, locales, name, 0, { conditions: 0 })
}

function checkClause(
  clause: unknown,
  fields: Fields | undefined,
  locales: readonly string[],
  at: string,
  nesting: number,
  walk: Walk,
): InputRefusal | null {
  if (!isPlainObject(clause)) {
    return refuse(
      'invalid_query',
      {
        zh: `“${at}”必须是筛选条件（例如 where[name][equals]=…），收到的是${describeValue(clause).zh}。`,
        en: `"${at}" must be a filter (e.g. where[name][equals]=…), got ${describeValue(clause).en}.`,
      },
      at,
    )
  }
  for (const [key, value] of Object.entries(clause)) {
    const path = `${at}.${key}`
    if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
      if (nesting + 1 > inputLimits.whereNesting) {
        return refuse(
          'invalid_query',
          {
            zh: `“${at}”中的 and/or 嵌套超过 ${inputLimits.whereNesting} 层。`,
            en: `"${at}" nests and/or more than ${inputLimits.whereNesting} levels deep.`,
          },
          path,
        )
      }
      const items = asList(value)
      if (!items) {
        return refuse(
          'invalid_query',
          {
            zh: `“${path}”必须是条件列表，例如 ${at}[${key}][0][name][equals]=…。`,
            en: `"${path}" must be a list of filters, e.g. ${at}[${key}][0][name][equals]=….`,
          },
          path,
        )
      }
      for (const [index, item] of items.entries()) {
        const problem = checkClause(item, fields, locales, `${path}.${index}`, nesting + 1, walk)
        if (problem) return problem
      }
      continue
    }
    walk.conditions += 1
    if (walk.conditions > inputLimits.whereConditions) {
      return refuse(
        'invalid_query',
        {
          zh: `筛选条件超过 ${inputLimits.whereConditions} 个。`,
          en: `The filter has more than ${inputLimits.whereConditions} conditions.`,
        },
        at,
      )
    }
    if (!fieldPathPattern.test(key)) {
      return refuse(
        'invalid_query',
        {
          zh: `“${key}”不是字段路径：只能是字母、数字和 _，以 . 分隔（运算符写在后面，例如 [name][equals]）。`,
          en: `"${key}" is not a field path: letters, digits and _ separated by dots (the operator follows, e.g. [name][equals]).`,
        },
        path,
      )
    }
    if (!isPlainObject(value)) {
      return refuse(
        'invalid_query',
        {
          zh: `“${path}”缺少运算符，例如 ${at}[${key}][equals]=…。`,
          en: `"${path}" needs an operator, e.g. ${at}[${key}][equals]=….`,
        },
        path,
      )
    }
    const resolved = fields ? resolvePath(fields, key, locales) : { to: 'unknown' as const }
    const field = resolved.to === 'field' ? resolved.field : undefined
    for (const [operator, operand] of Object.entries(value)) {
      // GraphQL filters a link to one of several collections as { relationTo, value }.
      if (field?.kind === 'polymorphic' && (operator === 'relationTo' || operator === 'value')) {
        if (isScalar(operand)) continue
      }
      const problem = checkCondition(operator, operand, field, `${path}.${operator}`)
      if (problem) return problem
    }
  }
  return null
}

function checkCondition(
  operator: string,
  operand: unknown,
  field: FieldShape | undefined,
  at: string,
): InputRefusal | null {
  if (!(whereOperators as readonly string[]).includes(operator)) {
    return refuse(
      'invalid_query',
      {
        zh: `不认识的运算符“${operator}”；可用：${whereOperators.join('、')}。`,
        en: `Unknown operator "${operator}"; use one of ${whereOperators.join(', ')}.`,
      },
      at,
    )
  }
  const op = operator as Operator
  if ((geoOperators as readonly string[]).includes(op)) {
    return field?.kind === 'point'
      ? null
      : refuse(
          'invalid_query',
          {
            zh: `“${op}”只适用于地理坐标字段。`,
            en: `"${op}" applies to geographic point fields only.`,
          },
          at,
        )
  }
  if (op === 'exists') {
    return isScalar(operand) && isBoolean(operand)
      ? null
      : refuse(
          'invalid_query',
          {
            zh: `“${at}”必须是 true 或 false，收到 ${describeValue(operand).zh}。`,
            en: `"${at}" must be true or false, got ${describeValue(operand).en}.`,
          },
          at,
        )
  }
  let values: unknown[]
  if ((listOperators as readonly string[]).includes(op)) {
    const list =
      typeof operand === 'string'
        ? operand.split(',')
        : isScalar(operand)
          ? [operand]
          : asList(operand)
    if (!list || operand === null) {
      return refuse(
        'invalid_query',
        {
          zh: `“${at}”必须是值的列表（以逗号分隔，或 ${at}[0]=…）。`,
          en: `"${at}" must be a list of values (comma-separated, or ${at}[0]=…).`,
        },
        at,
      )
    }
    if (list.length > inputLimits.listValues) {
      return refuse(
        'invalid_query',
        {
          zh: `“${at}”的值超过 ${inputLimits.listValues} 个。`,
          en: `"${at}" has more than ${inputLimits.listValues} values.`,
        },
        at,
      )
    }
    values = list
  } else {
    values = [operand]
  }
  for (const value of values) {
    if (!isScalar(value)) {
      return refuse(
        'invalid_query',
        {
          zh: `“${at}”只能是普通的值，不能是${describeValue(value).zh}。`,
          en: `"${at}" must be a plain value, not ${describeValue(value).en}.`,
        },
        at,
      )
    }
    if (!field) continue
    if ((textOperators as readonly string[]).includes(op)) {
      // like and contains search text; numbers, dates and yes/no fields hold none.
      if (
        !['number', 'date', 'checkbox'].includes(field.kind) ||
        (op === 'contains' && field.hasMany)
      ) {
        continue
      }
      return refuse(
        'invalid_query',
        {
          zh: `“${op}”只用于文本字段；数字、日期和是/否字段请用 equals、greater_than 等比较。`,
          en: `"${op}" searches text; compare numbers, dates and yes/no fields with equals, greater_than and the like.`,
        },
        at,
      )
    }
    const problem = kindProblem(field, value)
    if (problem) {
      return refuse(
        'invalid_query',
        {
          zh: `“${at}”的值 ${describeValue(value).zh} 不对：${problem.zh}`,
          en: `"${at}" got ${describeValue(value).en}: ${problem.en}`,
        },
        at,
      )
    }
  }
  return null
}
