// The entitlement store: what the hot path reads, held in memory and kept current by the hooks
// that change it (write-through). Members, their grants and quota use are refreshed the moment
// they change, so the very next check sees the change; the catalogue is rebuilt lazily after any
// catalogue change. It lives on globalThis, keyed by database, so every copy of this module in the
// process (Next's bundle and the custom server) shares one store.
//
// Why memory: on the embedded FerretDB a lookup by any field but _id scans the collection (about
// one lookup per second with 100k members), and even _id lookups run at a few hundred per second.
// The price: a process only sees changes made through itself, so run one app process per
// database (docs/database.md).
import { ObjectId, type Collection } from 'mongodb'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { slugs, globalSlugs } from '../../../collections/slugs'
import {
  courseRefFromDoc,
  docId,
  grantFromDoc,
  ledgerIdsOf,
  memberRecordFromDoc,
  planVersionFromDoc,
  refId,
} from '../../adapters/entitlements'
import { campaignFromDoc } from '../../adapters/campaigns'
import { compileOffers, type CompiledOffers } from '../../domain/campaigns/offers'
import type { RedemptionGist } from '../../domain/campaigns/preview'
import type { CampaignKind, CampaignRedemption, CampaignUsage } from '../../domain/campaigns/types'
import type { BenefitDefinition, BillingPeriod } from '../../domain/catalogue/types'
import {
  planKey,
  type CourseRef,
  type EngineCatalogue,
  type MemberRecord,
  type PlanCache,
} from '../../domain/entitlements/engine'
import type { Grant, PlanVersion } from '../../domain/entitlements/plans'
import { loadCatalogue } from '../loadCatalogue'
import { backfillTierVersions } from './tierVersions'

type UsageHead = { sequence: number; used: number }

type StoreState = {
  members: Map<string, MemberRecord>
  idByExternalId: Map<string, string>
  /** `<member>:<benefit>:<window start ISO>` → the last usage row written in that window. */
  usage: Map<string, UsageHead>
  loaded: Promise<void> | null
  /** Members changed while the initial load ran: refreshed once it finishes. */
  changedDuringLoad: Set<string>
  catalogue: Promise<StoreCatalogue> | null
  generation: number
  planCache: PlanCache
  /** Tiers published before versions existed get one, once per process. */
  backfilled: boolean
  /** Campaign redemptions (by order id, so a redemption counts once), by member and by campaign. */
  redemptionIds: Set<string>
  /** Ledger event ids (order ids) → member, from each member's `ledger`: repeats are found here. */
  eventMembers: Map<string, string>
  redemptionsByMember: Map<string, CampaignRedemption[]>
  usageByCampaign: Map<string, CampaignUsage>
  /** The referral programme: each member's code and referrer, who each referrer referred, rewards. */
  referrals: Map<string, MemberReferral>
  referredByReferrer: Map<string, Set<string>>
  rewardsByReferrer: Map<string, Map<string, number>>
  /** What each redemption paid and bought, by campaign: the campaign's stats read these. */
  gistsByCampaign: Map<string, RedemptionGist[]>
  /** Members whose ledger is ahead of their webhook marker (docs/webhooks.md): the sweep's work. */
  webhookBacklog: Set<string>
  /** While a jobs worker reads a fresh store (`storeForJob`): members this process changed meanwhile. */
  reloading: Set<string> | null
}

/** A member's place in the referral programme (the member document's referral fields). */
export type MemberReferral = {
  code: string | null
  referredBy: string | null
  firstPaidOrder: string | null
}

/** One campaign redemption as the store keeps it (the `campaign-redemptions` document's gist). */
export type StoredRedemption = {
  orderId: string
  memberId: string
  campaignId: string
  kind: CampaignKind
  at: Date
  /** 分 of discount given. */
  discount: number
  /** A referral reward: `memberId` is the referrer, rewarded for this member's first paid order. */
  referredMemberId?: string | null
  /** 分 paid, and what was bought (the campaign's stats). */
  amountPaid: number
  tierId: string | null
  billingPeriod: BillingPeriod | null
}

