// Who may do what, as one table. Collection files only wire these entries in.
import type { Access } from 'payload'

import { slugs } from '../../collections/slugs'
import { hasAnyRole, type Principal, type Role } from './roles'
import { allow, allowField, anyOf, anyone, ownRecord, type RoleRule } from './rules'

type CollectionPolicy = {
  /** May sign in to the admin panel (auth collections only). */
  admin?: RoleRule
  create: Access
  read: Access
  update: Access
  delete: Access
  unlock?: RoleRule
  readVersions?: Access
}

const staff = allow('admin', 'operations', 'marketing', 'support', 'viewer')
const catalogueEditors = allow('admin', 'operations')
const nobodyViaApi: Access = () => false
const memberCare = allow('admin', 'support')

/** Staff see drafts; everyone else sees what is published. */
const staffOrPublished = (statusField: '_status' | 'status'): Access =>
  anyOf(staff, () => ({ [statusField]: { equals: 'published' } }))

/** The catalogue as configured by operations (benefit definitions, course-access tiers). */
const catalogueEditing = {
  create: catalogueEditors,
  update: catalogueEditors,
  delete: catalogueEditors,
}

export const policy = {
  [slugs.users]: {
    admin: staff,
    create: allow('admin'),
    read: anyOf(allow('admin'), ownRecord(slugs.users)),
    update: anyOf(allow('admin'), ownRecord(slugs.users)),
    delete: allow('admin'),
    unlock: allow('admin'),
  },
  [slugs.serviceAccounts]: {
    admin: () => false,
    create: allow('admin'),
    // A frontend may look itself up (GET /api/service-accounts/me), nothing more.
    read: anyOf(allow('admin'), ownRecord(slugs.serviceAccounts)),
    update: allow('admin'),
    delete: allow('admin'),
    unlock: allow('admin'),
  },
  [slugs.media]: {
    create: allow('admin', 'operations', 'marketing'),
    // Badges and covers appear on public pricing and course pages.
    read: anyone,
    update: allow('admin', 'operations', 'marketing'),
    delete: allow('admin', 'operations'),
  },
  // The published pricing catalogue is public: tiers, benefits, course-access tiers.
  [slugs.benefits]: { ...catalogueEditing, read: anyone },
  [slugs.courseAccessTiers]: { ...catalogueEditing, read: anyone },
  [slugs.tiers]: {
    ...catalogueEditing,
    read: staffOrPublished('_status'),
    readVersions: staff,
  },
  // Courses: staff, and frontends for published ones; not anonymous visitors.
  [slugs.courses]: {
    ...catalogueEditing,
    read: anyOf(staff, ({ req }) =>
      allow('frontend')({ req }) ? { status: { equals: 'published' } } : false,
    ),
  },
  // Written only by hooks; nobody, admins included, edits or deletes an entry through any API.
  [slugs.auditLog]: {
    create: nobodyViaApi,
    read: staff,
    update: nobodyViaApi,
    delete: nobodyViaApi,
  },
  // Members are personal data: support and admins work with them; frontends never list them (they
  // ask the entitlement endpoints about one member at a time).
  [slugs.members]: {
    create: memberCare,
    read: memberCare,
    update: memberCare,
    delete: allow('admin'),
  },
  // The ledger is append-only: support records grants and cancellations, billing reports orders
  // through /api/membership/orders; nobody edits or deletes an event.
  [slugs.membershipEvents]: {
    create: memberCare,
    read: memberCare,
    update: nobodyViaApi,
    delete: nobodyViaApi,
  },
  // Written by the tier publish hook only; immutable.
  [slugs.tierVersions]: {
    create: nobodyViaApi,
    read: staff,
    update: nobodyViaApi,
    delete: nobodyViaApi,
  },
  [slugs.entitlementGrants]: {
    create: memberCare,
    read: memberCare,
    update: memberCare,
    delete: allow('admin'),
  },
  // Quota use is written by the consume operation only.
  [slugs.benefitUsage]: {
    create: nobodyViaApi,
    read: memberCare,
    update: nobodyViaApi,
    delete: nobodyViaApi,
  },
  // Marketing runs campaigns; admins also delete them; other staff read. Frontends read nothing
  // of them directly: offers reach them through the entitlement API.
  [slugs.campaigns]: {
    create: allow('admin', 'marketing'),
    read: staff,
    update: allow('admin', 'marketing'),
    delete: allow('admin'),
    readVersions: staff,
  },
  // Written by the billing order operation only; append-only for everyone, admins included.
  [slugs.campaignRedemptions]: {
    create: nobodyViaApi,
    read: allow('admin', 'marketing', 'support'),
    update: nobodyViaApi,
    delete: nobodyViaApi,
  },
  [slugs.campaignClaims]: {
    create: nobodyViaApi,
    read: allow('admin'),
    update: nobodyViaApi,
    delete: nobodyViaApi,
  },
  // Written by the cancel-intent operation only; support reads them (personal data: the member's
  // own words); marketers see counts by reason in a retention campaign's stats.
  [slugs.cancelIntents]: {
    create: nobodyViaApi,
    read: memberCare,
    update: nobodyViaApi,
    delete: nobodyViaApi,
  },
  // Written by the message job only (src/operations/messages); support sees what a member was sent.
  [slugs.memberMessages]: {
    create: nobodyViaApi,
    read: memberCare,
    update: nobodyViaApi,
    delete: nobodyViaApi,
  },
  [slugs.messageClaims]: {
    create: nobodyViaApi,
    read: allow('admin'),
    update: nobodyViaApi,
    delete: nobodyViaApi,
  },
  [slugs.usageRequests]: {
    create: nobodyViaApi,
    read: allow('admin'),
    update: nobodyViaApi,
    delete: nobodyViaApi,
  },
  /** Webhook endpoints hold signing secrets: administrators only (docs/webhooks.md). */
  [slugs.webhookEndpoints]: {
    create: allow('admin'),
    read: allow('admin'),
    update: allow('admin'),
    delete: allow('admin'),
  },
  /** The outbox and its deliveries are written by the app; support reads a member's on their page. */
  [slugs.webhookEvents]: {
    create: nobodyViaApi,
    read: memberCare,
    update: nobodyViaApi,
    delete: nobodyViaApi,
  },
  [slugs.webhookDeliveries]: {
    create: nobodyViaApi,
    read: memberCare,
    update: nobodyViaApi,
    delete: nobodyViaApi,
  },
  [slugs.webhookAttempts]: {
    create: nobodyViaApi,
    read: allow('admin'),
    update: nobodyViaApi,
    delete: nobodyViaApi,
  },
} satisfies Record<string, CollectionPolicy>

