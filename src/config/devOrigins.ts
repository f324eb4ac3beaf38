// Where the development server may be opened: localhost, 127.0.0.1 and ::1, this machine's own
// name and addresses, HOSTNAME and the host of SERVER_URL. Next's dev server refuses its HMR
// websocket from any other host (the page then reloads forever, next.config.ts
// `allowedDevOrigins`), and Payload accepts a session cookie on a request that names its origin
// only from the origins in its `csrf` list (payload.config.ts).
import { hostname as machineName, networkInterfaces } from 'node:os'

type Env = Record<string, string | undefined>

/** Host names as browsers send them in `Origin` (IPv6 in brackets), lower case, no duplicates. */
export function developmentHosts(env: Env = process.env): string[] {
  const hosts = ['localhost', '127.0.0.1', '[::1]', machineName()]
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      // Link-local IPv6 needs a zone id, which no browser puts in a URL.
      if (address.family === 'IPv6' && address.scopeid) continue
      hosts.push(address.family === 'IPv6' ? `[${address.address}]` : address.address)
    }
  }
  const listenOn = env.HOSTNAME?.trim()
  // 0.0.0.0 and :: mean every interface, which the addresses above already are.
  if (listenOn && listenOn !== '0.0.0.0' && listenOn !== '::') {
    hosts.push(listenOn.includes(':') && !listenOn.startsWith('[') ? `[${listenOn}]` : listenOn)
  }
  const serverUrl = parseUrl(env.SERVER_URL)
  if (serverUrl) hosts.push(serverUrl.hostname)
  return [...new Set(hosts.filter(Boolean).map((host) => host.toLowerCase()))]
}

/** `http://<host>:<PORT>` for every development host, and SERVER_URL's origin. */
export function developmentOrigins(env: Env = process.env): string[] {
  const port = env.PORT?.trim() || '3000'
  const origins = developmentHosts(env).map((host) =>
    port === '80' ? `http://${host}` : `http://${host}:${port}`,
  )
  const serverUrl = parseUrl(env.SERVER_URL)
  if (serverUrl) origins.push(serverUrl.origin)
  return [...new Set(origins)]
}

function parseUrl(value: string | undefined): URL | null {
  if (!value?.trim()) return null
  try {
    return new URL(value.trim())
  } catch {
    throw new Error(
      `SERVER_URL must be an absolute URL such as https://admin.example.com, got "${value}"`,
    )
  }
}
