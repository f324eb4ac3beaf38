// Demo members at realistic scale (`npm run seed -- --members N`): a seeded random generator
// spreads them over tiers, billing periods, statuses and quota use. Each member's ledger is
// generated first and the member document is what the ledger replays to, exactly as the orders
// endpoint would leave it. Written with bulk inserts (the hooks would take minutes for 100k), so
// run it before starting the app server, whose in-memory store it does not notify.
import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'

import { slugs } from '../collections/slugs'
import { membershipToFields } from '../src/adapters/entitlements'
import type { BillingPeriod } from '../src/domain/catalogue/types'
import { memberView, usageWindow, type EngineCatalogue } from '../src/domain/entitlements/engine'
import {
  replayLedger,
  type MembershipEvent,
  type MembershipEventType,
} from '../src/domain/entitlements/membership'
import type { PlanVersion } from '../src/domain/entitlements/plans'
import { quotaWindowKey } from '../src/domain/entitlements/quotaWindow'
import { catalogueOf, rawCollection, resetStore } from '../src/operations/entitlements/store'

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const day = 86_400_000
export const demoMemberId = (index: number) => `demo-${String(index).padStart(6, '0')}`

type Weighted<T> = readonly (readonly [T, number])[]
function pick<T>(random: () => number, options: Weighted<T>): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0)
  let roll = random() * total
  for (const [value, weight] of options) {
    roll -= weight
    if (roll < 0) return value
  }
  return options[options.length - 1]![0]
}

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '林']
const givenNames = ['晓明', '思雨', '子涵', '浩然', '欣怡', '宇航', '梓萱', '俊杰', '雨桐', '一鸣']

type Generated = {
  member: Record<string, unknown>
  events: Record<string, unknown>[]
  usage: Record<string, unknown>[]
}

