// Which query parameters Payload's REST routes read, and the shape each must have. Anything else
// in the query string is left to the route (Payload ignores it). Parameter names are read in
// bracket notation, as Payload's parser reads them: where[or][0][name][like]=x.
import type { Localized } from '../catalogue/types'
import { checkJsonText } from './bodies'
import { inputLimits } from './limits'
import { describeValue, isRefusal, refuse, type InputRefusal } from './refusal'
import { fieldPathPattern, resolvePath, type Fields, type ResourceShape } from './shape'
import { asList, checkWhere } from './where'

export type QueryTree = { [name: string]: QueryValue }
export type QueryValue = string | string[] | QueryTree

/** What the parameters of one route are checked against. */
export type QueryTarget = {
  /** The collection's, versions' or global's fields; undefined for custom endpoints. */
  shape?: ResourceShape
  locales: readonly string[]
}

const booleanParameters = [
  'autosave',
  'draft',
  'trash',
  'overrideLock',
  'pagination',
  'flattenLocales',
  'publishAllLocales',
  'unpublishAllLocales',
] as const

const integerParameters = {
  depth: { min: 0, max: inputLimits.depth },
  limit: { min: 0, max: inputLimits.limit },
  page: { min: 1, max: inputLimits.page },
} as const

const structuredParameters = ['where', 'sort', 'select', 'populate', 'joins', 'data'] as const
const localeParameters = ['locale', 'fallback-locale', 'fallbackLocale', 'publishSpecificLocale']

/** Every parameter this module has a rule for. */
export const knownQueryParameters: readonly string[] = [
  ...booleanParameters,
  ...Object.keys(integerParameters),
  ...structuredParameters,
  ...localeParameters,
]

const invalid = (field: string, message: Localized) => refuse('invalid_query', message, field)

const namePattern = /^([^[\]]+)((?:\[[^[\]]*\])*)$/

/**
 * Reads the known parameters of a query string into a tree, the way Payload's parser does
 * (`a[b][0]=x` → { a: { b: { 0: 'x' } } }); unknown parameters are skipped.
 */
