// Where a webhook may be sent (docs/rules.md rule 20): https to a public address. Private,
// loopback, link-local, unique-local, carrier-grade NAT, multicast, reserved and cloud metadata
// addresses are refused — a registered URL must not reach inside the network — unless the
// deployment allows them (tests with a receiver on 127.0.0.1). Checked when the endpoint is saved
// and again on every delivery, against every address the host resolves to.
import ipaddr from 'ipaddr.js'

import type { Localized } from '../catalogue/types'

export type TargetPolicy = { allowPrivate: boolean }

export type TargetFinding = {
  code: 'invalid_url' | 'insecure_url' | 'private_address'
  message: Localized
}

/** Host names that name the machine itself or a metadata service, whatever they resolve to. */
const internalNames = [
  /^localhost$/i,
  /\.localhost$/i,
  /^metadata(\.google\.internal)?$/i,
  /\.internal$/i,
]

/** Whether an IP address (v4 or v6, text) is one a webhook must not reach. */
export function isInternalAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true
  let parsed = ipaddr.parse(address)
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address()
  }
  // Everything but plain public unicast: private, loopback, linkLocal (169.254/16, where cloud
  // metadata lives), uniqueLocal, carrierGradeNat, multicast, reserved, unspecified, broadcast…
  return parsed.range() !== 'unicast'
}

const refusal = (code: TargetFinding['code'], message: Localized): TargetFinding => ({
  code,
  message,
})

/** The URL's own problems (scheme, form, a literal internal address or name), before resolving. */
export function urlFinding(text: string, policy: TargetPolicy): TargetFinding | null {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return refusal('invalid_url', {
      zh: `地址“${text}”不是有效的 URL：请填写完整地址，例如 https://example.com/webhooks。`,
      en: `"${text}" is not a valid URL: enter a full address such as https://example.com/webhooks.`,
    })
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refusal('invalid_url', {
      zh: `地址须以 https:// 开头（现为 ${url.protocol}）。`,
      en: `The address must start with https:// (it is ${url.protocol}).`,
    })
  }
  if (url.username || url.password) {
    return refusal('invalid_url', {
      zh: '地址中不能包含用户名或密码：接收方用签名（webhook-signature）验证来源。',
      en: 'The address must not carry a user name or password: receivers verify the sender by the signature (webhook-signature).',
    })
  }
  if (policy.allowPrivate) return null
  if (url.protocol !== 'https:') {
    return refusal('insecure_url', {
      zh: `地址须使用 https（现为 ${url.protocol}）：请改为 https://${url.host}${url.pathname}。`,
      en: `The address must use https (it uses ${url.protocol}): change it to https://${url.host}${url.pathname}.`,
    })
  }
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (
    ipaddr.isValid(host) ? isInternalAddress(host) : internalNames.some((name) => name.test(host))
  ) {
    return internalRefusal(host, host)
  }
  return null
}

function internalRefusal(host: string, address: string): TargetFinding {
  const at = host === address ? host : `${host}（${address}）`
  const atEn = host === address ? host : `${host} (${address})`
  return refusal('private_address', {
    zh: `地址 ${at} 是内网、本机、链路本地或云元数据地址，不能作为 Webhook 目标：请填写可从公网访问的地址。`,
    en: `${atEn} is a private, loopback, link-local or metadata address and cannot receive webhooks: enter a publicly reachable address.`,
  })
}

/** The addresses a host resolved to, judged: the first internal one refuses the target. */
export function resolvedFinding(
  host: string,
  addresses: readonly string[],
  policy: TargetPolicy,
): TargetFinding | null {
  if (policy.allowPrivate) return null
  if (addresses.length === 0) {
    return refusal('invalid_url', {
      zh: `无法解析主机名 ${host}：请检查地址拼写。`,
      en: `The host name ${host} does not resolve: check the address.`,
    })
  }
  const internal = addresses.find((address) => isInternalAddress(address))
  return internal ? internalRefusal(host, internal) : null
}
