// The benches' live campaigns: up to 20 published through the Local API (the same guard rails as
// the admin) — upgrades of different sizes from each paid tier, and renewals — reused by later runs.
import type { Payload } from 'payload'

import { slugs } from '../../collections/slugs'

const hour = 3_600_000
const day = 24 * hour

const minuteIso = (at: number) => new Date(Math.floor(at / 60_000) * 60_000).toISOString()

export async function tierIdsBySlug(payload: Payload): Promise<(slug: string) => string> {
  const tiers = new Map(
    (
      await payload.find({ collection: slugs.tiers, pagination: false, depth: 0, limit: 100 })
    ).docs.map((tier) => [String(tier.slug), String(tier.id)]),
  )
  return (slug: string) => {
    const id = tiers.get(slug)
    if (!id) throw new Error(`the demo catalogue has no tier "${slug}"`)
    return id
  }
}

/** A published campaign (zh and en copy), or the one already stored under `slug`. */
export async function publishCampaign(
  payload: Payload,
  slug: string,
  fields: Record<string, unknown>,
  name: string,
): Promise<string> {
  const found = await payload.find({
    collection: slugs.campaigns,
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
  })
  if (found.docs[0]) return String(found.docs[0].id)
  const copy = { headline: name, body: name, callToAction: 'Go' }
  const created = await payload.create({
    collection: slugs.campaigns,
    locale: 'zh',
    draft: true,
    data: { slug, name, copy, _status: 'draft', ...fields } as never,
  })
  await payload.update({
    collection: slugs.campaigns,
    id: created.id,
    locale: 'en',
    draft: true,
    data: { name, copy, _status: 'draft' } as never,
  })
  await payload.update({
    collection: slugs.campaigns,
    id: created.id,
    locale: 'zh',
    data: { _status: 'published' } as never,
  })
  return String(created.id)
}

/** How many campaigns are live now. */
export async function liveCampaignCount(payload: Payload): Promise<number> {
  const docs = (
    await payload.find({ collection: slugs.campaigns, pagination: false, depth: 0, limit: 500 })
  ).docs
  return docs.filter((doc) => (doc as { status?: string }).status === 'live').length
}

const ladder = [
  ['free', 'silver'],
  ['free', 'gold'],
  ['silver', 'gold'],
  ['silver', 'diamond'],
  ['gold', 'diamond'],
] as const

/** Publishes bench campaigns (live for 30 days from today) until `target` are live; the count. */
export async function ensureLiveCampaigns(
  payload: Payload,
  target: number,
  now = Date.now(),
): Promise<number> {
  const tier = await tierIdsBySlug(payload)
  for (let n = 0; (await liveCampaignCount(payload)) < target && n < 40; n += 1) {
    const [from, to] = ladder[n % ladder.length]!
    const renewal = n % 4 === 3
    await publishCampaign(
      payload,
      `bench-live-${n}-${new Date(now).toISOString().slice(0, 10)}`,
      {
        kind: renewal ? 'renewal' : 'upgrade',
        schedule: {
          timeZone: 'Asia/Shanghai',
          startsAt: minuteIso(now - hour),
          endsAt: minuteIso(now + 30 * day),
        },
        terms: {
          audience: { tiers: renewal ? [] : [tier(from)] },
          target: renewal ? {} : { tier: tier(to) },
          offer: { discount: { kind: 'percent_off', percent: 5 + (n % 8) * 5 }, bonusDays: n % 3 },
          budget: { perMember: 1 },
          priority: n % 5,
        },
        channels: ['in-app'],
      },
      `Bench ${renewal ? 'renewal' : `${from}→${to}`} #${n}`,
    )
  }
  return liveCampaignCount(payload)
}
