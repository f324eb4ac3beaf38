// Payload's generated GraphQL resolvers pass their arguments (sort, where, limit, page, data) on to
// the operations unchecked: this plugin checks them there, with the rules the REST guard applies
// to the same parameters (docs/rules.md rule 14). REST requests were checked before Payload saw
// them and the Local API is trusted code, so only GraphQL calls are checked.
import { APIError, type CollectionBeforeOperationHook, type Plugin } from 'payload'

import { editorLanguage } from '../adapters/language'
import { requestShapes } from '../adapters/requestShape'
import { checkOperationArguments, type OperationArguments } from '../domain/input/arguments'
import { refusalStatus } from '../api/refusals'

const versionOperations = ['findVersions', 'findVersionByID', 'countVersions', 'restoreVersion']

const checkGraphqlArguments: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (req.payloadAPI !== 'GraphQL') return args
  const shapes = requestShapes(req.payload.config)
  const shape = versionOperations.includes(operation)
    ? shapes.collectionVersions[collection.slug]
    : shapes.collections[collection.slug]
  const refusal = checkOperationArguments(args as OperationArguments, shape?.fields, shapes.locales)
  if (!refusal) return args
  throw new APIError(
    refusal.message[editorLanguage(req)],
    refusalStatus[refusal.reason],
    { reason: refusal.reason, field: refusal.field },
    true,
  )
}

export const graphqlArgumentGuard: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [checkGraphqlArguments, ...(collection.hooks?.beforeOperation ?? [])],
    },
  })),
})