export function parseQuery(search: URLSearchParams): QueryTree | InputRefusal {
  const tree: QueryTree = {}
  let count = 0
  for (const [name, value] of search) {
    count += 1
    if (count > inputLimits.queryParameters) {
      return invalid('query', {
        zh: `查询参数超过 ${inputLimits.queryParameters} 个。`,
        en: `The query has more than ${inputLimits.queryParameters} parameters.`,
      })
    }
    const base = name.replace(/\[.*$/, '')
    if (!knownQueryParameters.includes(base)) continue
    const match = namePattern.exec(name)
    if (!match) {
      return invalid(base, {
        zh: `参数名“${name}”的方括号不配对。`,
        en: `The parameter name "${name}" has unbalanced brackets.`,
      })
    }
    const segments = [...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((segment) => segment[1]!)
    if (segments.length > inputLimits.queryNameNesting) {
      return invalid(base, {
        zh: `参数“${base}”嵌套超过 ${inputLimits.queryNameNesting} 层方括号。`,
        en: `"${base}" nests more than ${inputLimits.queryNameNesting} levels of brackets.`,
      })
    }
    const problem = insert(tree, base, segments, value)
    if (problem) return problem
  }
  return tree
}

function insert(tree: QueryTree, base: string, segments: string[], value: string) {
  let node: QueryTree = tree
  const path = [base, ...segments]
  for (let index = 0; index < path.length; index += 1) {
    let key = path[index]!
    const last = index === path.length - 1
    // `a[]=x&a[]=y` appends, as a list does.
    if (key === '' && index > 0) key = String(Object.keys(node).length)
    const existing: QueryValue | undefined = Object.hasOwn(node, key) ? node[key] : undefined
    if (last) {
      if (existing === undefined) node[key] = value
      else if (typeof existing === 'string') node[key] = [existing, value]
      else if (Array.isArray(existing)) existing.push(value)
      else return ambiguous(base)
      return null
    }
    if (existing === undefined) node[key] = {}
    else if (typeof existing === 'string' || Array.isArray(existing)) return ambiguous(base)
    node = node[key] as QueryTree
  }
  return null
}

const ambiguous = (base: string) =>
  invalid(base, {
    zh: `参数“${base}”既作为单个值又作为嵌套结构出现，含义不明。`,
    en: `"${base}" is given both as a plain value and as a nested one, which is ambiguous.`,
  })

/** Checks every known parameter of a parsed query against the route's rules. */
export function checkQuery(query: QueryTree, target: QueryTarget): InputRefusal | null {
  for (const [name, value] of Object.entries(query)) {
    const problem = checkParameter(name, value, target)
    if (problem) return problem
  }
  return null
}

function single(name: string, value: QueryValue): string | InputRefusal {
  if (typeof value === 'string') return value
  return invalid(name, {
    zh: `参数“${name}”只能出现一次，且不能带方括号。`,
    en: `"${name}" must be given once, as a plain value without brackets.`,
  })
}

function checkParameter(name: string, value: QueryValue, target: QueryTarget) {
  if ((booleanParameters as readonly string[]).includes(name)) {
    const text = single(name, value)
    if (isRefusal(text)) return text
    return text === 'true' || text === 'false'
      ? null
      : invalid(name, {
          zh: `参数“${name}”必须是 true 或 false，收到 ${describeValue(text).zh}。`,
          en: `"${name}" must be true or false, got ${describeValue(text).en}.`,
        })
  }
  if (name in integerParameters) {
    const { min, max } = integerParameters[name as keyof typeof integerParameters]
    const text = single(name, value)
    if (isRefusal(text)) return text
    const number = /^\d{1,15}$/.test(text) ? Number(text) : NaN
    return number >= min && number <= max
      ? null
      : invalid(name, {
          zh: `参数“${name}”必须是 ${min} 到 ${max} 之间的整数，收到 ${describeValue(text).zh}。`,
          en: `"${name}" must be a whole number from ${min} to ${max}, got ${describeValue(text).en}.`,
        })
  }
  if (localeParameters.includes(name)) return checkLocale(name, value, target.locales)
  const fields = target.shape?.fields
  switch (name) {
    case 'where': {
      let where: unknown = value
      if (typeof value === 'string') {
        const parsed = checkJsonText(value, 'where', { documentData: true })
        if (isRefusal(parsed)) return parsed
        where = parsed.value
      }
      return checkWhere(where, fields, target.locales)
    }
    case 'sort':
      return checkSort(value, fields, target.locales)
    case 'select':
      return checkSelect(value, fields, 'select')
    case 'populate':
      return checkPopulate(value, target.shape)
    case 'joins':
      return checkJoins(value, fields)
    case 'data': {
      const text = single(name, value)
      if (isRefusal(text)) return text
      const parsed = checkJsonText(text, 'data', { documentData: true })
      return isRefusal(parsed) ? parsed : null
    }
    default:
      return null
  }
}

function checkLocale(name: string, value: QueryValue, locales: readonly string[]) {
  const text = single(name, value)
  if (isRefusal(text)) return text
  const allowed =
    name === 'locale'
      ? [...locales, 'all', '*']
      : name === 'publishSpecificLocale'
        ? [...locales]
        : [...locales, 'none', 'null', 'false']
  return allowed.includes(text)
    ? null
    : invalid(name, {
        zh: `参数“${name}”必须是 ${allowed.join('、')} 之一，收到 ${describeValue(text).zh}。`,
        en: `"${name}" must be one of ${allowed.join(', ')}, got ${describeValue(text).en}.`,
      })
}

const sortableKinds = ['id', 'text', 'number', 'date', 'checkbox', 'select', 'relationship']

/** A sort: field paths, each optionally prefixed with - for descending, comma-separated. */
export function checkSort(
  value: unknown,
  fields: Fields | undefined,
  locales: readonly string[],
): InputRefusal | null {
  const parts = typeof value === 'string' ? [value] : asList(value)
  if (!parts || parts.some((part) => typeof part !== 'string')) {
    return invalid('sort', {
      zh: '参数“sort”必须是以逗号分隔的字段名，例如 sort=-createdAt,name。',
      en: '"sort" must be comma-separated field names, e.g. sort=-createdAt,name.',
    })
  }
  const entries = (parts as string[]).flatMap((part) => part.split(','))
  if (entries.length > inputLimits.sortFields) {
    return invalid('sort', {
      zh: `参数“sort”最多 ${inputLimits.sortFields} 个字段。`,
      en: `"sort" takes at most ${inputLimits.sortFields} fields.`,
    })
  }
  for (const entry of entries) {
    const path = entry.trim().replace(/^-/, '')
    if (!fieldPathPattern.test(path)) {
      return invalid('sort', {
        zh: `“${entry}”不是可排序的字段名（字段路径前可加 - 表示倒序）。`,
        en: `"${entry}" is not a field to sort by (a field path, - in front for descending).`,
      })
    }
    if (!fields) continue
    const resolved = resolvePath(fields, path, locales)
    if (resolved.to === 'related') {
      return invalid('sort', {
        zh: `不能按关联文档的字段“${path}”排序。`,
        en: `Sorting by a related document's field ("${path}") is not supported.`,
      })
    }
    if (resolved.to === 'unknown' || !sortableKinds.includes(resolved.field.kind)) {
      return invalid('sort', {
        zh: `不能按“${path}”排序：没有这个字段，或它不是单个值。`,
        en: `Cannot sort by "${path}": there is no such field, or it does not hold a single value.`,
      })
    }
  }
  return null
}

const selectExample = { zh: '例如 select[name]=true', en: 'e.g. select[name]=true' }

/** A select: field names mapped to true/false, nested for groups and lists. */
export function checkSelect(
  value: unknown,
  fields: Fields | undefined,
  at: string,
): InputRefusal | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalid(at, {
      zh: `参数“${at}”必须列出字段（${selectExample.zh}），收到 ${describeValue(value).zh}。`,
      en: `"${at}" must list fields (${selectExample.en}), got ${describeValue(value).en}.`,
    })
  }
  for (const [name, choice] of Object.entries(value)) {
    const path = `${at}.${name}`
    const field = fields && Object.hasOwn(fields, name) ? fields[name] : undefined
    if (fields && !field) {
      return invalid(path, {
        zh: `“${at}”中没有字段“${name}”。`,
        en: `"${at}" names "${name}", which is not a field.`,
      })
    }
    if (choice === 'true' || choice === 'false' || choice === true || choice === false) continue
    if (typeof choice === 'object' && choice !== null && !Array.isArray(choice)) {
      if (field && !field.fields && field.kind !== 'blocks') {
        return invalid(path, {
          zh: `“${name}”没有下级字段，只能是 true 或 false。`,
          en: `"${name}" has no fields inside; use true or false.`,
        })
      }
      const problem = checkSelect(choice, field?.fields, path)
      if (problem) return problem
      continue
    }
    return invalid(path, {
      zh: `“${path}”必须是 true 或 false，收到 ${describeValue(choice).zh}。`,
      en: `"${path}" must be true or false, got ${describeValue(choice).en}.`,
    })
  }
  return null
}

