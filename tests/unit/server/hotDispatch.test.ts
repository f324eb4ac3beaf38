// The app server's dispatch over real HTTP, with a stand-in for Next: what a hot route receives,
// what it answers, the refusals (400, 405, 413, 415, 500) and what falls through to Next.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createDispatcher, MAX_BODY_BYTES } from '../../../src/server/hotDispatch'
import { type HotRequest, type HotRoute, probeRoutes } from '../../../src/server/hotRoutes'

let server: Server
let baseUrl = ''
const seenByNext: { method?: string; url?: string; body: string }[] = []
const logged: { message: string; error?: unknown }[] = []
let received: HotRequest | undefined

const routes: HotRoute[] = [
  ...probeRoutes(),
  {
    method: 'POST',
    path: '/echo',
    handle: (request) => {
      received = request
      return { status: 200, body: { body: request.body ?? null } }
    },
  },
  {
    method: 'GET',
    path: '/echo',
    handle: (request) => {
      received = request
      return { status: 200, body: { query: request.url.searchParams.get('q') } }
    },
  },
  {
    method: 'GET',
    path: '/cached',
    handle: () => ({
      status: 304,
      body: { ignored: true },
      headers: { etag: '"v1"', 'Cache-Control': 'private, max-age=5' },
    }),
  },
  {
    method: 'GET',
    path: '/custom-type',
    handle: () => ({
      status: 201,
      body: 'text',
      headers: { 'Content-Type': 'application/problem+json' },
    }),
  },
  {
    method: 'GET',
    path: '/throws',
    handle: async () => {
      throw new Error('boom')
    },
  },
  { method: 'GET', path: '/bigint', handle: () => ({ status: 200, body: { n: 1n } }) },
  {
    method: 'GET',
    path: '/members/:member/entitlements',
    handle: (request) => ({ status: 200, body: { params: request.params } }),
  },
  {
    method: 'POST',
    path: '/members/:member/notes/:note',
    handle: (request) => ({ status: 200, body: { params: request.params } }),
  },
  {
    method: 'POST',
    path: '/keyed',
    when: (headers) => headers['x-key'] === 'yes',
    handle: (request) => ({ status: 200, body: { hot: true, body: request.body ?? null } }),
  },
]

beforeAll(async () => {
  server = createServer(
    createDispatcher({
      routes,
      log: (message, error) => logged.push({ message, error }),
      fallback: async (request, response) => {
        if (request.url === '/next-fails') throw new Error('next failed')
        let body = ''
        for await (const chunk of request) body += String(chunk)
        seenByNext.push({ method: request.method, url: request.url, body })
        response.writeHead(200, { 'content-type': 'text/plain' }).end('from next')
      },
    }),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

beforeEach(() => {
  seenByNext.length = 0
  logged.length = 0
  received = undefined
})

/** node:http rather than fetch where fetch can't: HEAD bodies, chunked uploads, early answers. */
function raw(
  method: string,
  path: string,
  options: { headers?: Record<string, string | number>; chunks?: Buffer[] } = {},
): Promise<{ status: number; headers: IncomingMessage['headers']; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(`${baseUrl}${path}`, { method, headers: options.headers })
    outgoing.on('response', (response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk.toString()))
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      )
    })
    // The server may answer (413) and close before the whole body is sent.
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error)
    })
    for (const chunk of options.chunks ?? []) outgoing.write(chunk)
    outgoing.end()
  })
}

const postJson = (path: string, body: string, contentType = 'application/json') =>
  fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body })

