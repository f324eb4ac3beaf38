// Which Chromium the browser tests get (tests/e2e/browser.ts), with fake binaries: a script that
// answers --version as Chromium does.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const bundled = vi.hoisted(() => ({ executablePath: vi.fn<() => Promise<string>>() }))
vi.mock('@sparticuz/chromium', () => ({ default: bundled }))

import { ChromiumUnavailableError, findChromium, inCI } from '../../e2e/browser'

const saved = {
  PATH: process.env.PATH,
  CHROMIUM_PATH: process.env.CHROMIUM_PATH,
  CI: process.env.CI,
}
let scratch: string

function fakeChromium(name: string, version: string): string {
  const file = path.join(scratch, name)
  writeFileSync(file, `#!/bin/sh\necho "${version}"\n`)
  chmodSync(file, 0o755)
  return file
}

beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'membership-browser-'))
  delete process.env.CHROMIUM_PATH
  process.env.PATH = path.join(scratch, 'bin')
  bundled.executablePath.mockReset()
})

afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
  rmSync(scratch, { recursive: true, force: true })
})

// A Debian chromium on this machine would win over the fakes on PATH and the npm one.
describe.skipIf(existsSync('/usr/bin/chromium'))('findChromium', () => {
  it('takes CHROMIUM_PATH first, and refuses one that does not start', async () => {
    process.env.CHROMIUM_PATH = fakeChromium('my-chrome', 'Google Chrome 140.0.1')
    expect(await findChromium()).toMatchObject({
      origin: 'CHROMIUM_PATH',
      version: 'Google Chrome 140.0.1',
    })
    process.env.CHROMIUM_PATH = path.join(scratch, 'missing')
    await expect(findChromium()).rejects.toThrow(/CHROMIUM_PATH=.*missing does not start/)
    expect(bundled.executablePath).not.toHaveBeenCalled()
  })

  it('then a chromium on PATH', async () => {
    mkdirSync(path.join(scratch, 'bin'))
    const onPath = fakeChromium(path.join('bin', 'chromium'), 'Chromium 139.0.0')
    expect(await findChromium()).toEqual({
      executablePath: onPath,
      origin: 'system',
      version: 'Chromium 139.0.0',
    })
  })

  it.runIf(process.platform === 'linux' && process.arch === 'x64')(
    'then the one @sparticuz/chromium extracts',
    async () => {
      bundled.executablePath.mockResolvedValue(fakeChromium('chromium', 'Chromium 147.0.7727.0'))
      expect(await findChromium()).toMatchObject({
        origin: '@sparticuz/chromium',
        version: 'Chromium 147.0.7727.0',
      })
    },
  )

  it('and otherwise names every reason in one line', async () => {
    bundled.executablePath.mockRejectedValue(new Error('ENOSPC: no space left on device'))
    const failure = await findChromium().catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ChromiumUnavailableError)
    const message = (failure as Error).message
    expect(message).not.toContain('\n')
    expect(message).toContain('CHROMIUM_PATH is not set')
    expect(message).toContain('no /usr/bin/chromium or chromium on PATH')
    expect(message).toMatch(/@sparticuz\/chromium (could not be extracted|has no binary)/)
  })
})

describe('inCI', () => {
  it('is true for CI=true or 1, false when unset, false or 0', () => {
    for (const [value, expected] of [
      ['true', true],
      ['1', true],
      ['false', false],
      ['0', false],
      [undefined, false],
    ] as const) {
      if (value === undefined) delete process.env.CI
      else process.env.CI = value
      expect(inCI()).toBe(expected)
    }
  })
})
