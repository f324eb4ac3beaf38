// Seeds the demo catalogue (course-access tiers, benefits, the tier ladder, courses) in zh and en.
// Idempotent: documents are found by their stable keys and created only when missing.
import type { Payload } from 'payload'

import { slugs } from '../collections/slugs'
import { rowFromValue, shapeToFields } from '../src/adapters/catalogue'
import type { Localized } from '../src/domain/catalogue/types'
import {
  seedAccessTiers,
  seedBenefits,
  seedCourses,
  seedTiers,
  type SeedBenefit,
  type SeedTier,
} from './data/catalogue'

type Note = (created: boolean, label: string) => void
type Id = string | number

async function findOne(payload: Payload, collection: string, field: string, value: unknown) {
  const found = await payload.find({
    collection: collection as typeof slugs.benefits,
    where: { [field]: { equals: value } },
    limit: 1,
    depth: 0,
    draft: collection === slugs.tiers,
  })
  return found.docs[0] as { id: Id; levels?: { id: string }[] } | undefined
}

async function seedBenefit(payload: Payload, benefit: SeedBenefit): Promise<Id> {
  const created = await payload.create({
    collection: slugs.benefits,
    locale: 'zh',
    data: {
      key: benefit.key,
      name: benefit.name.zh,
      description: benefit.description.zh,
      unit: benefit.unit.zh,
      category: benefit.category,
      status: 'active',
      ...shapeToFields(benefit.shape, 'zh'),
    } as never,
  })
  const english = shapeToFields(benefit.shape, 'en') as {
    levels?: { key: string; label: string }[]
  }
  await payload.update({
    collection: slugs.benefits,
    id: created.id,
    locale: 'en',
    data: {
      name: benefit.name.en,
      description: benefit.description.en,
      unit: benefit.unit.en,
      ...(english.levels
        ? {
            levels: english.levels.map((level, index) => ({
              ...level,
              id: created.levels?.[index]?.id,
            })),
          }
        : {}),
    } as never,
  })
  return created.id
}

function tierData(
  tier: SeedTier,
  locale: keyof Localized,
  ids: { benefits: Map<string, Id>; accessTiers: Map<string, Id>; badges: Map<string, Id> },
) {
  return {
    slug: tier.slug,
    rank: tier.rank,
    kind: tier.kind,
    name: tier.name[locale],
    description: tier.description[locale],
    colour: tier.colour,
    badge: tier.badge ? ids.badges.get(tier.badge) : undefined,
    prices: tier.prices,
    growth: tier.growth,
    benefits: tier.benefits.map((grant) => ({
      benefit: ids.benefits.get(grant.benefit),
      ...rowFromValue(grant.value),
      exceptionReason: grant.exceptionReason,
    })),
    accessTiers: tier.accessTiers.map((key) => ids.accessTiers.get(key)),
    status: 'active',
    _status: 'published',
  }
}

export async function seedCatalogue({ payload, note }: { payload: Payload; note: Note }) {
  const accessTierIds = new Map<string, Id>()
  for (const accessTier of seedAccessTiers) {
    const existing = await findOne(payload, slugs.courseAccessTiers, 'rank', accessTier.rank)
    let id = existing?.id
    if (id === undefined) {
      const created = await payload.create({
        collection: slugs.courseAccessTiers,
        locale: 'zh',
        data: {
          rank: accessTier.rank,
          status: 'active',
          name: accessTier.name.zh,
          description: accessTier.description.zh,
        },
      })
      id = created.id
      await payload.update({
        collection: slugs.courseAccessTiers,
        id,
        locale: 'en',
        data: { name: accessTier.name.en, description: accessTier.description.en },
      })
    }
    accessTierIds.set(accessTier.key, id)
    note(existing === undefined, `course-access tier ${accessTier.name.en}`)
  }

  const benefitIds = new Map<string, Id>()
  for (const benefit of seedBenefits) {
    const existing = await findOne(payload, slugs.benefits, 'key', benefit.key)
    benefitIds.set(benefit.key, existing?.id ?? (await seedBenefit(payload, benefit)))
    note(existing === undefined, `benefit ${benefit.key}`)
  }

  const badges = new Map<string, Id>()
  for (const filename of new Set(seedTiers.flatMap((tier) => (tier.badge ? [tier.badge] : [])))) {
    const media = await findOne(payload, slugs.media, 'filename', filename)
    if (media) badges.set(filename, media.id)
  }
  const ids = { benefits: benefitIds, accessTiers: accessTierIds, badges }

  // Lowest rank first, honorary last: each publish is checked against the tiers below it.
  const ordered = [...seedTiers].sort(
    (a, b) => Number(a.kind === 'honorary') - Number(b.kind === 'honorary') || a.rank - b.rank,
  )
  for (const tier of ordered) {
    const existing = await findOne(payload, slugs.tiers, 'slug', tier.slug)
    if (existing === undefined) {
      const created = await payload.create({
        collection: slugs.tiers,
        locale: 'zh',
        data: tierData(tier, 'zh', ids) as never,
      })
      await payload.update({
        collection: slugs.tiers,
        id: created.id,
        locale: 'en',
        data: { name: tier.name.en, description: tier.description.en, _status: 'published' },
      })
    }
    note(existing === undefined, `tier ${tier.slug}`)
  }

  let createdCourses = 0
  for (const course of seedCourses) {
    if (await findOne(payload, slugs.courses, 'slug', course.slug)) continue
    const created = await payload.create({
      collection: slugs.courses,
      locale: 'zh',
      data: {
        slug: course.slug,
        title: course.title.zh,
        summary: course.summary.zh,
        accessTier: accessTierIds.get(course.accessTier) as string,
        status: 'published',
      },
    })
    await payload.update({
      collection: slugs.courses,
      id: created.id,
      locale: 'en',
      data: { title: course.title.en, summary: course.summary.en },
    })
    createdCourses += 1
  }
  note(createdCourses > 0, `${seedCourses.length} courses (${createdCourses} new)`)
}