describe('a hot route', () => {
  it('answers GET /livez itself with JSON', async () => {
    const response = await fetch(`${baseUrl}/livez`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await response.json()).toEqual({ ok: true })
    expect(seenByNext).toEqual([])
  })

  it('matches the pathname exactly, whatever the query, and hands the handler the URL', async () => {
    const response = await fetch(`${baseUrl}/echo?q=gold`, { headers: { 'x-trace': 't-1' } })
    expect(await response.json()).toEqual({ query: 'gold' })
    expect(received?.method).toBe('GET')
    expect(received?.url.pathname).toBe('/echo')
    expect(received?.headers['x-trace']).toBe('t-1')
    expect(received?.body).toBeUndefined()
  })

  it('parses a JSON body, including +json media types and a charset', async () => {
    const response = await postJson('/echo', '{"tier":"gold","n":[1,2]}')
    expect(await response.json()).toEqual({ body: { tier: 'gold', n: [1, 2] } })

    await postJson('/echo', '{"a":1}', 'application/vnd.membership+json; charset=utf-8')
    expect(received?.body).toEqual({ a: 1 })
  })

  it('gives the handler undefined for an empty body', async () => {
    const response = await fetch(`${baseUrl}/echo`, { method: 'POST' })
    expect(await response.json()).toEqual({ body: null })
    expect(received?.body).toBeUndefined()
  })

  it('reads a chunked body', async () => {
    const { status, body } = await raw('POST', '/echo', {
      headers: { 'content-type': 'application/json' },
      chunks: [Buffer.from('{"parts":'), Buffer.from('[1,2,3]}')],
    })
    expect(status).toBe(200)
    expect(JSON.parse(body)).toEqual({ body: { parts: [1, 2, 3] } })
  })

  it("refuses malformed JSON with 400 invalid_json as the REST guard does, in the caller's language", async () => {
    const response = await fetch(`${baseUrl}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en-GB,en;q=0.9' },
      body: '{"tier": gold}',
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      reason: 'invalid_json',
      field: 'body',
      errors: [
        {
          message: expect.stringMatching(/^"body" is not valid JSON: /),
          data: { reason: 'invalid_json', field: 'body' },
        },
      ],
    })
    expect(received).toBeUndefined()
  })

  it('refuses a JSON body that is not an object, or nests too deeply', async () => {
    for (const body of ['["tier"]', '"gold"', `{"a":${'['.repeat(40)}${']'.repeat(40)}}`]) {
      const response = await postJson('/echo', body)
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ reason: 'invalid_body', field: 'body' })
    }
    expect(received).toBeUndefined()
  })

  it('refuses a body that is not JSON with 415', async () => {
    const response = await postJson('/echo', 'tier=gold', 'application/x-www-form-urlencoded')
    expect(response.status).toBe(415)
    expect(await response.json()).toMatchObject({ reason: 'unsupported_media_type' })
    expect(received).toBeUndefined()
  })

  it('accepts a body of exactly 1 MB', async () => {
    const text = JSON.stringify({ x: 'x'.repeat(MAX_BODY_BYTES - 8) })
    expect(Buffer.byteLength(text)).toBe(MAX_BODY_BYTES)
    const response = await postJson('/echo', text)
    expect(response.status).toBe(200)
    expect(typeof (received?.body as { x?: unknown }).x).toBe('string')
  })

  it('refuses a declared body over 1 MB with 413 before reading it, and closes', async () => {
    const chunk = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20)
    const { status, headers, body } = await raw('POST', '/echo', {
      headers: { 'content-type': 'application/json', 'content-length': chunk.length },
      chunks: [chunk],
    })
    expect(status).toBe(413)
    expect(headers.connection).toBe('close')
    expect(JSON.parse(body)).toMatchObject({
      reason: 'body_too_large',
      errors: [{ message: '请求体超过 1 MiB 的上限。' }],
    })
    expect(received).toBeUndefined()
  })

  it('refuses a chunked body that grows past 1 MB with 413', async () => {
    const { status, body } = await raw('POST', '/echo', {
      headers: { 'content-type': 'application/json' },
      chunks: [Buffer.alloc(512 * 1024, 0x20), Buffer.alloc(512 * 1024, 0x20), Buffer.from('1')],
    })
    expect(status).toBe(413)
    expect(JSON.parse(body)).toMatchObject({ reason: 'body_too_large' })
    expect(received).toBeUndefined()
  })

  it('answers 405 with Allow for a method the path does not have, HEAD included', async () => {
    const deleted = await fetch(`${baseUrl}/livez`, { method: 'DELETE' })
    expect(deleted.status).toBe(405)
    expect(deleted.headers.get('allow')).toBe('GET')
    expect(await deleted.json()).toMatchObject({
      reason: 'method_not_allowed',
      message: { en: 'This path accepts GET only.' },
    })

    const put = await fetch(`${baseUrl}/echo`, { method: 'PUT', body: '{}' })
    expect(put.status).toBe(405)
    expect(put.headers.get('allow')).toBe('POST, GET')

    const head = await raw('HEAD', '/livez')
    expect(head.status).toBe(405)
    expect(head.headers.allow).toBe('GET')
    expect(head.body).toBe('')
    expect(seenByNext).toEqual([])
  })

  it('turns a thrown error into 500 internal_error and logs it', async () => {
    const response = await fetch(`${baseUrl}/throws`)
    expect(response.status).toBe(500)
    expect(await response.json()).toMatchObject({ reason: 'internal_error' })
    expect(logged).toHaveLength(1)
    expect(logged[0]?.message).toContain('GET /throws')
    expect((logged[0]?.error as Error).message).toBe('boom')
  })

  it('turns a body JSON cannot serialise into 500 and logs it', async () => {
    const response = await fetch(`${baseUrl}/bigint`)
    expect(response.status).toBe(500)
    expect(await response.json()).toMatchObject({ reason: 'internal_error' })
    expect(logged).toHaveLength(1)
  })

  it("sends the handler's headers, which may override the content type", async () => {
    const response = await fetch(`${baseUrl}/custom-type`)
    expect(response.status).toBe(201)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.json()).toBe('text')
  })

  it('sends no body with a 304', async () => {
    const { status, headers, body } = await raw('GET', '/cached')
    expect(status).toBe(304)
    expect(headers.etag).toBe('"v1"')
    expect(headers['cache-control']).toBe('private, max-age=5')
    expect(headers['content-type']).toBeUndefined()
    expect(body).toBe('')
  })

  it('matches `:name` segments and hands the handler their decoded values', async () => {
    const one = await fetch(`${baseUrl}/members/u%4010086/entitlements?x=1`)
    expect(await one.json()).toEqual({ params: { member: 'u@10086' } })
    const two = await fetch(`${baseUrl}/members/m-1/notes/n%2F2`, { method: 'POST' })
    expect(await two.json()).toEqual({ params: { member: 'm-1', note: 'n/2' } })
    const malformed = await fetch(`${baseUrl}/members/%E0%A4%A/entitlements`)
    expect(await malformed.json()).toEqual({ params: { member: '%E0%A4%A' } })
    const wrongMethod = await fetch(`${baseUrl}/members/m-1/entitlements`, { method: 'POST' })
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.get('allow')).toBe('GET')
    expect(seenByNext).toEqual([])
  })

  it('sends a path that only looks like a parameterised one to Next', async () => {
    await fetch(`${baseUrl}/members/m-1/entitlements/more`)
    await fetch(`${baseUrl}/members//entitlements`)
    expect(seenByNext.map((seen) => seen.url)).toEqual([
      '/members/m-1/entitlements/more',
      '/members//entitlements',
    ])
  })

  it('keeps the connection alive between requests', async () => {
    const first = await raw('GET', '/livez')
    expect(first.headers.connection).toBe('keep-alive')
  })
})

describe('everything else', () => {
  it('goes to Next untouched: other paths, longer paths, body and query included', async () => {
    await fetch(`${baseUrl}/admin/login?next=%2Fadmin`)
    await fetch(`${baseUrl}/livez/deeper`)
    await fetch(`${baseUrl}/api/tiers?limit=1`, { method: 'POST', body: 'not json at all' })
    expect(seenByNext).toEqual([
      { method: 'GET', url: '/admin/login?next=%2Fadmin', body: '' },
      { method: 'GET', url: '/livez/deeper', body: '' },
      { method: 'POST', url: '/api/tiers?limit=1', body: 'not json at all' },
    ])
  })

  it('hands a request its route declines (`when`) to Next with the body unread', async () => {
    const hot = await fetch(`${baseUrl}/keyed`, {
      method: 'POST',
      headers: { 'x-key': 'yes', 'content-type': 'application/json' },
      body: '{"a":1}',
    })
    expect(await hot.json()).toEqual({ hot: true, body: { a: 1 } })
    const declined = await fetch(`${baseUrl}/keyed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":2}',
    })
    expect(await declined.text()).toBe('from next')
    expect(seenByNext).toEqual([{ method: 'POST', url: '/keyed', body: '{"a":2}' }])
  })

  it('answers 500 and logs when Next itself fails', async () => {
    const response = await fetch(`${baseUrl}/next-fails`)
    expect(response.status).toBe(500)
    expect(logged[0]?.message).toContain('/next-fails')
  })
})

describe('the route table', () => {
  it('refuses the same method and path twice', () => {
    const livez = probeRoutes()[0]!
    expect(() =>
      createDispatcher({ routes: [livez, livez], fallback: async () => {}, log: () => {} }),
    ).toThrow(/GET \/livez is registered twice/)
  })
})
