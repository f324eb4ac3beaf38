// Bad input never reaches a 500 or a hang (docs/rules.md rule 14): every generated collection,
// global and auth route, every custom endpoint and GraphQL, as an anonymous caller and as an
// admin, answers hostile query parameters, ids and bodies with a 4xx that says why.
import { getIntrospectionQuery } from 'graphql'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { globalSlugs, slugs } from '../../collections/slugs'
import { refusalStatus } from '../../src/api/refusals'
import { authHeaders, baseUrl, send, testPayload, type Credentials } from '../helpers/api'
import { createCatalogueFixture, type Fixture } from '../helpers/catalogue'
import { membersFactory } from '../helpers/members'
import { staffFactory } from '../helpers/staff'

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'
type Probe = {
  label: string
  method: Method
  /** Everything after /api. */
  path: string
  body?: () => BodyInit
  headers?: Record<string, string>
  /** GraphQL answers an execution error with 200 and `errors` (GraphQL over HTTP). */
  graphql?: boolean
  /** The one status that is right, where a 4xx is not precise enough. */
  status?: number
}
type Outcome = { probe: string; status: number | 'timeout'; body: string; ms: number }

const REQUEST_TIMEOUT_MS = 10_000
const unknownId = '000000000000000000000000'
const fiveMegabytes = 5 * 1024 * 1024 + 17

const json = { 'Content-Type': 'application/json' }
const nested = (depth: number, leaf: string) =>
  Array.from({ length: depth }, (_, level) => `[or][0]${level % 2 ? '' : '[and][0]'}`).join('') +
  leaf

/** Query strings no caller should get a 2xx or a 5xx for. */
const hostileQueries: string[] = [
  'sort=$where',
  'sort[$gt]=1',
  'sort=-',
  'sort=--createdAt',
  'sort=notAField',
  'sort=createdAt.$where',
  'sort=id.name',
  `sort=${Array.from({ length: 1000 }, (_, index) => `f${index}`).join(',')}`,
  'sort[0]=createdAt&sort[1]=$where',
  'where[$where]=sleep(10000)',
  'where[id][$regex]=(',
  'where[createdAt][like]=(',
  'where[notAField][$regex]=(',
  'where[id][in][0][$gt]=',
  'where[createdAt][greater_than]=not-a-date',
  'where[id][exists]=maybe',
  'where[id][near]=1,2',
  'where[id][bogus]=1',
  'where=abc',
  'where={',
  'where[0]=1',
  `where${nested(50, '[id][equals]=x')}`,
  `where${nested(200, '[id][equals]=x')}`,
  `${Array.from({ length: 1001 }, (_, index) => `where[or][${index}][id][equals]=${unknownId}`).join('&')}`,
  'depth=-1',
  'depth=1e9',
  'depth=abc',
  'depth[$gt]=1',
  'limit=-5',
  'limit=abc',
  'limit=1e12',
  'limit[$gt]=1',
  'page=0',
  'page=-1',
  'page=abc',
  'page=1e12',
  'locale=xx',
  'locale=../',
  'locale[$gt]=1',
  'fallback-locale=xx',
  'fallbackLocale[$gt]=1',
  'select[notAField]=abc',
  'select=abc',
  'select[id][$gt]=1',
  'populate[notAField]=abc',
  'populate=abc',
  'draft=maybe',
  'trash=maybe',
  'pagination=maybe',
  'joins=abc',
  'data={',
]

/** The subset that reaches the single-document, count and global routes. */
const hostileDocumentQueries = hostileQueries.filter((query) =>
  /^(depth|locale|fallback|select|populate|draft|trash|joins|data)/.test(query),
)

const hostileIds = [
  'not-an-objectid',
  '$where',
  '{"$gt":""}',
  'x'.repeat(2000),
  '../..',
  `${unknownId}0`,
]

type Body = {
  label: string
  headers: Record<string, string>
  body: () => BodyInit
  status?: number
}

