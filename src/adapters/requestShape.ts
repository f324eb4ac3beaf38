// Payload's sanitised config → the plain shapes the input rules check queries against
// (src/domain/input/shape.ts): one per collection, per collection's versions and per global.
import {
  buildVersionCollectionFields,
  buildVersionGlobalFields,
  type FlattenedField,
  type SanitizedConfig,
} from 'payload'

import type { FieldShape, Fields, ResourceShape } from '../domain/input/shape'

export type RequestShapes = {
  collections: Readonly<Record<string, ResourceShape>>
  collectionVersions: Readonly<Record<string, ResourceShape>>
  globals: Readonly<Record<string, ResourceShape>>
  globalVersions: Readonly<Record<string, ResourceShape>>
  /** Auth collections that verify email addresses (and so have /verify/:token). */
  verifying: ReadonlySet<string>
  /** Upload collections: a file alone can make a document. */
  uploading: ReadonlySet<string>
  locales: readonly string[]
}

const cache = new WeakMap<SanitizedConfig, RequestShapes>()

export function requestShapes(config: SanitizedConfig): RequestShapes {
  const cached = cache.get(config)
  if (cached) return cached
  // Without an id field of its own, a collection's documents get ObjectIds from the Mongo adapter.
  const objectIds: ReadonlySet<string> = new Set(
    config.collections
      .filter((collection) => !collection.flattenedFields.some((field) => field.name === 'id'))
      .map(({ slug }) => slug),
  )
  const convert = (fields: FlattenedField[]) => fieldsOf(fields, objectIds)
  const withId = (slug: string, fields: Fields): Fields => ({
    id: { kind: 'id', objectIds: objectIds.has(slug) },
    ...fields,
  })

  const collectionFields: Record<string, Fields> = {}
  for (const collection of config.collections) {
    collectionFields[collection.slug] = withId(collection.slug, convert(collection.flattenedFields))
  }
  const shape = (fields: Fields): ResourceShape => ({ fields, collections: collectionFields })

  const shapes: RequestShapes = {
    collections: Object.fromEntries(
      Object.entries(collectionFields).map(([slug, fields]) => [slug, shape(fields)]),
    ),
    collectionVersions: Object.fromEntries(
      config.collections
        .filter((collection) => collection.versions)
        .map((collection) => [
          collection.slug,
          shape({
            id: { kind: 'id', objectIds: true },
            ...convert(buildVersionCollectionFields(config, collection, true)),
          }),
        ]),
    ),
    globals: Object.fromEntries(
      config.globals.map((global) => [global.slug, shape(convert(global.flattenedFields))]),
    ),
    globalVersions: Object.fromEntries(
      config.globals
        .filter((global) => global.versions)
        .map((global) => [
          global.slug,
          shape({
            id: { kind: 'id', objectIds: true },
            ...convert(buildVersionGlobalFields(config, global, true)),
          }),
        ]),
    ),
    verifying: new Set(
      config.collections
        .filter((collection) => collection.auth && collection.auth.verify)
        .map(({ slug }) => slug),
    ),
    uploading: new Set(
      config.collections.filter((collection) => collection.upload).map(({ slug }) => slug),
    ),
    locales: config.localization ? config.localization.localeCodes : [],
  }
  cache.set(config, shapes)
  return shapes
}

function fieldsOf(fields: FlattenedField[], objectIds: ReadonlySet<string>): Fields {
  const result: Record<string, FieldShape> = {}
  for (const field of fields) {
    result[field.name] = fieldShape(field, objectIds)
  }
  return result
}

function fieldShape(field: FlattenedField, objectIds: ReadonlySet<string>): FieldShape {
  const localized = 'localized' in field && field.localized === true
  const hasMany = 'hasMany' in field && field.hasMany === true
  const common = { ...(localized ? { localized } : {}), ...(hasMany ? { hasMany } : {}) }
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      return { kind: 'text', ...common }
    case 'number':
      return { kind: 'number', ...common }
    case 'date':
      return { kind: 'date', ...common }
    case 'checkbox':
      return { kind: 'checkbox', ...common }
    case 'select':
    case 'radio':
      return { kind: 'select', ...common }
    case 'relationship':
    case 'upload':
      return typeof field.relationTo === 'string'
        ? { kind: 'relationship', objectIds: objectIds.has(field.relationTo), ...common }
        : { kind: 'polymorphic', ...common }
    case 'join':
      return { kind: 'join', ...common }
    case 'group':
    case 'tab':
      return { kind: 'group', fields: fieldsOf(field.flattenedFields, objectIds), ...common }
    case 'array':
      return { kind: 'list', fields: fieldsOf(field.flattenedFields, objectIds), ...common }
    case 'blocks':
      return { kind: 'blocks', ...common }
    case 'json':
    case 'richText':
      return { kind: 'json', ...common }
    case 'point':
      return { kind: 'point', ...common }
    default:
      return { kind: 'other', ...common }
  }
}
