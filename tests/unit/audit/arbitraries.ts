// fast-check generators for the audit diff: field shapes, documents that fit them, and the same
// documents with any of their references populated (as Payload returns them at depth > 0).
import fc from 'fast-check'

import type { FieldShape, FieldShapes } from '../../../src/domain/audit/diff'

type Doc = Record<string, unknown>

const idArbitrary = fc.constantFrom('a1', 'a2', 'b1', 'm1', 't1', 't2')
const collectionArbitrary = fc.constantFrom('tiers', 'media', 'courses')
const scalarArbitrary = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.integer({ min: -5, max: 5 }),
  fc.boolean(),
  fc.constant(null),
)
const fieldName = fc.constantFrom('alpha', 'beta', 'gamma', 'delta')

const { shapes: shapesArbitrary } = fc.letrec<{ shapes: FieldShapes; shape: FieldShape }>(
  (tie) => ({
    shapes: fc.dictionary(fieldName, tie('shape'), { maxKeys: 3 }),
    shape: fc.oneof(
      { maxDepth: 3 },
      fc.constant<FieldShape>({ kind: 'reference' }),
      fc.constant<FieldShape>({ kind: 'whole' }),
      tie('shapes').map((fields): FieldShape => ({ kind: 'group', fields })),
      tie('shapes').map((fields): FieldShape => ({ kind: 'rows', fields })),
      fc
        .tuple(tie('shapes'), tie('shapes'))
        .map(([first, second]): FieldShape => ({ kind: 'blocks', blocks: { first, second } })),
    ),
  }),
)

const polymorphicArbitrary = fc.record({ relationTo: collectionArbitrary, value: idArbitrary })

function valueArbitrary(shape: FieldShape): fc.Arbitrary<unknown> {
  switch (shape.kind) {
    case 'reference':
      return fc.oneof(
        idArbitrary,
        fc.constant(null),
        fc.array(idArbitrary, { maxLength: 3 }),
        polymorphicArbitrary,
        fc.array(polymorphicArbitrary, { maxLength: 2 }),
      )
    case 'whole':
      return fc.oneof(fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }), scalarArbitrary)
    case 'group':
      return objectArbitrary(shape.fields)
    case 'rows':
      return fc.array(
        fc
          .tuple(objectArbitrary(shape.fields), fc.string({ minLength: 1, maxLength: 4 }))
          .map(([row, id]) => ({ ...row, id })),
        { maxLength: 3 },
      )
    case 'blocks':
      return fc.array(
        fc.oneof(
          ...Object.entries(shape.blocks).map(([blockType, fields]) =>
            objectArbitrary(fields).map((row) => ({ ...row, blockType })),
          ),
        ),
        { maxLength: 3 },
      )
  }
}

/** An object with any of the described fields, plus a field the shapes do not describe. */
function objectArbitrary(fields: FieldShapes): fc.Arbitrary<Doc> {
  const model: Record<string, fc.Arbitrary<unknown>> = { note: scalarArbitrary }
  for (const [name, shape] of Object.entries(fields)) model[name] = valueArbitrary(shape)
  return fc.record(model, { requiredKeys: [] })
}

/** Field shapes and a document that fits them. */
export const documentArbitrary: fc.Arbitrary<{ fields: FieldShapes; doc: Doc }> =
  shapesArbitrary.chain((fields) => objectArbitrary(fields).map((doc) => ({ fields, doc })))

/** A referenced document as Payload populates it, its own references populated or not. */
const referencedDocument = (id: string): fc.Arbitrary<Doc> =>
  fc
    .record({
      name: scalarArbitrary,
      rank: fc.integer({ min: 0, max: 9 }),
      related: fc.oneof(idArbitrary, fc.record({ id: idArbitrary, title: scalarArbitrary })),
      updatedAt: fc.constantFrom('2025-01-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z'),
    })
    .map((extra) => ({ ...extra, id }))

const isObject = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function populatedReference(value: unknown): fc.Arbitrary<unknown> {
  if (typeof value === 'string') return fc.oneof(fc.constant(value), referencedDocument(value))
  if (Array.isArray(value)) return fc.tuple(...value.map(populatedReference))
  if (isObject(value) && typeof value.relationTo === 'string') {
    return populatedReference(value.value).map((populated) => ({ ...value, value: populated }))
  }
  return fc.constant(value)
}

function populatedValue(value: unknown, shape: FieldShape | undefined): fc.Arbitrary<unknown> {
  if (!shape || shape.kind === 'whole') return fc.constant(value)
  if (shape.kind === 'reference') return populatedReference(value)
  if (shape.kind === 'group') {
    return isObject(value) ? populatedArbitrary(value, shape.fields) : fc.constant(value)
  }
  if (!Array.isArray(value)) return fc.constant(value)
  return fc.tuple(
    ...value.map((row: unknown) => {
      if (!isObject(row)) return fc.constant(row)
      const fields =
        shape.kind === 'rows' ? shape.fields : (shape.blocks[String(row.blockType)] ?? {})
      return populatedArbitrary(row, fields)
    }),
  )
}

/** The same document with any of its references (at any depth) replaced by their documents. */
export function populatedArbitrary(doc: Doc, fields: FieldShapes): fc.Arbitrary<Doc> {
  return fc
    .tuple(
      ...Object.entries(doc).map(([key, value]) =>
        populatedValue(value, fields[key]).map((populated) => [key, populated] as const),
      ),
    )
    .map((entries) => Object.fromEntries(entries))
}