const bodies: Body[] = [
  { label: 'JSON that does not parse', headers: json, body: () => '{' },
  { label: 'a JSON array', headers: json, body: () => '[]' },
  { label: 'JSON null', headers: json, body: () => 'null' },
  { label: 'a JSON string', headers: json, body: () => '"text"' },
  { label: 'operators as data', headers: json, body: () => '{"$where":"1","id":{"$gt":""}}' },
  {
    label: 'a 5 MB JSON body',
    headers: json,
    body: () => JSON.stringify({ name: 'x'.repeat(fiveMegabytes) }),
    status: 413,
  },
  {
    label: 'JSON nested 10,000 levels',
    headers: json,
    body: () => `{"name":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
  },
  { label: 'text/plain', headers: { 'Content-Type': 'text/plain' }, body: () => 'garbage' },
  {
    label: 'a form',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: () => 'name=x&where[$where]=1',
  },
  {
    label: 'multipart garbage',
    headers: { 'Content-Type': 'multipart/form-data; boundary=xyz' },
    body: () => 'garbage',
  },
  {
    label: 'multipart without a boundary',
    headers: { 'Content-Type': 'multipart/form-data' },
    body: () => '--xyz\r\n\r\n',
  },
  {
    label: 'multipart whose _payload does not parse',
    headers: {},
    body: () => {
      const form = new FormData()
      form.append('_payload', '{')
      return form
    },
  },
  {
    label: 'multipart whose _payload is 5 MB',
    headers: {},
    body: () => {
      const form = new FormData()
      form.append('_payload', JSON.stringify({ name: 'x'.repeat(fiveMegabytes) }))
      return form
    },
    status: 413,
  },
  {
    label: 'a 12 MB multipart body',
    headers: {},
    body: () => {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(12 * 1024 * 1024)]), 'big.png')
      return form
    },
    status: 413,
  },
  {
    label: 'multipart with a stray field only',
    headers: {},
    body: () => {
      const form = new FormData()
      form.append('name', 'x')
      return form
    },
  },
  {
    label: 'multipart with a file only',
    headers: {},
    body: () => {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), 'x.png')
      return form
    },
  },
  { label: 'no content type', headers: {}, body: () => new Uint8Array([0xff, 0xfe, 0x00, 0x7b]) },
  { label: 'an empty text/plain body', headers: { 'Content-Type': 'text/plain' }, body: () => '' },
]

/** Values of the wrong kind for each of the collection's own fields (numbers, dates, links…). */
function fieldQueries(slug: string): string[] {
  const fields = payload.collections[slug as 'tiers']?.config.flattenedFields ?? []
  const queries = ['where[createdAt][equals][0]=x']
  // Collections with ids of their own (text) take any string as an id.
  if (!fields.some((field) => field.name === 'id')) {
    queries.push('where[id][equals]=not-an-objectid', 'where[id][in]=not-an-array')
    queries.push('where[id][not_in]=a,b')
  }
  for (const field of fields) {
    const at = `where[${field.name}]`
    queries.push(`${at}[equals][0]=a`, `${at}[in][0][$gt]=`)
    if (field.type === 'number') {
      queries.push(`${at}[equals]=abc`, `${at}[equals]=null`, `${at}[in]=1,abc`, `${at}[in]=`)
      queries.push(`${at}[not_equals]=abc`, `${at}[greater_than]=abc`)
    } else if (field.type === 'date') {
      queries.push(`${at}[greater_than]=not-a-date`, `${at}[equals]=`)
    } else if (field.type === 'checkbox') {
      queries.push(`${at}[equals]=maybe`)
    } else if (
      (field.type === 'relationship' || field.type === 'upload') &&
      typeof field.relationTo === 'string'
    ) {
      queries.push(`${at}[equals]=not-an-id`, `${at}[in]=a,b`, `${at}[not_in]=a,b`)
    } else if (field.type === 'group' || field.type === 'array' || field.type === 'json') {
      queries.push(`sort=${field.name}`)
    }
  }
  return queries
}

function collectionProbes(slug: string): Probe[] {
  const probes: Probe[] = []
  for (const query of [...hostileQueries, ...fieldQueries(slug)]) {
    probes.push({ label: `GET /${slug}?${short(query)}`, method: 'GET', path: `/${slug}?${query}` })
  }
  for (const query of hostileDocumentQueries) {
    probes.push({
      label: `GET /${slug}/${unknownId}?${short(query)}`,
      method: 'GET',
      path: `/${slug}/${unknownId}?${query}`,
    })
  }
  for (const query of ['where[$where]=1', 'where={', 'where[createdAt][in]=x,y', 'limit=abc']) {
    probes.push({
      label: `GET /${slug}/count?${query}`,
      method: 'GET',
      path: `/${slug}/count?${query}`,
    })
    probes.push({
      label: `GET /${slug}/versions?${query}`,
      method: 'GET',
      path: `/${slug}/versions?${query}`,
    })
  }
  for (const id of hostileIds) {
    const path = `/${slug}/${encodeURIComponent(id)}`
    probes.push({ label: `GET /${slug}/${short(id)}`, method: 'GET', path })
    probes.push({
      label: `PATCH /${slug}/${short(id)}`,
      method: 'PATCH',
      path,
      headers: json,
      body: () => '{}',
    })
    probes.push({ label: `DELETE /${slug}/${short(id)}`, method: 'DELETE', path })
    probes.push({
      label: `GET /${slug}/versions/${short(id)}`,
      method: 'GET',
      path: `/${slug}/versions/${encodeURIComponent(id)}`,
    })
    probes.push({
      label: `POST /${slug}/${short(id)}/duplicate`,
      method: 'POST',
      path: `${path}/duplicate`,
    })
  }
  probes.push({ label: `POST /${slug} with no body`, method: 'POST', path: `/${slug}` })
  probes.push({
    label: `PATCH /${slug}/${unknownId} with no body`,
    method: 'PATCH',
    path: `/${slug}/${unknownId}`,
  })
  for (const { label, ...body } of bodies) {
    probes.push({ label: `POST /${slug} with ${label}`, method: 'POST', path: `/${slug}`, ...body })
    probes.push({
      label: `PATCH /${slug}/${unknownId} with ${label}`,
      method: 'PATCH',
      path: `/${slug}/${unknownId}`,
      ...body,
    })
  }
  // Bulk writes with a filter that must be refused, never read as "every document".
  for (const query of [
    'where[$where]=1',
    'where={',
    'where=abc',
    'where[createdAt][in]=x,y',
    'where[createdAt][greater_than]=not-a-date',
    'where[id][exists]=maybe',
  ]) {
    probes.push({
      label: `PATCH /${slug}?${query}`,
      method: 'PATCH',
      path: `/${slug}?${query}`,
      headers: json,
      body: () => '{}',
    })
    probes.push({ label: `DELETE /${slug}?${query}`, method: 'DELETE', path: `/${slug}?${query}` })
  }
  return probes
}

function authProbes(slug: string): Probe[] {
  const post = (path: string, label: string, body: string, status?: number): Probe => ({
    label: `POST /${slug}${path} with ${label}`,
    method: 'POST',
    path: `/${slug}${path}`,
    headers: json,
    body: () => body,
    status,
  })
  const probes: Probe[] = []
  for (const path of [
    '/login',
    '/forgot-password',
    '/reset-password',
    '/unlock',
    '/first-register',
    '/refresh-token',
    '/logout',
  ]) {
    probes.push(post(path, 'JSON that does not parse', '{'))
    const big = JSON.stringify({ email: 'x'.repeat(fiveMegabytes) })
    probes.push(post(path, 'a 5 MB body', big, 413))
  }
  probes.push(post('/login', 'operator credentials', '{"email":{"$gt":""},"password":{"$gt":""}}'))
  probes.push(post('/login', 'an array of emails', '{"email":["a@b.c"],"password":"x"}'))
  probes.push(post('/forgot-password', 'an operator email', '{"email":{"$ne":null}}'))
  probes.push(post('/reset-password', 'an operator token', '{"token":{"$ne":null},"password":"x"}'))
  probes.push(post('/unlock', 'an operator email', '{"email":{"$gt":""}}'))
  probes.push(post('/verify/%24where', 'no body', ''))
  for (const query of ['depth=abc', 'depth=1e9', 'locale=../', 'select=abc', 'populate=abc']) {
    probes.push({ label: `GET /${slug}/me?${query}`, method: 'GET', path: `/${slug}/me?${query}` })
  }
  return probes
}

function globalProbes(slug: string): Probe[] {
  const probes: Probe[] = []
  for (const query of hostileDocumentQueries) {
    probes.push({
      label: `GET /globals/${slug}?${short(query)}`,
      method: 'GET',
      path: `/globals/${slug}?${query}`,
    })
  }
  for (const query of ['sort=$where', 'where[$where]=1', 'limit=abc', 'page=-1']) {
    probes.push({
      label: `GET /globals/${slug}/versions?${query}`,
      method: 'GET',
      path: `/globals/${slug}/versions?${query}`,
    })
  }
  probes.push({
    label: `GET /globals/${slug}/versions/not-an-objectid`,
    method: 'GET',
    path: `/globals/${slug}/versions/not-an-objectid`,
  })
  probes.push({
    label: `POST /globals/${slug} with no body`,
    method: 'POST',
    path: `/globals/${slug}`,
  })
  for (const { label, ...body } of bodies) {
    probes.push({
      label: `POST /globals/${slug} with ${label}`,
      method: 'POST',
      path: `/globals/${slug}`,
      ...body,
    })
  }
  return probes
}

function customEndpointProbes(): Probe[] {
  const probes: Probe[] = []
  for (const query of ['locale=xx', 'locale=../', 'locale[$gt]=1', 'locale=zh&locale=en']) {
    probes.push({
      label: `GET /pricing-matrix?${query}`,
      method: 'GET',
      path: `/pricing-matrix?${query}`,
    })
  }
  for (const query of [
    'member[$gt]=&benefit=tutoring',
    'member=a&member=b&benefit=x',
    `member=${'x'.repeat(5000)}&benefit=x`,
    'member=learner-1&course[$ne]=',
  ]) {
    probes.push({
      label: `GET /entitlements/check?${short(query)}`,
      method: 'GET',
      path: `/entitlements/check?${query}`,
    })
  }
  const hostileJson: Body[] = [
    ...bodies.filter(({ label }) => !label.includes('multipart') && !label.includes('form')),
    { label: 'operator fields', headers: json, body: () => '{"member":{"$gt":""}}' },
  ]
  for (const path of [
    '/entitlements/check-batch',
    '/entitlements/consume',
    '/membership/orders',
    `/tiers/${unknownId}/publish-impact`,
  ]) {
    for (const { label, ...body } of hostileJson) {
      probes.push({ label: `POST ${path} with ${label}`, method: 'POST', path, ...body })
    }
  }
  for (const id of hostileIds) {
    probes.push({
      label: `GET /members/${short(id)}/entitlements`,
      method: 'GET',
      path: `/members/${encodeURIComponent(id)}/entitlements`,
    })
    probes.push({
      label: `POST /tiers/${short(id)}/publish-impact`,
      method: 'POST',
      path: `/tiers/${encodeURIComponent(id)}/publish-impact`,
      headers: json,
      body: () => '{}',
    })
  }
  return probes
}

function graphqlProbes(): Probe[] {
  const probe = (label: string, body: () => BodyInit, headers = json, status?: number): Probe => ({
    label: `GraphQL: ${label}`,
    method: 'POST',
    path: '/graphql',
    headers,
    body,
    graphql: true,
    status,
  })
  const query = (text: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ query: text, ...extra })
  const deep = (levels: number) =>
    `{ ${'__schema { types { fields { type { '.repeat(1)}${'ofType { '.repeat(levels)}name${' }'.repeat(levels + 4)} }`
  return [
    probe('a body that is not JSON', () => '{'),
    probe('an empty body', () => ''),
    probe('text/plain', () => '{ __typename }', { 'Content-Type': 'text/plain' }),
    probe('multipart garbage', () => 'garbage', {
      'Content-Type': 'multipart/form-data; boundary=xyz',
    }),
    probe('a 5 MB body', () => query(`{ __typename ${' '.repeat(fiveMegabytes)}}`), json, 413),
    probe('a literal nested 100,000 levels', () =>
      query(
        `{ Tiers(where: { id: { in: ${'['.repeat(100_000)}${']'.repeat(100_000)} } }) { totalDocs } }`,
      ),
    ),
    probe('an operator smuggled in a JSON variable', () =>
      query('query ($where: Tier_where) { Tiers(where: $where) { totalDocs } }', {
        variables: { where: { id: { equals: { $gt: '' } } } },
      }),
    ),
    probe('versions sorted by "$where"', () =>
      query('{ versionsTiers(sort: "$where") { totalDocs } }'),
    ),
    probe('a number field compared with text', () =>
      query('{ Tiers(where: { rank: { equals: "abc" } }) { totalDocs } }'),
    ),
    probe('query is a number', () => '{"query":1}'),
    probe('query is an array', () => '{"query":["{ __typename }"]}'),
    probe('query is null', () => '{"query":null}'),
    probe('no query', () => '{}'),
    probe('a query that does not parse', () => query('{')),
    probe('variables that are a string', () => query('{ __typename }', { variables: 'x' })),
    probe('operationName that is a number', () => query('{ __typename }', { operationName: 1 })),
    probe('a batch of 1,000 operations', () =>
      JSON.stringify(Array.from({ length: 1000 }, () => ({ query: '{ __typename }' }))),
    ),
    probe('a query nested 200 levels', () => query(deep(200))),
    probe('a selection nested 200 levels', () =>
      query(`{ Tiers { docs { ${'benefits { benefit { '.repeat(100)}id${' } }'.repeat(100)} } } }`),
    ),
    probe('1,000 aliased collection queries', () =>
      query(
        `{ ${Array.from({ length: 1000 }, (_, index) => `a${index}: Tiers { totalDocs }`).join(' ')} }`,
      ),
    ),
    probe('10,000 aliased fields', () =>
      query(
        `{ ${Array.from({ length: 10_000 }, (_, index) => `a${index}: __typename`).join(' ')} }`,
      ),
    ),
    probe('sort: "$where"', () => query('{ Tiers(sort: "$where") { totalDocs } }')),
    probe('sort on a relationship sub-field', () =>
      query('{ Tiers(sort: "benefits.benefit.name") { totalDocs } }'),
    ),
    probe('a malformed id in where', () =>
      query('{ Tiers(where: { id: { equals: "not-an-objectid" } }) { totalDocs } }'),
    ),
    probe('limit -5', () => query('{ Tiers(limit: -5) { totalDocs } }')),
    probe('page -1', () => query('{ Tiers(page: -1) { totalDocs } }')),
    probe('limit 1e12', () => query('{ Tiers(limit: 1000000000000) { totalDocs } }')),
    probe('an unknown locale', () => query('{ Tiers(locale: xx) { totalDocs } }')),
    probe('a malformed id', () => query('{ Tier(id: "not-an-objectid") { id } }')),
    probe('a deep where', () =>
      query(
        `{ Tiers(where: ${'{ OR: ['.repeat(50)}{ id: { equals: "${unknownId}" } }${'] }'.repeat(50)}) { totalDocs } }`,
      ),
    ),
  ]
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 40)}…(${text.length})` : text)

async function run(probe: Probe, as: Credentials): Promise<Outcome> {
  const started = performance.now()
  const request = new Request(new URL(`/api${probe.path}`, baseUrl), {
    method: probe.method,
    headers: { ...authHeaders(as), ...probe.headers },
    body: probe.body?.(),
  })
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), REQUEST_TIMEOUT_MS)
  })
  try {
    const answer = await Promise.race([
      send(request).then(async (response) => ({
        status: response.status,
        body: await response.text(),
      })),
      timeout,
    ])
    const ms = Math.round(performance.now() - started)
    if (answer === 'timeout') return { probe: probe.label, status: 'timeout', body: '', ms }
    return { probe: probe.label, ...answer, ms }
  } catch (error) {
    // A handler that throws reaches Next as an empty 500.
    return { probe: probe.label, status: 500, body: `thrown: ${String(error)}`, ms: 0 }
  } finally {
    clearTimeout(timer)
  }
}

