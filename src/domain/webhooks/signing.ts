// Signing per the Standard Webhooks specification (https://www.standardwebhooks.com): the
// `standardwebhooks` reference library computes `v1,<base64 HMAC-SHA256>` over
// `<webhook-id>.<webhook-timestamp>.<body>` with the endpoint's `whsec_` secret.
import { randomBytes } from 'node:crypto'

import { Webhook } from 'standardwebhooks'

const secretPattern = /^whsec_[A-Za-z0-9+/]{32,}={0,2}$/

/** A new endpoint secret: `whsec_` and 32 random bytes in base64 (the spec's format). */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`

export const isWebhookSecret = (value: unknown): value is string =>
  typeof value === 'string' && secretPattern.test(value)

export type SignedHeaders = {
  'webhook-id': string
  'webhook-timestamp': string
  'webhook-signature': string
}

/** The three Standard Webhooks headers for `body` sent at `at` (seconds since the epoch). */
export function signWebhook(secret: string, id: string, at: Date, body: string): SignedHeaders {
  const seconds = Math.floor(at.getTime() / 1000)
  return {
    'webhook-id': id,
    'webhook-timestamp': String(seconds),
    'webhook-signature': new Webhook(secret).sign(id, new Date(seconds * 1000), body),
  }
}
