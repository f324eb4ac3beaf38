// docs/rules.md rules 6 and 7: a benefit paying members still hold through the tier version they
// paid for is still in use, even when the tier no longer grants it.
import { describe, expect, it } from 'vitest'

import { memberView, type MemberRecord } from '../../../src/domain/entitlements/engine'
import { benefitHoldings } from '../../../src/domain/entitlements/holdings'
import type { PlanVersion } from '../../../src/domain/entitlements/plans'
import {
  allPlans,
  downloads,
  engineCatalogue,
  event,
  goldV1,
  purchase,
  replay,
  reviews,
  shanghai,
  silverV2,
  type EventInput,
} from './fixtures'

/** Silver without offline downloads. */
const silverV3: PlanVersion = {
  ...silverV2,
  id: 'p-silver-3',
  version: 3,
  publishedAt: shanghai('2026-03-10T00:00'),
  values: Object.fromEntries(
    Object.entries(silverV2.values).filter(([benefitId]) => benefitId !== downloads.id),
  ),
}
const catalogue = engineCatalogue([...allPlans, silverV3])
const at = shanghai('2026-03-20T12:00')

const record = (id: string, ...events: EventInput[]): MemberRecord => ({
  id,
  externalId: `user-${id}`,
  membership: replay(...events),
  grants: [],
})

const holdingsOf = (members: readonly MemberRecord[], benefit = downloads) =>
  benefitHoldings({
    views: members.map((member) => memberView(member, catalogue, at)),
    benefit,
    plansByKey: catalogue.plansByKey,
  })

describe('benefitHoldings', () => {
  it('counts paying members who keep a benefit through an older version, until their period ends', () => {
    const keeps = record('1', purchase(silverV2, shanghai('2026-03-05T00:00')))
    const boughtLater = record('2', purchase(silverV3, shanghai('2026-03-15T00:00')))
    const summary = holdingsOf([keeps, boughtLater])
    expect(summary).toEqual({
      members: 1,
      versions: [
        { tierId: 't-silver', version: 2, name: { zh: '白银', en: 'Silver' }, members: 1 },
      ],
      until: shanghai('2026-04-05T00:00'),
    })
  })

  it('counts members of a tier that still grants the benefit', () => {
    const gold = record('3', purchase(goldV1, shanghai('2026-03-01T00:00')))
    expect(holdingsOf([gold]).versions).toEqual([
      { tierId: 't-gold', version: 1, name: goldV1.name, members: 1 },
    ])
  })

  it('leaves out members whose paid period is over and members on the free tier', () => {
    const lapsed = record(
      '4',
      purchase(silverV2, shanghai('2026-01-05T00:00')),
      event('cancellation', shanghai('2026-01-10T00:00')),
    )
    const free = record('5')
    expect(holdingsOf([lapsed, free])).toEqual({ members: 0, versions: [], until: null })
  })

  it('does not count a benefit the held version grants nothing of', () => {
    const keeps = record('6', purchase(silverV2, shanghai('2026-03-05T00:00')))
    const none = { ...reviews, id: 'b-unused' }
    expect(holdingsOf([keeps], none).members).toBe(0)
  })
})