/** Why an answer is not an acceptable refusal, or null when it is. */
function problemWith(outcome: Outcome, probe: Probe): string | null {
  if (outcome.status === 'timeout') return 'no answer within 10 s'
  if (outcome.status >= 500) return `${outcome.status}`
  if (probe.status && outcome.status !== probe.status)
    return `${outcome.status}, not ${probe.status}`
  let body: unknown
  try {
    body = JSON.parse(outcome.body)
  } catch {
    return `${outcome.status} with a body that is not JSON`
  }
  if (probe.graphql && outcome.status === 200) {
    const errors = (
      body as { errors?: { message?: unknown; extensions?: { statusCode?: number } }[] }
    ).errors
    if (!errors?.length) return '200 without errors'
    const failed = errors.find((error) => (error.extensions?.statusCode ?? 400) >= 500)
    if (failed)
      return `200 with a ${failed.extensions?.statusCode} error: ${String(failed.message)}`
    return errors.every((error) => typeof error.message === 'string' && error.message)
      ? null
      : '200 with an error without a message'
  }
  if (outcome.status < 400) return `${outcome.status}`
  return hasReason(body) ? null : `${outcome.status} without a message`
}

function hasReason(body: unknown): boolean {
  if (!body || typeof body !== 'object') return false
  const { errors, message, error } = body as Record<string, unknown>
  if (Array.isArray(errors)) {
    return errors.some((entry) => typeof (entry as { message?: unknown })?.message === 'string')
  }
  return (
    (typeof message === 'string' && message.length > 0) ||
    (typeof message === 'object' && message !== null) ||
    typeof error === 'string'
  )
}

