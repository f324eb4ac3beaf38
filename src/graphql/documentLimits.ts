// A GraphQL validation rule: refuses an operation that nests deeper or selects more fields than
// src/domain/input/limits.ts allows, fragments followed (once each, so the check stays linear).
import {
  GraphQLError,
  Kind,
  type ExecutionArgs,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql'

import { editorLanguage } from '../adapters/language'
import { checkGraphqlSize } from '../domain/input/graphql'
import { refusalStatus } from '../api/refusals'

type Size = { depth: number; fields: number }
type Measure = (set: SelectionSetNode) => Size

function measurer(fragments: ReadonlyMap<string, FragmentDefinitionNode>): Measure {
  const known = new Map<string, Size>()
  const open = new Set<string>()
  const measure: Measure = (set) => {
    let depth = 0
    let fields = 0
    for (const selection of set.selections) {
      let inner: Size = { depth: 0, fields: 0 }
      if (selection.kind === Kind.FIELD) {
        if (selection.selectionSet) inner = measure(selection.selectionSet)
        depth = Math.max(depth, 1 + inner.depth)
        fields += 1 + inner.fields
        continue
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = measure(selection.selectionSet)
      } else {
        const name = selection.name.value
        const fragment = fragments.get(name)
        // A cycle is reported by graphql's own NoFragmentCycles rule.
        if (!fragment || open.has(name)) continue
        if (!known.has(name)) {
          open.add(name)
          known.set(name, measure(fragment.selectionSet))
          open.delete(name)
        }
        inner = known.get(name)!
      }
      depth = Math.max(depth, inner.depth)
      fields += inner.fields
    }
    return { depth, fields }
  }
  return measure
}

export const graphqlDocumentLimits = (args: ExecutionArgs): ValidationRule[] => {
  const req = (args.contextValue as { req?: Parameters<typeof editorLanguage>[0] } | undefined)?.req
  const language = editorLanguage(req)
  return [
    (context) => ({
      Document(document) {
        const fragments = new Map<string, FragmentDefinitionNode>()
        for (const definition of document.definitions) {
          if (definition.kind === Kind.FRAGMENT_DEFINITION) {
            fragments.set(definition.name.value, definition)
          }
        }
        const measure = measurer(fragments)
        for (const definition of document.definitions) {
          if (definition.kind !== Kind.OPERATION_DEFINITION) continue
          const refusal = checkGraphqlSize(measure(definition.selectionSet))
          if (refusal) {
            context.reportError(
              new GraphQLError(refusal.message[language], {
                nodes: [definition],
                extensions: {
                  reason: refusal.reason,
                  field: refusal.field,
                  statusCode: refusalStatus[refusal.reason],
                },
              }),
            )
          }
        }
      },
    }),
  ]
}
