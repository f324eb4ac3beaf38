// What a collection, its versions or a global look like to a query: field names and kinds, as
// plain data (src/adapters/requestShape.ts builds it from the Payload config).

export type FieldKind =
  | 'id'
  | 'text'
  | 'number'
  | 'date'
  | 'checkbox'
  | 'select'
  | 'relationship'
  | 'polymorphic'
  | 'group'
  | 'list'
  | 'blocks'
  | 'json'
  | 'point'
  | 'join'
  | 'other'

export type FieldShape = {
  kind: FieldKind
  localized?: boolean
  hasMany?: boolean
  /** The fields inside a group or list (array). */
  fields?: Fields
  /** For relationship, id and join fields: whether the ids are ObjectIds (24 hex digits). */
  objectIds?: boolean
}

export type Fields = Readonly<Record<string, FieldShape>>

export type ResourceShape = {
  fields: Fields
  /** Every collection's fields by slug, for `populate`. */
  collections?: Readonly<Record<string, Fields>>
}

/** Payload's rule for a field path: word characters separated by dots. */
export const fieldPathPattern = /^\w+(?:\.\w+)*$/

export type ResolvedPath =
  | { to: 'field'; field: FieldShape }
  /** Through a relationship into the related document (Payload resolves it with a sub-query). */
  | { to: 'related' }
  | { to: 'unknown' }

/** Follows a dotted path through groups and lists; a locale after a localized field is skipped. */
export function resolvePath(
  fields: Fields,
  path: string,
  locales: readonly string[],
): ResolvedPath {
  const segments = path.split('.')
  let current: Fields | undefined = fields
  for (let index = 0; index < segments.length; index += 1) {
    const field: FieldShape | undefined = current?.[segments[index]!]
    if (!field || !Object.hasOwn(current!, segments[index]!)) return { to: 'unknown' }
    let next = index + 1
    if (field.localized && next < segments.length && locales.includes(segments[next]!)) next += 1
    if (next >= segments.length) return { to: 'field', field }
    if (field.kind === 'relationship' || field.kind === 'polymorphic') return { to: 'related' }
    if (!field.fields) return { to: 'unknown' }
    current = field.fields
    index = next - 1
  }
  return { to: 'unknown' }
}
