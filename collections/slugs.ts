// Every collection and global slug, in one place. Frontends and tests rely on these names.
export const slugs = {
  users: 'users',
  serviceAccounts: 'service-accounts',
  media: 'media',
  benefits: 'benefits',
  tiers: 'tiers',
  courseAccessTiers: 'course-access-tiers',
  courses: 'courses',
  auditLog: 'audit-log',
  members: 'members',
  membershipEvents: 'membership-events',
  tierVersions: 'tier-versions',
  entitlementGrants: 'entitlement-grants',
  benefitUsage: 'benefit-usage',
  usageRequests: 'usage-requests',
  campaigns: 'campaigns',
  campaignRedemptions: 'campaign-redemptions',
  campaignClaims: 'campaign-claims',
  cancelIntents: 'cancel-intents',
  webhookEndpoints: 'webhook-endpoints',
  webhookEvents: 'webhook-events',
  webhookDeliveries: 'webhook-deliveries',
  webhookAttempts: 'webhook-attempts',
  memberMessages: 'member-messages',
  messageClaims: 'message-claims',
} as const

export const globalSlugs = {
  membershipSettings: 'membership-settings',
} as const

/**
 * Configuration whose every change is recorded in the audit log (docs/rules.md rule 12), and who
 * may act on it: the catalogue, support's grants, staff users and service accounts (their API keys
 * included), marketing's campaigns and the webhook endpoints (their secrets never recorded). A test checks that each of these, and only these, has the audit hooks wired in.
 */
export const auditedCollections = [
  slugs.benefits,
  slugs.tiers,
  slugs.courseAccessTiers,
  slugs.courses,
  slugs.entitlementGrants,
  slugs.users,
  slugs.serviceAccounts,
  slugs.campaigns,
  slugs.webhookEndpoints,
] as const

export const auditedGlobals = [globalSlugs.membershipSettings] as const

export type CollectionSlugName = (typeof slugs)[keyof typeof slugs]
