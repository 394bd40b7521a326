// Per-key (per client IP) token buckets: `limit` requests at once, refilled at limit per window.

export interface RateLimiter {
  /** Takes one request from the key's bucket; false when it is empty. */
  take(key: string): boolean
  clear(): void
}

export function createRateLimiter(
  limit: number,
  windowMs: number,
  now: () => number = Date.now,
): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>()
  const perMs = limit / windowMs

  const sweep = () => {
    const t = now()
    for (const [key, b] of buckets) if (b.tokens + (t - b.at) * perMs >= limit) buckets.delete(key)
  }

  return {
    take(key) {
      if (limit <= 0) return false
      const t = now()
      const bucket = buckets.get(key) ?? { tokens: limit, at: t }
      bucket.tokens = Math.min(limit, bucket.tokens + (t - bucket.at) * perMs)
      bucket.at = t
      if (buckets.size > 10_000) sweep()
      if (bucket.tokens < 1) {
        buckets.set(key, bucket)
        return false
      }
      bucket.tokens -= 1
      buckets.set(key, bucket)
      return true
    },
    clear() {
      buckets.clear()
    },
  }
}
