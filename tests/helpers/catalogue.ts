// A small, valid catalogue for tests: three access tiers, five benefits of different shapes and a
// published ladder free < silver < gold. Removed again by cleanup().
import type { Payload } from 'payload'

import { slugs } from '../../collections/slugs'

export type Fixture = Awaited<ReturnType<typeof createCatalogueFixture>>

type Id = string
type Row = Record<string, unknown> & { benefit: Id }

/** Builds the fixture; if a step fails, removes what it had created and rethrows. */
export async function createCatalogueFixture(payload: Payload) {
  const created: { collection: string; id: string }[] = []
  try {
    return await buildFixture(payload, created)
  } catch (error) {
    await removeAll(payload, created)
    throw error
  }
}

async function removeAll(payload: Payload, created: { collection: string; id: string }[]) {
  // Newest first: tiers before the benefits they grant, highest tier first.
  for (const { collection, id } of [...created].reverse()) {
    await payload.delete({ collection: collection as 'tiers', id }).catch(() => undefined)
  }
}

async function buildFixture(payload: Payload, created: { collection: string; id: string }[]) {
  const suffix = Math.random().toString(36).slice(2, 8)
  // Access-tier ranks are unique across the database; keep clear of anything else there.
  const accessRankBase = 1000 + Math.floor(Math.random() * 100_000) * 10
  const accessTier = async (rank: number, zh: string, en: string) => {
    const doc = await payload.create({
      collection: slugs.courseAccessTiers,
      locale: 'zh',
      data: { rank: accessRankBase + rank, name: zh, status: 'active' },
    })
    created.push({ collection: slugs.courseAccessTiers, id: String(doc.id) })
    await payload.update({
      collection: slugs.courseAccessTiers,
      id: doc.id,
      locale: 'en',
      data: { name: en },
    })
    return String(doc.id)
  }
  const basic = await accessTier(1, '基础课程库', 'Basic library')
  const advanced = await accessTier(2, '精选进阶课', 'Advanced courses')
  const masterclass = await accessTier(3, '大师课', 'Masterclasses')

  const benefit = async (data: Record<string, unknown>, en: Record<string, unknown>) => {
    const doc = await payload.create({
      collection: slugs.benefits,
      locale: 'zh',
      data: { status: 'active', ...data, key: `${String(data.key)}-${suffix}` } as never,
    })
    created.push({ collection: slugs.benefits, id: String(doc.id) })
    // Localized labels inside array rows are matched to the rows by id.
    const rowIds = ((doc as { levels?: { id: string }[] }).levels ?? []).map((row) => row.id)
    const levels = (en.levels as Record<string, unknown>[] | undefined)?.map((row, index) => ({
      ...row,
      id: rowIds[index],
    }))
    await payload.update({
      collection: slugs.benefits,
      id: doc.id,
      locale: 'en',
      data: { ...en, ...(levels ? { levels } : {}) } as never,
    })
    return String(doc.id)
  }
  const tutoring = await benefit(
    {
      key: 'tutoring',
      name: '1对1辅导',
      unit: '次',
      category: 'learning-service',
      valueShape: 'quota',
      quotaPeriod: 'month',
    },
    { name: '1:1 tutoring', unit: 'sessions' },
  )
  const video = await benefit(
    {
      key: 'video',
      name: '视频清晰度',
      category: 'technical-experience',
      valueShape: 'level',
      levels: [
        { key: '720p', label: '720p 标清' },
        { key: '1080p', label: '1080p 高清' },
        { key: '4k', label: '4K 超清' },
      ],
    },
    {
      name: 'Video quality',
      levels: [
        { key: '720p', label: '720p SD' },
        { key: '1080p', label: '1080p HD' },
        { key: '4k', label: '4K UHD' },
      ],
    },
  )
  const discount = await benefit(
    {
      key: 'discount',
      name: '课程折扣',
      category: 'economic',
      valueShape: 'percentage',
      minimum: 0,
      maximum: 50,
    },
    { name: 'Course discount' },
  )
  const answers = await benefit(
    {
      key: 'qa-sla',
      name: '答疑响应',
      category: 'learning-service',
      valueShape: 'duration',
      durationUnit: 'hour',
    },
    { name: 'Q&A response' },
  )
  const community = await benefit(
    { key: 'community', name: '会员社群', category: 'community-identity', valueShape: 'flag' },
    { name: 'Member community' },
  )

  const publishTier = async (data: Record<string, unknown>, en: string) => {
    const doc = await payload.create({
      collection: slugs.tiers,
      locale: 'zh',
      data: {
        status: 'active',
        ...data,
        slug: `${String(data.slug)}-${suffix}`,
        _status: 'published',
      } as never,
    })
    await payload.update({
      collection: slugs.tiers,
      id: doc.id,
      locale: 'en',
      data: { name: en, _status: 'published' } as never,
    })
    created.push({ collection: slugs.tiers, id: String(doc.id) })
    return String(doc.id)
  }

  const rows = {
    free: [
      { benefit: video, level: '720p' },
      { benefit: answers, amount: 48 },
    ] as Row[],
    silver: [
      { benefit: tutoring, amount: 4 },
      { benefit: video, level: '1080p' },
      { benefit: discount, percent: 10 },
      { benefit: answers, amount: 24 },
    ] as Row[],
    gold: [
      { benefit: tutoring, amount: 8 },
      { benefit: video, level: '4k' },
      { benefit: discount, percent: 20 },
      { benefit: answers, amount: 2 },
      { benefit: community, enabled: true },
    ] as Row[],
  }
  const rankBase = 0
  const free = await publishTier(
    {
      slug: 'free',
      name: '免费',
      rank: rankBase,
      kind: 'entry',
      benefits: rows.free,
      accessTiers: [basic],
    },
    'Free',
  )
  const silver = await publishTier(
    {
      slug: 'silver',
      name: '白银',
      rank: rankBase + 1,
      kind: 'paid',
      prices: [{ period: 'monthly', listPrice: 49, sellingPrice: 39 }],
      benefits: rows.silver,
      accessTiers: [basic, advanced],
    },
    'Silver',
  )
  const gold = await publishTier(
    {
      slug: 'gold',
      name: '黄金',
      rank: rankBase + 2,
      kind: 'paid',
      prices: [{ period: 'annual', listPrice: 999, sellingPrice: 699 }],
      benefits: rows.gold,
      accessTiers: [basic, advanced, masterclass],
    },
    'Gold',
  )

  return {
    suffix,
    rankBase,
    accessTiers: { basic, advanced, masterclass },
    benefits: { tutoring, video, discount, answers, community },
    tiers: { free, silver, gold },
    rows,
    /** Extra tiers a test created, removed before the fixture's own. */
    track: (id: string) => {
      created.push({ collection: slugs.tiers, id })
    },
    async cleanup() {
      // Courses before their access tiers; then newest first (extra tiers, gold … free, benefits).
      await payload.delete({ collection: slugs.courses, where: { slug: { like: suffix } } })
      await removeAll(payload, created)
    },
  }
}
