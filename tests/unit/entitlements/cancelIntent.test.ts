import { describe, expect, it } from 'vitest'

import {
  cancelIntentEventId,
  cancelIntentId,
  cancelReasonLabels,
  cancelReasons,
  countReasons,
} from '../../../src/domain/entitlements/cancelIntent'

describe('cancel intents (docs/rules.md rule 19)', () => {
  it('are one per member and period end, with one ledger event each', () => {
    const end = new Date('2026-12-31T16:00:00Z')
    expect(cancelIntentId('m1', end)).toBe(`m1:${end.getTime()}`)
    expect(cancelIntentId('m1', end)).toBe(cancelIntentId('m1', new Date(end)))
    expect(cancelIntentId('m1', end)).not.toBe(cancelIntentId('m2', end))
    expect(cancelIntentEventId(cancelIntentId('m1', end))).toBe(`cancel-intent:m1:${end.getTime()}`)
  })

  it('have a zh and an en label for every reason', () => {
    for (const reason of cancelReasons) {
      expect(cancelReasonLabels[reason].zh.length).toBeGreaterThan(0)
      expect(cancelReasonLabels[reason].en.length).toBeGreaterThan(0)
    }
  })

  it('are counted by reason, every reason listed in the fixed order, confirmed apart', () => {
    const counts = countReasons([
      { reason: 'too_expensive', confirmed: true },
      { reason: 'too_expensive', confirmed: false },
      { reason: 'other', confirmed: false },
      { reason: 'not-a-reason', confirmed: true },
    ])
    expect(counts.map((row) => row.reason)).toEqual([...cancelReasons])
    expect(counts[0]).toMatchObject({ reason: 'too_expensive', intents: 2, confirmed: 1 })
    expect(counts.find((row) => row.reason === 'other')).toMatchObject({ intents: 1, confirmed: 0 })
    expect(counts.reduce((sum, row) => sum + row.intents, 0)).toBe(3)
  })
})
