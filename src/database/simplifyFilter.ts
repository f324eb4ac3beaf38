// FerretDB v1 (SQLite) pushes a query down to SQLite only when it is in its simplest form: an
// `_id` lookup written `{ _id: X }` is an index hit, but Payload's adapter writes every lookup as
// `{ $and: [{ _id: { $eq: X } }] }`, which FerretDB answers by reading the whole collection — a
// findByID on 100,000 members took seconds. `simplifyFilter` rewrites a filter into the same
// question in its plain form: a one-clause `$and` is its clause, the clauses of an `$and` whose
// fields do not overlap are merged, and `{ $eq: v }` of a scalar (string, number, boolean, null,
// Date, ObjectId) is `v`, as is `{ $in: [v] }` (Payload populates a relationship with `$in`: a
// scan of 100,000 members for one id took 21 s). The answer is the same on any MongoDB server
// (docs/database.md).

type Filter = Record<string, unknown>

const isPlainObject = (value: unknown): value is Filter =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype

/** A value `{ field: value }` matches exactly as `{ field: { $eq: value } }` does. */
const isScalar = (value: unknown): boolean =>
  value === null ||
  ['string', 'number', 'boolean'].includes(typeof value) ||
  value instanceof Date ||
  (typeof value === 'object' && (value as { _bsontype?: string })._bsontype === 'ObjectId')

function simplifyCondition(condition: unknown): unknown {
  if (!isPlainObject(condition)) return condition
  const keys = Object.keys(condition)
  if (keys.length === 1 && keys[0] === '$eq' && isScalar(condition.$eq)) return condition.$eq
  // One value listed is that value (a scalar matches an array field's element either way).
  if (
    keys.length === 1 &&
    keys[0] === '$in' &&
    Array.isArray(condition.$in) &&
    condition.$in.length === 1 &&
    isScalar(condition.$in[0]) &&
    condition.$in[0] !== null
  ) {
    return condition.$in[0]
  }
  return condition
}

export function simplifyFilter(filter: unknown): unknown {
  if (!isPlainObject(filter)) return filter
  const out: Filter = {}
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      const clauses = value.map(simplifyFilter)
      // Merge the clauses when each is a plain object and no field appears twice.
      const merged: Filter = {}
      let mergeable = clauses.every(isPlainObject)
      if (mergeable) {
        for (const clause of clauses as Filter[]) {
          for (const [field, condition] of Object.entries(clause)) {
            if (field in merged || field in out || field.startsWith('$')) mergeable = false
            merged[field] = condition
          }
        }
      }
      if (mergeable) Object.assign(out, merged)
      else out.$and = clauses
      continue
    }
    if (key === '$or' || key === '$nor') {
      out[key] = Array.isArray(value) ? value.map(simplifyFilter) : value
      continue
    }
    out[key] = key.startsWith('$') ? value : simplifyCondition(value)
  }
  return out
}
