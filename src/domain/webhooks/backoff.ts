// When a failed delivery is tried again (docs/rules.md rule 22): exponential backoff with jitter,
// for up to three days from the first attempt (or from a replay), then it is given up.

export const retryWindowMs = 3 * 24 * 60 * 60 * 1000
/** The first retry waits about this long; each later one twice the one before. */
export const firstRetryMs = 30_000
/** No wait is longer than this, so a receiver back after a day is reached within hours. */
export const longestRetryMs = 6 * 60 * 60 * 1000
/** Each wait is the nominal one ± this share, so endpoints that failed together spread out. */
export const jitterShare = 0.2

/** The nominal wait after the `attempt`th failed attempt (1 = the first attempt failed). */
export function nominalRetryDelay(attempt: number): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30))
  return Math.min(longestRetryMs, firstRetryMs * 2 ** exponent)
}

/**
 * When to try again after the `attempt`th failed attempt at `now`, or null to give up: the retry
 * window (three days from `windowStart`) has passed, or the next try would fall after it.
 * `random` is a number in [0, 1) (the jitter), passed in so tests can fix it.
 */
export function nextRetryAt(
  attempt: number,
  windowStart: Date,
  now: Date,
  random: number,
): Date | null {
  const deadline = windowStart.getTime() + retryWindowMs
  if (now.getTime() >= deadline) return null
  const nominal = nominalRetryDelay(attempt)
  const jitter = nominal * jitterShare * (2 * Math.min(Math.max(random, 0), 1) - 1)
  const at = now.getTime() + Math.round(nominal + jitter)
  // The last try is at the deadline itself, so the window is used to its end.
  return new Date(Math.min(at, deadline))
}