export type CourseIndex = { byId: Map<string, CourseRef>; bySlug: Map<string, CourseRef> }

/** The catalogue, the course index and the published campaigns compiled against both. */
export type StoreCatalogue = {
  catalogue: EngineCatalogue
  courses: CourseIndex
  offers: CompiledOffers
}

const registry = ((
  globalThis as { __entitlementStores?: Map<string, StoreState> }
).__entitlementStores ??= new Map<string, StoreState>())

const storeKey = (payload: Payload): string =>
  String((payload.db as { url?: unknown }).url ?? 'default')

function stateOf(payload: Payload): StoreState {
  const key = storeKey(payload)
  let state = registry.get(key)
  if (!state) {
    state = emptyState()
    registry.set(key, state)
  }
  return state
}

function emptyState(): StoreState {
  return {
    members: new Map(),
    idByExternalId: new Map(),
    usage: new Map(),
    loaded: null,
    changedDuringLoad: new Set(),
    catalogue: null,
    generation: 0,
    planCache: new Map(),
    backfilled: false,
    redemptionIds: new Set(),
    eventMembers: new Map(),
    redemptionsByMember: new Map(),
    usageByCampaign: new Map(),
    referrals: new Map(),
    referredByReferrer: new Map(),
    rewardsByReferrer: new Map(),
    gistsByCampaign: new Map(),
    webhookBacklog: new Set(),
    reloading: null,
  }
}

/** The raw MongoDB collection behind a Payload collection (for bulk reads and keyed inserts). */
export function rawCollection(payload: Payload, slug: string) {
  const model = (
    payload.db as unknown as {
      collections: Record<string, { collection: Collection }>
    }
  ).collections[slug]
  if (!model) throw new Error(`unknown collection ${slug}`)
  return model.collection
}

async function loadGrants(
  payload: Payload,
  benefits: ReadonlyMap<string, BenefitDefinition>,
  filter: Record<string, unknown>,
): Promise<Map<string, Grant[]>> {
  const byMember = new Map<string, Grant[]>()
  const docs = await rawCollection(payload, slugs.entitlementGrants).find(filter).toArray()
  for (const doc of docs) {
    const memberId = refId(doc.member)
    const benefitId = refId(doc.benefit)
    if (!memberId || !benefitId) continue
    const grant = grantFromDoc(doc, benefits.get(benefitId)?.shape.kind)
    byMember.set(memberId, [...(byMember.get(memberId) ?? []), grant])
  }
  return byMember
}

async function loadEverything(payload: Payload, state: StoreState): Promise<void> {
  const { catalogue } = await catalogueOf(payload)
  const now = new Date()
  const grants = await loadGrants(payload, catalogue.benefitsById, { endsAt: { $gt: now } })
  const cursor = rawCollection(payload, slugs.members).find({}, { projection: { updatedAt: 0 } })
  for await (const doc of cursor) {
    const record = memberRecordFromDoc(doc, grants.get(docId(doc)) ?? [])
    state.members.set(record.id, record)
    state.idByExternalId.set(record.externalId, record.id)
    noteReferral(state, record.id, doc)
    noteLedger(state, record.id, doc)
  }
  const usage = rawCollection(payload, slugs.benefitUsage).find(
    { windowEnd: { $gt: now } },
    { projection: { _id: 1, sequence: 1, usedAfter: 1 } },
  )
  const redemptions = rawCollection(payload, slugs.campaignRedemptions).find(
    {},
    {
      projection: {
        _id: 1,
        campaign: 1,
        member: 1,
        kind: 1,
        redeemedAt: 1,
        discount: 1,
        referredMember: 1,
        amountPaid: 1,
        tier: 1,
        billingPeriod: 1,
      },
    },
  )
  for await (const doc of redemptions) {
    const memberId = refId(doc.member)
    const campaignId = refId(doc.campaign)
    if (!memberId || !campaignId) continue
    addRedemption(state, {
      orderId: String(doc._id),
      memberId,
      campaignId,
      kind: doc.kind as CampaignKind,
      at: new Date(doc.redeemedAt as string | Date),
      discount: Number(doc.discount ?? 0),
      referredMemberId: refId(doc.referredMember),
      amountPaid: Number(doc.amountPaid ?? 0),
      tierId: refId(doc.tier),
      billingPeriod: (doc.billingPeriod as BillingPeriod | undefined) ?? null,
    })
  }
  for await (const row of usage) {
    const id = String(row._id)
    const key = id.slice(0, id.lastIndexOf(':'))
    const head = state.usage.get(key)
    if (!head || head.sequence < row.sequence) {
      state.usage.set(key, { sequence: Number(row.sequence), used: Number(row.usedAfter) })
    }
  }
}

