// `npx tsx tests/e2e/screenshot.ts <url> <file.png> [--login <email> <password>] [--locale en-US]
//   [--settle <ms>]`
// A full-page screenshot with the browser tests' Chromium (tests/e2e/browser.ts). With --login it
// signs in at the admin's login form first (the URL must be an admin page). It waits for the
// network to go quiet and then --settle ms more (default 3000: a dev server may still render).
import { mkdirSync } from 'node:fs'
import path from 'node:path'

import { describeChromium, findChromium, launchChromium } from './browser'

const [url, file] = process.argv.slice(2)
if (!url || !file) {
  console.error(
    'usage: tsx tests/e2e/screenshot.ts <url> <file.png> [--login <email> <password>] ' +
      '[--locale en-US] [--settle <ms>]',
  )
  process.exit(2)
}
const flag = (name: string, count = 1) => {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? process.argv.slice(index + 1, index + 1 + count) : undefined
}
const login = flag('login', 2)
const locale = flag('locale')?.[0] ?? 'zh-CN'
const settleMs = Number(flag('settle')?.[0] ?? 3_000)

const source = await findChromium()
console.log(`browser: ${describeChromium(source)}`)
const browser = await launchChromium(source)
try {
  const page = await browser.newPage({ locale, viewport: { width: 1440, height: 900 } })
  await page.goto(url, { timeout: 300_000 })
  if (login) {
    const [email, password] = login
    const form = page.locator('input[name="email"]')
    await form.waitFor({ timeout: 300_000 })
    await form.fill(email!)
    await page.locator('input[name="password"]').fill(password!)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((address) => !address.pathname.endsWith('/login'), { timeout: 120_000 })
    await page.locator('.dashboard, .collection-list, .collection-edit').first().waitFor()
  }
  await page.waitForLoadState('networkidle').catch(() => {})
  await page.waitForTimeout(settleMs)
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  await page.screenshot({ path: file, fullPage: true })
  console.log(`saved ${file} (${page.url()})`)
} finally {
  await browser.close()
}
