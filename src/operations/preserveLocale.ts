import type { PayloadRequest } from 'payload'

/**
 * Runs Local API reads that pass `req` with another `locale` (e.g. 'all'). Payload writes that
 * locale onto the shared request, and the operation the hook belongs to would then store a
 * single-language value as if it held every language. The request's locale is put back after.
 */
export async function preservingLocale<T>(req: PayloadRequest, read: () => Promise<T>): Promise<T> {
  const { fallbackLocale, locale } = req
  try {
    return await read()
  } finally {
    req.locale = locale
    req.fallbackLocale = fallbackLocale
  }
}