/** Loads the store once per process; later calls return at once. */
export async function ensureStoreLoaded(payload: Payload): Promise<void> {
  const state = stateOf(payload)
  state.loaded ??= (async () => {
    try {
      await loadEverything(payload, state)
      for (const id of state.changedDuringLoad) await refreshMember(payload, id)
      state.changedDuringLoad.clear()
    } catch (error) {
      state.loaded = null
      throw error
    }
  })()
  await state.loaded
}

/** Re-reads one member and their grants after any change (ledger, grant, profile). */
export async function refreshMember(payload: Payload, memberId: string): Promise<void> {
  const state = stateOf(payload)
  if (!state.loaded) return
  state.reloading?.add(memberId)
  await refreshMemberIn(payload, state, memberId)
}

async function refreshMemberIn(
  payload: Payload,
  state: StoreState,
  memberId: string,
): Promise<void> {
  const { catalogue } = await catalogueOf(payload)
  if (!ObjectId.isValid(memberId)) return
  const _id = new ObjectId(memberId)
  const [doc, grants] = await Promise.all([
    rawCollection(payload, slugs.members).findOne({ _id }),
    loadGrants(payload, catalogue.benefitsById, { member: _id }),
  ])
  const previous = state.members.get(memberId)
  if (previous) state.idByExternalId.delete(previous.externalId)
  if (!doc) {
    state.members.delete(memberId)
    noteReferral(state, memberId, null)
    return
  }
  const record = memberRecordFromDoc(doc, grants.get(memberId) ?? [])
  state.members.set(memberId, record)
  state.idByExternalId.set(record.externalId, memberId)
  noteReferral(state, memberId, doc)
  noteLedger(state, memberId, doc)
}

function noteLedger(state: StoreState, memberId: string, doc: Record<string, unknown>) {
  const ids = ledgerIdsOf(doc)
  for (const id of ids) state.eventMembers.set(id, memberId)
  // Members from before webhooks (no marker) have nothing owed.
  const through = doc.webhooksThrough
  if (typeof through === 'number' && ids.length > through) state.webhookBacklog.add(memberId)
  else state.webhookBacklog.delete(memberId)
}

/** Members whose ledger events still need their webhook events recorded (docs/webhooks.md). */
export const webhookBacklog = (payload: Payload): string[] => [...stateOf(payload).webhookBacklog]

/** The member's webhook marker reached `through` ledger ids. */
export function webhooksRecorded(payload: Payload, memberId: string, _through: number): void {
  stateOf(payload).webhookBacklog.delete(memberId)
}

/**
 * Whether this process has seen a ledger event with this id (an order id). On FerretDB a lookup
 * of a string `_id` reads the whole ledger (docs/database.md), so a new order asks here first; an
 * event recorded meanwhile by another process still meets the unique id when it is written.
 */
export const knownEvent = (payload: Payload, eventId: string): boolean =>
  stateOf(payload).eventMembers.has(eventId)

/** Notes a ledger event this process has just written. */
export function rememberEvent(payload: Payload, eventId: string, memberId: string): void {
  stateOf(payload).eventMembers.set(eventId, memberId)
}

