// docs/rules.md rule 15: once a campaign has started its terms do not change under members (only
// a later end, a bigger budget, copy, pausing, resuming and ending); a tier that a scheduled or
// live campaign sells is neither archived nor deleted; who may do what with campaigns.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../collections/slugs'
import { graphql, rest, testPayload } from '../../helpers/api'
import { createCatalogueFixture, type Fixture } from '../../helpers/catalogue'
import { campaignFactory, fromNow, times } from '../../helpers/campaigns'
import { fieldError, fieldErrors, inEnglish } from '../../helpers/refusals'
import { staffFactory, type TestStaff } from '../../helpers/staff'

let payload: Payload
let fixture: Fixture
let staff: ReturnType<typeof staffFactory>
let campaigns: ReturnType<typeof campaignFactory>
let marketing: TestStaff
let admin: TestStaff
let operations: TestStaff
let support: TestStaff
let viewer: TestStaff
let frontend: { id: string; apiKey: string }

const { day, hour } = times

beforeAll(async () => {
  payload = await testPayload()
  staff = staffFactory(payload)
  // The first user of an empty database becomes an admin: create the admin first.
  admin = await staff.staff(['admin'])
  marketing = await staff.staff(['marketing'])
  operations = await staff.staff(['operations'])
  support = await staff.staff(['support'])
  viewer = await staff.staff(['viewer'])
  frontend = await staff.serviceAccount()
  fixture = await createCatalogueFixture(payload)
  campaigns = campaignFactory(payload, fixture)
})

afterAll(async () => {
  await campaigns?.cleanup()
  await fixture?.cleanup()
  await staff?.cleanup()
})

/** A published campaign that started an hour ago. */
const liveCampaign = (slug: string) =>
  campaigns.published(slug, { schedule: { startsAt: fromNow(-hour), endsAt: fromNow(10 * day) } })

const statusOf = async (id: string) =>
  (await rest('GET', `/${slugs.campaigns}/${id}`, { as: marketing })).body.status

describe('a live campaign', () => {
  it('reads as live', async () => {
    const id = await liveCampaign('live-status')
    expect(await statusOf(id)).toBe('live')
  })

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a price change',
      { terms: { offer: { discount: { kind: 'percent_off', percent: 30 } } } },
      'terms.offer.discount.percent',
    ],
    // The target is filled in when the test runs, once the fixture exists.
    ['another target tier', {}, 'terms.target.tier'],
    ['a later start', { schedule: { startsAt: fromNow(2 * day) } }, 'schedule.startsAt'],
  ])('refuses %s: end it and start a new one', async (_change, changes, path) => {
    const id = await liveCampaign(`frozen-${path}`)
    const edit =
      path === 'terms.target.tier' ? { terms: { target: { tier: fixture.tiers.silver } } } : changes
    const zh = await campaigns.publish(id, marketing, edit)
    expect(zh.status).toBe(400)
    expect(fieldError(zh.body, path)?.message).toMatch(/结束本活动|新建|结束/)
    const en = await campaigns.publish(id, marketing, edit, inEnglish)
    expect(fieldError(en.body, path)?.message).toMatch(/End it and start a new campaign/)
  })

  it('refuses moving the end earlier', async () => {
    const id = await liveCampaign('end-earlier')
    const refused = await campaigns.publish(
      id,
      marketing,
      { schedule: { endsAt: fromNow(5 * day) } },
      inEnglish,
    )
    expect(refused.status).toBe(400)
    expect(fieldError(refused.body, 'schedule.endsAt')?.message).toMatch(/earlier|end it/i)
  })

  it('allows a later end, a bigger budget, copy edits, pause, resume and end', async () => {
    const id = await liveCampaign('allowed-edits')
    const steps: Record<string, unknown>[] = [
      { schedule: { endsAt: fromNow(20 * day) } },
      { terms: { budget: { totalRedemptions: 500, maxDiscount: 10_000 } } },
      { copy: { headline: '黄金会员限时升级', body: '新文案' } },
      { schedule: { pausedAt: fromNow(-60_000) } },
    ]
    for (const step of steps) {
      const { status, body } = await campaigns.publish(id, marketing, step)
      expect(fieldErrors(body)).toEqual([])
      expect(status).toBe(200)
    }
    expect(await statusOf(id)).toBe('paused')
    const resumed = await campaigns.publish(id, marketing, { schedule: { pausedAt: null } })
    expect(resumed.status).toBe(200)
    expect(await statusOf(id)).toBe('live')
    const ended = await campaigns.publish(id, marketing, {
      schedule: { endedAt: fromNow(-60_000) },
    })
    expect(ended.status).toBe(200)
    expect(await statusOf(id)).toBe('ended')
    const stored = await payload.findByID({ collection: slugs.campaigns, id, locale: 'zh' })
    expect((stored.copy as { headline: string }).headline).toBe('黄金会员限时升级')
  })

  it('refuses unpublishing it, also in bulk; a draft saved over it leaves it live', async () => {
    const id = await liveCampaign('unpublish')
    const unpublish = (path: string, headers: Record<string, string> = {}) =>
      rest('PATCH', path, { as: marketing, json: { _status: 'draft' }, headers })
    const zh = await unpublish(`/${slugs.campaigns}/${id}`)
    expect(zh.status).toBe(400)
    expect(fieldError(zh.body, '_status')?.message).toContain('发布状态已修改')
    const en = await unpublish(`/${slugs.campaigns}/${id}`, inEnglish)
    expect(fieldError(en.body, '_status')?.message).toContain(
      'its terms cannot change under members (the published state changed). End it and start a new campaign.',
    )
    const bulk = await unpublish(`/${slugs.campaigns}?where[id][equals]=${id}`, inEnglish)
    expect(bulk.status).toBe(400)
    expect(JSON.stringify(bulk.body)).toContain('the published state changed')
    expect(await statusOf(id)).toBe('live')

    const draft = await rest('PATCH', `/${slugs.campaigns}/${id}?draft=true`, {
      as: marketing,
      json: { _status: 'draft', copy: { headline: '草稿标题' } },
    })
    expect(draft.status).toBe(200)
    expect(await statusOf(id)).toBe('live')

    // Before its start a campaign may still go back to draft.
    const later = await campaigns.published('unpublish-later', {
      schedule: { startsAt: fromNow(day), endsAt: fromNow(10 * day) },
    })
    expect((await unpublish(`/${slugs.campaigns}/${later}`)).status).toBe(200)
    expect(await statusOf(later)).toBe('draft')
  })

  it('refuses lowering the budget', async () => {
    const id = await liveCampaign('budget-lowered')
    const refused = await campaigns.publish(id, marketing, {
      terms: { budget: { totalRedemptions: 10 } },
    })
    expect(refused.status).toBe(400)
    expect(fieldError(refused.body, 'terms.budget.totalRedemptions')).toBeDefined()
  })
})

