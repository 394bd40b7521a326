// Debian's Chromium driven by playwright-core, as the browser tests need it here: headless, no
// sandbox (root in CI), no background networking (the machine has no internet), a fresh profile.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BrowserContext, chromium, type Page } from 'playwright-core'

const CHROMIUM = process.env.TROIKA_CHROMIUM ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Browser tests need Debian's chromium (`apt-get install chromium`; Playwright cannot download its own
 * browser here). Without it a developer's `npm test` skips them with a notice; CI installs it (.ci/run)
 * and a missing browser there is an error, never a silent skip.
 */
export const hasBrowser = existsSync(CHROMIUM)
if (!hasBrowser) {
  if (process.env.CI)
    throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (see .ci/run)`)
  console.warn(
    `browser tests skipped: ${CHROMIUM} not found (apt-get install chromium, or set TROIKA_CHROMIUM)`,
  )
}

/**
 * Options of every browser test group: a browser test signs in, loads pages and posts through the stack
 * while CI runs the other files beside it on the same 2 cores; vitest's 30 s for the stack tests is too
 * tight for the longest of them. Each step still has the page's own 20 s (or a stated) limit.
 */
export const BROWSER_TESTS = { timeout: 90_000 }

/** Where the tests leave screenshots for a person to look at (gitignored). */
export const SCREENSHOTS = fileURLToPath(new URL('../../.troika/e2e/', import.meta.url))

/** antd spaces out a two-character Chinese button label (登 录); an icon adds its own name. */
export const label = (text: string) => new RegExp([...text].join('\\s*'))

export interface Browser {
  context: BrowserContext
  page: Page
  /** Uncaught errors of the page, for a final "no errors" assertion. */
  pageErrors: string[]
  close(): Promise<void>
}

export async function openBrowser(): Promise<Browser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'troika-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
  })
  const page = context.pages()[0] ?? (await context.newPage())
  // Each step waits up to 20 s: CI runs the browser files beside the stack tests on 2 cores, and a page
  // that takes 2 s alone has taken over 10 s there in bursts.
  page.setDefaultTimeout(20_000)
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  return {
    context,
    page,
    pageErrors,
    close: async () => {
      await context.close()
      await rm(userDataDir, { recursive: true, force: true })
    },
  }
}
