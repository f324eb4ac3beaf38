import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { callerLanguage } from '../../../src/adapters/language'
import { checkOperationArguments } from '../../../src/domain/input/arguments'
import { checkJsonText, checkMediaType } from '../../../src/domain/input/bodies'
import {
  checkGraphqlNesting,
  checkGraphqlRequest,
  checkGraphqlSize,
} from '../../../src/domain/input/graphql'
import { inputLimits } from '../../../src/domain/input/limits'
import { checkQuery, parseQuery } from '../../../src/domain/input/queryParameters'
import { isRefusal } from '../../../src/domain/input/refusal'
import type { ResourceShape } from '../../../src/domain/input/shape'

const id = '0123456789abcdef01234567'
const shape: ResourceShape = {
  fields: {
    id: { kind: 'id', objectIds: true },
    name: { kind: 'text', localized: true },
    rank: { kind: 'number' },
    createdAt: { kind: 'date' },
    published: { kind: 'checkbox' },
    tier: { kind: 'relationship', objectIds: true },
    tags: { kind: 'relationship', objectIds: true, hasMany: true },
    owner: { kind: 'polymorphic' },
    growth: { kind: 'group', fields: { reach: { kind: 'number' } } },
    prices: { kind: 'list', fields: { period: { kind: 'select' }, amount: { kind: 'number' } } },
    meta: { kind: 'json' },
  },
  collections: { media: { id: { kind: 'id', objectIds: true }, url: { kind: 'text' } } },
}
const locales = ['zh', 'en']

/** The field a query string is refused for, or null when it passes. */
function refusedField(search: string): string | null {
  const query = parseQuery(new URLSearchParams(search))
  const problem = isRefusal(query) ? query : checkQuery(query, { shape, locales })
  return problem ? (problem.field ?? problem.reason) : null
}

