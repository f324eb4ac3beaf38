import { existsSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { mediaDirectory } from '../../collections/Media'
import { slugs } from '../../collections/slugs'
import { rest, testPayload } from '../helpers/api'
import { staffFactory, type TestStaff } from '../helpers/staff'

type SizeInfo = { width: number | null; height: number | null; filename: string | null }

let payload: Payload
let factory: ReturnType<typeof staffFactory>
let operations: TestStaff
const createdIds: string[] = []

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#2563eb' } })
    .png()
    .toBuffer()

function uploadForm(file: Blob, filename: string, data: Record<string, unknown>): FormData {
  const form = new FormData()
  form.append('_payload', JSON.stringify(data))
  form.append('file', file, filename)
  return form
}

beforeAll(async () => {
  payload = await testPayload()
  factory = staffFactory(payload)
  operations = await factory.staff(['operations'])
})

afterAll(async () => {
  if (createdIds.length) {
    await payload.delete({ collection: slugs.media, where: { id: { in: createdIds } } })
  }
  await factory.cleanup()
})

describe('media uploads', () => {
  it('render thumbnail, card and badge sizes with sharp', async () => {
    const image = await png(1200, 800)
    const { status, body } = await rest('POST', `/${slugs.media}`, {
      as: operations,
      body: uploadForm(new Blob([new Uint8Array(image)], { type: 'image/png' }), 'cover.png', {
        alt: '课程封面',
        focalX: 30,
        focalY: 60,
      }),
    })
    expect(status).toBe(201)
    const doc = body.doc as {
      id: string
      width: number
      height: number
      focalX: number
      sizes: Record<'thumbnail' | 'card' | 'badge', SizeInfo>
    }
    createdIds.push(doc.id)
    expect([doc.width, doc.height]).toEqual([1200, 800])
    expect(doc.focalX).toBe(30)
    expect(doc.sizes.thumbnail).toMatchObject({ width: 300, height: 300 })
    expect(doc.sizes.card).toMatchObject({ width: 768, height: 432 })
    expect(doc.sizes.badge).toMatchObject({ width: 128, height: 128 })
    for (const size of Object.values(doc.sizes)) {
      const file = path.join(mediaDirectory(), String(size.filename))
      expect(existsSync(file)).toBe(true)
      const metadata = await sharp(file).metadata()
      expect([metadata.width, metadata.height]).toEqual([size.width, size.height])
    }
  })

  it('refuse an image without alt text', async () => {
    const image = await png(64, 64)
    const { status, body } = await rest('POST', `/${slugs.media}`, {
      as: operations,
      body: uploadForm(new Blob([new Uint8Array(image)], { type: 'image/png' }), 'no-alt.png', {}),
    })
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toContain('alt')
  })

  it('refuse files that are not images', async () => {
    const { status } = await rest('POST', `/${slugs.media}`, {
      as: operations,
      body: uploadForm(new Blob(['plain text'], { type: 'text/plain' }), 'notes.txt', {
        alt: 'not an image',
      }),
    })
    expect(status).toBe(400)
  })

  it('keep alt text per language', async () => {
    const image = await png(64, 64)
    const created = await payload.create({
      collection: slugs.media,
      locale: 'zh',
      data: { alt: '徽章' },
      file: { data: image, mimetype: 'image/png', name: 'badge-test.png', size: image.length },
    })
    createdIds.push(String(created.id))
    await payload.update({
      collection: slugs.media,
      id: created.id,
      locale: 'en',
      data: { alt: 'Badge' },
    })
    const zh = await rest('GET', `/${slugs.media}/${created.id}?locale=zh`)
    const en = await rest('GET', `/${slugs.media}/${created.id}?locale=en`)
    expect(zh.body.alt).toBe('徽章')
    expect(en.body.alt).toBe('Badge')
  })
})
