// zh/en labels for webhook enumerations, shared by the collections. Client components import
// `deliveryStatusLabels` from its own module: the event types pull in node:crypto.
import type { Localized } from '../domain/catalogue/types'

export { deliveryStatusLabels } from './deliveryStatusLabels'
export { webhookEventTypeLabels } from '../domain/webhooks/events'

export const webhooksGroup: Localized = { zh: 'Webhook', en: 'Webhooks' }
