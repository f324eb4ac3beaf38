// Idempotent demo data: running it twice creates nothing the second time.
import type { Payload } from 'payload'
import sharp from 'sharp'

import { slugs } from '../collections/slugs'
import { seedCampaigns } from './campaigns'
import { seedCatalogue } from './catalogue'
import { demoImages } from './data/media'
import { demoBillingAccount, demoServiceAccount, demoStaff } from './data/staff'

export type SeedReport = {
  created: string[]
  existing: string[]
}

export async function seed({ payload }: { payload: Payload }): Promise<SeedReport> {
  const report: SeedReport = { created: [], existing: [] }
  const note = (created: boolean, label: string) =>
    (created ? report.created : report.existing).push(label)

  for (const person of demoStaff) {
    const found = await payload.find({
      collection: slugs.users,
      where: { email: { equals: person.email } },
      limit: 1,
      depth: 0,
    })
    if (found.docs.length === 0) {
      await payload.create({
        collection: slugs.users,
        data: {
          name: person.name,
          email: person.email,
          password: person.password,
          roles: [person.role],
        },
      })
    }
    note(found.docs.length === 0, `staff user ${person.email} (${person.role})`)
  }

  const accounts = await payload.find({
    collection: slugs.serviceAccounts,
    where: { name: { equals: demoServiceAccount.name } },
    limit: 1,
    depth: 0,
  })
  if (accounts.docs.length === 0) {
    await payload.create({
      collection: slugs.serviceAccounts,
      data: {
        name: demoServiceAccount.name,
        roles: ['frontend'],
        enableAPIKey: true,
        apiKey: demoServiceAccount.apiKey,
      },
    })
  }
  note(accounts.docs.length === 0, `service account "${demoServiceAccount.name}"`)

  const billing = await payload.find({
    collection: slugs.serviceAccounts,
    where: { name: { equals: demoBillingAccount.name } },
    limit: 1,
    depth: 0,
  })
  if (billing.docs.length === 0) {
    await payload.create({
      collection: slugs.serviceAccounts,
      data: {
        name: demoBillingAccount.name,
        roles: ['billing'],
        enableAPIKey: true,
        apiKey: demoBillingAccount.apiKey,
      },
    })
  }
  note(billing.docs.length === 0, `service account "${demoBillingAccount.name}"`)

  for (const image of demoImages) {
    const found = await payload.find({
      collection: slugs.media,
      where: { filename: { equals: image.filename } },
      limit: 1,
      depth: 0,
    })
    if (found.docs.length === 0) {
      const png = await sharp(Buffer.from(image.svg)).png().toBuffer()
      const created = await payload.create({
        collection: slugs.media,
        locale: 'zh',
        data: { alt: image.alt.zh },
        file: { data: png, mimetype: 'image/png', name: image.filename, size: png.length },
      })
      await payload.update({
        collection: slugs.media,
        id: created.id,
        locale: 'en',
        data: { alt: image.alt.en },
      })
    }
    note(found.docs.length === 0, `image ${image.filename}`)
  }

  await seedCatalogue({ payload, note })
  await seedCampaigns({ payload, note })
  return report
}
