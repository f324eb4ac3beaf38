// Reading a request body once, within a byte limit, for the guards in front of Payload's REST and
// GraphQL handlers (restGuard.ts, ../graphql/graphqlGuard.ts).
import { tooLarge } from '../domain/input/bodies'
import type { InputRefusal } from '../domain/input/refusal'

/** The body's bytes, or a 413 refusal as soon as more than `limitBytes` have arrived. */
export async function readBody(
  request: Request,
  limitBytes: number,
): Promise<Uint8Array | InputRefusal> {
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (declared > limitBytes) {
    await request.body?.cancel().catch(() => undefined)
    return tooLarge(limitBytes)
  }
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    received += value.byteLength
    if (received > limitBytes) {
      await reader.cancel().catch(() => undefined)
      return tooLarge(limitBytes)
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(received)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

/** The UTF-8 text of a body, or null when it is not valid UTF-8. */
export function bodyText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** The same request with the body it had, now read: Payload reads it again. */
export const withBody = (request: Request, bytes: Uint8Array): Request =>
  new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: bytes as Uint8Array<ArrayBuffer>,
    signal: request.signal,
  })
