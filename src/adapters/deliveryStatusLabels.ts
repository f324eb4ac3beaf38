// zh/en labels of a webhook delivery's status. A module of its own, free of server imports, so the
// admin's client components (the member page) use the same words as the collection.
import type { Localized } from '../domain/catalogue/types'
import type { DeliveryStatus } from '../domain/webhooks/ordering'

export const deliveryStatusLabels: Record<DeliveryStatus, Localized> = {
  pending: { zh: '待发送', en: 'Pending' },
  sending: { zh: '发送中', en: 'Sending' },
  delivered: { zh: '已送达', en: 'Delivered' },
  failed: { zh: '已放弃', en: 'Failed' },
}