/** One member's ledger, document and quota use, all derived from `random`. */
function generateMember(
  index: number,
  random: () => number,
  catalogue: EngineCatalogue,
  paidPlans: readonly PlanVersion[],
  honorary: PlanVersion | undefined,
  now: Date,
  contacts: boolean,
): Generated {
  const externalId = demoMemberId(index)
  const _id = new ObjectId()
  const memberId = _id.toHexString()
  const timeZone = catalogue.settings.timeZone
  const events: MembershipEvent[] = []
  let sequence = 0
  const event = (
    type: MembershipEventType,
    at: Date,
    extra: Partial<MembershipEvent> = {},
  ): MembershipEvent => {
    const recorded: MembershipEvent = {
      sequence: at.getTime() * 1000 + (sequence += 1),
      type,
      occurredAt: at,
      orderId: `seed-${externalId}-${sequence}`,
      ...extra,
    }
    events.push(recorded)
    return recorded
  }

  const audience = pick(random, [
    ['free', 55],
    ['paid', 43],
    ['honorary', honorary ? 2 : 0],
  ] as const)
  if (audience === 'paid' && paidPlans.length) {
    // Cheaper tiers are more common: weights 8, 4, 2, 1 …
    const plan = pick(
      random,
      paidPlans.map(
        (candidate, position) => [candidate, 2 ** (paidPlans.length - position)] as const,
      ),
    )
    const billingPeriod: BillingPeriod =
      pick(
        random,
        plan.prices.map((price) => [price.period, price.period === 'monthly' ? 5 : 2] as const),
      ) ?? 'monthly'
    const months = { monthly: 1, quarterly: 3, annual: 12 }[billingPeriod]
    const amount = plan.prices.find((price) => price.period === billingPeriod)?.sellingPrice ?? 0
    const fate = pick(random, [
      ['active', 70],
      ['grace', 6],
      ['expired', 16],
      ['cancelled', 3],
      ['downgrading', 5],
    ] as const)
    // Bought so the period ends: in the future (active), just past (grace), long past (expired).
    const periodMs = months * 30 * day
    const endOffset =
      fate === 'grace'
        ? -random() * 5 * day
        : fate === 'expired'
          ? -(20 + random() * 200) * day
          : random() * periodMs
    const boughtAt = new Date(now.getTime() + endOffset - periodMs)
    const common = { tierId: plan.tierId, planVersion: plan.version, billingPeriod }
    event('purchase', boughtAt, { ...common, amount, autoRenew: fate !== 'expired' })
    if (fate === 'expired') {
      // What the expiry job records once the grace days after the period end have passed.
      event('expiry', new Date(now.getTime() + endOffset + 8 * day))
    }
    if (fate === 'cancelled') {
      const cancelledAt = Math.min(now.getTime(), boughtAt.getTime() + random() * 10 * day)
      event('cancellation', new Date(cancelledAt), { immediate: true })
    }
    if (fate === 'downgrading') {
      const lower = paidPlans.filter((candidate) => candidate.rank < plan.rank)
      const target = lower[Math.floor(random() * lower.length)]
      if (target) {
        event('downgrade', new Date(Math.min(now.getTime(), boughtAt.getTime() + 5 * day)), {
          tierId: target.tierId,
          planVersion: target.version,
          billingPeriod: target.prices[0]?.period ?? 'monthly',
          amount: target.prices[0]?.sellingPrice ?? 0,
        })
      }
    }
  } else if (audience === 'honorary' && honorary) {
    event('grant', new Date(now.getTime() - random() * 100 * day), {
      tierId: honorary.tierId,
      planVersion: honorary.version,
      days: 365,
    })
  }

  const state = replayLedger(events, timeZone)
  const createdAt = events[0]?.occurredAt ?? new Date(now.getTime() - random() * 300 * day)
  const member = {
    _id,
    externalId,
    displayName: `${surnames[index % surnames.length]}${givenNames[Math.floor(random() * givenNames.length)]}`,
    ...membershipToFields(
      state,
      events.map((entry) => entry.orderId),
    ),
    periodStart: state.periodStart,
    periodEnd: state.periodEnd,
    tier: state.tierId ? new ObjectId(state.tierId) : null,
    pendingChange: state.pendingChange
      ? {
          tier: new ObjectId(state.pendingChange.tierId),
          planVersion: state.pendingChange.planVersion,
          billingPeriod: state.pendingChange.billingPeriod,
          effectiveAt: state.pendingChange.effectiveAt,
          orderId: state.pendingChange.orderId,
        }
      : {},
    growthPoints: Math.floor(random() * 5000),
    ...(contacts ? { contact: demoContact(index, now) } : {}),
    createdAt,
    updatedAt: events.at(-1)?.occurredAt ?? createdAt,
  }

  // Quota use in the current window for a third of the members who have quotas.
  const usage: Record<string, unknown>[] = []
  const view = memberView(
    { id: memberId, externalId, membership: state, grants: [] },
    catalogue,
    now,
  )
  for (const benefit of catalogue.benefits) {
    const resolved = view.benefits.get(benefit.id)?.value
    if (resolved?.kind !== 'quota' || random() > 0.33) continue
    const window = usageWindow(view, benefit, catalogue, now)
    const cap = resolved.unlimited ? 20 : resolved.amount
    if (!window || cap <= 0) continue
    const used = Math.max(1, Math.floor(random() * (cap + 1)))
    const at = new Date(Math.max(window.start.getTime(), now.getTime() - random() * 10 * day))
    usage.push({
      _id: `${memberId}:${benefit.id}:${quotaWindowKey(window)}:1`,
      member: _id,
      benefit: new ObjectId(benefit.id),
      windowStart: window.start,
      windowEnd: window.end,
      sequence: 1,
      amount: used,
      usedAfter: used,
      at,
      idempotencyKey: `seed-${externalId}-${benefit.key}`,
      createdAt: at,
      updatedAt: at,
    })
  }

  return {
    member,
    events: events.map((entry) => ({
      _id: entry.orderId,
      member: _id,
      type: entry.type,
      occurredAt: entry.occurredAt,
      tier: entry.tierId ? new ObjectId(entry.tierId) : null,
      planVersion: entry.planVersion ?? null,
      billingPeriod: entry.billingPeriod ?? null,
      amount: entry.amount ?? 0,
      currency: catalogue.settings.currency,
      days: entry.days ?? null,
      immediate: entry.immediate ?? false,
      autoRenew: entry.autoRenew ?? null,
      actor: 'seed',
      sequence: entry.sequence,
      createdAt: entry.occurredAt,
      updatedAt: entry.occurredAt,
    })),
    usage,
  }
}