describe('a tier a campaign sells', () => {
  it('is neither archived nor deleted while a live campaign targets it, naming the campaign', async () => {
    // Free → Silver, so Silver could otherwise be archived with Gold as its successor.
    const id = await campaigns.published('holds-silver', {
      schedule: { startsAt: fromNow(-hour), endsAt: fromNow(10 * day) },
      terms: { audience: { tiers: [fixture.tiers.free] }, target: { tier: fixture.tiers.silver } },
    })
    const archiveSilver = (headers: Record<string, string> = {}) =>
      rest('PATCH', `/${slugs.tiers}/${fixture.tiers.silver}?locale=zh`, {
        as: operations,
        json: { status: 'archived', successorTier: fixture.tiers.gold, _status: 'published' },
        headers,
      })
    const archive = await archiveSilver(inEnglish)
    expect(archive.status).toBe(400)
    expect(fieldError(archive.body, 'status')?.message).toBe(
      'Silver cannot be archived: campaign Gold upgrade holds-silver sells it (scheduled, live or paused). End it first.',
    )
    const remove = await rest('DELETE', `/${slugs.tiers}/${fixture.tiers.silver}`, {
      as: operations,
    })
    expect(remove.status).toBe(400)
    expect(fieldError(remove.body, 'status')?.message).toBe(
      '不能删除「白银」：营销活动 「升级黄金 holds-silver」 正在或即将以它为目标等级。请先结束这些活动。',
    )
    const tierStatus = async () =>
      (await payload.findByID({ collection: slugs.tiers, id: fixture.tiers.silver })).status
    expect(await tierStatus()).toBe('active')

    // Ended, it no longer holds the tier: archiving goes through (and is undone).
    const ended = await campaigns.publish(id, marketing, {
      schedule: { endedAt: fromNow(-60_000) },
    })
    expect(ended.status).toBe(200)
    const archived = await archiveSilver()
    expect(fieldErrors(archived.body)).toEqual([])
    expect(await tierStatus()).toBe('archived')
    const restored = await rest('PATCH', `/${slugs.tiers}/${fixture.tiers.silver}?locale=zh`, {
      as: operations,
      json: { status: 'active', _status: 'published' },
    })
    expect(fieldErrors(restored.body)).toEqual([])
    expect(await tierStatus()).toBe('active')
  })
})

describe('who may work with campaigns', () => {
  it('lets marketing create and update, admins also delete, other staff read, frontends nothing', async () => {
    const id = await campaigns.draft('access')
    for (const reader of [marketing, admin, operations, support, viewer]) {
      const read = await rest('GET', `/${slugs.campaigns}/${id}?draft=true`, { as: reader })
      expect(read.status).toBe(200)
    }
    for (const outsider of [{ apiKey: frontend.apiKey }, null]) {
      const list = await rest('GET', `/${slugs.campaigns}`, { as: outsider })
      expect(list.status).toBe(403)
      const query = await graphql('{ Campaigns { docs { id } } }', { as: outsider })
      expect(query.data?.Campaigns ?? null).toBeNull()
    }
    for (const writer of [operations, support, viewer]) {
      const edit = await rest('PATCH', `/${slugs.campaigns}/${id}?draft=true`, {
        as: writer,
        json: { copy: { body: 'x' }, _status: 'draft' },
      })
      expect(edit.status).toBe(403)
      const create = await rest('POST', `/${slugs.campaigns}?draft=true`, {
        as: writer,
        json: { slug: `nope-${fixture.suffix}`, name: 'x', kind: 'renewal', _status: 'draft' },
      })
      expect(create.status).toBe(403)
    }
    const created = await rest('POST', `/${slugs.campaigns}?draft=true&locale=zh`, {
      as: marketing,
      json: {
        slug: `by-marketing-${fixture.suffix}`,
        name: '市场部',
        kind: 'renewal',
        _status: 'draft',
      },
    })
    expect(created.status).toBe(201)
    const createdId = String((created.body.doc as { id: string }).id)
    campaigns.track(createdId)
    const marketingDelete = await rest('DELETE', `/${slugs.campaigns}/${createdId}`, {
      as: marketing,
    })
    expect(marketingDelete.status).toBe(403)
    const adminDelete = await rest('DELETE', `/${slugs.campaigns}/${createdId}`, { as: admin })
    expect(adminDelete.status).toBe(200)
  })
})
