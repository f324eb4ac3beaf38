import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { webhookOrderKey } from '../../../src/domain/webhooks/events'
import { dueDeliveries, dueLines, type QueuedDelivery } from '../../../src/domain/webhooks/ordering'

const now = new Date('2026-12-02T12:00:00Z')
const past = new Date(now.getTime() - 1000)
const future = new Date(now.getTime() + 60_000)

const delivery = (over: Partial<QueuedDelivery> & { id: string }): QueuedDelivery => ({
  endpointId: 'e1',
  memberId: 'm1',
  orderKey: webhookOrderKey(1),
  status: 'pending',
  nextAttemptAt: past,
  leaseUntil: null,
  ...over,
})
const ids = (list: QueuedDelivery[]) => list.map((entry) => entry.id)
const active = new Set(['e1', 'e2'])

describe('dueDeliveries', () => {
  it('sends only the earliest event of a member per endpoint', () => {
    const list = [
      delivery({ id: 'b', orderKey: webhookOrderKey(2) }),
      delivery({ id: 'a', orderKey: webhookOrderKey(1) }),
      delivery({ id: 'c', orderKey: webhookOrderKey(3) }),
    ]
    expect(ids(dueDeliveries(list, active, now))).toEqual(['a'])
  })

  it('holds later events while the earliest waits for its retry', () => {
    const list = [
      delivery({ id: 'a', orderKey: webhookOrderKey(1), nextAttemptAt: future }),
      delivery({ id: 'b', orderKey: webhookOrderKey(2) }),
    ]
    expect(dueDeliveries(list, active, now)).toEqual([])
  })

  it('does not let a given-up or delivered event block the line', () => {
    const list = [
      delivery({ id: 'a', orderKey: webhookOrderKey(1), status: 'failed' }),
      delivery({ id: 'b', orderKey: webhookOrderKey(2), status: 'delivered' }),
      delivery({ id: 'c', orderKey: webhookOrderKey(3) }),
    ]
    expect(ids(dueDeliveries(list, active, now))).toEqual(['c'])
  })

  it('keeps lines apart: members, endpoints and events about no member', () => {
    const list = [
      delivery({ id: 'a', memberId: 'm1', nextAttemptAt: future }),
      delivery({ id: 'b', memberId: 'm2' }),
      delivery({ id: 'c', memberId: 'm1', endpointId: 'e2' }),
      delivery({ id: 'd', memberId: null }),
      delivery({ id: 'e', memberId: null, orderKey: webhookOrderKey(9) }),
    ]
    expect(ids(dueDeliveries(list, active, now)).sort()).toEqual(['b', 'c', 'd', 'e'])
  })

  it('waits on inactive endpoints', () => {
    expect(dueDeliveries([delivery({ id: 'a', endpointId: 'e3' })], active, now)).toEqual([])
  })

  it('takes back a sending claim only once its lease has run out', () => {
    const held = delivery({ id: 'a', status: 'sending', leaseUntil: future })
    expect(dueDeliveries([held], active, now)).toEqual([])
    const abandoned = delivery({ id: 'a', status: 'sending', leaseUntil: past })
    expect(ids(dueDeliveries([abandoned], active, now))).toEqual(['a'])
  })

  it('never offers two deliveries of one line, and always the earliest open one', () => {
    const arbitrary = fc.array(
      fc.record({
        member: fc.constantFrom('m1', 'm2', 'm3'),
        endpoint: fc.constantFrom('e1', 'e2'),
        sequence: fc.nat({ max: 1000 }),
        status: fc.constantFrom('pending', 'sending', 'delivered', 'failed' as const),
        due: fc.boolean(),
      }),
      { maxLength: 40 },
    )
    fc.assert(
      fc.property(arbitrary, (rows) => {
        const list = rows.map((row, index) =>
          delivery({
            id: `d${String(index).padStart(3, '0')}`,
            memberId: row.member,
            endpointId: row.endpoint,
            orderKey: webhookOrderKey(row.sequence),
            status: row.status as QueuedDelivery['status'],
            nextAttemptAt: row.due ? past : future,
            leaseUntil: row.due ? past : future,
          }),
        )
        const due = dueDeliveries(list, active, now)
        const lines = due.map((entry) => `${entry.endpointId}|${entry.memberId}`)
        expect(new Set(lines).size).toBe(lines.length)
        for (const entry of due) {
          const earlier = list.filter(
            (other) =>
              other.endpointId === entry.endpointId &&
              other.memberId === entry.memberId &&
              (other.status === 'pending' || other.status === 'sending') &&
              (other.orderKey < entry.orderKey ||
                (other.orderKey === entry.orderKey && other.id < entry.id)),
          )
          expect(earlier).toEqual([])
        }
      }),
    )
  })
})

describe('dueLines', () => {
  it('gives each line front to back, up to the first that is not due', () => {
    const list = [
      delivery({ id: 'c', orderKey: webhookOrderKey(3), nextAttemptAt: future }),
      delivery({ id: 'a', orderKey: webhookOrderKey(1) }),
      delivery({ id: 'd', orderKey: webhookOrderKey(4) }),
      delivery({ id: 'b', orderKey: webhookOrderKey(2) }),
      delivery({ id: 'x', memberId: 'm2', orderKey: webhookOrderKey(1), nextAttemptAt: future }),
    ]
    expect(dueLines(list, active, now).map(ids)).toEqual([['a', 'b']])
  })
})
