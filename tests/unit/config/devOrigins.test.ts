import { hostname, networkInterfaces } from 'node:os'

import { describe, expect, it } from 'vitest'

import { developmentHosts, developmentOrigins } from '../../../src/config/devOrigins'

describe('the addresses the development server may be opened at', () => {
  it('are localhost, the loopback addresses, this machine’s name and its addresses', () => {
    const hosts = developmentHosts({})
    expect(hosts).toEqual(expect.arrayContaining(['localhost', '127.0.0.1', '[::1]']))
    expect(hosts).toContain(hostname().toLowerCase())
    const ipv4 = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address?.family === 'IPv4')
      .map((address) => address!.address)
    expect(hosts).toEqual(expect.arrayContaining(ipv4))
    expect(new Set(hosts).size).toBe(hosts.length)
  })

  it('add HOSTNAME (unless it means every interface) and the host of SERVER_URL', () => {
    const hosts = developmentHosts({ HOSTNAME: 'DevBox', SERVER_URL: 'https://admin.edu.example/' })
    expect(hosts).toEqual(expect.arrayContaining(['devbox', 'admin.edu.example']))
    expect(developmentHosts({ HOSTNAME: '0.0.0.0' })).not.toContain('0.0.0.0')
    expect(developmentHosts({ HOSTNAME: 'fd00::7' })).toContain('[fd00::7]')
  })

  it('become origins on PORT, as browsers send them in Origin', () => {
    const origins = developmentOrigins({ PORT: '4000', SERVER_URL: 'https://admin.edu.example' })
    expect(origins).toEqual(
      expect.arrayContaining([
        'http://localhost:4000',
        'http://127.0.0.1:4000',
        'http://[::1]:4000',
        'https://admin.edu.example',
      ]),
    )
    expect(developmentOrigins({})).toContain('http://127.0.0.1:3000')
    expect(developmentOrigins({ PORT: '80' })).toContain('http://127.0.0.1')
  })

  it('refuse a SERVER_URL that is not an absolute URL', () => {
    expect(() => developmentHosts({ SERVER_URL: 'admin.edu.example' })).toThrow(/SERVER_URL/)
  })

  it('are what next.config.ts allows the HMR websocket from', async () => {
    const { default: nextConfig } = await import('../../../next.config')
    expect(nextConfig.allowedDevOrigins).toEqual(developmentHosts())
  })
})
