// A webhook receiver on 127.0.0.1 for integration tests: answers as told (fail with 500, hang
// past the sender's timeout, accept with 204) and keeps every request it saw, raw.
import { once } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'

import { slugs } from '../../collections/slugs'
import { rawCollection } from '../../src/operations/entitlements/store'

export type ReceivedWebhook = {
  path: string
  headers: Record<string, string>
  body: string
  answered: 'failed' | 'hung' | 'accepted'
}

export type ReceiverMode = 'fail' | 'hang' | 'accept'

export async function webhookReceiver() {
  const received: ReceivedWebhook[] = []
  const modes = new Map<string, ReceiverMode>()
  const hanging = new Set<ServerResponse>()
  let fallback: ReceiverMode = 'accept'
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const path = request.url ?? '/'
      const mode = modes.get(path) ?? fallback
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
      )
      const body = Buffer.concat(chunks).toString('utf8')
      if (mode === 'fail') {
        received.push({ path, headers, body, answered: 'failed' })
        response.writeHead(500, { 'content-type': 'text/plain' }).end('receiver broken')
      } else if (mode === 'hang') {
        received.push({ path, headers, body, answered: 'hung' })
        hanging.add(response)
      } else {
        received.push({ path, headers, body, answered: 'accepted' })
        response.writeHead(204).end()
      }
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    received,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    /** How the receiver answers on `path` (or on every path without one of its own). */
    answer(mode: ReceiverMode, path?: string) {
      if (path) modes.set(path, mode)
      else fallback = mode
    },
    async close() {
      for (const response of hanging) response.destroy()
      server.closeAllConnections()
      server.close()
      await once(server, 'close').catch(() => undefined)
    },
  }
}

/** Removes what a test's endpoints produced: their deliveries, attempts, the events and the endpoints. */
export async function removeWebhooks(payload: Payload, endpointIds: string[]): Promise<void> {
  const endpoints = endpointIds.map((id) => new ObjectId(id))
  const deliveries = await rawCollection(payload, slugs.webhookDeliveries)
    .find({ endpoint: { $in: endpoints } }, { projection: { _id: 1, event: 1 } })
    .toArray()
  await rawCollection(payload, slugs.webhookAttempts).deleteMany({
    delivery: { $in: deliveries.map((delivery) => delivery._id.toHexString()) },
  })
  await rawCollection(payload, slugs.webhookDeliveries).deleteMany({ endpoint: { $in: endpoints } })
  await rawCollection(payload, slugs.webhookEndpoints).deleteMany({ _id: { $in: endpoints } })
}

/**
 * Deliveries in the states a replay answers differently for (the parity cases): one delivered, one
 * being sent right now, one whose endpoint is off. Written directly: no receiver is involved.
 */
export async function replayWorld(payload: Payload) {
  const now = new Date()
  const endpoint = (active: boolean) => ({
    _id: new ObjectId(),
    url: 'https://hooks.example.com/parity',
    events: ['membership.renewed'],
    active,
    includePersonalData: false,
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    createdAt: now,
    updatedAt: now,
  })
  const on = endpoint(true)
  const off = endpoint(false)
  await rawCollection(payload, slugs.webhookEndpoints).insertMany([on, off])
  const delivery = (endpointId: ObjectId, status: string, leaseUntil: Date | null) => ({
    _id: new ObjectId(),
    event: new ObjectId(),
    eventId: `evt_${new ObjectId().toHexString()}`,
    eventType: 'membership.renewed',
    endpoint: endpointId,
    member: null,
    orderKey: '00000000000000000001:00',
    occurredAt: now,
    status,
    attempts: 1,
    replays: 0,
    nextAttemptAt: now,
    windowStartedAt: now,
    leaseUntil,
    createdAt: now,
    updatedAt: now,
  })
  const delivered = delivery(on._id, 'delivered', null)
  const sending = delivery(on._id, 'sending', new Date(now.getTime() + 3_600_000))
  const offline = delivery(off._id, 'failed', null)
  await rawCollection(payload, slugs.webhookDeliveries).insertMany([delivered, sending, offline])
  return {
    delivered: delivered._id.toHexString(),
    sending: sending._id.toHexString(),
    offline: offline._id.toHexString(),
    endpoints: [on._id.toHexString(), off._id.toHexString()],
  }
}
