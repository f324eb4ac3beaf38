// The renewal lifecycle's messages (docs/messages.md): for every member, what is due now
// (`messagesDue`, docs/rules.md rule 24), the best live offer of the right kind, the channel
// decisions (rule 23), then the one delivery path (deliver.ts), which claims each message once.
//
// Due members are found in the entitlement store's memory (one pass over every member's period
// end, for all offsets at once): on FerretDB only `_id` lookups use an index (docs/database.md),
// so a query on `periodEnd` would read the whole collection on every run.
import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { globalSlugs, slugs } from '../../../collections/slugs'
import type { CompiledOffers } from '../../domain/campaigns/offers'
import { acceptsRedemptions, campaignStatus } from '../../domain/campaigns/status'
import type { CampaignKind } from '../../domain/campaigns/types'
import type { EngineCatalogue, MemberRecord } from '../../domain/entitlements/engine'
import { channelDecisions } from '../../domain/messages/channels'
import { messageContent, type MessageOffer } from '../../domain/messages/content'
import {
  defaultReminderOffsets,
  defaultWinbackDelays,
  announcedKinds,
  launchDue,
  messageKey,
  messagesDue,
  renewedEnd,
  type LaunchingCampaign,
  type LifecycleSettings,
  type MessageIntent,
} from '../../domain/messages/schedule'
import { messageChannels, noContact, type MessageChannel } from '../../domain/messages/types'
import { contextFor, isRefused } from '../entitlements/service'
import {
  catalogueOf,
  ensureStoreLoaded,
  findMember,
  rawCollection,
  storedMembers,
} from '../entitlements/store'
import { liveCampaignUsage } from '../campaigns/memberRedemptions'
import { liveOffersFor } from '../campaigns/offers'
import { deliverMessages, messageIdFor, type DeliveryResult, type Prepared } from './deliver'

export type LifecycleRunOptions = {
  now?: Date
  /** Names this runner in its claims (a process and run by default). */
  runner?: string
  leaseMs?: number
  /** Messages sent at once (they wait on the mail server). */
  concurrency?: number
  /** Messages claimed by one insert and recorded by one write. */
  batchSize?: number
  afterClaim?: (key: string) => void | Promise<void>
  onProgress?: (progress: { done: number; total: number }) => void
}

export type LifecycleRunResult = {
  due: number
  sent: number
  already: number
  busy: number
  skipped: number
  retry: number
  /** Given up after every runner that claimed them crashed (recorded, never retried). */
  abandoned: number
  /** Win-back steps with no live win-back offer for the member: nothing to say. */
  noOffer: number
}

/**
 * Keys known done (sent, skipped, abandoned): a later run skips them without asking the database.
 * Read once per process from the messages of the last 60 days (every due window is shorter), then
 * kept up by this process's runs; a key another process finishes meanwhile is found by its claim.
 */
const done = ((
  globalThis as { __messageKeysDone?: { keys: Set<string>; loaded: boolean } }
).__messageKeysDone ??= { keys: new Set<string>(), loaded: false })
const doneKeys = done.keys
const doneLookback = 60 * 86_400_000

/**
 * One read of the recent messages' keys instead of a lookup per due message: on FerretDB every
 * lookup by `_id` reads the collection (docs/database.md), so a fresh process's first run over
 * 10,000 messages already sent would take minutes.
 */
async function loadDoneKeys(payload: Payload, now: Date): Promise<void> {
  if (done.loaded) return
  const since = new Date(now.getTime() - doneLookback)
  const cursor = rawCollection(payload, slugs.memberMessages).find(
    { createdAt: { $gte: since }, state: { $in: ['sent', 'skipped', 'abandoned'] } },
    { projection: { key: 1 } },
  )
  for await (const doc of cursor) if (typeof doc.key === 'string') doneKeys.add(doc.key)
  done.loaded = true
}

type SettingsDoc = {
  reminderOffsets?: unknown
  winbackDelays?: unknown
  messageChannels?: unknown
  autoRenewNotice?: unknown
  renewalLink?: unknown
}

const numbers = (value: unknown, fallback: readonly number[]): number[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === 'number')
    ? (value as number[])
    : [...fallback]

