'use client'
// The member page's read-only lists (messages, cancel intents, webhook deliveries): the documents of
// one collection that belong to the member being edited, newest first, through Payload REST with
// the signed-in staff user's session (their role decides what they may read).
import { useEffect, useState } from 'react'

export type MemberDocs<T> = { docs: T[] | null; error: string | null }

export function useMemberDocs<T>(
  collection: string,
  memberId: string | number | undefined,
  language: 'zh' | 'en',
  depth = 0,
): MemberDocs<T> {
  const [docs, setDocs] = useState<T[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!memberId) return
    let cancelled = false
    const query = new URLSearchParams({
      'where[member][equals]': String(memberId),
      sort: '-createdAt',
      limit: '50',
      depth: String(depth),
    })
    fetch(`/api/${collection}?${query}`, {
      credentials: 'include',
      headers: { 'accept-language': language },
    })
      .then(async (response) => {
        const body = await response.json().catch(() => ({}))
        if (!response.ok) {
          throw new Error(
            body?.message?.[language] ?? body?.errors?.[0]?.message ?? response.statusText,
          )
        }
        if (!cancelled) setDocs(((body as { docs?: T[] }).docs ?? []) as T[])
      })
      .catch((failure: Error) => !cancelled && setError(failure.message))
    return () => {
      cancelled = true
    }
  }, [collection, memberId, language, depth])
  return { docs, error }
}
