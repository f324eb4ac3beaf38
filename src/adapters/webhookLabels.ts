// zh/en labels for webhook enumerations, shared by the collections and the admin components.
import type { Localized } from '../domain/catalogue/types'
import type { DeliveryStatus } from '../domain/webhooks/ordering'

export { webhookEventTypeLabels } from '../domain/webhooks/events'

export const deliveryStatusLabels: Record<DeliveryStatus, Localized> = {
  pending: { zh: '待发送', en: 'Pending' },
  sending: { zh: '发送中', en: 'Sending' },
  delivered: { zh: '已送达', en: 'Delivered' },
  failed: { zh: '已放弃', en: 'Failed' },
}

export const webhooksGroup: Localized = { zh: 'Webhook', en: 'Webhooks' }
