// Member, ledger, plan-version, grant and course documents <-> the entitlement engine's types.
// Reads both Payload documents (string ids, ISO dates) and raw database documents (ObjectIds,
// Dates), since the hot path loads the latter directly.
import type {
  BenefitValue,
  BillingPeriod,
  Localized,
  TierKind,
  TierPrice,
} from '../domain/catalogue/types'
import type { CourseRef, MemberRecord } from '../domain/entitlements/engine'
import {
  membershipStatuses,
  type MembershipEvent,
  type MembershipEventType,
  type MembershipState,
  type MembershipStatus,
} from '../domain/entitlements/membership'
import type { Grant, PlanChange, PlanVersion } from '../domain/entitlements/plans'
import { valueFromRow } from './catalogue'
import { contactOf } from '../domain/messages/types'

type Doc = Record<string, unknown>
const asDoc = (value: unknown): Doc =>
  value && typeof value === 'object' ? (value as Doc) : ({} as Doc)

/** An id from a string, a populated document or a raw ObjectId. */
export function refId(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  const object = value as { toHexString?: () => string; id?: unknown; _id?: unknown }
  if (typeof object.toHexString === 'function') return object.toHexString()
  if (object.id !== undefined && typeof object.id !== 'object') return String(object.id)
  if (object._id !== undefined) return refId(object._id)
  return null
}

export const docId = (doc: Doc): string => refId(doc.id ?? doc._id) ?? ''

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value
  if (typeof value === 'string' || typeof value === 'number') {
    const date = new Date(value)
    return Number.isNaN(date.getTime()) ? null : date
  }
  return null
}

const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null

const periodOrNull = (value: unknown): BillingPeriod | null =>
  value === 'monthly' || value === 'quarterly' || value === 'annual' ? value : null

export function membershipFromDoc(input: object): MembershipState {
  const doc = input as Doc
  const pending = asDoc(doc.pendingChange)
  const pendingTier = refId(pending.tier)
  const pendingAt = toDate(pending.effectiveAt)
  const trial = asDoc(doc.trial)
  const trialTier = refId(trial.tier)
  const trialStart = toDate(trial.startsAt)
  const trialEnd = toDate(trial.endsAt)
  const status = (membershipStatuses as readonly string[]).includes(String(doc.status))
    ? (doc.status as MembershipStatus)
    : 'active'
  return {
    tierId: refId(doc.tier),
    planVersion: numberOrNull(doc.planVersion),
    billingPeriod: periodOrNull(doc.billingPeriod),
    periodStart: toDate(doc.periodStart),
    periodEnd: toDate(doc.periodEnd),
    status,
    autoRenew: doc.autoRenew === true,
    pendingChange:
      pendingTier && pendingAt
        ? {
            tierId: pendingTier,
            planVersion: numberOrNull(pending.planVersion),
            billingPeriod: periodOrNull(pending.billingPeriod),
            effectiveAt: pendingAt,
            orderId: typeof pending.orderId === 'string' ? pending.orderId : '',
          }
        : null,
    trial:
      trialTier && trialStart && trialEnd
        ? {
            tierId: trialTier,
            planVersion: numberOrNull(trial.planVersion),
            startsAt: trialStart,
            endsAt: trialEnd,
            orderId: typeof trial.orderId === 'string' ? trial.orderId : '',
          }
        : null,
    eventCount: numberOrNull(doc.eventCount) ?? 0,
  }
}

/** The member fields a replayed state is written to (Payload field names). */
export function membershipToFields(state: MembershipState, ledger: readonly string[]) {
  const pending = state.pendingChange
  const trial = state.trial
  return {
    tier: state.tierId,
    planVersion: state.planVersion,
    billingPeriod: state.billingPeriod,
    periodStart: state.periodStart?.toISOString() ?? null,
    periodEnd: state.periodEnd?.toISOString() ?? null,
    status: state.status,
    autoRenew: state.autoRenew,
    pendingChange: {
      tier: pending?.tierId ?? null,
      planVersion: pending?.planVersion ?? null,
      billingPeriod: pending?.billingPeriod ?? null,
      effectiveAt: pending?.effectiveAt.toISOString() ?? null,
      orderId: pending?.orderId ?? null,
    },
    trial: {
      tier: trial?.tierId ?? null,
      planVersion: trial?.planVersion ?? null,
      startsAt: trial?.startsAt.toISOString() ?? null,
      endsAt: trial?.endsAt.toISOString() ?? null,
      orderId: trial?.orderId ?? null,
    },
    eventCount: state.eventCount,
    ledger: [...ledger],
  }
}

