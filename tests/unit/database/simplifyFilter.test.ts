import { ObjectId } from 'mongodb'
import { describe, expect, it } from 'vitest'

import { simplifyFilter } from '../../../src/database/simplifyFilter'

describe('simplifyFilter (FerretDB pushes down only plain lookups)', () => {
  const id = new ObjectId()
  it.each([
    ['a findByID', { $and: [{ _id: { $eq: 'order-1' } }] }, { _id: 'order-1' }],
    ['an ObjectId lookup', { $and: [{ _id: { $eq: id } }] }, { _id: id }],
    [
      'clauses on different fields',
      { $and: [{ campaign: { $eq: 'c' } }, { kind: { $in: ['trial'] } }] },
      { campaign: 'c', kind: 'trial' },
    ],
    ["a populate's one id", { _id: { $in: [id] } }, { _id: id }],
    ['an already plain filter', { _id: 'x', status: 'active' }, { _id: 'x', status: 'active' }],
    ['null equality', { $and: [{ tier: { $eq: null } }] }, { tier: null }],
  ])('writes %s plainly', (_name, filter, plain) => {
    expect(simplifyFilter(filter)).toEqual(plain)
  })

  it.each([
    ['the same field twice', { $and: [{ n: { $gt: 1 } }, { n: { $lt: 5 } }] }],
    ['operators inside $and', { $and: [{ $or: [{ a: 1 }, { b: 2 }] }, { c: 3 }] }],
    ['an $eq of an object', { doc: { $eq: { a: 1 } } }],
    ['an $eq of an array', { tags: { $eq: ['a', 'b'] } }],
    ['$eq beside another operator', { n: { $eq: 1, $exists: true } }],
    ['$in of several values', { _id: { $in: ['a', 'b'] } }],
    ['$in of null (missing fields too)', { tier: { $in: [null] } }],
    ['$in of a pattern', { slug: { $in: [/^demo-/] } }],
    ['$in of an array', { tags: { $in: [['a', 'b']] } }],
  ])('leaves %s as it is', (_name, filter) => {
    expect(simplifyFilter(filter)).toEqual(filter)
  })

  it('simplifies inside $or and keeps $and that cannot merge', () => {
    expect(
      simplifyFilter({
        $or: [{ $and: [{ _id: { $eq: 'a' } }] }, { slug: { $eq: 'b' } }],
        $and: [{ n: { $gt: 1 } }, { n: { $lt: 5 } }],
      }),
    ).toEqual({ $or: [{ _id: 'a' }, { slug: 'b' }], $and: [{ n: { $gt: 1 } }, { n: { $lt: 5 } }] })
  })
})