let payload: Payload
let staff: ReturnType<typeof staffFactory>
let catalogue: Fixture
let members: ReturnType<typeof membersFactory>
const actors: Record<string, Credentials> = { anonymous: null }
const created: { collection: string; id: string }[] = []

beforeAll(async () => {
  payload = await testPayload()
  staff = staffFactory(payload)
  catalogue = await createCatalogueFixture(payload)
  members = membersFactory(payload, await staff.serviceAccount(['billing']))
  await members.buyer(`silver-${catalogue.suffix}`)
  actors.admin = { token: (await staff.staff(['admin'])).token }
  actors.frontend = { apiKey: (await staff.serviceAccount(['frontend'])).apiKey }
  actors.billing = { apiKey: (await staff.serviceAccount(['billing'])).apiKey }
})

afterAll(async () => {
  for (const { collection, id } of created.reverse()) {
    await payload.delete({ collection: collection as 'tiers', id }).catch(() => undefined)
  }
  await members?.cleanup()
  await catalogue?.cleanup()
  await staff?.cleanup()
})

/** Runs every probe as `actor` and returns the answers that are not a refusal with a reason. */
async function failures(probes: Probe[], actor: string) {
  const found: string[] = []
  for (const probe of probes) {
    const outcome = await run(probe, actors[actor] ?? null)
    trackCreated(probe, outcome)
    const problem = problemWith(outcome, probe)
    if (problem) found.push(`${probe.label} → ${problem} ${outcome.body.slice(0, 160)}`)
  }
  return found
}

