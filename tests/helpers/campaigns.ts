// Campaigns for tests on the catalogue fixture: a valid upgrade (silver → gold, 20 % off) whose
// parts a test overrides, saved as a draft in zh and en, then published through REST.
import { ObjectId } from 'mongodb'
import type { Payload } from 'payload'

import { slugs } from '../../collections/slugs'
import { rawCollection } from '../../src/operations/entitlements/store'
import { rest, type Credentials } from './api'
import type { Fixture } from './catalogue'

type Doc = Record<string, unknown>

const hour = 3_600_000
const day = 24 * hour

/** An instant `offset` ms from now, on a whole minute. */
export const fromNow = (offset: number): string =>
  new Date(Math.floor((Date.now() + offset) / 60_000) * 60_000).toISOString()

export const times = { hour, day }

/** The zh fields of a valid campaign; `schedule` starts in a day and lasts ten. */
export function upgradeCampaign(fixture: Fixture, slug: string): Doc {
  return {
    slug: `${slug}-${fixture.suffix}`,
    name: `升级黄金 ${slug}`,
    kind: 'upgrade',
    schedule: {
      timeZone: 'Asia/Shanghai',
      startsAt: fromNow(day),
      endsAt: fromNow(11 * day),
    },
    terms: {
      audience: { tiers: [fixture.tiers.silver] },
      target: { tier: fixture.tiers.gold },
      offer: { discount: { kind: 'percent_off', percent: 20 }, bonusDays: 0 },
      budget: { totalRedemptions: 100, perMember: 1, maxDiscount: 5000 },
      priority: 0,
    },
    channels: ['email', 'in-app'],
    copy: { headline: '升级黄金立减', body: '限时优惠', callToAction: '立即升级' },
  }
}

export const englishCopy = (slug: string): Doc => ({
  name: `Gold upgrade ${slug}`,
  copy: {
    headline: 'Upgrade to Gold for less',
    body: 'For a limited time',
    callToAction: 'Upgrade',
  },
})

/** Deep merge for test data: objects merge, anything else (arrays included) is replaced. */
export function withChanges(base: Doc, changes: Doc): Doc {
  const merged: Doc = { ...base }
  for (const [key, value] of Object.entries(changes)) {
    const before = merged[key]
    merged[key] =
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      before &&
      typeof before === 'object'
        ? withChanges(before as Doc, value as Doc)
        : value
  }
  return merged
}

export function campaignFactory(payload: Payload, fixture: Fixture) {
  const ids: string[] = []
  return {
    /** A draft with both languages (drafts are not checked); returns its id. */
    async draft(slug: string, changes: Doc = {}): Promise<string> {
      const data = withChanges(upgradeCampaign(fixture, slug), changes)
      const doc = await payload.create({
        collection: slugs.campaigns,
        locale: 'zh',
        draft: true,
        data: { ...data, _status: 'draft' } as never,
      })
      ids.push(String(doc.id))
      await payload.update({
        collection: slugs.campaigns,
        id: doc.id,
        locale: 'en',
        draft: true,
        data: { ...englishCopy(slug), _status: 'draft' } as never,
      })
      return String(doc.id)
    },
    /** Publishes (or re-publishes with `changes`) through REST as `as`. */
    publish(id: string, as: Credentials, changes: Doc = {}, headers: Record<string, string> = {}) {
      return rest('PATCH', `/${slugs.campaigns}/${id}?locale=zh`, {
        as,
        json: { ...changes, _status: 'published' },
        headers,
      })
    },
    /** A published campaign (through the Local API, so through the same hooks). */
    async published(slug: string, changes: Doc = {}): Promise<string> {
      const id = await this.draft(slug, changes)
      await payload.update({
        collection: slugs.campaigns,
        id,
        locale: 'zh',
        data: { _status: 'published' } as never,
      })
      return id
    },
    track(id: string) {
      ids.push(id)
    },
    /**
     * Removes the campaigns, with their redemptions and claims first: a redeemed campaign cannot be
     * deleted, and a campaign left behind keeps its target tier from being deleted by the
     * catalogue fixture's cleanup (every later fixture would then meet a second ladder).
     */
    async cleanup(): Promise<void> {
      if (!ids.length) return
      const campaign = { $in: [...ids, ...ids.map((id) => new ObjectId(id))] }
      await rawCollection(payload, slugs.campaignRedemptions).deleteMany({ campaign } as never)
      await rawCollection(payload, slugs.campaignClaims).deleteMany({ campaign } as never)
      await payload.delete({ collection: slugs.campaigns, where: { id: { in: ids } } })
    },
  }
}
