// `member.entitlements.changed` for what changes by time alone and for support's grants
// (docs/webhooks.md "Changes no ledger event marks").
//
// The sweep runs with the delivery job (every minute): over the store's members, the instants in
// (`from`, `now`] at which time may change what a member holds (`timeTransitions`), each compared
// just before and at the instant. The event's subject is `time:<member>:<instant>`, so two
// processes, or a second sweep of the same window, record it once. Each process starts one
// delivery window (3 days) back and then carries on from where its last sweep ended; a change
// further back than that, while no process ran, is not announced (what members hold is right
// regardless: entitlements are read from the state, not from events).
import type { Payload } from 'payload'

import type { Grant } from '../../domain/entitlements/plans'
import {
  memberView,
  type EngineCatalogue,
  type MemberRecord,
} from '../../domain/entitlements/engine'
import { entitlementChange, entitlementSnapshot } from '../../domain/webhooks/entitlementChange'
import { retryWindowMs } from '../../domain/webhooks/backoff'
import { timeTransitions } from '../../domain/webhooks/timeTransitions'
import {
  catalogueOf,
  ensureStoreLoaded,
  findMember,
  memberChanged,
  storedMembers,
} from '../entitlements/store'
import { recordWebhookEvent } from './outbox'

type SweepState = { through: Date | null; recorded: Set<string> }

const sweepState = ((globalThis as { __timeWebhooks?: SweepState }).__timeWebhooks ??= {
  through: null,
  recorded: new Set<string>(),
})

const snapshotOf = (member: MemberRecord, catalogue: EngineCatalogue, at: Date) =>
  entitlementSnapshot(memberView(member, catalogue, at), catalogue)

/**
 * Records the time-only entitlement changes of every member in (`from`, `now`]; `from` defaults to
 * where this process's last sweep ended (one retry window back at first). Answers how many events
 * this call wrote.
 */
export async function sweepTimeWebhooks(
  payload: Payload,
  options: { now?: Date; from?: Date } = {},
): Promise<number> {
  const now = options.now ?? new Date()
  const earliest = new Date(now.getTime() - retryWindowMs)
  const from =
    options.from ??
    (sweepState.through && sweepState.through > earliest ? sweepState.through : earliest)
  if (!(now > from)) return 0
  await ensureStoreLoaded(payload)
  const { catalogue } = await catalogueOf(payload)
  let recorded = 0
  // A copy: recording refreshes nothing, but the store may change while events are written.
  for (const member of [...storedMembers(payload)]) {
    const transitions = timeTransitions({
      membership: member.membership,
      grants: member.grants,
      from,
      to: now,
      settings: catalogue.settings,
    })
    for (const transition of transitions) {
      const subjectId = `time:${member.id}:${transition.at.toISOString()}`
      if (sweepState.recorded.has(subjectId)) continue
      const change = entitlementChange(
        snapshotOf(member, catalogue, new Date(transition.at.getTime() - 1)),
        snapshotOf(member, catalogue, transition.at),
      )
      if (change) {
        const result = await recordWebhookEvent(payload, {
          type: 'member.entitlements.changed',
          member: member.id,
          subjectId,
          occurredAt: transition.at,
          data: {
            cause: {
              type: 'time',
              reasons: transition.reasons,
              occurredAt: transition.at.toISOString(),
            },
            changes: change,
          },
        })
        if (result.recorded) recorded += 1
      }
      sweepState.recorded.add(subjectId)
    }
  }
  if (!options.from && (!sweepState.through || now > sweepState.through)) {
    sweepState.through = now
    // Keys older than the window can no longer come up.
    if (sweepState.recorded.size > 100_000) sweepState.recorded.clear()
  }
  return recorded
}

/** Forget where this process's sweeps got to (tests that move the clock back). */
export const forgetTimeSweep = (): void => {
  sweepState.through = null
  sweepState.recorded.clear()
}

/**
 * A grant given, changed or removed by support: `member.entitlements.changed` now, when what the
 * member holds differs with and without the write (a grant for later changes nothing yet; the
 * sweep announces its start). `before` is the member's grants before the write, read from the
 * store. Its subject names the grant and the write (`grant:<id>:<updatedAt>` or `:deleted`), so
 * a retried hook records it once.
 */
async function recordGrantWebhook(
  payload: Payload,
  input: {
    memberId: string
    grantId: string
    before: readonly Grant[]
    write: string
    now?: Date
  },
): Promise<boolean> {
  const member = findMember(payload, input.memberId)
  if (!member) return false
  const now = input.now ?? new Date()
  const { catalogue } = await catalogueOf(payload)
  const change = entitlementChange(
    snapshotOf({ ...member, grants: input.before }, catalogue, now),
    snapshotOf(member, catalogue, now),
  )
  if (!change) return false
  const result = await recordWebhookEvent(payload, {
    type: 'member.entitlements.changed',
    member: member.id,
    subjectId: `grant:${input.grantId}:${input.write}`,
    occurredAt: now,
    data: {
      cause: { type: 'grant', grantId: input.grantId, occurredAt: now.toISOString() },
      changes: change,
    },
  })
  return result.recorded
}

/**
 * A grant was given, changed (`write`: its `updatedAt`) or removed (`write: 'deleted'`): each member
 * it belonged to before and after reaches their very next check, and webhooks hear of it when it
 * changes what the member holds now. Nothing to compare with where the store is not loaded.
 */
export async function grantWritten(
  payload: Payload,
  input: { grantId: string; memberIds: readonly (string | null)[]; write: string },
): Promise<void> {
  const { grantId, write } = input
  for (const memberId of new Set(input.memberIds)) {
    if (!memberId) continue
    const before = findMember(payload, memberId)?.grants
    await memberChanged(payload, memberId)
    if (!before) continue
    await recordGrantWebhook(payload, { memberId, grantId, before, write }).catch(
      (error: unknown) =>
        payload.logger.error(
          { err: error, grant: grantId },
          'member.entitlements.changed for a grant not recorded',
        ),
    )
  }
}