/** A populate: collection slugs mapped to a select of that collection's fields. */
function checkPopulate(value: QueryValue, shape: ResourceShape | undefined) {
  if (typeof value !== 'object' || Array.isArray(value)) {
    return invalid('populate', {
      zh: `参数“populate”必须按集合列出字段，例如 populate[media][url]=true，收到 ${describeValue(value).zh}。`,
      en: `"populate" must list fields by collection, e.g. populate[media][url]=true, got ${describeValue(value).en}.`,
    })
  }
  for (const [slug, select] of Object.entries(value)) {
    const collections = shape?.collections
    if (collections && !Object.hasOwn(collections, slug)) {
      return invalid(`populate.${slug}`, {
        zh: `“populate”中的“${slug}”不是集合。`,
        en: `"populate" names "${slug}", which is not a collection.`,
      })
    }
    const problem = checkSelect(select, collections?.[slug], `populate.${slug}`)
    if (problem) return problem
  }
  return null
}

/** joins=false, or per join field: joins[field][limit]=…&joins[field][sort]=…. */
function checkJoins(value: QueryValue, fields: Fields | undefined) {
  if (value === 'false') return null
  const usage = {
    zh: '参数“joins”必须是 false，或按关联字段给出 limit、page、sort、where、count。',
    en: '"joins" must be false, or limit, page, sort, where and count per join field.',
  }
  if (typeof value !== 'object' || Array.isArray(value)) return invalid('joins', usage)
  for (const [name, options] of Object.entries(value)) {
    if (fields && fields[name]?.kind !== 'join') {
      return invalid(`joins.${name}`, {
        zh: `“joins”中的“${name}”不是关联（join）字段。`,
        en: `"joins" names "${name}", which is not a join field.`,
      })
    }
    if (options === 'false') continue
    if (typeof options !== 'object' || Array.isArray(options)) return invalid('joins', usage)
    for (const [option, setting] of Object.entries(options)) {
      const at = `joins.${name}.${option}`
      const problem =
        option === 'where'
          ? checkWhere(setting, undefined, [], at)
          : option === 'sort'
            ? checkSort(setting, undefined, [])
            : (option === 'limit' || option === 'page') &&
                typeof setting === 'string' &&
                /^\d{1,6}$/.test(setting)
              ? null
              : option === 'count' && (setting === 'true' || setting === 'false')
                ? null
                : invalid(at, usage)
      if (problem) return problem
    }
  }
  return null
}