export async function lifecycleSettings(
  payload: Payload,
  catalogue: EngineCatalogue,
): Promise<LifecycleSettings & { link: string | null }> {
  const doc = (await payload.findGlobal({
    slug: globalSlugs.membershipSettings,
    depth: 0,
    overrideAccess: true,
  })) as SettingsDoc
  const channels = Array.isArray(doc.messageChannels)
    ? (doc.messageChannels as string[]).filter((channel): channel is MessageChannel =>
        (messageChannels as readonly string[]).includes(channel),
      )
    : ['email' as const, 'in-app' as const]
  return {
    reminderOffsets: numbers(doc.reminderOffsets, defaultReminderOffsets),
    winbackDelays: numbers(doc.winbackDelays, defaultWinbackDelays),
    channels,
    autoRenewNotice: doc.autoRenewNotice !== false,
    timeZone: catalogue.settings.timeZone,
    graceDays: catalogue.settings.graceDays,
    link: typeof doc.renewalLink === 'string' && doc.renewalLink ? doc.renewalLink : null,
  }
}

/** A campaign whose launch is announced, on its own channels (docs/messages.md). */
type Launch = LaunchingCampaign

const consents = (member: MemberRecord, channels: readonly MessageChannel[]): boolean => {
  const { consent } = member.contact ?? noContact
  return channels.some((channel) =>
    channel === 'email' ? consent.email : channel === 'in-app' ? consent.inApp : consent.sms,
  )
}

/** Live upgrade and trial campaigns with channels, started within the launch window. */
function launching(payload: Payload, campaigns: CompiledOffers['campaigns'], now: Date): Launch[] {
  return campaigns
    .map(({ definition }) => definition)
    .filter(
      (definition) =>
        announcedKinds.has(definition.kind) &&
        definition.channels.length > 0 &&
        acceptsRedemptions(
          campaignStatus(definition, now, liveCampaignUsage(payload, definition.id)),
        ),
    )
    .map((definition) => ({
      id: definition.id,
      kind: definition.kind,
      startsAt: definition.schedule.startsAt,
      endsAt: definition.schedule.endsAt,
      channels: definition.channels,
    }))
}

/** Which campaigns' offers a message carries. */
const offerKind: Partial<Record<MessageIntent['kind'], CampaignKind>> = {
  renewal_reminder: 'renewal',
  grace_ending: 'renewal',
  expired: 'winback',
  winback: 'winback',
  retention: 'retention',
}

/** The member's best live offer for the message, in their language. */
async function bestOffer(
  payload: Payload,
  member: MemberRecord,
  intent: MessageIntent,
  now: Date,
  language: 'zh' | 'en',
  campaign?: Launch,
): Promise<MessageOffer | null> {
  const kind = campaign ? (campaign.kind as CampaignKind) : offerKind[intent.kind]
  if (!kind) return null
  const context = await contextFor(payload, member.id, now)
  if (isRefused(context)) return null
  const live = liveOffersFor(payload, context, { kind })
  // A launch carries its own campaign's offer (the member's best price in it), no other.
  const best = campaign
    ? live.find((offer) => offer.campaign.definition.id === campaign.id)
    : live[0]
  if (!best) return null
  const { definition } = best.campaign
  const { timeZone } = context.catalogue.settings
  const period = best.price.period
  const bonusDays = Number.isFinite(best.quote.bonusDays) ? best.quote.bonusDays : 0
  const copy = definition.copy[language]
  return {
    campaignId: definition.id,
    campaignSlug: definition.slug,
    campaignName: definition.name[language] || definition.name.zh,
    headline: copy.headline,
    body: copy.body,
    callToAction: copy.callToAction,
    price: best.quote.price,
    sellingPrice: best.price.sellingPrice,
    currency: context.catalogue.settings.currency,
    billingPeriod: period,
    bonusDays,
    newPeriodEnd:
      (kind === 'renewal' || kind === 'retention') && member.membership.periodEnd
        ? renewedEnd(member.membership.periodEnd, period, bonusDays, timeZone)
        : null,
    endsAt: best.quote.endsAt,
  }
}

/** One message ready to send; null for a win-back step without a live win-back offer. */
async function prepare(
  payload: Payload,
  catalogue: EngineCatalogue,
  settings: LifecycleSettings & { link: string | null },
  member: MemberRecord,
  intent: MessageIntent,
  now: Date,
  launch?: Launch,
): Promise<Prepared | null> {
  const contact = member.contact ?? noContact
  const language = contact.language
  const offer = await bestOffer(payload, member, intent, now, language, launch)
  // A win-back step or a launch says nothing without its offer.
  if ((intent.kind === 'winback' || launch) && !offer) return null
  const tier = member.membership.tierId
    ? catalogue.latestPlanByTier.get(member.membership.tierId)
    : undefined
  const facts = {
    displayName: member.displayName ?? null,
    tierName: tier ? tier.name[language] || tier.name.zh : null,
    timeZone: settings.timeZone,
    link: settings.link,
  }
  return {
    intent,
    language,
    email: contact.email,
    decisions: channelDecisions(
      intent.kind,
      contact,
      launch ? launch.channels : settings.channels,
      offer !== null,
    ),
    content: (withOffer) => messageContent(intent, language, facts, offer, withOffer),
    offer,
  }
}

