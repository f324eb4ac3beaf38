// From what a transport received to what an operation takes: the request schema decides, and its
// first problem becomes `invalid_request` with the field at fault and a message in zh and en that
// says what the field must be. Only plain strings and numbers of the expected form get through:
// `{"$ne": null}`, `member[$gt]=` and repeated parameters are refused before anything reaches a
// query (docs/rules.md rule 14).
import { z } from 'zod'

import type { Localized } from '../domain/catalogue/types'
import { ok, type Outcome, type Refusal } from '../operations/result'
import type { CrossFieldParams, FieldMeta } from './schemas'

/**
 * A query string as an object. Repeated parameters become arrays and bracketed names
 * (`member[$gt]=`, the way query strings smuggle operators) become objects, so the schema refuses
 * both as "not a string" rather than reading one of the values.
 */
export function queryInput(params: URLSearchParams): Record<string, unknown> {
  const input: Record<string, unknown> = {}
  for (const [name, value] of params) {
    const bracket = name.indexOf('[')
    const key = bracket > 0 ? name.slice(0, bracket) : name
    if (key === '__proto__') continue
    const item = bracket > 0 ? { [name.slice(bracket)]: value } : value
    const seen = input[key]
    input[key] = seen === undefined ? item : Array.isArray(seen) ? [...seen, item] : [seen, item]
  }
  return input
}

/** An empty string or null says "not given", as an omitted field does. */
function withoutBlanks(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw
  let copy: Record<string, unknown> | null = null
  for (const [key, value] of Object.entries(raw)) {
    if (value === '' || value === null) {
      copy ??= { ...(raw as Record<string, unknown>) }
      delete copy[key]
    }
  }
  return copy ?? raw
}

// Issues keep the value received, for the message.
const parseOptions = { reportInput: true } as const

/** The operation's input, or the 400 refusal naming the first field to fix. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  raw: unknown,
): Outcome<z.output<Schema>> {
  const parsed = schema.safeParse(withoutBlanks(raw), parseOptions)
  if (parsed.success) return ok(parsed.data)
  return { ok: false, refusal: refusalFor(schema, parsed.error.issues[0]!) }
}

/** The meta of a field schema, looking through optional and default wrappers. */
function metaOf(schema: z.ZodType | undefined): FieldMeta | undefined {
  for (let current = schema, depth = 0; current && depth < 4; depth += 1) {
    const meta = z.globalRegistry.get(current) as FieldMeta | undefined
    if (meta?.['x-description-zh']) return meta
    current = (current._zod.def as { innerType?: z.ZodType }).innerType
  }
  return undefined
}

const describe = (meta: FieldMeta | undefined): Localized => ({
  zh: meta?.['x-description-zh'] ?? '符合要求的值',
  en: meta?.description ?? 'a valid value',
})

/** A space between Chinese and a following Latin word or number ("必须是 zh 或 en"). */
const spaced = (zh: string) => (/^[A-Za-z0-9]/.test(zh) ? ` ${zh}` : zh)

/** A received value for a message, short enough to read. */
function shown(value: unknown): string {
  const text = value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value))
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

