import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  initialMembership,
  type MembershipState,
} from '../../../src/domain/entitlements/membership'
import { channelDecisions } from '../../../src/domain/messages/channels'
import { calendarDate, messageContent } from '../../../src/domain/messages/content'
import {
  catchUpDays,
  launchDue,
  messagesDue,
  renewedEnd,
  type LifecycleSettings,
} from '../../../src/domain/messages/schedule'
import {
  applyContactChange,
  contactOf,
  noContact,
  type MemberContact,
} from '../../../src/domain/messages/types'

const day = 86_400_000
const settings: LifecycleSettings = {
  reminderOffsets: [7, 3, 1],
  channels: ['email', 'in-app', 'sms'],
  autoRenewNotice: true,
  winbackDelays: [3, 14],
  timeZone: 'Asia/Shanghai',
  graceDays: 7,
}
// 2027-01-01 00:00 Asia/Shanghai
const end = new Date('2026-12-31T16:00:00.000Z')
const member = (changes: Partial<MembershipState> = {}): MembershipState => ({
  ...initialMembership,
  tierId: 'gold',
  planVersion: 1,
  billingPeriod: 'monthly',
  periodStart: new Date('2026-11-30T16:00:00.000Z'),
  periodEnd: end,
  status: 'active',
  eventCount: 1,
  ...changes,
})
const due = (state: MembershipState, now: Date, overrides: Partial<LifecycleSettings> = {}) =>
  messagesDue('m1', state, { ...settings, ...overrides }, now, 'entry')

describe('renewal reminders: what is due when (docs/rules.md rule 24)', () => {
  it.each([
    ['8 days before', '2026-12-23T16:00:00.000Z', []],
    [
      '7 days before, to the minute (00:00 Shanghai, 16:00Z the day before)',
      '2026-12-24T16:00:00.000Z',
      [7],
    ],
    ['one minute before the 7-day mark', '2026-12-24T15:59:00.000Z', []],
    ['5 days before', '2026-12-26T16:00:00.000Z', [7]],
    ['3 days before', '2026-12-28T16:00:00.000Z', [3]],
    ['1 day before', '2026-12-30T16:00:00.000Z', [1]],
    ['one second before the end', '2026-12-31T15:59:59.000Z', [1]],
  ])('%s', (_label, at, offsets) => {
    const answer = due(member(), new Date(at))
    expect(answer.map((intent) => intent.step)).toEqual(offsets)
    for (const intent of answer) {
      expect(intent.kind).toBe('renewal_reminder')
      expect(intent.key).toBe(`renewal_reminder:m1:${end.toISOString()}:${intent.step}`)
    }
  })

  it('counts days in the platform zone, not UTC: 7 days before a New York period end', () => {
    // 2026-03-15 00:00 New York is after the DST change (UTC-4); 7 days before is UTC-5.
    const nyEnd = new Date('2026-03-15T04:00:00.000Z')
    const state = member({ periodEnd: nyEnd })
    const zone = { timeZone: 'America/New_York' }
    expect(due(state, new Date('2026-03-08T04:59:00.000Z'), zone)).toEqual([])
    expect(due(state, new Date('2026-03-08T05:00:00.000Z'), zone).map((i) => i.step)).toEqual([7])
  })

  it('across a month end: a period ending 1 March is reminded on 22 February', () => {
    const marchEnd = new Date('2027-02-28T16:00:00.000Z') // 2027-03-01 00:00 Shanghai
    const state = member({ periodEnd: marchEnd })
    expect(due(state, new Date('2027-02-21T15:59:00.000Z'))).toEqual([])
    expect(due(state, new Date('2027-02-21T16:00:00.000Z')).map((i) => i.step)).toEqual([7])
    expect(due(state, new Date('2027-02-25T16:00:00.000Z')).map((i) => i.step)).toEqual([3])
  })

  it('catches a missed window up once: after downtime over the 7- and 3-day marks only 3 is due', () => {
    const answer = due(member(), new Date('2026-12-29T10:00:00.000Z'))
    expect(answer).toHaveLength(1)
    expect(answer[0]!.step).toBe(3)
  })

  it('gives the auto-renewing member one notice per period instead, or nothing when not configured', () => {
    const state = member({ autoRenew: true })
    const early = due(state, new Date('2026-12-25T00:00:00.000Z'))
    const late = due(state, new Date('2026-12-30T20:00:00.000Z'))
    expect(early.map((i) => i.kind)).toEqual(['renewal_notice'])
    expect(late[0]!.key).toBe(early[0]!.key)
    expect(early[0]!.until).toEqual(end)
    expect(due(state, new Date('2026-12-30T20:00:00.000Z'), { autoRenewNotice: false })).toEqual([])
  })

  it('skips the entry tier, a granted period, a scheduled downgrade and a cancelled membership', () => {
    const at = new Date('2026-12-30T20:00:00.000Z')
    expect(due(member({ tierId: 'entry' }), at)).toEqual([])
    expect(due(member({ tierId: null }), at)).toEqual([])
    expect(due(member({ billingPeriod: null }), at)).toEqual([])
    expect(due(member({ status: 'cancelled' }), at)).toEqual([])
    const pendingChange = {
      tierId: 'silver',
      planVersion: 1,
      billingPeriod: 'monthly' as const,
      effectiveAt: end,
      orderId: 'o',
    }
    expect(due(member({ pendingChange }), at)).toEqual([])
  })

  it('moves with the period: a renewed member is keyed by the new end, never the old', () => {
    const renewed = new Date('2027-01-31T16:00:00.000Z')
    const at = new Date('2026-12-30T20:00:00.000Z')
    expect(due(member({ periodEnd: renewed }), at)).toEqual([])
  })

  it('orders no reminder twice for the same offset and period (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 * 24 }), (hoursBefore) => {
        const now = new Date(end.getTime() - hoursBefore * 3_600_000)
        const answer = due(member(), now)
        expect(answer.length).toBeLessThanOrEqual(1)
        if (answer[0]) {
          expect(answer[0].dueAt.getTime()).toBeLessThanOrEqual(now.getTime())
          expect([7, 3, 1]).toContain(answer[0].step)
        }
        // Monotonic: the later it is, the smaller (or equal) the offset due.
        const later = due(member(), new Date(now.getTime() + 3_600_000))[0]
        if (answer[0] && later && now.getTime() + 3_600_000 < end.getTime()) {
          expect(later.step!).toBeLessThanOrEqual(answer[0].step!)
        }
      }),
    )
  })
})

