// What changed between two versions of a document, field by field, for the audit log
// (docs/rules.md rule 12). References compare by id however deeply either side was populated.

export type FieldChange = {
  path: string
  before: unknown
  after: unknown
  /** Only on a secret (password, API key): both sides are redacted, this says what happened. */
  secret?: 'set' | 'changed' | 'removed'
}

/**
 * What the diff needs to know about a document's fields. A field that is not described is diffed
 * as plain JSON, leaf by leaf.
 */
export type FieldShape =
  /** A relationship or upload: an id, a populated document, `{ relationTo, value }`, or a list. */
  | { kind: 'reference' }
  /** Compared and reported as one value, e.g. a select with several values or rich text. */
  | { kind: 'whole' }
  /** A group (or named tab): an object with fields of its own. */
  | { kind: 'group'; fields: FieldShapes }
  /** An array field: rows, compared by position. */
  | { kind: 'rows'; fields: FieldShapes }
  /** A blocks field: rows whose fields depend on their `blockType`. */
  | { kind: 'blocks'; blocks: Readonly<Record<string, FieldShapes>> }

export type FieldShapes = Readonly<Record<string, FieldShape>>

/** Bookkeeping that changes on every save and says nothing about what the editor did. */
export const defaultIgnoredFields: readonly string[] = ['updatedAt', 'createdAt']

type PlainObject = Record<string, unknown>

const isPlainObject = (value: unknown): value is PlainObject => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

const isContainer = (value: unknown): value is PlainObject | unknown[] =>
  Array.isArray(value) || isPlainObject(value)

const join = (path: string, key: string | number): string => (path ? `${path}.${key}` : String(key))

const sameLeaf = (a: unknown, b: unknown): boolean =>
  Object.is(a, b) || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime())

/** Deep equality of JSON-like values; a missing key equals an undefined one. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]))
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    return [...keys].every((key) => sameValue(a[key], b[key]))
  }
  return sameLeaf(a, b)
}

/**
 * A reference as its id, whatever the depth it was read at: a populated document becomes its
 * `id`, `{ relationTo, value }` keeps its collection and reduces its value, a list is reduced item
 * by item, and a reference read in every locale (`{ zh: …, en: … }`) locale by locale.
 */
export function referenceOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(referenceOf)
  if (!isPlainObject(value)) return value
  if ('id' in value) return value.id
  if (typeof value.relationTo === 'string' && 'value' in value) {
    return { relationTo: value.relationTo, value: referenceOf(value.value) }
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, referenceOf(item)]))
}

const rowShape = (shape: FieldShape | undefined, row: unknown): FieldShape | undefined => {
  if (shape?.kind === 'rows') return { kind: 'group', fields: shape.fields }
  if (shape?.kind === 'blocks' && isPlainObject(row) && typeof row.blockType === 'string') {
    const fields = shape.blocks[row.blockType]
    return fields ? { kind: 'group', fields } : undefined
  }
  return undefined
}

const childShape = (shape: FieldShape | undefined, key: string): FieldShape | undefined =>
  shape?.kind === 'group' ? shape.fields[key] : undefined

const isWhole = (shape: FieldShape | undefined): boolean =>
  shape?.kind === 'reference' || shape?.kind === 'whole'

/** A value with every reference the shape knows of reduced to its id (see `referenceOf`). */
function normalized(value: unknown, shape: FieldShape | undefined): unknown {
  if (!shape) return value
  if (shape.kind === 'reference') return referenceOf(value)
  if (shape.kind === 'whole') return value
  if (shape.kind === 'group') {
    if (!isPlainObject(value)) return value
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, normalized(item, shape.fields[key])]),
    )
  }
  if (!Array.isArray(value)) return value
  return value.map((row) => normalized(row, rowShape(shape, row)))
}

/**
 * Deep diff of two versions of a document. Paths use dots and array indices
 * (`benefits.2.amount`); array rows are compared by position, even when they carry an `id`. Keys
 * in `ignore` are skipped at any depth. Fields described in `fields` as references compare by id
 * (so a populated document equals its id) and are reported as ids; `whole` fields and references
 * are reported as one value. A created document diffs from `undefined` and a deleted one to
 * `undefined`: every leaf is listed (an empty array or object counts as a leaf, so it is not lost).
 */
export function fieldDiff(
  before: unknown,
  after: unknown,
  options: { ignore?: readonly string[]; fields?: FieldShapes } = {},
): FieldChange[] {
  const ignored = new Set(options.ignore ?? defaultIgnoredFields)
  const documentShape: FieldShape | undefined = options.fields
    ? { kind: 'group', fields: options.fields }
    : undefined
  const changes: FieldChange[] = []

  const entriesOf = (container: PlainObject | unknown[]): [string | number, unknown][] =>
    Array.isArray(container)
      ? container.map((item, index) => [index, item])
      : Object.entries(container).filter(([key]) => !ignored.has(key))

  const shapeAt = (shape: FieldShape | undefined, key: string | number, item: unknown) =>
    typeof key === 'number' ? rowShape(shape, item) : childShape(shape, key)

  /** Every leaf of a value that exists on one side only. */
  const expand = (path: string, value: unknown, side: 'before' | 'after', shape?: FieldShape) => {
    const entries = isContainer(value) && !isWhole(shape) ? entriesOf(value) : []
    if (entries.length === 0) {
      if (value === undefined) return
      changes.push(
        side === 'before'
          ? { path, before: value, after: undefined }
          : { path, before: undefined, after: value },
      )
      return
    }
    for (const [key, item] of entries)
      expand(join(path, key), item, side, shapeAt(shape, key, item))
  }

  const walk = (path: string, a: unknown, b: unknown, shape: FieldShape | undefined) => {
    if (isWhole(shape)) {
      if (!sameValue(a, b)) changes.push({ path, before: a, after: b })
      return
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let index = 0; index < Math.max(a.length, b.length); index++) {
        walk(join(path, index), a[index], b[index], rowShape(shape, b[index] ?? a[index]))
      }
      return
    }
    if (isPlainObject(a) && isPlainObject(b)) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)])
      for (const key of keys) {
        if (!ignored.has(key)) walk(join(path, key), a[key], b[key], childShape(shape, key))
      }
      return
    }
    if (a === undefined && isContainer(b)) return expand(path, b, 'after', shape)
    if (b === undefined && isContainer(a)) return expand(path, a, 'before', shape)
    // Different kinds (null -> object, array -> string …) or two different leaves.
    if (!sameLeaf(a, b)) changes.push({ path, before: a, after: b })
  }

  walk('', normalized(before, documentShape), normalized(after, documentShape), documentShape)
  return changes
}