// Should a probe create something after all, it is removed again (and the test fails).
function trackCreated(probe: Probe, outcome: Outcome) {
  if (probe.method !== 'POST' || outcome.status === 'timeout' || outcome.status >= 300) return
  try {
    const id = (JSON.parse(outcome.body) as { doc?: { id?: unknown } }).doc?.id
    const collection = probe.path.split(/[/?]/)[1]
    if (typeof id === 'string' && collection) created.push({ collection, id })
  } catch {
    // not JSON: nothing was created
  }
}

describe.each(['anonymous', 'admin'])('as %s, hostile input', (actor) => {
  it.each(Object.values(slugs))('to the %s collection is refused with a reason', async (slug) => {
    expect(await failures(collectionProbes(slug), actor)).toEqual([])
  })

  it.each(Object.values(globalSlugs))('to the %s global is refused with a reason', async (slug) => {
    expect(await failures(globalProbes(slug), actor)).toEqual([])
  })

  it.each([slugs.users, slugs.serviceAccounts])(
    'to the %s auth routes is refused with a reason',
    async (slug) => {
      expect(await failures(authProbes(slug), actor)).toEqual([])
    },
  )

  it('to GraphQL is refused with a reason', async () => {
    expect(await failures(graphqlProbes(), actor)).toEqual([])
  })
})