/**
 * A demo member's contact, from the index alone (the random sequence stays as it was): half zh,
 * half en; marketing consent on every channel but SMS for a third, none for the rest.
 */
function demoContact(index: number, now: Date) {
  const consented = index % 3 === 0
  return {
    email: `${demoMemberId(index)}@members.example`,
    phone: null,
    language: index % 2 === 0 ? 'zh' : 'en',
    consent: { email: consented, inApp: consented, sms: false },
    consentUpdatedAt: consented ? now : null,
  }
}

export type MemberSeedProgress = (done: number, total: number) => void

/**
 * Ensures `count` demo members (demo-000001 …) exist; existing ones are left as they are, so the
 * seed is idempotent. Returns how many were created.
 */
export async function seedMembers(options: {
  payload: Payload
  count: number
  seed?: number
  now?: Date
  /** Give each new member an address, a language and consent (the reminder bench). */
  contacts?: boolean
  onProgress?: MemberSeedProgress
}): Promise<{ created: number; existing: number; events: number; usage: number }> {
  const { payload, count } = options
  const now = options.now ?? new Date()
  const random = seededRandom(options.seed ?? 20261123)
  const { catalogue } = await catalogueOf(payload)
  const live = [...catalogue.liveTierIds]
    .map((id) => catalogue.latestPlanByTier.get(id))
    .filter((plan): plan is PlanVersion => plan !== undefined)
    .sort((a, b) => a.rank - b.rank)
  const paidPlans = live.filter((plan) => plan.kind === 'paid' && plan.prices.length > 0)
  const honorary = live.find((plan) => plan.kind === 'honorary')

  const members = rawCollection(payload, slugs.members)
  const existing = new Set(
    (
      await members
        .find({ externalId: { $regex: '^demo-' } }, { projection: { externalId: 1 } })
        .toArray()
    ).map((doc) => String(doc.externalId)),
  )
  const totals = { created: 0, existing: 0, events: 0, usage: 0 }
  const batchSize = 1000
  for (let start = 1; start <= count; start += batchSize) {
    const batch: Generated[] = []
    for (let index = start; index < Math.min(start + batchSize, count + 1); index += 1) {
      // Generate even for existing members, so member N is the same whatever ran before.
      const generated = generateMember(
        index,
        random,
        catalogue,
        paidPlans,
        honorary,
        now,
        options.contacts === true,
      )
      if (existing.has(demoMemberId(index))) totals.existing += 1
      else batch.push(generated)
    }
    if (batch.length) {
      await rawCollection(payload, slugs.membershipEvents).insertMany(
        batch.flatMap((entry) => entry.events) as never[],
        { ordered: false },
      )
      const usage = batch.flatMap((entry) => entry.usage)
      if (usage.length) {
        await rawCollection(payload, slugs.benefitUsage).insertMany(usage as never[], {
          ordered: false,
        })
      }
      await members.insertMany(batch.map((entry) => entry.member) as never[], { ordered: false })
      totals.created += batch.length
      totals.events += batch.reduce((sum, entry) => sum + entry.events.length, 0)
      totals.usage += usage.length
    }
    options.onProgress?.(Math.min(start + batchSize - 1, count), count)
  }
  // The in-process store (if loaded) has not seen these inserts.
  if (totals.created) resetStore(payload)
  return totals
}
