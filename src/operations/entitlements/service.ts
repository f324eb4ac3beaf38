// The entitlement service: one implementation of "what may this member do" behind REST, GraphQL
// and the lean HTTP path. Inputs arrive parsed (the request schemas in src/api/schemas.ts); answers
// are plain JSON values or refusals (src/operations/result.ts), so every transport sends the same.
import { createHash } from 'node:crypto'

import type { Payload } from 'payload'

import type { BenefitDefinition } from '../../domain/catalogue/types'
import {
  benefitAnswer,
  checkBenefit,
  checkCourse,
  memberView,
  usageWindow,
  type BenefitAnswer,
  type BenefitCheck,
  type CheckReason,
  type CourseCheck,
  type EngineCatalogue,
  type MemberView,
  type UpgradeOffer,
} from '../../domain/entitlements/engine'
import type { ValueSource } from '../../domain/entitlements/plans'
import { reasonMessages } from '../../domain/entitlements/reasons'
import { quotaWindowKey } from '../../domain/entitlements/quotaWindow'
import type { CompiledOffers } from '../../domain/campaigns/offers'
import { benefitOffer, courseOffer } from '../campaigns/offers'
import { ok, refuse, type Outcome } from '../result'
import {
  catalogueOf,
  ensureStoreLoaded,
  findMember,
  planCacheOf,
  usageHead,
  type CourseIndex,
} from './store'

type Json = Record<string, unknown>
type Refused = Extract<Outcome<never>, { ok: false }>

export type MemberInput = { member: string }
export type CheckInput = { member: string; course?: string; benefit?: string; amount: number }
export type BatchInput = { member: string; courses: readonly string[]; benefits: readonly string[] }

const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null)

export function sourceJson(source: ValueSource | null): Json | null {
  if (!source) return null
  return source.type === 'tier'
    ? { type: 'tier', tierId: source.tierId, tierSlug: source.tierSlug, version: source.version }
    : { type: 'grant', grantId: source.grantId, reason: source.reason, endsAt: iso(source.endsAt) }
}

function valueJson(value: BenefitAnswer['value']): Json {
  // JSON has no Infinity: a duration that grants nothing is shown with a null amount.
  if (value.kind === 'duration' && !Number.isFinite(value.amount))
    return { kind: 'duration', amount: null }
  return { ...value }
}

export function benefitJson(answer: BenefitAnswer): Json {
  return {
    key: answer.key,
    name: answer.name,
    category: answer.category,
    kind: answer.kind,
    granted: answer.granted,
    value: valueJson(answer.value),
    display: answer.display,
    source: sourceJson(answer.source),
    quota: answer.quota ? { ...answer.quota, resetsAt: iso(answer.quota.resetsAt) } : null,
  }
}

const upgradeJson = (offer: UpgradeOffer | null): Json | null => (offer ? { ...offer } : null)

const memberRef = (view: MemberView) => ({
  id: view.member.id,
  externalId: view.member.externalId,
})

type Context = {
  catalogue: EngineCatalogue
  courses: CourseIndex
  offers: CompiledOffers
  view: MemberView
  now: Date
}

/** Loads what every answer needs, or the refusal for an unknown member. */
async function contextFor(
  payload: Payload,
  memberReference: string,
  now: Date,
): Promise<Context | Refused> {
  await ensureStoreLoaded(payload)
  const { catalogue, courses, offers } = await catalogueOf(payload)
  const member = findMember(payload, memberReference)
  if (!member) return refuse('member_unknown', reasonMessages.member_unknown, { field: 'member' })
  const view = memberView(member, catalogue, now, planCacheOf(payload))
  return { catalogue, courses, offers, view, now }
}

const isRefused = (value: Context | Refused): value is Refused => 'ok' in value

/** Quota used by the member in the benefit's current window (0 outside quota benefits). */
export function usedNow(payload: Payload, context: Context, benefit: BenefitDefinition): number {
  const window = usageWindow(context.view, benefit, context.catalogue, context.now)
  if (!window) return 0
  return (
    usageHead(payload, usageKey(context.view.member.id, benefit.id, quotaWindowKey(window)))
      ?.used ?? 0
  )
}

export const usageKey = (memberId: string, benefitId: string, windowKey: string) =>
  `${memberId}:${benefitId}:${windowKey}`

/** Changes exactly when the answer does (the evaluation time aside). */
const revisionOf = (body: Json): string =>
  createHash('sha1').update(JSON.stringify(body)).digest('base64url')

/**
 * Everything the member has now, with sources and quotas (GET /api/members/{id}/entitlements). The
 * revision lets HTTP callers revalidate (ETag, 304).
 */