export const globalPolicy = {
  membershipSettings: { read: anyone, update: allow('admin', 'operations') },
}

/** Roles that may call an API operation, or `public` for anyone, signed in or not. */
export type OperationRule = readonly Role[] | 'public'

/**
 * Who may call each API operation, on every transport: REST, GraphQL and the lean path all ask
 * `authorise` (src/api/authorise.ts), which reads this table and nothing else.
 */
export const operationPolicy = {
  /** Member entitlements, check, batch check, consume: frontends ask about one member at a time. */
  entitlements: ['admin', 'support', 'frontend'],
  orders: ['admin', 'billing'],
  publishImpact: ['admin', 'operations'],
  /** The campaign editor's audience preview: those who write campaigns. */
  audiencePreview: ['admin', 'marketing'],
  /** A campaign's figures: every staff role reads campaigns; never a frontend key. */
  campaignStats: ['admin', 'marketing', 'operations', 'support', 'viewer'],
  /** Only the published catalogue is in it. */
  pricingMatrix: 'public',
  /** A member's referral code, referrer and rewards: the member's frontend, billing, support. */
  memberReferral: ['admin', 'support', 'frontend', 'billing'],
  /** An upgrade quote (docs/rules.md rule 18): the member's frontend shows it, billing charges it. */
  memberQuote: ['admin', 'support', 'frontend', 'billing'],
  /** A member says they will not renew (and may confirm it): the member's frontend, support. */
  cancelIntent: ['admin', 'support', 'frontend'],
  /** Recording who referred a new member: the sign-up frontend or billing. */
  attributeReferral: ['admin', 'frontend', 'billing'],
  /** Sending a webhook delivery again: administrators, who see the endpoints. */
  webhookReplay: ['admin'],
  /** The platform sets a member's contact and consent (an upsert by externalId). */
  memberContact: ['admin', 'billing'],
  /** A member's own language and consent, and their inbox: the member's frontend and support. */
  memberPreferences: ['admin', 'support', 'frontend'],
  memberMessages: ['admin', 'support', 'frontend'],
} as const satisfies Record<string, OperationRule>

export const mayCall = (rule: OperationRule, principal: Principal | null): boolean =>
  rule === 'public' || hasAnyRole(principal, rule)

export const fieldPolicy = {
  /** Roles are granted by admins only, so nobody can raise their own. */
  roles: { create: allowField('admin'), update: allowField('admin') },
  /** Exception reasons are internal notes: staff read them, the public API never shows them. */
  internalNote: { read: allowField('admin', 'operations', 'marketing', 'support', 'viewer') },
  /** Membership state is the ledger's to write: read-only for every API caller. */
  ledgerOwned: { create: () => false, update: () => false },
}
