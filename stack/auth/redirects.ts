// Where links may send a browser, checked as GoTrue checks redirect_to: back to the site (same scheme
// and host; any port on loopback), any loopback IP, or a URL matching additional_redirect_urls
// (globs: `*` and `?` stop at `.` and `/`, `**` does not). Anything else falls back to site_url.
import { isIP } from 'node:net'
import type { AuthConfig } from './config.ts'

function globToRegExp(pattern: string): RegExp {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '*' && pattern[i + 1] === '*') {
      out += '.*'
      i++
    } else if (c === '*') out += '[^./]*'
    else if (c === '?') out += '[^./]'
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${out}$`)
}

const parse = (url: string) => {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

const isLoopbackIp = (host: string) => {
  const bare = host.replace(/^\[|\]$/g, '')
  if (isIP(bare) === 4) return bare.startsWith('127.')
  if (isIP(bare) === 6) return bare === '::1'
  return false
}

export function isAllowedRedirect(config: AuthConfig, candidate: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (!candidate || /[\u0000-\u0020\u007f]/.test(candidate)) return false
  const site = parse(config.siteUrl)
  const target = parse(candidate)
  if (!site) return false
  if (target) {
    const host = target.hostname
    if (
      host === site.hostname &&
      target.protocol === site.protocol &&
      (target.port === site.port || host === 'localhost' || isLoopbackIp(host))
    ) {
      return true
    }
    if (/^[0-9]+$/.test(host)) return false
    if (isIP(host.replace(/^\[|\]$/g, ''))) return isLoopbackIp(host)
    const web = target.protocol === 'http:' || target.protocol === 'https:'
    if (web && !/^[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?$/.test(host)) return false
  } else if (/^https?:\/\//i.test(candidate)) {
    return false
  }
  const withoutFragment = candidate.split('#')[0]
  return config.additionalRedirectUrls.some((pattern) => globToRegExp(pattern).test(withoutFragment))
}

/** The redirect target to use: the candidate if allowed, else the referrer if allowed, else site_url. */
export function redirectTarget(
  config: AuthConfig,
  candidate?: string | null,
  referrer?: string | null,
): string {
  if (candidate && isAllowedRedirect(config, candidate)) return candidate
  if (referrer && isAllowedRedirect(config, referrer)) return referrer
  return config.siteUrl
}