describe('query parameters', () => {
  it.each([
    'depth=0',
    'depth=10',
    'limit=0',
    'limit=1000',
    'page=1',
    'draft=true',
    'pagination=false',
    'locale=en',
    'locale=all',
    'fallback-locale=null',
    'sort=-rank,name',
    'sort=name.en',
    'sort=growth.reach',
    'sort=prices.amount',
    'sort=tier',
    'sort[0]=rank&sort[1]=-createdAt',
    'where[or][0][and][0][name][like]=(',
    'where[rank][greater_than]=-1.5e3',
    `where[tier][in]=${id},${id}`,
    `where[tags][in][0]=${id}`,
    'where[tier][equals]=null',
    'where[tier.name][equals]=x',
    'where[owner.value][equals]=anything',
    'where[createdAt][less_than]=2026-01-31T08:00:00Z',
    'where[published][equals]=false',
    'where[id][exists]=true',
    'where[name][contains]=x',
    'where[meta.anything][equals]=x',
    'where={"rank":{"equals":1}}',
    'select[name]=true&select[growth][reach]=true',
    'populate[media][url]=true',
    'joins=false',
    'member[$gt]=x&unknown[deep][deeper]=left to the route',
  ])('lets %s through', (search) => {
    expect(refusedField(search)).toBeNull()
  })

  it.each([
    ['depth=-1', 'depth'],
    ['depth=11', 'depth'],
    ['depth=abc', 'depth'],
    ['depth[$gt]=1', 'depth'],
    ['limit=1001', 'limit'],
    ['limit=1e12', 'limit'],
    ['page=0', 'page'],
    ['page=2&page=3', 'page'],
    ['draft=maybe', 'draft'],
    ['locale=xx', 'locale'],
    ['locale[$gt]=1', 'locale'],
    ['fallback-locale=../', 'fallback-locale'],
    ['sort=$where', 'sort'],
    ['sort=-', 'sort'],
    ['sort=--rank', 'sort'],
    ['sort[$gt]=1', 'sort'],
    ['sort=a,b,c,d,e,f', 'sort'],
    ['sort=notAField', 'sort'],
    ['sort=tier.name', 'sort'],
    ['sort=growth', 'sort'],
    ['sort=meta', 'sort'],
    ['where=abc', 'where'],
    ['where={', 'where'],
    ['where={"$where":"1"}', 'where'],
    ['where[$where]=1', 'where.$where'],
    ['where[rank][$gt]=1', 'where.rank.$gt'],
    ['where[rank]=1', 'where.rank'],
    ['where[rank][equals]=abc', 'where.rank.equals'],
    ['where[rank][equals]=null', 'where.rank.equals'],
    ['where[rank][in]=1,x', 'where.rank.in'],
    ['where[rank][like]=1', 'where.rank.like'],
    ['where[createdAt][in]=x,y', 'where.createdAt.in'],
    ['where[createdAt][greater_than]=', 'where.createdAt.greater_than'],
    ['where[published][equals]=maybe', 'where.published.equals'],
    ['where[id][equals]=not-an-id', 'where.id.equals'],
    ['where[tier][in]=a,b', 'where.tier.in'],
    ['where[id][near]=1,2', 'where.id.near'],
    ['where[id][exists]=maybe', 'where.id.exists'],
    ['where[name][equals][0]=a', 'where.name.equals'],
    ['where[name][in][0][$gt]=', 'where.name.in'],
    ['where[or]=x', 'where.or'],
    [
      `where${'[or][0]'.repeat(5)}[name][equals]=x`,
      'where', // more brackets than the parser reads
    ],
    ['select=abc', 'select'],
    ['select[notAField]=true', 'select.notAField'],
    ['select[name]=abc', 'select.name'],
    ['select[name][x]=true', 'select.name'],
    ['populate=abc', 'populate'],
    ['populate[nope][url]=true', 'populate.nope'],
    ['joins=abc', 'joins'],
    ['data={', 'data'],
    ['where[a]=1&where[a][b]=2', 'where'],
    ['where[a=1', 'where'],
  ])('refuses %s (at %s)', (search, field) => {
    expect(refusedField(search)).toBe(field)
  })

  it('bounds the size of a filter', () => {
    const many = Array.from(
      { length: inputLimits.whereConditions + 1 },
      (_, index) => `where[or][${index}][rank][equals]=1`,
    )
    expect(refusedField(many.join('&'))).toBe(`where.or.${inputLimits.whereConditions}`)
    const values = Array.from({ length: inputLimits.listValues + 1 }, () => '1').join(',')
    expect(refusedField(`where[rank][in]=${values}`)).toBe('where.rank.in')
    const parameters = Array.from({ length: inputLimits.queryParameters + 1 }, () => 'x=1')
    expect(refusedField(parameters.join('&'))).toBe('query')
  })

  it('never throws, whatever the query string', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom('where', 'sort', 'select', 'populate', 'depth', 'locale', 'joins'),
              fc.string(),
            ),
            fc.string(),
            fc.string(),
          ),
        ),
        (entries) => {
          const search = new URLSearchParams(
            entries.map(([base, rest, value]) => [base + rest, value]),
          )
          const query = parseQuery(search)
          if (!isRefusal(query)) checkQuery(query, { shape, locales })
        },
      ),
    )
  })
})

describe('GraphQL arguments', () => {
  it.each([
    [{ limit: 10, page: 2, sort: '-rank', where: { rank: { greater_than: 1 } } }, null],
    [{ where: { AND: [{ published: { equals: true } }, { tier: { in: [id] } }] } }, null],
    [{ data: { name: 'x', meta: { nested: [1, 2] } } }, null],
    [{ where: { owner: { relationTo: 'media', value: id } } }, null],
    [{ where: { owner: { relationTo: { $ne: null } } } }, 'where.owner.relationTo'],
    [{ limit: -5 }, 'limit'],
    [{ page: 0 }, 'page'],
    [{ limit: 1.5 }, 'limit'],
    [{ sort: '$where' }, 'sort'],
    [{ sort: 'tier.name' }, 'sort'],
    [{ where: { id: { equals: { $gt: '' } } } }, 'where.id.equals'],
    [{ where: { rank: { equals: 'abc' } } }, 'where.rank.equals'],
    [{ data: { meta: { $set: { admin: true } } } }, 'data'],
  ])('%j is refused at %s', (args, field) => {
    const refusal = checkOperationArguments(args, shape.fields, locales)
    expect(refusal ? refusal.field : null).toBe(field)
  })
})

