// The address guard against the network (docs/rules.md rule 20): the URL's form, then every
// address its host resolves to. Used when an endpoint is saved and, through `guardedLookup`, at
// connect time of every delivery, so a name re-pointed at an internal address after it was saved
// (DNS rebinding) is refused too.
import { lookup } from 'node:dns'
import type { LookupAddress, LookupOptions } from 'node:dns'
import { isIP } from 'node:net'

import {
  isInternalAddress,
  resolvedFinding,
  urlFinding,
  type TargetFinding,
  type TargetPolicy,
} from '../../domain/webhooks/targets'

/**
 * Private targets are allowed only where the deployment says so (`WEBHOOKS_ALLOW_PRIVATE_TARGETS`
 * = `true`: development and tests with a receiver on 127.0.0.1; it also allows http).
 */
export const targetPolicy = (): TargetPolicy => ({
  allowPrivate: process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS === 'true',
})

const resolveAll = (host: string): Promise<string[]> =>
  new Promise((resolve) =>
    lookup(host, { all: true, verbatim: true }, (error, addresses) =>
      resolve(error ? [] : addresses.map((entry) => entry.address)),
    ),
  )

/** Why this URL may not receive webhooks, or null. */
export async function targetFinding(
  url: string,
  policy = targetPolicy(),
): Promise<TargetFinding | null> {
  const own = urlFinding(url, policy)
  if (own || policy.allowPrivate) return own
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '')
  if (isIP(host)) return null
  return resolvedFinding(host, await resolveAll(host), policy)
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void

/** A `lookup` for http(s).request that refuses internal addresses at connect time. */
export function guardedLookup(policy = targetPolicy()) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, [])
      const list = addresses as LookupAddress[]
      const internal = policy.allowPrivate
        ? undefined
        : list.find((entry) => isInternalAddress(entry.address))
      if (internal) {
        const refused = new Error(
          `refused: ${hostname} resolves to an internal address`,
        ) as NodeJS.ErrnoException
        refused.code = 'EWEBHOOKTARGET'
        return callback(refused, [])
      }
      if (options.all) return callback(null, list)
      const first = list[0]
      if (!first) return callback(new Error(`${hostname} does not resolve`), [])
      callback(null, first.address, first.family)
    })
  }
}
