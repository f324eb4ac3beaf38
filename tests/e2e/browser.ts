// The one place the browser tests and screenshot scripts get Chromium from, first found wins:
//   1. CHROMIUM_PATH;
//   2. a system Chromium: Debian's /usr/bin/chromium, or `chromium` on PATH;
//   3. the Chromium @sparticuz/chromium carries inside its npm package (linux-x64 only), which it
//      extracts once into the temp directory ($TMPDIR/chromium).
// `npx tsx tests/e2e/browser.ts` says which one this machine uses (exit 1 when there is none).
import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { pathToFileURL } from 'node:url'

import { type Browser, chromium } from 'playwright-core'

export type ChromiumSource = {
  executablePath: string
  origin: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium'
  /** What `--version` printed, e.g. "Chromium 147.0.7727.0". */
  version: string
}

export class ChromiumUnavailableError extends Error {
  constructor(reasons: string[]) {
    super(
      `no Chromium (${reasons.join('; ')}); set CHROMIUM_PATH to a Chromium or Chrome binary, ` +
        'or install Debian’s chromium',
    )
    this.name = 'ChromiumUnavailableError'
  }
}

/**
 * The same for every source. Not @sparticuz/chromium's own list: it is made for AWS Lambda and
 * runs everything in one process (--single-process), which several pages and contexts in one
 * browser do not survive for long.
 */
export const chromiumArgs = [
  '--no-sandbox', // containers and CI often run as root
  '--disable-dev-shm-usage', // Docker's /dev/shm is 64 MB
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** True when CI is set (to anything but false/0): browser tests must run there. */
export const inCI = (): boolean => !!process.env.CI && !['false', '0'].includes(process.env.CI)

/** Finds a Chromium that starts (`--version`); throws ChromiumUnavailableError with each reason. */
export async function findChromium(): Promise<ChromiumSource> {
  const configured = process.env.CHROMIUM_PATH?.trim()
  if (configured) {
    // Set on purpose: a wrong path is an error, not a reason to look elsewhere.
    const version = versionOf(configured)
    if (!version.ok) throw new Error(`CHROMIUM_PATH=${configured} does not start: ${version.error}`)
    return { executablePath: configured, origin: 'CHROMIUM_PATH', version: version.version }
  }

  const reasons = ['CHROMIUM_PATH is not set']
  const system = systemChromium()
  if (system) {
    const version = versionOf(system)
    if (version.ok) return { executablePath: system, origin: 'system', version: version.version }
    reasons.push(`${system} does not start: ${version.error}`)
  } else {
    reasons.push('no /usr/bin/chromium or chromium on PATH')
  }

  const bundled = await bundledChromium()
  if ('executablePath' in bundled) return bundled
  reasons.push(bundled.reason)
  throw new ChromiumUnavailableError(reasons)
}

export async function launchChromium(source: ChromiumSource): Promise<Browser> {
  return chromium.launch({
    executablePath: source.executablePath,
    headless: true,
    args: chromiumArgs,
  })
}

export const describeChromium = (source: ChromiumSource): string =>
  `${source.version} (${source.origin}: ${source.executablePath})`

function systemChromium(): string | null {
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium'
  for (const directory of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(directory, 'chromium')
    if (isExecutable(candidate)) return candidate
  }
  return null
}

async function bundledChromium(): Promise<ChromiumSource | { reason: string }> {
  const platform = `${process.platform}-${process.arch}`
  if (platform !== 'linux-x64') {
    return { reason: `@sparticuz/chromium has no binary for ${platform} (linux-x64 only)` }
  }
  let executablePath: string
  try {
    const { default: sparticuz } = await import('@sparticuz/chromium')
    executablePath = await sparticuz.executablePath()
  } catch (error) {
    return { reason: `@sparticuz/chromium could not be extracted: ${oneLine(error)}` }
  }
  let version = versionOf(executablePath)
  if (!version.ok) {
    // Another process may still be extracting it: give it a moment.
    await sleep(5_000)
    version = versionOf(executablePath)
  }
  if (!version.ok) {
    return { reason: `@sparticuz/chromium (${executablePath}) does not start: ${version.error}` }
  }
  return { executablePath, origin: '@sparticuz/chromium', version: version.version }
}

function versionOf(
  executable: string,
): { ok: true; version: string } | { ok: false; error: string } {
  if (!existsSync(executable)) return { ok: false, error: 'no such file' }
  const run = spawnSync(executable, ['--version', ...chromiumArgs], {
    encoding: 'utf8',
    timeout: 30_000,
  })
  if (run.status === 0 && run.stdout.trim()) return { ok: true, version: run.stdout.trim() }
  return {
    ok: false,
    error: oneLine(run.error ?? (run.stderr.trim() || `exit code ${run.status}`)),
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

const oneLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300)

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const source = await findChromium()
    const browser = await launchChromium(source)
    await browser.close()
    console.log(describeChromium(source))
  } catch (error) {
    console.error(oneLine(error))
    process.exitCode = 1
  }
}
