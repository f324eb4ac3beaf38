// Quote ids are signed (docs/rules.md rule 18): what an order is checked against cannot be forged
// or altered.
import { describe, expect, it } from 'vitest'

import {
  quoteId,
  quoteIdPattern,
  readQuoteId,
} from '../../../src/operations/entitlements/quoteToken'

const claims = {
  member: '6b0f00000000000000000001',
  tier: '6b0f00000000000000000002',
  period: 'annual' as const,
  amount: 67_800,
  credit: 2_100,
  campaign: { id: '6b0f00000000000000000003', slug: 'double11-gold' },
  eventCount: 3,
  issuedAt: new Date('2026-11-11T00:00:00Z'),
  expiresAt: new Date('2026-11-11T00:15:00Z'),
}

describe('quote ids', () => {
  it('carry their claims and read back the same, deterministically', () => {
    const id = quoteId(claims)
    expect(id).toMatch(quoteIdPattern)
    expect(quoteId(claims)).toBe(id)
    expect(readQuoteId(id)).toEqual(claims)
    expect(readQuoteId(quoteId({ ...claims, campaign: null }))).toMatchObject({ campaign: null })
  })

  it('refuse an altered body or signature, and anything malformed', () => {
    const id = quoteId(claims)
    const [version, body, signature] = id.split('.') as [string, string, string]
    const cheaper = Buffer.from(
      Buffer.from(body, 'base64url').toString().replace('67800', '100'),
    ).toString('base64url')
    expect(readQuoteId(`${version}.${cheaper}.${signature}`)).toBeNull()
    const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`
    expect(readQuoteId(`${version}.${body}.${flipped}`)).toBeNull()
    expect(readQuoteId('q1.abc.def')).toBeNull()
    expect(readQuoteId('')).toBeNull()
  })
})
