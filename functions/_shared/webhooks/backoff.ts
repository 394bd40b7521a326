// When a failed delivery is tried again: after 10 s, 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h, 12 h
// and 24 h; after the 11th failed attempt (about two days) the delivery is given up (status failed)
// and can still be replayed by hand.
export const retrySchedule: readonly number[] = [10, 30, 120, 600, 1800, 3600, 10800, 21600, 43200, 86400]

/** Seconds until the next attempt after attempt number `attempt` (1-based) failed, or null: give up. */
export function retryDelaySeconds(attempt: number): number | null {
  if (!Number.isInteger(attempt) || attempt < 1) return retrySchedule[0]
  return retrySchedule[attempt - 1] ?? null
}

export const maxAttempts = retrySchedule.length + 1
