// Upgrade quote ids: stateless, signed tokens (docs/rules.md rule 18). A quote is never stored: its
// id carries what the order must match (member, tier, period, amount, credit, campaign, the ledger
// length it was priced on, when it was issued and until when it holds) and an HMAC-SHA256 over
// that, keyed from PAYLOAD_SECRET, so any process of the app can check it and nobody can forge or
// alter one. A GET stays a read (lean path, no write per quote); the cost is that a quote cannot be
// revoked before it expires — an order is refused anyway once the member's ledger has moved.
import { createHmac, timingSafeEqual } from 'node:crypto'

import type { BillingPeriod } from '../../domain/catalogue/types'
import { payloadSecret } from '../../config/secret'

export type QuoteClaims = {
  member: string
  tier: string
  period: BillingPeriod
  /** 分 to pay. */
  amount: number
  /** 分 of credit taken off the price. */
  credit: number
  campaign: { id: string; slug: string } | null
  /** The member's ledger length when priced: another event since makes the quote stale. */
  eventCount: number
  issuedAt: Date
  expiresAt: Date
}

const version = 'q1'
export const quoteIdPattern = /^q1\.[A-Za-z0-9_-]{16,1400}\.[A-Za-z0-9_-]{43}$/

let key: Buffer | null = null
const signingKey = (): Buffer =>
  (key ??= createHmac('sha256', payloadSecret()).update('membership upgrade quotes v1').digest())

const sign = (body: string): string =>
  createHmac('sha256', signingKey()).update(`${version}.${body}`).digest('base64url')

export function quoteId(claims: QuoteClaims): string {
  const body = Buffer.from(
    JSON.stringify([
      claims.member,
      claims.tier,
      claims.period,
      claims.amount,
      claims.credit,
      claims.campaign?.id ?? null,
      claims.campaign?.slug ?? null,
      claims.eventCount,
      claims.issuedAt.getTime(),
      claims.expiresAt.getTime(),
    ]),
  ).toString('base64url')
  return `${version}.${body}.${sign(body)}`
}

const periods: readonly string[] = ['monthly', 'quarterly', 'annual']

/** The claims of a quote id this app issued, or null (malformed, altered or signed elsewhere). */
export function readQuoteId(id: string): QuoteClaims | null {
  if (!quoteIdPattern.test(id)) return null
  const [, body = '', signature = ''] = id.split('.')
  const expected = Buffer.from(sign(body))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const fields = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown[]
    const [member, tier, period, amount, credit, campaignId, campaignSlug, count, issued, expires] =
      fields
    if (typeof member !== 'string' || typeof tier !== 'string') return null
    if (typeof period !== 'string' || !periods.includes(period)) return null
    if (![amount, credit, count, issued, expires].every((n) => Number.isSafeInteger(n))) return null
    return {
      member,
      tier,
      period: period as BillingPeriod,
      amount: amount as number,
      credit: credit as number,
      campaign:
        typeof campaignId === 'string' && typeof campaignSlug === 'string'
          ? { id: campaignId, slug: campaignSlug }
          : null,
      eventCount: count as number,
      issuedAt: new Date(issued as number),
      expiresAt: new Date(expires as number),
    }
  } catch {
    return null
  }
}
