// Which deliveries may be attempted now (docs/rules.md rule 20): per endpoint and member, events go
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

/**
 * The deliveries to attempt at `now`, in order, from those not yet delivered: the head of each
 * line, if it is pending and due, or sending with its lease run out. `activeEndpoints` are the
 * endpoints that take deliveries; the others' lines wait.
 */
export function dueDeliveries(
  deliveries: readonly QueuedDelivery[],
  activeEndpoints: ReadonlySet<string>,
  now: Date,
): QueuedDelivery[] {
  const heads = new Map<string, QueuedDelivery>()
  for (const delivery of deliveries) {
    if (delivery.status === 'delivered' || delivery.status === 'failed') continue
    const line = lineOf(delivery)
    const head = heads.get(line)
    if (
      !head ||
      delivery.orderKey < head.orderKey ||
      (delivery.orderKey === head.orderKey && delivery.id < head.id)
    ) {
      heads.set(line, delivery)
    }
  }
  const time = now.getTime()
  return [...heads.values()]
    .filter((head) => activeEndpoints.has(head.endpointId))
    .filter((head) =>
      head.status === 'pending'
        ? head.nextAttemptAt.getTime() <= time
        : head.leaseUntil !== null && head.leaseUntil.getTime() <= time,
    )
    .sort(
      (a, b) =>
        a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || (a.orderKey < b.orderKey ? -1 : 1),
    )
}