function refusalFor(schema: z.ZodType, issue: z.core.$ZodIssue): Refusal {
  const refusal = (field: string, message: Localized): Refusal => ({
    reason: 'invalid_request',
    field,
    message,
  })
  if (issue.code === 'custom' && (issue.params as CrossFieldParams | undefined)?.message) {
    return refusal(issue.path.join('.'), (issue.params as CrossFieldParams).message)
  }
  const [name, index] = issue.path
  const input = (issue as { input?: unknown }).input
  if (name === undefined) {
    return refusal('body', {
      zh: `请求体必须是 JSON 对象，收到 ${shown(input)}。`,
      en: `The request body must be a JSON object, got ${shown(input)}.`,
    })
  }
  if (issue.path.length > 2 || (issue.path.length === 2 && typeof index !== 'number')) {
    return nestedRefusal(schema, issue.path, input)
  }
  const field = String(name)
  const fieldSchema = (schema as { shape?: Record<string, z.ZodType> }).shape?.[field]
  if (typeof index === 'number') {
    const item = describe(metaOf(fieldSchema && elementOf(fieldSchema)))
    return refusal(`${field}.${index}`, {
      zh: `“${field}”第 ${index + 1} 项必须是${spaced(item.zh)}，收到 ${shown(input)}。`,
      en: `Item ${index + 1} of "${field}" must be ${item.en}, got ${shown(input)}.`,
    })
  }
  const what = describe(metaOf(fieldSchema))
  if (input === undefined) {
    return refusal(field, {
      zh: `缺少“${field}”：${what.zh}。`,
      en: `"${field}" is required: ${what.en}.`,
    })
  }
  if (issue.code === 'invalid_type' && issue.expected === 'string' && typeof input === 'object') {
    return Array.isArray(input)
      ? refusal(field, {
          zh: `“${field}”只能给一个值（${what.zh}），收到了多个。`,
          en: `"${field}" takes one value (${what.en}), got several.`,
        })
      : refusal(field, {
          zh: `“${field}”必须是普通字符串（${what.zh}），不能是对象：不接受方括号或 $ne、$gt 等查询运算符。`,
          en: `"${field}" must be a plain string (${what.en}), not an object: brackets and query operators such as $ne or $gt are not accepted.`,
        })
  }
  return refusal(field, {
    zh: `“${field}”必须是${spaced(what.zh)}，收到 ${shown(input)}。`,
    en: `"${field}" must be ${what.en}, got ${shown(input)}.`,
  })
}

/** The schema at `path` inside an object schema (through optional, nullable and default wrappers). */
function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema
  for (const key of path) {
    for (let depth = 0; current && depth < 4; depth += 1) {
      const def = current._zod.def as { innerType?: z.ZodType; in?: z.ZodType }
      if (typeof key === 'number' ? 'element' in def : 'shape' in def) break
      current = def.innerType ?? def.in
    }
    if (!current) return undefined
    const def = current._zod.def as {
      element?: z.ZodType
      shape?: Record<string, z.ZodType>
    }
    current = typeof key === 'number' ? def.element : def.shape?.[String(key)]
  }
  return current
}

/**
 * A problem inside a nested object (`terms.budget.totalRedemptions`, `terms.audience.tiers.2`): the
 * whole path is the field, described by the innermost schema that describes itself.
 */
function nestedRefusal(schema: z.ZodType, path: readonly PropertyKey[], input: unknown): Refusal {
  const field = path.map(String).join('.')
  const last = path[path.length - 1]
  const refusal = (message: Localized): Refusal => ({ reason: 'invalid_request', field, message })
  if (typeof last === 'number') {
    const list = path.slice(0, -1).map(String).join('.')
    const item = describe(
      metaOf(schemaAt(schema, path)) ?? metaOf(schemaAt(schema, path.slice(0, -1))),
    )
    return refusal({
      zh: `“${list}”第 ${last + 1} 项必须是${spaced(item.zh)}，收到 ${shown(input)}。`,
      en: `Item ${last + 1} of "${list}" must be ${item.en}, got ${shown(input)}.`,
    })
  }
  const what = describe(metaOf(schemaAt(schema, path)))
  return refusal({
    zh: `“${field}”必须是${spaced(what.zh)}，收到 ${shown(input)}。`,
    en: `"${field}" must be ${what.en}, got ${shown(input)}.`,
  })
}

/** The item schema of an array field (through its default wrapper). */
function elementOf(schema: z.ZodType): z.ZodType | undefined {
  for (let current: z.ZodType | undefined = schema, depth = 0; current && depth < 4; depth += 1) {
    const def = current._zod.def as { element?: z.ZodType; innerType?: z.ZodType }
    if (def.element) return def.element
    current = def.innerType
  }
  return undefined
}