export async function memberEntitlements(
  payload: Payload,
  input: MemberInput,
  now = new Date(),
): Promise<Outcome<Json>> {
  const context = await contextFor(payload, input.member, now)
  if (isRefused(context)) return context
  const { view, catalogue } = context
  const { membership, tierPlan, plan } = view
  const benefits = catalogue.benefits
    .filter((benefit) => catalogue.activeBenefitIds.has(benefit.id))
    .map((benefit) =>
      benefitJson(benefitAnswer(view, benefit, catalogue, now, usedNow(payload, context, benefit))),
    )
  const courseAccess = [...(plan?.access ?? new Map<string, ValueSource>())]
    .map(([id, source]) => ({ tier: catalogue.accessTiersById.get(id), source }))
    .filter((entry) => entry.tier !== undefined)
    .sort((a, b) => a.tier!.rank - b.tier!.rank)
    .map(({ tier, source }) => ({
      id: tier!.id,
      rank: tier!.rank,
      name: tier!.name,
      source: sourceJson(source),
    }))
  const pending = membership.pendingChange
  const pendingPlan = pending ? catalogue.latestPlanByTier.get(pending.tierId) : undefined
  const tierRef = (tierId: string | null) => {
    const tier = tierId ? catalogue.latestPlanByTier.get(tierId) : undefined
    return tier ? { id: tier.tierId, slug: tier.slug, name: tier.name } : null
  }
  const trialTier = membership.trial ? tierRef(membership.tierId) : null
  const body: Json = {
    member: memberRef(view),
    tier: tierPlan
      ? {
          id: tierPlan.tierId,
          slug: tierPlan.slug,
          name: tierPlan.name,
          rank: tierPlan.rank,
          kind: tierPlan.kind,
        }
      : null,
    version: plan?.version ?? null,
    heldVersion: plan?.heldVersion ?? null,
    grandfatheredUntil: plan?.heldVersion ? iso(membership.periodEnd) : null,
    status: membership.status,
    period:
      membership.tierId && membership.periodStart && membership.periodEnd
        ? {
            start: iso(membership.periodStart),
            end: iso(membership.periodEnd),
            billingPeriod: membership.billingPeriod,
          }
        : null,
    graceEndsAt: iso(membership.graceEndsAt),
    autoRenew: membership.autoRenew,
    pendingChange:
      pending && pendingPlan
        ? {
            tier: { id: pendingPlan.tierId, slug: pendingPlan.slug, name: pendingPlan.name },
            effectiveAt: iso(pending.effectiveAt),
          }
        : null,
    // A running trial: its end, and the tier the member is back on then (null: the entry tier).
    trial:
      membership.trial && trialTier
        ? {
            tier: trialTier,
            endsAt: iso(membership.trial.endsAt),
            returnsTo: tierRef(membership.trial.after.tierId),
          }
        : null,
    benefits,
    courseAccess,
  }
  return ok({ ...body, evaluatedAt: iso(now) }, revisionOf(body))
}

function courseJson(check: CourseCheck, offer: Json | null): Json {
  return {
    id: check.course,
    allowed: check.allowed,
    reason: check.reason,
    message: reasonMessages[check.reason],
    accessTier: check.accessTier,
    source: sourceJson(check.source),
    upgrade: upgradeJson(check.upgrade),
    offer,
  }
}

function benefitCheckJson(check: BenefitCheck, offer: Json | null): Json {
  return {
    key: check.benefit,
    allowed: check.allowed,
    reason: check.reason,
    message: reasonMessages[check.reason],
    value: check.value ? benefitJson(check.value) : null,
    upgrade: upgradeJson(check.upgrade),
    offer,
  }
}

const findCourse = (courses: CourseIndex, reference: string) =>
  courses.byId.get(reference) ?? courses.bySlug.get(reference)

function runBenefitCheck(payload: Payload, context: Context, key: string, amount: number) {
  const benefit = context.catalogue.benefitsByKey.get(key)
  const used = benefit ? usedNow(payload, context, benefit) : 0
  return checkBenefit(context.view, context.catalogue, key, amount, context.now, used)
}

/**
 * One course and/or one benefit (GET /api/entitlements/check). "No" is an answer (`allowed: false`
 * with the reason and an upgrade); only a course or benefit that does not exist is a refusal, and
 * it still carries the whole answer.
 */
export async function checkEntitlement(
  payload: Payload,
  input: CheckInput,
  now = new Date(),
): Promise<Outcome<Json>> {
  const context = await contextFor(payload, input.member, now)
  if (isRefused(context)) return context
  const course =
    input.course === undefined
      ? null
      : checkCourse(
          context.view,
          context.catalogue,
          input.course,
          findCourse(context.courses, input.course),
        )
  const benefit =
    input.benefit === undefined
      ? null
      : runBenefitCheck(payload, context, input.benefit, input.amount ?? 1)
  const refused = [course, benefit].find((check) => check && !check.allowed) ?? null
  const reason: CheckReason = refused?.reason ?? 'entitled'
  const courseOffered = course ? courseOffer(payload, context, course) : null
  const benefitOffered = benefit ? benefitOffer(payload, context, benefit) : null
  const answer = {
    member: memberRef(context.view),
    course: course ? courseJson(course, courseOffered) : null,
    benefit: benefit ? benefitCheckJson(benefit, benefitOffered) : null,
    upgrade: upgradeJson(refused?.upgrade ?? null),
    offer: refused === null ? null : refused === course ? courseOffered : benefitOffered,
    evaluatedAt: iso(now),
  }
  if (reason === 'course_unknown' || reason === 'benefit_unknown') {
    return refuse(reason, reasonMessages[reason], {
      field: reason === 'course_unknown' ? 'course' : 'benefit',
      details: { allowed: false, ...answer },
    })
  }
  return ok({ allowed: refused === null, reason, message: reasonMessages[reason], ...answer })
}

/** Many courses and benefits for one member in one call (POST /api/entitlements/check-batch). */
export async function checkBatch(
  payload: Payload,
  input: BatchInput,
  now = new Date(),
): Promise<Outcome<Json>> {
  const context = await contextFor(payload, input.member, now)
  if (isRefused(context)) return context
  return ok({
    member: memberRef(context.view),
    courses: input.courses.map((reference) => {
      const check = checkCourse(
        context.view,
        context.catalogue,
        reference,
        findCourse(context.courses, reference),
      )
      return courseJson(check, courseOffer(payload, context, check))
    }),
    benefits: input.benefits.map((key) => {
      const check = runBenefitCheck(payload, context, key, 1)
      return benefitCheckJson(check, benefitOffer(payload, context, check))
    }),
    evaluatedAt: iso(now),
  })
}

export { contextFor, isRefused, type Context }