/**
 * The answer to a member who says they will not renew (POST /api/members/{id}/cancel-intent): one
 * `retention` message per member and period end, whoever asks how often. Transactional, so it goes
 * on the configured channels without marketing consent; the best live retention offer inside it
 * only where the member consented (docs/rules.md rule 23). Null for an unknown member.
 */
export async function sendRetentionAnswer(
  payload: Payload,
  memberId: string,
  periodEnd: Date,
  now = new Date(),
): Promise<DeliveryResult | null> {
  await ensureStoreLoaded(payload)
  const member = findMember(payload, memberId)
  if (!member) return null
  const { catalogue } = await catalogueOf(payload)
  const settings = await lifecycleSettings(payload, catalogue)
  const intent: MessageIntent = {
    kind: 'retention',
    key: messageKey('retention', member.id, periodEnd, null),
    memberId: member.id,
    periodEnd,
    step: null,
    dueAt: now,
    until: null,
  }
  const prepared = await prepare(payload, catalogue, settings, member, intent, now)
  if (!prepared) return null
  const [outcome] = await deliverMessages(payload, [prepared], {
    now,
    runner: `retention:${randomUUID()}`,
  })
  return outcome ?? null
}

/**
 * Sends every message due at `now`, each at most once per key however many runners run at once.
 * Safe to run again at any time: what was sent is not sent again.
 */
export async function sendLifecycleMessages(
  payload: Payload,
  options: LifecycleRunOptions = {},
): Promise<LifecycleRunResult> {
  const now = options.now ?? new Date()
  const runner = options.runner ?? `run:${randomUUID()}`
  await ensureStoreLoaded(payload)
  await loadDoneKeys(payload, now)
  const { catalogue, offers } = await catalogueOf(payload)
  const settings = await lifecycleSettings(payload, catalogue)
  const launches = launching(payload, offers.campaigns, now)
  const due: { member: MemberRecord; intent: MessageIntent; launch?: Launch }[] = []
  for (const member of storedMembers(payload)) {
    // A launch goes to members who agreed to hear of offers on one of its channels and who may
    // take it now (a marketing message: nobody else is written to).
    for (const launch of launches) {
      if (!consents(member, launch.channels)) continue
      const intent = launchDue(member.id, launch, true, now)
      if (intent && !doneKeys.has(intent.key)) due.push({ member, intent, launch })
    }
    for (const intent of messagesDue(
      member.id,
      member.membership,
      settings,
      now,
      catalogue.entryTierId,
    )) {
      if (!doneKeys.has(intent.key)) due.push({ member, intent })
    }
  }
  const result: LifecycleRunResult = {
    due: due.length,
    sent: 0,
    already: 0,
    busy: 0,
    skipped: 0,
    retry: 0,
    abandoned: 0,
    noOffer: 0,
  }
  let done = 0
  // In batches: one claim insert and one recording write per batch (docs/messages.md).
  const batchSize = options.batchSize ?? 50
  for (let from = 0; from < due.length; from += batchSize) {
    const slice = due.slice(from, from + batchSize)
    const batch: Prepared[] = []
    for (const { member, intent, launch } of slice) {
      const prepared = await prepare(payload, catalogue, settings, member, intent, now, launch)
      if (prepared) batch.push(prepared)
      else result.noOffer += 1
    }
    const outcomes = await deliverMessages(payload, batch, {
      now,
      runner,
      leaseMs: options.leaseMs,
      afterClaim: options.afterClaim,
      concurrency: options.concurrency,
      // Renewed (or otherwise moved) since the run began: the message is not sent.
      stillDue: (prepared) =>
        prepared.intent.kind === 'campaign_launch' ||
        findMember(payload, prepared.intent.memberId)?.membership.periodEnd?.getTime() ===
          prepared.intent.periodEnd.getTime(),
    })
    for (const [index, outcome] of outcomes.entries()) {
      result[outcome] += 1
      if (outcome !== 'busy' && outcome !== 'retry') {
        doneKeys.add(batch[index]!.intent.key)
      }
    }
    done += slice.length
    options.onProgress?.({ done, total: due.length })
  }
  return result
}

/** Forget which keys this process saw done (tests that reset the database behind it). */
export const forgetDoneMessages = (): void => {
  doneKeys.clear()
  done.loaded = false
}

export { messageIdFor }
