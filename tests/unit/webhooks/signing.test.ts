import fc from 'fast-check'
import { Webhook, WebhookVerificationError } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'

import {
  webhookBody,
  webhookDeliveryKey,
  webhookEventId,
  webhookEventKey,
  webhookOrderKey,
} from '../../../src/domain/webhooks/events'
import {
  isWebhookSecret,
  newWebhookSecret,
  signWebhook,
} from '../../../src/domain/webhooks/signing'

describe('signWebhook (Standard Webhooks)', () => {
  it('is verified by the standardwebhooks library, for any body', () => {
    const secret = newWebhookSecret()
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ minLength: 1, maxLength: 40 }), (value, id) => {
        const body = JSON.stringify(value) ?? 'null'
        const headers = signWebhook(secret, id, new Date(), body)
        expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body))
      }),
      { numRuns: 200 },
    )
  })

  it('sends the three headers, the timestamp in whole seconds', () => {
    const at = new Date('2026-12-02T10:00:00.750Z')
    const headers = signWebhook(newWebhookSecret(), 'evt_1', at, '{}')
    expect(Object.keys(headers).sort()).toEqual([
      'webhook-id',
      'webhook-signature',
      'webhook-timestamp',
    ])
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(at.getTime() / 1000)))
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/)
  })

  it('fails verification for a changed body, another secret or an old timestamp', () => {
    const secret = newWebhookSecret()
    const body = '{"a":1}'
    const headers = signWebhook(secret, 'evt_1', new Date(), body)
    expect(() => new Webhook(secret).verify('{"a":2}', headers)).toThrow(WebhookVerificationError)
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow(
      WebhookVerificationError,
    )
    const old = signWebhook(secret, 'evt_1', new Date(Date.now() - 10 * 60_000), body)
    expect(() => new Webhook(secret).verify(body, old)).toThrow(WebhookVerificationError)
  })

  it('generates whsec_ secrets of 32 random bytes, never the same twice', () => {
    const secrets = Array.from({ length: 50 }, newWebhookSecret)
    expect(new Set(secrets).size).toBe(50)
    for (const secret of secrets) {
      expect(isWebhookSecret(secret)).toBe(true)
      expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32)
    }
    expect(isWebhookSecret('whsec_short')).toBe(false)
  })
})

describe('event ids', () => {
  it('follow from type and cause only, and differ between types of one cause', () => {
    const key = webhookEventKey('membership.renewed', 'ledger:order-1')
    expect(key).toMatch(/^[0-9a-f]{24}$/)
    expect(webhookEventKey('membership.renewed', 'ledger:order-1')).toBe(key)
    expect(webhookEventKey('member.entitlements.changed', 'ledger:order-1')).not.toBe(key)
    expect(webhookEventKey('membership.renewed', 'ledger:order-2')).not.toBe(key)
    expect(webhookEventId(key)).toBe(`evt_${key}`)
    expect(webhookDeliveryKey(key, 'a')).not.toBe(webhookDeliveryKey(key, 'b'))
  })

  it('order keys sort as their sequences and indexes do', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.nat({ max: 2 ** 52 }), fc.nat({ max: 9 })),
        fc.tuple(fc.nat({ max: 2 ** 52 }), fc.nat({ max: 9 })),
        ([a, i], [b, j]) => {
          const text = webhookOrderKey(a, i) < webhookOrderKey(b, j)
          expect(text).toBe(a < b || (a === b && i < j))
        },
      ),
    )
  })
})

describe('webhookBody', () => {
  const event = {
    id: 'evt_1',
    type: 'membership.renewed' as const,
    occurredAt: new Date('2026-12-01T00:00:00Z'),
    data: { orderId: 'o-1' },
    member: { id: 'm1', externalId: 'u-1' },
  }
  it('carries member ids only, unless the endpoint asked for personal data', () => {
    const plain = webhookBody(event, null)
    expect(plain).toEqual({
      id: 'evt_1',
      type: 'membership.renewed',
      timestamp: '2026-12-01T00:00:00.000Z',
      data: { orderId: 'o-1', member: { id: 'm1', externalId: 'u-1' } },
    })
    expect(JSON.stringify(plain)).not.toMatch(/@|email|phone/)
    const personal = webhookBody(event, { email: 'a@example.com', phone: undefined })
    expect(personal.data.member?.contact).toEqual({ email: 'a@example.com', phone: null })
  })
})
