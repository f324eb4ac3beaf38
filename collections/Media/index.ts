import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { projectRoot } from '../../src/database/localDatabase'
import { policy } from '../../src/access/policy'
import { slugs } from '../slugs'

export const mediaDirectory = (): string =>
  path.resolve(projectRoot(), process.env.MEDIA_DIR ?? path.join('.data', 'media'))

export const acceptedImageTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/avif']

/** Badges, course covers and campaign images; sharp renders the sizes frontends use. */
export const Media: CollectionConfig = {
  slug: slugs.media,
  labels: {
    singular: { zh: '图片', en: 'Image' },
    plural: { zh: '图片', en: 'Images' },
  },
  access: policy[slugs.media],
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'mimeType', 'updatedAt'],
    group: { zh: '内容', en: 'Content' },
  },
  upload: {
    staticDir: mediaDirectory(),
    mimeTypes: acceptedImageTypes,
    focalPoint: true,
    crop: true,
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', width: 300, height: 300, position: 'centre' },
      { name: 'card', width: 768, height: 432, position: 'centre' },
      { name: 'badge', width: 128, height: 128, fit: 'contain', background: '#00000000' },
    ],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      localized: true,
      label: { zh: '替代文本', en: 'Alt text' },
      admin: {
        description: {
          zh: '描述图片内容，供读屏软件和图片加载失败时使用。',
          en: 'Describes the image for screen readers and when it fails to load.',
        },
      },
    },
  ],
}