/** Keeps the referral indexes in step with a member document (null: the member is gone). */
function noteReferral(state: StoreState, memberId: string, doc: Record<string, unknown> | null) {
  const previous = state.referrals.get(memberId)
  if (previous?.referredBy) state.referredByReferrer.get(previous.referredBy)?.delete(memberId)
  if (!doc) {
    state.referrals.delete(memberId)
    return
  }
  const referral: MemberReferral = {
    code: typeof doc.referralCode === 'string' ? doc.referralCode : null,
    referredBy: refId(doc.referredBy),
    firstPaidOrder: typeof doc.firstPaidOrder === 'string' ? doc.firstPaidOrder : null,
  }
  state.referrals.set(memberId, referral)
  if (referral.referredBy) {
    const referred = state.referredByReferrer.get(referral.referredBy) ?? new Set<string>()
    referred.add(memberId)
    state.referredByReferrer.set(referral.referredBy, referred)
  }
}

/** Hooks call this for any member change; while the first load runs it is queued. */
export async function memberChanged(payload: Payload, memberId: string): Promise<void> {
  const state = stateOf(payload)
  if (!state.loaded) return
  state.changedDuringLoad.add(memberId)
  await state.loaded.catch(() => undefined)
  state.changedDuringLoad.delete(memberId)
  await refreshMember(payload, memberId)
}

/** Any catalogue change (tiers, versions, benefits, access tiers, courses, settings, campaigns). */
export function catalogueChanged(payload: Payload): void {
  const state = stateOf(payload)
  state.catalogue = null
  state.generation += 1
}

