// What changed between two versions of a document, field by field, for the audit log (docs/rules.md rule 12).

export type FieldChange = { path: string; before: unknown; after: unknown }

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

/**
 * Deep diff of plain JSON values. Paths use dots and array indices (`benefits.2.amount`); array
 * items are compared by position, even when they carry an `id`. Keys in `ignore` are skipped at
 * any depth. A created document diffs from `undefined` and a deleted one to `undefined`: every
 * leaf is listed (an empty array or object counts as a leaf, so it is not lost).
 */
export function fieldDiff(
  before: unknown,
  after: unknown,
  options: { ignore?: readonly string[] } = {},
): FieldChange[] {
  const ignored = new Set(options.ignore ?? defaultIgnoredFields)
  const changes: FieldChange[] = []

  const entriesOf = (container: PlainObject | unknown[]): [string | number, unknown][] =>
    Array.isArray(container)
      ? container.map((item, index) => [index, item])
      : Object.entries(container).filter(([key]) => !ignored.has(key))

  /** Every leaf of a value that exists on one side only. */
  const expand = (path: string, value: unknown, side: 'before' | 'after') => {
    const entries = isContainer(value) ? entriesOf(value) : []
    if (entries.length === 0) {
      if (value === undefined) return
      changes.push(
        side === 'before'
          ? { path, before: value, after: undefined }
          : { path, before: undefined, after: value },
      )
      return
    }
    for (const [key, item] of entries) expand(join(path, key), item, side)
  }

  const walk = (path: string, a: unknown, b: unknown) => {
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let index = 0; index < Math.max(a.length, b.length); index++) {
        walk(join(path, index), a[index], b[index])
      }
      return
    }
    if (isPlainObject(a) && isPlainObject(b)) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)])
      for (const key of keys) {
        if (!ignored.has(key)) walk(join(path, key), a[key], b[key])
      }
      return
    }
    if (a === undefined && isContainer(b)) return expand(path, b, 'after')
    if (b === undefined && isContainer(a)) return expand(path, a, 'before')
    // Different kinds (null -> object, array -> string …) or two different leaves.
    if (!sameLeaf(a, b)) changes.push({ path, before: a, after: b })
  }

  walk('', before, after)
  return changes
}
