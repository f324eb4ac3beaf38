// Picks the editor's language (the admin UI language, or the API caller's Accept-Language).
import type { PayloadRequest } from 'payload'

import type { Locale, Localized } from '../domain/catalogue/types'

export const editorLanguage = (req: Partial<PayloadRequest> | undefined): Locale =>
  req?.i18n?.language === 'en' ? 'en' : 'zh'

export const inEditorLanguage = (req: Partial<PayloadRequest> | undefined, text: Localized) =>
  text[editorLanguage(req)]

/**
 * The language of a caller Payload has not met yet (before its request is built): the admin's
 * language cookie, else Accept-Language, else the `locale` asked for, else zh — the order Payload
 * itself follows, so a guard's message and Payload's own agree.
 */
export function callerLanguage(headers: Headers, search: URLSearchParams): Locale {
  const cookie = /(?:^|;\s*)payload-lng=([^;]+)/.exec(headers.get('cookie') ?? '')?.[1]
  if (cookie === 'en' || cookie === 'zh') return cookie
  const accepted = (headers.get('accept-language') ?? '')
    .split(',')
    .map((entry) => {
      const [tag = '', ...parameters] = entry.trim().toLowerCase().split(';')
      const quality = parameters.find((parameter) => parameter.trim().startsWith('q='))
      return { tag, quality: quality ? Number(quality.trim().slice(2)) || 0 : 1 }
    })
    .filter(({ tag, quality }) => quality > 0 && /^(en|zh)\b/.test(tag))
    .sort((a, b) => b.quality - a.quality)[0]
  if (accepted) return accepted.tag.startsWith('en') ? 'en' : 'zh'
  return search.get('locale') === 'en' ? 'en' : 'zh'
}