export function ledgerIdsOf(input: object): string[] {
  const ledger = (input as Doc).ledger
  return Array.isArray(ledger) ? ledger.filter((id): id is string => typeof id === 'string') : []
}

export function eventFromDoc(input: object): MembershipEvent {
  const doc = input as Doc
  return {
    sequence: numberOrNull(doc.sequence) ?? 0,
    type: String(doc.type) as MembershipEventType,
    occurredAt: toDate(doc.occurredAt) ?? new Date(0),
    orderId: docId(doc),
    tierId: refId(doc.tier),
    planVersion: numberOrNull(doc.planVersion),
    billingPeriod: periodOrNull(doc.billingPeriod),
    amount: numberOrNull(doc.amount),
    days: numberOrNull(doc.days),
    immediate: doc.immediate === true,
    autoRenew: typeof doc.autoRenew === 'boolean' ? doc.autoRenew : null,
    credit: numberOrNull(doc.credit),
  }
}

/** The JSON a plan version stores (dates and ids as strings). */
export type StoredSnapshot = {
  slug: string
  name: Localized
  rank: number
  kind: TierKind
  prices: TierPrice[]
  values: Record<string, BenefitValue>
  accessTierIds: string[]
}

export function planVersionFromDoc(input: object): PlanVersion {
  const doc = input as Doc
  const snapshot = asDoc(doc.snapshot) as Partial<StoredSnapshot>
  const values: Record<string, BenefitValue> = {}
  for (const [benefitId, value] of Object.entries(snapshot.values ?? {})) {
    // JSON has no Infinity: a duration that grants nothing is stored as null.
    values[benefitId] =
      value.kind === 'duration' && value.amount === null
        ? { kind: 'duration', amount: Number.POSITIVE_INFINITY }
        : value
  }
  return {
    id: docId(doc),
    tierId: refId(doc.tier) ?? '',
    version: numberOrNull(doc.version) ?? 0,
    publishedAt: toDate(doc.publishedAt) ?? new Date(0),
    slug: snapshot.slug ?? '',
    name: snapshot.name ?? { zh: '', en: '' },
    rank: snapshot.rank ?? 0,
    kind: snapshot.kind ?? 'paid',
    prices: snapshot.prices ?? [],
    values,
    accessTierIds: snapshot.accessTierIds ?? [],
  }
}

export function snapshotOf(
  plan: Omit<PlanVersion, 'id' | 'version' | 'publishedAt'>,
): StoredSnapshot {
  return {
    slug: plan.slug,
    name: plan.name,
    rank: plan.rank,
    kind: plan.kind,
    prices: [...plan.prices],
    values: { ...plan.values },
    accessTierIds: [...plan.accessTierIds],
  }
}

export const deltaOf = (change: PlanChange) => ({
  gains: change.gains.map((delta) => delta.benefitId),
  losses: change.losses.map((delta) => delta.benefitId),
  accessGained: change.accessGained,
  accessLost: change.accessLost,
})

export const tierVersionId = (tierId: string, version: number) => `${tierId}:v${version}`

export function grantFromDoc(input: object, kind: BenefitValue['kind'] | undefined): Grant {
  const doc = input as Doc
  return {
    id: docId(doc),
    benefitId: refId(doc.benefit) ?? '',
    value: valueFromRow(doc, kind),
    startsAt: toDate(doc.startsAt) ?? new Date(0),
    endsAt: toDate(doc.endsAt) ?? new Date(0),
    reason: typeof doc.reason === 'string' ? doc.reason : '',
    writtenAt: toDate(doc.updatedAt),
  }
}

export function courseRefFromDoc(input: object): CourseRef {
  const doc = input as Doc
  const status = doc.status === 'published' || doc.status === 'archived' ? doc.status : 'draft'
  return {
    id: docId(doc),
    slug: typeof doc.slug === 'string' ? doc.slug : '',
    status,
    accessTierId: refId(doc.accessTier),
  }
}

export function memberRecordFromDoc(input: object, grants: readonly Grant[]): MemberRecord {
  const doc = input as Doc
  return {
    id: docId(doc),
    externalId: typeof doc.externalId === 'string' ? doc.externalId : '',
    membership: membershipFromDoc(doc),
    grants,
    joinedAt: doc.createdAt ? new Date(doc.createdAt as string | Date) : null,
    growthValue: typeof doc.growthPoints === 'number' ? doc.growthPoints : 0,
    contact: contactOf(doc.contact),
    displayName: typeof doc.displayName === 'string' ? doc.displayName : null,
  }
}