describe('well-formed input', () => {
  it.each([
    `/${slugs.tiers}?where[or][0][and][0][name][like]=金&where[or][1][rank][greater_than]=0&sort=-rank,name&limit=5&page=1&depth=0`,
    `/${slugs.tiers}?select[name]=true&select[prices][period]=true&locale=en&fallback-locale=null&draft=true`,
    `/${slugs.tiers}?where[accessTiers][in]=${unknownId},${unknownId}&where[createdAt][less_than]=2100-01-01T00:00:00.000Z&pagination=false`,
    `/${slugs.tiers}?where[_status][equals]=published&where[name.en][exists]=true&populate[${slugs.benefits}][key]=true&locale=all`,
    `/${slugs.tiers}/versions?where[version.rank][greater_than_equal]=0&sort=-updatedAt&limit=0`,
    `/${slugs.tiers}/count?where[kind][in][0]=entry&where[kind][in][1]=paid`,
    `/${slugs.members}?where[id][in]=${unknownId}&joins=false&trash=false`,
    `/globals/${globalSlugs.membershipSettings}?depth=1&locale=zh`,
  ])('is answered normally: %s', async (path) => {
    const outcome = await run({ label: path, method: 'GET', path }, actors.admin ?? null)
    expect(outcome.status, outcome.body).toBe(200)
  })

  it('lets the admin ask with a form body standing for a GET', async () => {
    const outcome = await run(
      {
        label: 'method override',
        method: 'POST',
        path: `/${slugs.tiers}`,
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Payload-HTTP-Method-Override': 'GET',
        },
        body: () => `depth=0&limit=10&where[and][0][id][not_in][0]=${unknownId}&sort=name`,
      },
      actors.admin ?? null,
    )
    expect(outcome.status, outcome.body).toBe(200)
    const refused = await run(
      {
        label: 'method override, hostile',
        method: 'POST',
        path: `/${slugs.tiers}`,
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Payload-HTTP-Method-Override': 'GET',
        },
        body: () => 'sort=$where',
      },
      actors.admin ?? null,
    )
    expect(refused.status).toBe(400)
  })

  it('never reads a malformed filter as "every document" when deleting', async () => {
    // Payload drops `in` values that are not dates and then matches everything.
    for (const where of ['where[createdAt][in]=x,y', 'where[createdAt][greater_than]=soon']) {
      const outcome = await run(
        { label: where, method: 'DELETE', path: `/${slugs.tiers}?${where}` },
        actors.admin ?? null,
      )
      expect(outcome.status, outcome.body).toBe(400)
    }
    const { totalDocs } = await payload.count({
      collection: slugs.tiers,
      where: { id: { in: Object.values(catalogue.tiers) } },
    })
    expect(totalDocs).toBe(3)
  })

  it('answers GraphQL introspection', async () => {
    const outcome = await run(
      {
        label: 'introspection',
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: () => JSON.stringify({ query: getIntrospectionQuery() }),
      },
      null,
    )
    expect(outcome.status).toBe(200)
    expect(JSON.parse(outcome.body)).not.toHaveProperty('errors')
  })

  it('explains a refusal in Chinese unless the caller asks for English', async () => {
    const path = `/${slugs.tiers}?sort=$where`
    const zh = await run({ label: 'zh', method: 'GET', path }, null)
    const en = await run(
      { label: 'en', method: 'GET', path, headers: { 'Accept-Language': 'en-US,en;q=0.9' } },
      null,
    )
    const byLocale = await run({ label: 'locale', method: 'GET', path: `${path}&locale=en` }, null)
    for (const outcome of [zh, en, byLocale]) {
      expect(JSON.parse(outcome.body)).toMatchObject({
        reason: 'invalid_query',
        field: 'sort',
        errors: [{ data: { reason: 'invalid_query', field: 'sort' } }],
      })
    }
    expect(JSON.parse(zh.body).errors[0].message).toMatch(/排序/)
    expect(JSON.parse(en.body).errors[0].message).toMatch(/not a field to sort by/)
    expect(JSON.parse(byLocale.body).errors[0].message).toMatch(/not a field to sort by/)
  })

  it('carries the body every refusal has: reason, field and the message in both languages', async () => {
    const outcome = await run(
      { label: 'sort', method: 'GET', path: `/${slugs.tiers}?sort=$where` },
      null,
    )
    const body = JSON.parse(outcome.body) as { message: { zh: string; en: string } }
    expect(outcome.status).toBe(refusalStatus.invalid_query)
    expect(body).toMatchObject({ reason: 'invalid_query', field: 'sort' })
    expect(body.message.zh).toMatch(/排序/)
    expect(body.message.en).toMatch(/not a field to sort by/)
  })
})

describe.each(['anonymous', 'admin', 'frontend', 'billing'])('as %s, hostile input', (actor) => {
  it('to the custom endpoints is refused with a reason', async () => {
    expect(await failures(customEndpointProbes(), actor)).toEqual([])
  })
})
