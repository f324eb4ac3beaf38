// docs/rules.md rule 16: referral codes (format, alphabet, uniform symbols), the cycle check and the
// order in which an attribution is decided.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  attributionDecision,
  attributionMessage,
  isPaidOrder,
  isReferralCode,
  normaliseReferralCode,
  referralCode,
  referralCodeAlphabet,
  referralCodeLength,
  referralProgramme,
  rewardsLeft,
  wouldCycle,
  type AttributionFacts,
  type AttributionRefusal,
} from '../../../src/domain/campaigns/referral'
import { campaignOfKind } from './fixtures'

const bytesFrom = (values: number[]) => {
  let index = 0
  return (count: number) =>
    Uint8Array.from({ length: count }, () => values[index++ % values.length]!)
}

describe('referral codes', () => {
  it('has an alphabet a member cannot misread: no 0, O, 1, I or L, no lower case', () => {
    expect(referralCodeAlphabet).toHaveLength(31)
    expect(new Set(referralCodeAlphabet).size).toBe(31)
    for (const ambiguous of ['0', 'O', '1', 'I', 'L']) {
      expect(referralCodeAlphabet).not.toContain(ambiguous)
    }
    expect(referralCodeLength).toBeGreaterThanOrEqual(10)
  })

  it('makes codes of the alphabet, of the full length, from any bytes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 }),
        (values) => {
          // Bytes that are all rejected would never finish; keep at least one usable byte.
          const code = referralCode(bytesFrom([...values, 7]))
          expect(code).toHaveLength(referralCodeLength)
          expect(isReferralCode(code)).toBe(true)
        },
      ),
    )
  })

  it('skips bytes at or above 248, so every symbol is equally likely', () => {
    expect(referralCode(bytesFrom([248, 255, 0]))).toBe('2'.repeat(12))
    expect(referralCode(bytesFrom([247]))).toBe(referralCodeAlphabet[247 % 31]!.repeat(12))
    expect(referralCode(bytesFrom([30, 31]))).toBe('Z2'.repeat(6))
  })

  it('reads what a member typed: case, spaces and hyphens do not matter', () => {
    expect(normaliseReferralCode('abcd-efgh 2345')).toBe('ABCDEFGH2345')
    expect(isReferralCode(normaliseReferralCode('abcd-efgh 2345'))).toBe(true)
    expect(isReferralCode('ABCDEFGH234O')).toBe(false)
    expect(isReferralCode('ABCDEFGH234')).toBe(false)
  })
})

describe('wouldCycle', () => {
  const chain = (links: Record<string, string>) => (id: string) => links[id] ?? null

  it.each<[string, Record<string, string>, string, string, boolean]>([
    ['a new pair', {}, 'a', 'b', false],
    ['oneself', {}, 'a', 'a', true],
    ['the referrer was referred by the member', { b: 'a' }, 'a', 'b', true],
    ['through others', { d: 'c', c: 'b', b: 'a' }, 'a', 'd', true],
    ['a chain that does not reach the member', { d: 'c', c: 'b' }, 'a', 'd', false],
    ['a chain that already loops elsewhere', { c: 'b', b: 'c' }, 'a', 'c', false],
  ])('%s', (_name, links, member, referrer, expected) => {
    expect(wouldCycle(member, referrer, chain(links))).toBe(expected)
  })
})

describe('attributionDecision', () => {
  const facts = (patch: Partial<AttributionFacts> = {}): AttributionFacts => ({
    memberId: 'new',
    referrerId: 'friend',
    referredBy: null,
    paid: false,
    referredByOf: () => null,
    ...patch,
  })

  it.each<[string, Partial<AttributionFacts>, ReturnType<typeof attributionDecision>]>([
    ['a new member and a friend', {}, 'attribute'],
    ['an unknown code', { referrerId: null }, 'referral_code_unknown'],
    ['their own code', { referrerId: 'new' }, 'own_referral_code'],
    ['the same code again', { referredBy: 'friend' }, 'unchanged'],
    ['the same code again after paying', { referredBy: 'friend', paid: true }, 'unchanged'],
    ['another code after one was recorded', { referredBy: 'other' }, 'already_referred'],
    ['a member who has paid', { paid: true }, 'already_paid'],
    [
      'a friend the member referred',
      { referredByOf: (id) => (id === 'friend' ? 'new' : null) },
      'referral_cycle',
    ],
  ])('%s', (_name, patch, expected) => {
    expect(attributionDecision(facts(patch))).toBe(expected)
  })

  it('names the member and the code in zh and en for every refusal', () => {
    const refusals: AttributionRefusal[] = [
      'referral_code_unknown',
      'own_referral_code',
      'already_referred',
      'referral_cycle',
      'already_paid',
    ]
    for (const refusal of refusals) {
      const message = attributionMessage(refusal, { member: 'learner-7', code: 'ABCDEFGH2345' })
      expect(message.zh).toContain('ABCDEFGH2345')
      expect(message.en).toContain('ABCDEFGH2345')
      if (refusal !== 'referral_code_unknown') {
        expect(message.zh).toContain('learner-7')
        expect(message.en).toContain('learner-7')
      }
    }
  })
})

describe('the programme and its rewards', () => {
  it('counts paid orders: purchases, upgrades and renewals above 0', () => {
    expect(isPaidOrder({ type: 'purchase', amount: 1 })).toBe(true)
    expect(isPaidOrder({ type: 'renewal', amount: 3900 })).toBe(true)
    expect(isPaidOrder({ type: 'upgrade', amount: 100 })).toBe(true)
    expect(isPaidOrder({ type: 'purchase', amount: 0 })).toBe(false)
    expect(isPaidOrder({ type: 'downgrade', amount: 100 })).toBe(false)
    expect(isPaidOrder({ type: 'trial', amount: 1 })).toBe(false)
  })

  it('picks the live referral campaign by priority, then the earliest end, then the id', () => {
    const referral = (id: string, priority: number, end: string) => {
      const campaign = campaignOfKind('referral')
      return {
        ...campaign,
        id,
        terms: { ...campaign.terms, priority },
        schedule: { ...campaign.schedule, endsAt: new Date(end) },
      }
    }
    const a = referral('a', 0, '2026-12-01T00:00Z')
    const b = referral('b', 5, '2026-12-10T00:00Z')
    const c = referral('c', 5, '2026-12-05T00:00Z')
    const upgrade = { ...campaignOfKind('upgrade'), id: 'u' }
    expect(referralProgramme([a, b, c, upgrade], () => true)?.id).toBe('c')
    expect(referralProgramme([a, b, c], (definition) => definition.id !== 'c')?.id).toBe('b')
    expect(referralProgramme([upgrade], () => true)).toBeNull()
    expect(rewardsLeft(5, 2)).toBe(3)
    expect(rewardsLeft(5, 7)).toBe(0)
  })
})