describe('after the end: grace, expiry and win-back', () => {
  it('tells the auto-renewing member whose payment has not arrived when grace ends', () => {
    const answer = due(member({ autoRenew: true }), new Date('2027-01-02T00:00:00.000Z'))
    expect(answer.map((i) => i.kind)).toEqual(['grace_ending'])
    expect(calendarDate(answer[0]!.until!, 'Asia/Shanghai')).toBe('2027-01-08')
  })

  it('sends the expiry notice at the end, win-back at its delays, each step once', () => {
    const state = member()
    expect(due(state, new Date('2027-01-01T00:00:00.000Z')).map((i) => i.kind)).toEqual(['expired'])
    const three = due(state, new Date(end.getTime() + 3 * day))
    expect(three.map((i) => [i.kind, i.step])).toEqual([
      ['expired', null],
      ['winback', 3],
    ])
    const fourteen = due(state, new Date(end.getTime() + 14 * day + 1000))
    expect(fourteen.map((i) => [i.kind, i.step])).toEqual([['winback', 14]])
  })

  it('counts the lapse from the end of grace for an auto-renewing member', () => {
    const state = member({ autoRenew: true })
    const graceEnd = end.getTime() + 7 * day
    expect(due(state, new Date(graceEnd)).map((i) => i.kind)).toEqual(['expired'])
    expect(due(state, new Date(graceEnd + 3 * day)).map((i) => i.step)).toEqual([null, 3])
  })

  it('keeps history quiet: nothing older than the catch-up window', () => {
    expect(due(member(), new Date(end.getTime() + (14 + catchUpDays) * day + 1))).toEqual([])
  })
})

describe('channels and consent (docs/rules.md rule 23)', () => {
  const contact = (changes: Partial<MemberContact> = {}): MemberContact => ({
    ...noContact,
    email: 'a@example.com',
    phone: '+86 138 0000 0000',
    ...changes,
  })

  it('sends a reminder without consent, and its offer only with consent for the channel', () => {
    const decisions = channelDecisions(
      'renewal_reminder',
      contact({ consent: { email: true, inApp: false, sms: false } }),
      ['email', 'in-app', 'sms'],
      true,
    )
    expect(decisions).toEqual([
      { channel: 'email', send: true, withOffer: true },
      { channel: 'in-app', send: true, withOffer: false },
      { channel: 'sms', send: false, reason: 'no_provider' },
    ])
  })

  it('sends win-back only on consented channels; never drops a channel silently', () => {
    const decisions = channelDecisions(
      'winback',
      contact({ email: null, consent: { email: true, inApp: false, sms: true } }),
      ['email', 'in-app', 'sms'],
      true,
    )
    expect(decisions).toEqual([
      { channel: 'email', send: false, reason: 'no_address' },
      { channel: 'in-app', send: false, reason: 'no_consent' },
      { channel: 'sms', send: false, reason: 'no_provider' },
    ])
  })
})

