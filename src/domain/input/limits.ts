// How much a caller may send, in one place: the REST and GraphQL guards, the app server's hot
// routes and Payload's own limits (upload size, query depth) all read these (docs/rules.md rule 14).

const mebibyte = 1024 * 1024

export const inputLimits = {
  /** A JSON body: every REST write, the entitlement API, GraphQL. */
  jsonBodyBytes: mebibyte,
  /** One uploaded file (Payload's `upload.limits.fileSize`). */
  uploadFileBytes: 10 * mebibyte,
  /** A whole multipart body: the file plus its form fields. */
  multipartBodyBytes: 11 * mebibyte,
  /** Objects and arrays inside objects and arrays, in any JSON body. */
  jsonNesting: 32,
  /** Query parameters in one URL (Payload's parser reads no more). */
  queryParameters: 1000,
  /** Brackets in one parameter name, e.g. where[or][0][name][like] has 4. */
  queryNameNesting: 10,
  /** Levels of and/or inside a `where`. */
  whereNesting: 6,
  /** Conditions in one `where`, all levels together. */
  whereConditions: 100,
  /** Values of one `in`, `not_in` or `all`. */
  listValues: 500,
  /** Fields in one `sort`. */
  sortFields: 5,
  /** Largest `limit`; 0 means "all" as in Payload. */
  limit: 1000,
  /** Largest `page`. */
  page: 100_000,
  /** Largest `depth` (Payload's `maxDepth`). */
  depth: 10,
  /** Nested selections in one GraphQL operation, fragments followed. */
  graphqlDepth: 15,
  /** Fields (aliases included) in one GraphQL document, fragments followed. */
  graphqlFields: 500,
  /** Brackets ({ [ () inside one another anywhere in a GraphQL document. */
  graphqlNesting: 64,
} as const
