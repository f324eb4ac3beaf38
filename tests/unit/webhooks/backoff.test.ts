import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  firstRetryMs,
  jitterShare,
  longestRetryMs,
  nextRetryAt,
  nominalRetryDelay,
  retryWindowMs,
} from '../../../src/domain/webhooks/backoff'

const start = new Date('2026-12-01T00:00:00Z')
const minutes = (n: number) => n * 60_000

describe('nominalRetryDelay', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [5, 480_000],
    [10, 15_360_000],
    [11, longestRetryMs],
    [40, longestRetryMs],
  ])('after attempt %i waits %i ms', (attempt, wait) => {
    expect(nominalRetryDelay(attempt)).toBe(wait)
  })
})

describe('nextRetryAt', () => {
  it('waits the nominal delay with the jitter in the middle', () => {
    expect(nextRetryAt(1, start, start, 0.5)).toEqual(new Date(start.getTime() + firstRetryMs))
    expect(nextRetryAt(3, start, new Date(start.getTime() + minutes(2)), 0.5)).toEqual(
      new Date(start.getTime() + minutes(4)),
    )
  })

  it('stays within ± the jitter share and never beyond the three-day window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: retryWindowMs - 1 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (attempt, elapsed, random) => {
          const now = new Date(start.getTime() + elapsed)
          const at = nextRetryAt(attempt, start, now, random)
          expect(at).not.toBeNull()
          const wait = at!.getTime() - now.getTime()
          const nominal = nominalRetryDelay(attempt)
          expect(at!.getTime()).toBeLessThanOrEqual(start.getTime() + retryWindowMs)
          if (at!.getTime() < start.getTime() + retryWindowMs) {
            expect(wait).toBeGreaterThanOrEqual(Math.floor(nominal * (1 - jitterShare)))
            expect(wait).toBeLessThanOrEqual(Math.ceil(nominal * (1 + jitterShare)))
          }
        },
      ),
    )
  })

  it('gives up once three days have passed since the window began', () => {
    expect(nextRetryAt(30, start, new Date(start.getTime() + retryWindowMs), 0.5)).toBeNull()
    expect(nextRetryAt(1, start, new Date(start.getTime() + retryWindowMs + 1), 0)).toBeNull()
  })

  it('tries about 25 times over three days when a receiver never answers', () => {
    let now = start
    let attempt = 0
    for (;;) {
      attempt += 1
      const next = nextRetryAt(attempt, start, now, 0.5)
      if (!next) break
      now = next
    }
    expect(now).toEqual(new Date(start.getTime() + retryWindowMs))
    expect(attempt).toBeGreaterThan(15)
    expect(attempt).toBeLessThan(30)
  })
})
