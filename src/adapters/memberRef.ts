// Parsing what API callers send where an id belongs. Anything that is not a plain string of the
// expected form is refused before it reaches a query (no `{"$ne": null}`, no `member[$gt]=`).

const externalIdPattern = /^[A-Za-z0-9_.:@-]{1,128}$/
const objectIdPattern = /^[0-9a-f]{24}$/

export const isExternalId = (value: unknown): value is string =>
  typeof value === 'string' && externalIdPattern.test(value)

export const isDocumentId = (value: unknown): value is string =>
  typeof value === 'string' && objectIdPattern.test(value)

/** A benefit key or slug as configured (see the Benefits collection). */
export const isKey = (value: unknown): value is string =>
  typeof value === 'string' && /^[a-z0-9][a-z0-9-_.]{0,63}$/i.test(value)
