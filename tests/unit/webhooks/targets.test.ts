import { describe, expect, it } from 'vitest'

import {
  isInternalAddress,
  resolvedFinding,
  urlFinding,
} from '../../../src/domain/webhooks/targets'

const strict = { allowPrivate: false }
const relaxed = { allowPrivate: true }

describe('isInternalAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.5',
    '172.16.3.4',
    '192.168.1.1',
    '169.254.169.254', // cloud metadata (link-local)
    '100.64.0.1', // carrier-grade NAT
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1', // v4-mapped loopback
    '::ffff:169.254.169.254',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isInternalAddress(address)).toBe(true)
  })

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows %s',
    (address) => {
      expect(isInternalAddress(address)).toBe(false)
    },
  )
})

describe('urlFinding', () => {
  it.each([
    ['not a url', 'invalid_url'],
    ['ftp://example.com/hook', 'invalid_url'],
    ['https://user:pw@example.com/hook', 'invalid_url'],
    ['http://example.com/hook', 'insecure_url'],
    ['https://127.0.0.1/hook', 'private_address'],
    ['https://[::1]:8443/hook', 'private_address'],
    ['https://169.254.169.254/latest/meta-data', 'private_address'],
    ['https://localhost/hook', 'private_address'],
    ['https://api.localhost/hook', 'private_address'],
    ['https://metadata.google.internal/computeMetadata', 'private_address'],
  ])('refuses %s (%s), in zh and en', (url, code) => {
    const finding = urlFinding(url, strict)
    expect(finding?.code).toBe(code)
    expect(finding?.message.zh).toMatch(/[\u4e00-\u9fff]/)
    expect(finding?.message.en.length).toBeGreaterThan(10)
  })

  it('accepts a public https URL', () => {
    expect(urlFinding('https://hooks.example.com/membership', strict)).toBeNull()
  })

  it('allows http and loopback where the deployment allows private targets', () => {
    expect(urlFinding('http://127.0.0.1:4010/hook', relaxed)).toBeNull()
    expect(urlFinding('ftp://127.0.0.1/hook', relaxed)?.code).toBe('invalid_url')
  })
})

describe('resolvedFinding', () => {
  it('refuses a name resolving to any internal address, naming it', () => {
    const finding = resolvedFinding('hooks.example.com', ['93.184.216.34', '10.1.2.3'], strict)
    expect(finding?.code).toBe('private_address')
    expect(finding?.message.en).toContain('10.1.2.3')
  })
  it('refuses a name that does not resolve', () => {
    expect(resolvedFinding('nowhere.invalid', [], strict)?.code).toBe('invalid_url')
  })
  it('accepts public addresses, and anything where allowed', () => {
    expect(resolvedFinding('hooks.example.com', ['93.184.216.34'], strict)).toBeNull()
    expect(resolvedFinding('hooks.example.com', ['10.1.2.3'], relaxed)).toBeNull()
  })
})