async function buildCatalogue(payload: Payload, state: StoreState): Promise<StoreCatalogue> {
  const generation = state.generation
  const req: PayloadRequest = await createLocalReq({}, payload)
  if (!state.backfilled) {
    await backfillTierVersions(req)
    state.backfilled = true
  }
  const [snapshot, versionDocs, courseDocs, settings, archived, campaignDocs] = await Promise.all([
    loadCatalogue(req),
    payload.find({
      collection: slugs.tierVersions,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
    rawCollection(payload, slugs.courses)
      .find({}, { projection: { slug: 1, status: 1, accessTier: 1 } })
      .toArray(),
    payload.findGlobal({ slug: globalSlugs.membershipSettings, depth: 0, overrideAccess: true }),
    rawCollection(payload, slugs.tiers)
      .find({ status: 'archived' }, { projection: { successorTier: 1 } })
      .toArray(),
    // Both languages of the copy; drafts never give an offer.
    payload.find({
      collection: slugs.campaigns,
      where: { _status: { equals: 'published' } },
      locale: 'all',
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
  ])
  const successorOf = new Map<string, string>()
  for (const doc of archived) {
    const successor = refId(doc.successorTier)
    if (successor) successorOf.set(docId(doc), successor)
  }
  const plansByKey = new Map<string, PlanVersion>()
  const latestPlanByTier = new Map<string, PlanVersion>()
  for (const doc of versionDocs.docs) {
    const plan = planVersionFromDoc(doc)
    plansByKey.set(planKey(plan.tierId, plan.version), plan)
    const latest = latestPlanByTier.get(plan.tierId)
    if (!latest || latest.version < plan.version) latestPlanByTier.set(plan.tierId, plan)
  }
  const courses: CourseIndex = { byId: new Map(), bySlug: new Map() }
  for (const doc of courseDocs) {
    const course = courseRefFromDoc(doc)
    courses.byId.set(course.id, course)
    if (course.slug) courses.bySlug.set(course.slug, course)
  }
  const settingsDoc = settings as {
    timeZone?: string
    currency?: string
    graceDays?: number
    quoteValidMinutes?: number
  }
  const entry = snapshot.tiers.find((tier) => tier.kind === 'entry')
  const catalogue: EngineCatalogue = {
    benefits: snapshot.benefits,
    benefitsById: snapshot.benefitsById,
    benefitsByKey: new Map(snapshot.benefits.map((benefit) => [benefit.key, benefit])),
    activeBenefitIds: snapshot.activeBenefitIds,
    accessTiersById: snapshot.accessTiersById,
    plansByKey,
    latestPlanByTier,
    liveTierIds: new Set(snapshot.tiers.map((tier) => tier.id)),
    successorOf,
    entryTierId: entry?.id ?? null,
    settings: {
      timeZone: settingsDoc.timeZone || 'Asia/Shanghai',
      currency: settingsDoc.currency || 'CNY',
      graceDays: typeof settingsDoc.graceDays === 'number' ? settingsDoc.graceDays : 7,
      quoteValidMinutes:
        typeof settingsDoc.quoteValidMinutes === 'number' ? settingsDoc.quoteValidMinutes : 15,
    },
    generation,
  }
  const benefitKeyOf = (id: string) => snapshot.benefitsById.get(id)?.key
  const campaigns = campaignDocs.docs.map((doc) => campaignFromDoc(doc, { benefitKeyOf }))
  return { courses, catalogue, offers: compileOffers(campaigns, catalogue, new Date()) }
}

export async function catalogueOf(payload: Payload): Promise<StoreCatalogue> {
  const state = stateOf(payload)
  if (!state.catalogue) {
    const building = buildCatalogue(payload, state)
    state.catalogue = building
    building.catch(() => {
      if (state.catalogue === building) state.catalogue = null
    })
  }
  return state.catalogue
}

/** A member by Payload id or by the platform's external id. */
export function findMember(payload: Payload, reference: string): MemberRecord | undefined {
  const state = stateOf(payload)
  return (
    state.members.get(reference) ??
    state.members.get(state.idByExternalId.get(reference) ?? '\u0000')
  )
}

export const planCacheOf = (payload: Payload): PlanCache => stateOf(payload).planCache

export const usageHead = (payload: Payload, key: string): UsageHead | undefined =>
  stateOf(payload).usage.get(key)

export function rememberUsage(payload: Payload, key: string, head: UsageHead): void {
  const usage = stateOf(payload).usage
  const known = usage.get(key)
  if (!known || known.sequence < head.sequence) usage.set(key, head)
}

function addRedemption(state: StoreState, redemption: StoredRedemption): void {
  if (state.redemptionIds.has(redemption.orderId)) return
  state.redemptionIds.add(redemption.orderId)
  const { memberId, campaignId, kind, at, discount, amountPaid, tierId, billingPeriod } = redemption
  if (redemption.referredMemberId) {
    // A reward is not the referrer taking an offer: it counts in the budget and the cap only.
    const rewards = state.rewardsByReferrer.get(memberId) ?? new Map<string, number>()
    rewards.set(campaignId, (rewards.get(campaignId) ?? 0) + 1)
    state.rewardsByReferrer.set(memberId, rewards)
  } else {
    state.redemptionsByMember.set(memberId, [
      ...(state.redemptionsByMember.get(memberId) ?? []),
      { campaignId, kind, at },
    ])
  }
  const used = state.usageByCampaign.get(campaignId) ?? { redemptions: 0, discountGiven: 0 }
  state.usageByCampaign.set(campaignId, {
    redemptions: used.redemptions + 1,
    discountGiven: used.discountGiven + discount,
  })
  const gists = state.gistsByCampaign.get(campaignId)
  const gist = { tierId, billingPeriod, amountPaid, discount }
  if (gists) gists.push(gist)
  else state.gistsByCampaign.set(campaignId, [gist])
}

/** A redemption just written: offers and eligibility follow it at once (counted once per order). */
export function rememberRedemption(payload: Payload, redemption: StoredRedemption): void {
  addRedemption(stateOf(payload), redemption)
}

const noRedemptions: readonly CampaignRedemption[] = []

/** The member's campaign redemptions, from memory. */
export const storedRedemptions = (
  payload: Payload,
  memberId: string,
): readonly CampaignRedemption[] =>
  stateOf(payload).redemptionsByMember.get(memberId) ?? noRedemptions

/** A campaign's budget use, from memory. */
export const storedCampaignUsage = (payload: Payload, campaignId: string): CampaignUsage =>
  stateOf(payload).usageByCampaign.get(campaignId) ?? { redemptions: 0, discountGiven: 0 }

const noReferral: MemberReferral = { code: null, referredBy: null, firstPaidOrder: null }

/** The member's referral code, referrer and first paid order, from memory. */
export const storedReferral = (payload: Payload, memberId: string): MemberReferral =>
  stateOf(payload).referrals.get(memberId) ?? noReferral

/** How many members the referrer referred, from memory. */
export const storedReferredCount = (payload: Payload, referrerId: string): number =>
  stateOf(payload).referredByReferrer.get(referrerId)?.size ?? 0

const noRewards: ReadonlyMap<string, number> = new Map()

/** The referrer's rewards by campaign id, from memory. */
export const storedRewards = (payload: Payload, referrerId: string): ReadonlyMap<string, number> =>
  stateOf(payload).rewardsByReferrer.get(referrerId) ?? noRewards
const noGists: readonly RedemptionGist[] = []

/** What a campaign's redemptions paid and bought, from memory (its stats). */
export const storedRedemptionGists = (
  payload: Payload,
  campaignId: string,
): readonly RedemptionGist[] => stateOf(payload).gistsByCampaign.get(campaignId) ?? noGists

/** Every member in the store (benchmarks and impact previews iterate them). */
export const storedMembers = (payload: Payload): IterableIterator<MemberRecord> =>
  stateOf(payload).members.values()

/** Whether this process is Payload's separate jobs worker (`payload jobs:run`, README). */
export const inJobsWorker = (): boolean => process.argv.includes('jobs:run')

const jobReloads = ((
  globalThis as { __storeJobReloads?: Map<string, { startedAt: number; done: Promise<void> }> }
).__storeJobReloads ??= new Map())

/** Tasks starting within this long of a fresh read share it (the tasks of one minute's run). */
const jobReloadShareMs = 30_000

/**
 * Readies the store for a job run. In the app process every write passes through the store, so
 * this is `ensureStoreLoaded`. A separate jobs worker sees none of the app's writes (orders,
 * renewals, grants, campaign edits): there each run reads members, grants, quota use, redemptions
 * and the catalogue afresh, into a new store that replaces the old one only once complete (a run
 * still going keeps reading whole members). One read serves the tasks that start within 30 s of it.
 * Docs: docs/database.md (one app process per database; the worker).
 */
export async function storeForJob(
  payload: Payload,
  options: { worker?: boolean } = {},
): Promise<void> {
  if (!(options.worker ?? inJobsWorker())) return ensureStoreLoaded(payload)
  const key = storeKey(payload)
  const last = jobReloads.get(key)
  if (last && Date.now() - last.startedAt < jobReloadShareMs) return last.done
  const done = reloadStore(payload)
  jobReloads.set(key, { startedAt: Date.now(), done })
  done.catch(() => {
    if (jobReloads.get(key)?.done === done) jobReloads.delete(key)
  })
  return done
}

async function reloadStore(payload: Payload): Promise<void> {
  const current = stateOf(payload)
  if (!current.loaded) return ensureStoreLoaded(payload)
  await current.loaded
  const started = Date.now()
  // The catalogue is read afresh too (campaigns and settings edited in the app process).
  catalogueChanged(payload)
  const fresh = emptyState()
  fresh.generation = current.generation
  fresh.backfilled = current.backfilled
  current.reloading = new Set()
  try {
    fresh.catalogue = catalogueOf(payload)
    await loadEverything(payload, fresh)
    // Members this process changed while the read ran may have been read before the change.
    for (const id of current.reloading) await refreshMemberIn(payload, fresh, id)
  } finally {
    current.reloading = null
  }
  fresh.loaded = Promise.resolve()
  const key = storeKey(payload)
  if (registry.get(key) === current) registry.set(key, fresh)
  payload.logger.info(
    { members: fresh.members.size, ms: Date.now() - started },
    'jobs worker: store read afresh',
  )
}

/** Forget everything (tests that drop collections behind Payload's back). */
export function resetStore(payload: Payload): void {
  registry.delete(storeKey(payload))
}
