// Picks the editor's language (the admin UI language, or the API caller's Accept-Language).
import type { PayloadRequest } from 'payload'

import type { Locale, Localized } from '../domain/catalogue/types'

export const editorLanguage = (req: Partial<PayloadRequest> | undefined): Locale =>
  req?.i18n?.language === 'en' ? 'en' : 'zh'

export const inEditorLanguage = (req: Partial<PayloadRequest> | undefined, text: Localized) =>
  text[editorLanguage(req)]
