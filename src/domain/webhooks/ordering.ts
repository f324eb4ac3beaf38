// Which deliveries may be attempted now (docs/rules.md rule 22): per endpoint and member, events go
// out in order, so only the earliest undelivered one of each line is tried, once its retry time has
// come; the rest wait behind it. Given-up deliveries do not block the line (a replay sends them
// again later, out of order, with their original id and timestamp).

export type DeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed'

export type QueuedDelivery = {
  id: string
  endpointId: string
  /** null: an event about no member (each is its own line). */
  memberId: string | null
  orderKey: string
  status: DeliveryStatus
  nextAttemptAt: Date
  /** A `sending` claim older than this was abandoned (the sender died): it may be taken again. */
  leaseUntil: Date | null
}

/** The line a delivery waits in. */
const lineOf = (delivery: QueuedDelivery): string =>
  `${delivery.endpointId}|${delivery.memberId ?? `event:${delivery.id}`}`

const before = (a: QueuedDelivery, b: QueuedDelivery): number =>
  a.orderKey < b.orderKey
    ? -1
    : a.orderKey > b.orderKey
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0

const isDue = (delivery: QueuedDelivery, time: number): boolean =>
  delivery.status === 'pending'
    ? delivery.nextAttemptAt.getTime() <= time
    : delivery.leaseUntil !== null && delivery.leaseUntil.getTime() <= time

/**
 * The lines to work at `now`, each in order: its earliest undelivered delivery, if that is due
 * (pending and its time come, or sending with its lease run out), followed by the ones behind it
 * that are due as well. A sender works a line front to back and stops at the first that is not
 * delivered, so nothing overtakes. Lines of inactive endpoints wait.
 */
export function dueLines(
  deliveries: readonly QueuedDelivery[],
  activeEndpoints: ReadonlySet<string>,
  now: Date,
): QueuedDelivery[][] {
  const lines = new Map<string, QueuedDelivery[]>()
  for (const delivery of deliveries) {
    if (delivery.status === 'delivered' || delivery.status === 'failed') continue
    if (!activeEndpoints.has(delivery.endpointId)) continue
    const line = lineOf(delivery)
    lines.set(line, [...(lines.get(line) ?? []), delivery])
  }
  const time = now.getTime()
  const due: QueuedDelivery[][] = []
  for (const line of lines.values()) {
    line.sort(before)
    const ready: QueuedDelivery[] = []
    for (const delivery of line) {
      if (!isDue(delivery, time)) break
      ready.push(delivery)
    }
    if (ready.length > 0) due.push(ready)
  }
  return due.sort(
    (a, b) => a[0]!.nextAttemptAt.getTime() - b[0]!.nextAttemptAt.getTime() || before(a[0]!, b[0]!),
  )
}

/** The first delivery of each line that may be attempted at `now`. */
export const dueDeliveries = (
  deliveries: readonly QueuedDelivery[],
  activeEndpoints: ReadonlySet<string>,
  now: Date,
): QueuedDelivery[] => dueLines(deliveries, activeEndpoints, now).map((line) => line[0]!)