describe('bodies', () => {
  it.each([
    ['application/json', 'json'],
    ['application/json; charset=utf-8', 'json'],
    ['application/merge-patch+json', 'json'],
    ['multipart/form-data; boundary=x', 'multipart'],
    ['text/plain', 'unsupported_media_type'],
    [null, 'unsupported_media_type'],
  ])('a body of type %s is %s', (contentType, expected) => {
    const kind = checkMediaType(contentType, ['json', 'multipart'])
    expect(isRefusal(kind) ? kind.reason : kind).toBe(expected)
  })

  it.each([
    ['{"name":"x","list":[1,{"a":null}]}', true, null],
    ['{', true, 'invalid_json'],
    ['{"$where":"1"}', true, 'invalid_body'],
    ['{"a":{"b":[{"$gt":""}]}}', true, 'invalid_body'],
    ['{"member":{"$gt":""}}', false, null],
    [
      `${'['.repeat(inputLimits.jsonNesting + 1)}${']'.repeat(inputLimits.jsonNesting + 1)}`,
      false,
      'invalid_body',
    ],
    [`${'['.repeat(100_000)}${']'.repeat(100_000)}`, false, 'invalid_body'],
  ])('JSON %s (document data: %s) is refused as %s', (text, documentData, reason) => {
    const checked = checkJsonText(text, 'body', { documentData })
    expect(isRefusal(checked) ? checked.reason : null).toBe(reason)
  })
})

describe('GraphQL requests', () => {
  it.each([
    [{ query: '{ __typename }' }, null],
    [{ query: '{ __typename }', variables: null, operationName: null }, null],
    [[{ query: '{ __typename }' }], 'body'],
    ['{ __typename }', 'body'],
    [{ query: 1 }, 'query'],
    [{ query: '  ' }, 'query'],
    [{ query: '{ a }', variables: 'x' }, 'variables'],
    [{ query: '{ a }', operationName: 1 }, 'operationName'],
  ])('%j is refused at %s', (body, field) => {
    const checked = checkGraphqlRequest(body)
    expect(isRefusal(checked) ? checked.field : null).toBe(field)
  })

  it('bounds bracket nesting, not counting brackets in strings and comments', () => {
    const deep = inputLimits.graphqlNesting + 1
    expect(checkGraphqlNesting(`{ a(x: ${'['.repeat(deep)}${']'.repeat(deep)}) }`)).not.toBeNull()
    expect(checkGraphqlNesting(`{ a(x: "${'{'.repeat(deep)}") }`)).toBeNull()
    expect(checkGraphqlNesting(`{ a(x: """${'['.repeat(deep)}""") }`)).toBeNull()
    expect(checkGraphqlNesting(`{ a # ${'('.repeat(deep)}\n }`)).toBeNull()
  })

  it('bounds depth and fields', () => {
    expect(checkGraphqlSize({ depth: inputLimits.graphqlDepth, fields: 10 })).toBeNull()
    expect(checkGraphqlSize({ depth: inputLimits.graphqlDepth + 1, fields: 10 })).not.toBeNull()
    expect(checkGraphqlSize({ depth: 3, fields: inputLimits.graphqlFields + 1 })).not.toBeNull()
  })
})

describe('the language of a refusal', () => {
  it.each([
    [{}, '', 'zh'],
    [{ 'accept-language': 'en-GB,en;q=0.9' }, '', 'en'],
    [{ 'accept-language': 'fr,en;q=0.5,zh;q=0.8' }, '', 'zh'],
    [{ 'accept-language': 'zh-CN' }, 'locale=en', 'zh'],
    [{}, 'locale=en', 'en'],
    [{ cookie: 'a=1; payload-lng=en', 'accept-language': 'zh' }, '', 'en'],
  ])('headers %j and query %s answer in %s', (headers, search, language) => {
    expect(callerLanguage(new Headers(headers), new URLSearchParams(search))).toBe(language)
  })
})
