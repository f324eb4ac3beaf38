// Applying the membership ledger to the member document. Without transactions (FerretDB) the event
// and the member are two writes, so the member is always *replayed* from its events: a retry after
// a crash between the two writes heals the member, and an older replay never overwrites a newer
// one (the write is conditional on the number of events folded in).
import type { Payload, PayloadRequest } from 'payload'

import { slugs } from '../../../collections/slugs'
import { relationId } from '../../adapters/catalogue'
import {
  eventFromDoc,
  ledgerIdsOf,
  membershipFromDoc,
  membershipToFields,
} from '../../adapters/entitlements'
import type { MembershipEvent, MembershipState } from '../../domain/entitlements/membership'
import { replayLedger } from '../../domain/entitlements/membership'
import { recordLedgerWebhooks } from '../webhooks/ledgerWebhooks'
import { catalogueOf, memberChanged } from './store'

const locks = ((globalThis as { __memberLocks?: Map<string, Promise<unknown>> }).__memberLocks ??=
  new Map<string, Promise<unknown>>())

/** Runs `work` after any earlier work for the same key in this process has finished. */
export async function serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve()
  const run = previous.catch(() => undefined).then(work)
  const settled = run.catch(() => undefined)
  locks.set(key, settled)
  try {
    return await run
  } finally {
    if (locks.get(key) === settled) locks.delete(key)
  }
}

/**
 * Events already read or written, by id, per Payload instance. The ledger is append-only (nobody
 * may update or delete an event through the API), so a remembered event never goes stale; the
 * member is checked on use all the same. Bounded: the oldest are forgotten first.
 */
type Remembered = { memberId: string | null; event: MembershipEvent }
const eventCaches = new WeakMap<object, Map<string, Remembered>>()
const EVENT_CACHE_LIMIT = 200_000

function eventCacheOf(payload: Payload): Map<string, Remembered> {
  let cache = eventCaches.get(payload)
  if (!cache) {
    cache = new Map()
    eventCaches.set(payload, cache)
  }
  return cache
}

function remember(cache: Map<string, Remembered>, doc: object): MembershipEvent {
  const event = eventFromDoc(doc)
  cache.delete(event.orderId)
  cache.set(event.orderId, { memberId: relationId((doc as { member?: unknown }).member), event })
  if (cache.size > EVENT_CACHE_LIMIT) cache.delete(cache.keys().next().value!)
  return event
}

/**
 * The member's events (replayLedger sorts them). Remembered events cost nothing (an order's replay
 * reads none but the member's older ones, once per process); the rest are read by id.
 */
export async function memberEvents(
  payload: Payload,
  ids: readonly string[],
  memberId?: string,
  req?: PayloadRequest,
): Promise<MembershipEvent[]> {
  const cache = eventCacheOf(payload)
  const found: MembershipEvent[] = []
  const missing: string[] = []
  for (const id of ids) {
    const remembered = cache.get(id)
    if (remembered && (memberId === undefined || remembered.memberId === memberId)) {
      found.push(remembered.event)
    } else missing.push(id)
  }
  // One plain `_id` lookup each (an index hit on FerretDB; `$in` of several ids is a scan there).
  const docs = await Promise.all(
    missing.map((id) =>
      payload
        .findByID({
          collection: slugs.membershipEvents,
          id,
          depth: 0,
          overrideAccess: true,
          disableErrors: true,
          ...(req ? { req } : {}),
        })
        .catch(() => null),
    ),
  )
  for (const doc of docs) if (doc) found.push(remember(cache, doc))
  return found
}

/** Remembers an event just written (its afterChange hook), so the replay need not read it back. */
export function rememberLedgerEvent(req: PayloadRequest, doc: object): void {
  remember(eventCacheOf(req.payload), doc)
}

/**
 * Replays the member's ledger (plus `newEventId`, just appended) and stores the result. Returns the
 * replayed state. Idempotent: replaying an already applied event changes nothing.
 */
export async function applyLedger(
  req: PayloadRequest,
  memberId: string,
  newEventId?: string,
): Promise<MembershipState | null> {
  return serialized(`member:${memberId}`, () => applyLedgerUnlocked(req, memberId, newEventId))
}

/**
 * `applyLedger` without this process's per-member lock: what another process (the jobs worker's
 * expiry, a second app process) runs at the same time. A lost conditional write means a different
 * event was folded in meanwhile: read again and fold in both.
 */
export async function applyLedgerUnlocked(
  req: PayloadRequest,
  memberId: string,
  newEventId?: string,
): Promise<MembershipState | null> {
  for (let attempt = 1; ; attempt += 1) {
    const applied = await applyOnce(req, memberId, newEventId)
    if (applied !== 'conflict') return applied
    if (attempt >= 5) throw new Error(`member ${memberId}: the ledger kept changing under us`)
  }
}

const readMember = (req: PayloadRequest, memberId: string) =>
  req.payload.findByID({
    collection: slugs.members,
    id: memberId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })

async function applyOnce(
  req: PayloadRequest,
  memberId: string,
  newEventId: string | undefined,
): Promise<MembershipState | null | 'conflict'> {
  const member = await readMember(req, memberId)
  if (!member) return null
  const known = ledgerIdsOf(member)
  const ids = newEventId && !known.includes(newEventId) ? [...known, newEventId] : known
  const { catalogue } = await catalogueOf(req.payload)
  const state = replayLedger(
    await memberEvents(req.payload, ids, memberId, req),
    catalogue.settings.timeZone,
  )
  const stored = membershipFromDoc(member)
  if (ids.length !== known.length || state.eventCount !== stored.eventCount) {
    const written = await req.payload.db.updateOne({
      collection: slugs.members,
      where: {
        and: [
          { id: { equals: memberId } },
          {
            or: [
              { eventCount: { less_than: state.eventCount } },
              { eventCount: { exists: false } },
            ],
          },
        ],
      },
      data: {
        ...membershipToFields(state, ids),
        // The webhook marker travels with the ledger in this one write (docs/webhooks.md): a
        // new member starts at 0, a member from before webhooks at the events already there.
        webhooksThrough:
          typeof member.webhooksThrough === 'number' ? member.webhooksThrough : known.length,
      },
      select: { eventCount: true },
      req,
    })
    if (!written) {
      // Not written: a newer replay is there. Done if it holds our event, else fold in again.
      const now = await readMember(req, memberId)
      if (now && newEventId && !ledgerIdsOf(now).includes(newEventId)) return 'conflict'
    }
  }
  await memberChanged(req.payload, memberId)
  // The outbox follows; a failure here is finished by the delivery job's sweep.
  await recordLedgerWebhooks(req, memberId).catch((error: unknown) => {
    req.payload.logger.error({ err: error, memberId }, 'webhook events not recorded yet')
  })
  return state
}

/** Next sequence number for a new event: time-ordered, unique within the process. */
let lastSequence = 0
export function nextSequence(now: number = Date.now()): number {
  lastSequence = Math.max(lastSequence + 1, now * 1000)
  return lastSequence
}
