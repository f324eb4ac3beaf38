// GraphQL queries and mutations generated from the operation table. A resolver hands its arguments
// to `perform` (authorise from the policy table, parse with the request schema, run) and returns
// the value; a refusal becomes a GraphQL error whose message is in the caller's language and whose
// `extensions` are `{ reason, status, field?, message, ...details }`: the REST body plus its status.
import type { GraphQLFieldConfig, GraphQLInputType } from 'graphql'
import { APIError, type AfterErrorHook, type GraphQLExtension, type PayloadRequest } from 'payload'

import { principalOf } from '../api/authorise'
import {
  apiOperations,
  perform,
  type ApiOperation,
  type GraphqlArgument,
  type GraphqlField,
} from '../api/operations'
import { refusalBody, refusalExtensions, refusalStatus } from '../api/refusals'
import { editorLanguage } from '../adapters/language'
import type { Refusal } from '../operations/result'
import { apiTypes, type GraphQLModule } from './types'

/** A refusal thrown out of a resolver; `graphqlRefusalExtensions` shapes its error. */
export class RefusalError extends APIError {
  constructor(
    readonly refusal: Refusal,
    language: 'zh' | 'en',
  ) {
    super(refusal.message[language], refusalStatus[refusal.reason], refusalBody(refusal), true)
  }
}

/** `String!`, `[String!]`, `Int`, or a type from src/graphql/types.ts. */
function inputType(GraphQL: GraphQLModule, spec: string): GraphQLInputType {
  if (spec.endsWith('!')) {
    return new GraphQL.GraphQLNonNull(inputType(GraphQL, spec.slice(0, -1)) as never)
  }
  if (spec.startsWith('[') && spec.endsWith(']')) {
    return new GraphQL.GraphQLList(inputType(GraphQL, spec.slice(1, -1)))
  }
  const scalars: Record<string, GraphQLInputType> = {
    String: GraphQL.GraphQLString,
    Int: GraphQL.GraphQLInt,
    Float: GraphQL.GraphQLFloat,
    Boolean: GraphQL.GraphQLBoolean,
  }
  const named = scalars[spec] ?? apiTypes(GraphQL)[spec]
  if (!named || !GraphQL.isInputType(named)) throw new Error(`unknown GraphQL input type ${spec}`)
  return named
}

const argument = (GraphQL: GraphQLModule, spec: GraphqlArgument) =>
  typeof spec === 'string'
    ? { type: inputType(GraphQL, spec) }
    : { type: inputType(GraphQL, spec.type), defaultValue: spec.defaultValue }

type Resolver = GraphQLFieldConfig<unknown, { req: PayloadRequest }, Record<string, unknown>>

function field(GraphQL: GraphQLModule, operation: ApiOperation, graphql: GraphqlField): Resolver {
  const output = apiTypes(GraphQL)[graphql.type]
  if (!output || !GraphQL.isOutputType(output)) {
    throw new Error(`${operation.name}: unknown GraphQL output type ${graphql.type}`)
  }
  return {
    type: new GraphQL.GraphQLNonNull(output),
    description: graphql.description,
    args: Object.fromEntries(
      Object.entries(graphql.args).map(([name, spec]) => [name, argument(GraphQL, spec)]),
    ),
    resolve: async (_source, args, { req }) => {
      const outcome = await perform(
        operation,
        { payload: req.payload, req },
        principalOf(req.user),
        { ...args },
      )
      if (!outcome.ok) throw new RefusalError(outcome.refusal, editorLanguage(req))
      return outcome.value
    },
  }
}

const fieldsOf =
  (kind: GraphqlField['kind']): GraphQLExtension =>
  (GraphQL) => {
    const fields: Record<string, Resolver> = {}
    for (const operation of Object.values(apiOperations) as ApiOperation[]) {
      if (operation.graphql?.kind === kind) {
        fields[operation.graphql.field] = field(GraphQL, operation, operation.graphql)
      }
    }
    return fields
  }

export const apiQueries = fieldsOf('query')
export const apiMutations = fieldsOf('mutation')

/**
 * Payload formats every GraphQL error as `{ name, data, statusCode }`; a refusal's extensions are
 * the API's own instead, identical to the REST body plus the status (payload.config.ts wires this
 * into `hooks.afterError`).
 */
export const graphqlRefusalExtensions: AfterErrorHook = ({ error, graphqlResult }) => {
  const refusal = ((error as { originalError?: unknown }).originalError as RefusalError | undefined)
    ?.refusal
  if (!graphqlResult || !refusal) return
  return { graphqlResult: { ...graphqlResult, extensions: refusalExtensions(refusal) } }
}