describe('contact', () => {
  it('stamps consentUpdatedAt only when a channel consent changes', () => {
    const at = new Date('2026-12-01T00:00:00.000Z')
    const first = applyContactChange(noContact, { consent: { email: true } }, at)
    expect(first).toMatchObject({ changed: true, contact: { consentUpdatedAt: at } })
    const same = applyContactChange(first.contact, { consent: { email: true } }, new Date())
    expect(same).toMatchObject({ changed: false, contact: { consentUpdatedAt: at } })
    const language = applyContactChange(first.contact, { language: 'en' }, new Date())
    expect(language).toMatchObject({ changed: true, contact: { consentUpdatedAt: at } })
  })

  it('reads members from before contact existed as Chinese with no consent', () => {
    expect(contactOf(undefined)).toEqual(noContact)
    expect(contactOf({ email: '  ', language: 'fr', consent: { email: 'yes' } })).toEqual(noContact)
  })
})

describe('renewal offers and content', () => {
  it('renews from the current end with no lost day: 20 days left + 1 month', () => {
    const now = new Date('2026-12-11T16:00:00.000Z') // 20 days before 2027-01-01
    expect(Math.round((end.getTime() - now.getTime()) / day)).toBe(20)
    const renewed = renewedEnd(end, 'monthly', 0, 'Asia/Shanghai')
    expect(calendarDate(renewed, 'Asia/Shanghai')).toBe('2027-02-01')
    expect(calendarDate(renewedEnd(end, 'monthly', 7, 'Asia/Shanghai'), 'Asia/Shanghai')).toBe(
      '2027-02-08',
    )
  })

  it('writes the reminder in zh and en with the offer price and the new end date', () => {
    const intent = due(member(), new Date('2026-12-28T16:00:00.000Z'))[0]!
    const offer = {
      campaignId: 'c',
      campaignSlug: 'renew',
      campaignName: '续费礼',
      headline: 'Renew now',
      body: '',
      callToAction: '',
      price: 3500,
      sellingPrice: 3900,
      currency: 'CNY',
      billingPeriod: 'monthly' as const,
      bonusDays: 0,
      newPeriodEnd: renewedEnd(end, 'monthly', 0, 'Asia/Shanghai'),
      endsAt: new Date('2027-01-10T00:00:00.000Z'),
    }
    const facts = {
      displayName: '小明',
      tierName: '黄金会员',
      timeZone: 'Asia/Shanghai',
      link: null,
    }
    const zh = messageContent(intent, 'zh', facts, offer, true)
    expect(zh.title).toBe('你的黄金会员将于 2027-01-01 到期')
    expect(zh.offerLines!.join('\n')).toContain('¥35')
    expect(zh.offerLines!.join('\n')).toContain('2027-02-01')
    const en = messageContent(intent, 'en', { ...facts, tierName: 'Gold' }, offer, true)
    expect(en.title).toBe('Your Gold ends on 2027-01-01')
    expect(en.paragraphs[1]).toContain('in 3 days')
    expect(messageContent(intent, 'en', facts, offer, false).offerLines).toBeNull()
  })
})

describe('launchDue (campaign launch messages)', () => {
  const startsAt = new Date('2026-11-10T16:00:00.000Z') // 双十一 00:00 Asia/Shanghai
  const campaign = {
    id: 'c1',
    kind: 'upgrade',
    startsAt,
    endsAt: new Date('2026-11-20T16:00:00.000Z'),
    channels: ['email', 'in-app'] as const,
  }
  const at = (ms: number) => new Date(startsAt.getTime() + ms)
  const dayMs = 86_400_000

  it('is due from the start for three days, once per member and campaign', () => {
    expect(launchDue('m1', campaign, true, at(-1))).toBeNull()
    expect(launchDue('m1', campaign, true, at(0))).toMatchObject({
      kind: 'campaign_launch',
      key: 'campaign_launch:m1:c1',
      dueAt: startsAt,
      until: campaign.endsAt,
    })
    expect(launchDue('m1', campaign, true, at(3 * dayMs))?.key).toBe('campaign_launch:m1:c1')
    expect(launchDue('m1', campaign, true, at(3 * dayMs + 1))).toBeNull()
  })

  it('is never due for other kinds, without channels, after the end, or for an ineligible member', () => {
    for (const kind of ['renewal', 'retention', 'winback', 'referral']) {
      expect(launchDue('m1', { ...campaign, kind }, true, at(1))).toBeNull()
    }
    expect(launchDue('m1', { ...campaign, kind: 'trial' }, true, at(1))).not.toBeNull()
    expect(launchDue('m1', { ...campaign, channels: [] }, true, at(1))).toBeNull()
    expect(
      launchDue('m1', { ...campaign, endsAt: new Date(startsAt.getTime() + 1000) }, true, at(1000)),
    ).toBeNull()
    expect(launchDue('m1', campaign, false, at(1))).toBeNull()
  })
})
