// What API callers may send where an id belongs. The request schemas (src/api/schemas.ts) use these
// patterns, so anything that is not a plain string of the expected form is refused before it
// reaches a query (no `{"$ne": null}`, no `member[$gt]=`).

/** The platform's own user id (a Payload id fits it too). */
export const externalIdPattern = /^[A-Za-z0-9_.:@-]{1,128}$/
/** A Payload (MongoDB) document id. */
export const objectIdPattern = /^[0-9a-f]{24}$/
/** A benefit key or a slug as configured (see the Benefits collection); a Payload id fits it too. */
export const keyPattern = /^[a-z0-9][a-z0-9-_.]{0,63}$/i

export const isExternalId = (value: unknown): value is string =>
  typeof value === 'string' && externalIdPattern.test(value)

export const isDocumentId = (value: unknown): value is string =>
  typeof value === 'string' && objectIdPattern.test(value)

export const isKey = (value: unknown): value is string =>
  typeof value === 'string' && keyPattern.test(value)
