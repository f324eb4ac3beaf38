// Finds the browser for the e2e project once per run (tests/e2e/browser.ts) and checks it starts.
// Outside CI a machine without one skips the browser tests with one line; in CI that is an error.
import type { TestProject } from 'vitest/node'

import {
  type ChromiumSource,
  describeChromium,
  findChromium,
  inCI,
  launchChromium,
} from '../e2e/browser'

declare module 'vitest' {
  export interface ProvidedContext {
    /** null: no browser on this machine, the browser tests skip (never in CI). */
    chromium: ChromiumSource | null
  }
}

export default async function setup(project: TestProject) {
  let source: ChromiumSource
  try {
    source = await findChromium()
    const browser = await launchChromium(source)
    await browser.close()
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    if (inCI()) {
      throw new Error(`CI must run the browser tests, but Chromium is not available: ${reason}`)
    }
    console.warn(`[e2e] browser tests skipped: ${reason}`)
    project.provide('chromium', null)
    return
  }
  console.log(`[e2e] browser: ${describeChromium(source)}`)
  project.provide('chromium', source)
}
