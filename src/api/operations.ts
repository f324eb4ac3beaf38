// Every API operation as one row: who may call it, its request schema, the operation it runs, the
// refusals it can give, and where each transport serves it. REST endpoints (src/endpoints), GraphQL
// fields (src/graphql) and lean routes (src/server) are generated from these rows, and the parity
// test (tests/int/parity.int.test.ts) runs every row through each of them. Adding an operation is
// one row here, its GraphQL output type, and its parity cases (docs/guide.md, "Adding an
// operation").
import type { Payload, PayloadRequest } from 'payload'
import { z } from 'zod'

import { slugs } from '../../collections/slugs'
import { operationPolicy, type OperationRule } from '../access/policy'
import type { Principal } from '../access/roles'
import { consumeBenefit } from '../operations/entitlements/consume'
import { recordOrder, type OrderAnswer } from '../operations/entitlements/orders'
import { upgradeQuote } from '../operations/entitlements/quote'
import {
  recordCancelIntent,
  type CancelIntentAnswer,
} from '../operations/entitlements/cancelIntent'
import { tierPublishImpact } from '../operations/entitlements/publishImpact'
import {
  checkBatch,
  checkEntitlement,
  memberEntitlements,
} from '../operations/entitlements/service'
import {
  campaignStats,
  previewAudience,
  previewSavedAudience,
} from '../operations/campaigns/audiencePreview'
import { memberOffers } from '../operations/campaigns/memberOffers'
import {
  attributeReferral,
  memberReferral,
  type AttributionAnswer,
} from '../operations/campaigns/referral'
import {
  memberPreferences,
  updateMemberPreferences,
  upsertMemberContact,
  type ContactAnswer,
} from '../operations/messages/contact'
import { markMessageRead, memberMessages } from '../operations/messages/inbox'
import { pricingMatrix } from '../operations/pricingMatrix'
import { replayDelivery } from '../operations/webhooks/replay'
import { ok, type Outcome, type RefusalReason } from '../operations/result'
import { authorise } from './authorise'
import { parseInput } from './input'
import {
  attributeReferralSchema,
  campaignByIdSchema,
  campaignDraftSchema,
  campaignStatsSchema,
  checkBatchSchema,
  checkSchema,
  consumeSchema,
  markMessageReadSchema,
  memberContactSchema,
  memberMessagesSchema,
  memberPreferencesSchema,
  updatePreferencesSchema,
  memberEntitlementsSchema,
  memberOffersSchema,
  memberReferralSchema,
  orderSchema,
  pricingMatrixSchema,
  publishImpactSchema,
  quoteSchema,
  cancelIntentSchema,
  webhookReplaySchema,
} from './schemas'

/** What an operation runs with. `req` is there on REST and GraphQL, not on the lean path. */
export type Call = { payload: Payload; req?: PayloadRequest }

export type RestRoute<Value = unknown> = {
  method: 'GET' | 'POST'
  /** Under /api. `:name` segments are input fields of that name. */
  path: string
  /** Served as an endpoint of this collection (the path's first segment is its slug). */
  collection?: string
  /** Where the rest of the input is: the query string, the JSON body's fields, or the whole body. */
  input: 'query' | 'body' | { bodyAs: string }
  /** The status of an answer when it is not 200. */
  status?: (value: Value) => number
}

/** A GraphQL argument: `String`, `String!`, `Int`, `[String!]` or a named type, with a default. */
export type GraphqlArgument = string | { type: string; defaultValue?: unknown }

export type GraphqlField = {
  kind: 'query' | 'mutation'
  field: string
  args: Record<string, GraphqlArgument>
  /** The output type's name, as built in src/graphql/types.ts. */
  type: string
  description: string
}

export type ApiOperation = {
  name: string
  policy: OperationRule
  schema: z.ZodType
  /** Reasons it refuses with besides invalid_request, unauthorized and forbidden. */
  refusals: readonly RefusalReason[]
  rest: RestRoute
  graphql?: GraphqlField
  /** Also answered by node:http in the app server (API-key requests; needs no Payload request). */
  lean: boolean
  /** Runs the operation on input its schema produced. */
  run(call: Call, input: unknown): Promise<Outcome<unknown>>
}

type Row<Schema extends z.ZodType, Value> = Omit<ApiOperation, 'schema' | 'run' | 'rest'> & {
  schema: Schema
  rest: RestRoute<Value>
  run: (call: Call, input: z.output<Schema>) => Promise<Outcome<Value>>
}

/**
 * Ties a row's schema, operation and success status together, then forgets their types. The schema
 * is compiled once here (zod's generated fast path parses in about a third of the time).
 */
function operation<Schema extends z.ZodType, Value>(row: Row<Schema, Value>): ApiOperation {
  return {
    ...row,
    schema: z.compile(row.schema),
    rest: row.rest as RestRoute,
    run: (call, input) => row.run(call, input as z.output<Schema>),
  }
}

/** Operations that write through Payload (hooks, access, audit) need its request. */
function requestOf(call: Call, name: string): PayloadRequest {
  if (!call.req) throw new Error(`${name} needs a Payload request; it cannot be served lean`)
  return call.req
}

export const apiOperations = {
  memberEntitlements: operation({
    name: 'memberEntitlements',
    policy: operationPolicy.entitlements,
    schema: memberEntitlementsSchema,
    refusals: ['member_unknown'],
    run: ({ payload }, input) => memberEntitlements(payload, input),
    rest: {
      method: 'GET',
      path: `/${slugs.members}/:member/entitlements`,
      collection: slugs.members,
      input: 'query',
    },
    graphql: {
      kind: 'query',
      field: 'memberEntitlements',
      args: { member: 'String!' },
      type: 'MemberEntitlements',
      description: 'Everything the member has now, with sources, quotas and next resets.',
    },
    lean: true,
  }),
  checkEntitlement: operation({
    name: 'checkEntitlement',
    policy: operationPolicy.entitlements,
    schema: checkSchema,
    refusals: ['member_unknown', 'course_unknown', 'benefit_unknown'],
    run: ({ payload }, input) => checkEntitlement(payload, input),
    rest: { method: 'GET', path: '/entitlements/check', input: 'query' },
    graphql: {
      kind: 'query',
      field: 'checkEntitlement',
      args: { member: 'String!', course: 'String', benefit: 'String', amount: 'Int' },
      type: 'EntitlementCheck',
      description: 'May the member open this course and/or use this benefit (amount units)?',
    },
    lean: true,
  }),
  checkBatch: operation({
    name: 'checkBatch',
    policy: operationPolicy.entitlements,
    schema: checkBatchSchema,
    refusals: ['member_unknown'],
    run: ({ payload }, input) => checkBatch(payload, input),
    rest: { method: 'POST', path: '/entitlements/check-batch', input: 'body' },
    graphql: {
      kind: 'query',
      field: 'checkEntitlements',
      args: { member: 'String!', courses: '[String!]', benefits: '[String!]' },
      type: 'EntitlementBatch',
      description: 'Up to 200 courses and benefits for one member, answered in the order asked.',
    },
    lean: true,
  }),
  memberOffers: operation({
    name: 'memberOffers',
    policy: operationPolicy.entitlements,
    schema: memberOffersSchema,
    refusals: ['member_unknown'],
    run: ({ payload }, input) => memberOffers(payload, input),
    rest: {
      method: 'GET',
      path: `/${slugs.members}/:member/offers`,
      collection: slugs.members,
      input: 'query',
    },
    graphql: {
      kind: 'query',
      field: 'memberOffers',
      args: { member: 'String!', kind: 'String', tier: 'String', locale: 'String' },
      type: 'MemberOffers',
      description: 'The live campaign offers the member may take now, best first.',
    },
    lean: true,
  }),
  consumeBenefit: operation({
    name: 'consumeBenefit',
    policy: operationPolicy.entitlements,
    schema: consumeSchema,
    refusals: [
      'member_unknown',
      'benefit_unknown',
      'not_consumable',
      'not_included',
      'membership_expired',
      'membership_cancelled',
      'quota_exhausted',
      'request_in_progress',
    ],
    run: ({ payload }, input) => consumeBenefit(payload, input),
    rest: { method: 'POST', path: '/entitlements/consume', input: 'body' },
    graphql: {
      kind: 'mutation',
      field: 'consumeBenefit',
      args: { member: 'String!', benefit: 'String!', amount: 'Int', idempotencyKey: 'String!' },
      type: 'BenefitConsumption',
      description: 'Uses quota; the idempotency key makes a retry count once.',
    },
    lean: true,
  }),
  recordOrder: operation({
    name: 'recordOrder',
    policy: operationPolicy.orders,
    schema: orderSchema,
    refusals: [
      'member_unknown',
      'tier_unknown',
      'order_conflict',
      'tier_not_purchasable',
      'billing_period_not_offered',
      'not_an_upgrade',
      'not_a_downgrade',
      'already_member',
      'nothing_to_renew',
      'renewal_tier_mismatch',
      'nothing_to_cancel',
      'campaign_unknown',
      'campaign_not_live',
      'not_eligible',
      'amount_mismatch',
      'campaign_exhausted',
      'already_redeemed',
      'trial_used',
      'trial_needs_campaign',
      'quote_required',
      'quote_unknown',
      'quote_expired',
    ],
    run: (call, input) => recordOrder(requestOf(call, 'recordOrder'), input),
    rest: {
      method: 'POST',
      path: '/membership/orders',
      input: 'body',
      status: (answer: OrderAnswer) => (answer.recorded ? 201 : 200),
    },
    lean: false,
  }),
  memberQuote: operation({
    name: 'memberQuote',
    policy: operationPolicy.memberQuote,
    schema: quoteSchema,
    refusals: [
      'member_unknown',
      'tier_unknown',
      'tier_not_purchasable',
      'billing_period_not_offered',
      'not_an_upgrade',
      'campaign_unknown',
      'not_eligible',
    ],
    run: ({ payload }, input) => upgradeQuote(payload, input),
    rest: {
      method: 'GET',
      path: `/${slugs.members}/:member/quote`,
      collection: slugs.members,
      input: 'query',
    },
    graphql: {
      kind: 'query',
      field: 'memberQuote',
      args: {
        member: 'String!',
        tier: 'String!',
        period: 'String',
        campaign: 'String',
        locale: 'String',
      },
      type: 'MemberQuote',
      description:
        'What an upgrade costs now: the price, the best live offer, the credit for the unused paid period, and a quote id an upgrade order must carry.',
    },
    lean: true,
  }),
  cancelIntent: operation({
    name: 'cancelIntent',
    policy: operationPolicy.cancelIntent,
    schema: cancelIntentSchema,
    refusals: ['member_unknown', 'nothing_to_cancel'],
    run: ({ payload }, input) => recordCancelIntent(payload, input),
    rest: {
      method: 'POST',
      path: `/${slugs.members}/:member/cancel-intent`,
      collection: slugs.members,
      input: 'body',
      status: (answer: CancelIntentAnswer) => (answer.recorded ? 201 : 200),
    },
    graphql: {
      kind: 'mutation',
      field: 'cancelIntent',
      args: {
        member: 'String!',
        reason: 'String!',
        text: 'String',
        confirm: 'Boolean',
        locale: 'String',
      },
      type: 'MemberCancelIntent',
      description:
        'The member will not renew (a reason from the fixed list): the best retention offer; confirm turns auto-renew off at the period end.',
    },
    lean: true,
  }),
  publishImpact: operation({
    name: 'publishImpact',
    policy: operationPolicy.publishImpact,
    schema: publishImpactSchema,
    refusals: ['tier_unknown'],
    run: (call, input) => tierPublishImpact(requestOf(call, 'publishImpact'), input),
    rest: {
      method: 'POST',
      path: `/${slugs.tiers}/:id/publish-impact`,
      collection: slugs.tiers,
      input: { bodyAs: 'fields' },
    },
    lean: false,
  }),
  pricingMatrix: operation({
    name: 'pricingMatrix',
    policy: operationPolicy.pricingMatrix,
    schema: pricingMatrixSchema,
    refusals: [],
    run: async (call, input) =>
      ok(await pricingMatrix(requestOf(call, 'pricingMatrix'), input.locale)),
    rest: { method: 'GET', path: '/pricing-matrix', input: 'query' },
    graphql: {
      kind: 'query',
      field: 'pricingMatrix',
      args: { locale: { type: 'PricingLocale', defaultValue: 'zh' } },
      type: 'PricingMatrix',
      description: 'The published ladder as one comparison matrix (tiers × benefits).',
    },
    lean: false,
  }),
  audiencePreview: operation({
    name: 'audiencePreview',
    policy: operationPolicy.audiencePreview,
    schema: campaignDraftSchema,
    refusals: ['campaign_unknown'],
    run: (call, input) => previewAudience(requestOf(call, 'audiencePreview'), input),
    rest: {
      method: 'POST',
      path: `/${slugs.campaigns}/preview-audience`,
      collection: slugs.campaigns,
      input: 'body',
    },
    graphql: {
      kind: 'query',
      field: 'campaignAudiencePreview',
      args: {
        id: 'String',
        slug: 'String',
        name: 'CampaignDraftValue',
        kind: 'String',
        schedule: 'CampaignDraftValue',
        terms: 'CampaignDraftValue',
      },
      type: 'CampaignAudiencePreview',
      description:
        'Who a campaign as edited would reach (at its start, or now), by tier and why not, its prices and its cost at the budget.',
    },
    lean: false,
  }),
  savedAudiencePreview: operation({
    name: 'savedAudiencePreview',
    policy: operationPolicy.audiencePreview,
    schema: campaignByIdSchema,
    refusals: ['campaign_unknown'],
    run: (call, input) => previewSavedAudience(requestOf(call, 'savedAudiencePreview'), input),
    rest: {
      method: 'GET',
      path: `/${slugs.campaigns}/:id/preview-audience`,
      collection: slugs.campaigns,
      input: 'query',
    },
    graphql: {
      kind: 'query',
      field: 'savedCampaignAudiencePreview',
      args: { id: 'String!' },
      type: 'CampaignAudiencePreview',
      description: "The audience preview of a saved campaign's latest draft.",
    },
    lean: false,
  }),
  campaignStats: operation({
    name: 'campaignStats',
    policy: operationPolicy.campaignStats,
    schema: campaignStatsSchema,
    refusals: ['campaign_unknown'],
    run: (call, input) => campaignStats(requestOf(call, 'campaignStats'), input),
    rest: {
      method: 'GET',
      path: `/${slugs.campaigns}/:id/stats`,
      collection: slugs.campaigns,
      input: 'query',
    },
    graphql: {
      kind: 'query',
      field: 'campaignStats',
      args: { id: 'String!' },
      type: 'CampaignStats',
      description:
        "A campaign's figures: eligible now, redemptions, revenue, discount, conversion.",
    },
    lean: false,
  }),
  memberReferral: operation({
    name: 'memberReferral',
    policy: operationPolicy.memberReferral,
    schema: memberReferralSchema,
    refusals: ['member_unknown'],
    run: ({ payload }, input) => memberReferral(payload, input),
    rest: {
      method: 'GET',
      path: `/${slugs.members}/:member/referral`,
      collection: slugs.members,
      input: 'query',
    },
    graphql: {
      kind: 'query',
      field: 'memberReferral',
      args: { member: 'String!' },
      type: 'MemberReferral',
      description:
        "The member's referral code, who referred them, how many they referred, and rewards left.",
    },
    lean: true,
  }),
  attributeReferral: operation({
    name: 'attributeReferral',
    policy: operationPolicy.attributeReferral,
    schema: attributeReferralSchema,
    refusals: [
      'member_unknown',
      'referral_code_unknown',
      'own_referral_code',
      'already_referred',
      'referral_cycle',
      'already_paid',
    ],
    run: ({ payload }, input) => attributeReferral(payload, input),
    rest: {
      method: 'POST',
      path: `/${slugs.members}/:member/referral`,
      collection: slugs.members,
      input: 'body',
      status: (answer: AttributionAnswer) => (answer.attributed ? 201 : 200),
    },
    graphql: {
      kind: 'mutation',
      field: 'attributeReferral',
      args: { member: 'String!', code: 'String!' },
      type: 'ReferralAttribution',
      description: 'Records, once, who referred a new member (before their first paid order).',
    },
    lean: true,
  }),
  replayWebhookDelivery: operation({
    name: 'replayWebhookDelivery',
    policy: operationPolicy.webhookReplay,
    schema: webhookReplaySchema,
    refusals: ['delivery_unknown', 'delivery_in_progress', 'endpoint_inactive'],
    run: (call, input) => {
      const req = requestOf(call, 'replayWebhookDelivery')
      const user = req.user as { email?: string } | null
      return replayDelivery(req.payload, input, user?.email ?? 'admin')
    },
    rest: {
      method: 'POST',
      path: `/${slugs.webhookDeliveries}/:id/replay`,
      collection: slugs.webhookDeliveries,
      input: 'body',
    },
    lean: false,
  }),
  memberContact: operation({
    name: 'memberContact',
    policy: operationPolicy.memberContact,
    schema: memberContactSchema,
    refusals: ['member_unknown'],
    run: (call, input) => upsertMemberContact(requestOf(call, 'memberContact'), input),
    rest: {
      method: 'POST',
      path: `/${slugs.members}/contact`,
      collection: slugs.members,
      input: 'body',
      status: (answer: ContactAnswer) => (answer.created ? 201 : 200),
    },
    graphql: {
      kind: 'mutation',
      field: 'upsertMemberContact',
      args: {
        member: 'String!',
        displayName: 'String',
        email: 'String',
        phone: 'String',
        language: 'String',
        consentEmail: 'Boolean',
        consentInApp: 'Boolean',
        consentSms: 'Boolean',
      },
      type: 'MemberContactAnswer',
      description:
        "Sets a member's contact, language and consent by platform user id, creating the member when new (idempotent).",
    },
    lean: false,
  }),
  memberPreferences: operation({
    name: 'memberPreferences',
    policy: operationPolicy.memberPreferences,
    schema: memberPreferencesSchema,
    refusals: ['member_unknown'],
    run: ({ payload }, input) => memberPreferences(payload, input),
    rest: {
      method: 'GET',
      path: `/${slugs.members}/:member/preferences`,
      collection: slugs.members,
      input: 'query',
    },
    graphql: {
      kind: 'query',
      field: 'memberPreferences',
      args: { member: 'String!' },
      type: 'MemberPreferences',
      description: "The member's message language and marketing consent per channel.",
    },
    lean: true,
  }),
  updateMemberPreferences: operation({
    name: 'updateMemberPreferences',
    policy: operationPolicy.memberPreferences,
    schema: updatePreferencesSchema,
    refusals: ['member_unknown'],
    run: ({ payload }, input) => updateMemberPreferences(payload, input),
    rest: {
      method: 'POST',
      path: `/${slugs.members}/:member/preferences`,
      collection: slugs.members,
      input: 'body',
    },
    graphql: {
      kind: 'mutation',
      field: 'updateMemberPreferences',
      args: {
        member: 'String!',
        language: 'String',
        consentEmail: 'Boolean',
        consentInApp: 'Boolean',
        consentSms: 'Boolean',
      },
      type: 'MemberPreferences',
      description: "Changes the member's message language or consent (stamps consentUpdatedAt).",
    },
    lean: true,
  }),
  memberMessages: operation({
    name: 'memberMessages',
    policy: operationPolicy.memberMessages,
    schema: memberMessagesSchema,
    refusals: ['member_unknown'],
    run: ({ payload }, input) => memberMessages(payload, input),
    rest: {
      method: 'GET',
      path: `/${slugs.members}/:member/messages`,
      collection: slugs.members,
      input: 'query',
    },
    graphql: {
      kind: 'query',
      field: 'memberMessages',
      args: { member: 'String!', page: 'Int', limit: 'Int' },
      type: 'MemberInbox',
      description: "The member's in-app messages, newest first, with the unread count.",
    },
    lean: true,
  }),
  markMessageRead: operation({
    name: 'markMessageRead',
    policy: operationPolicy.memberMessages,
    schema: markMessageReadSchema,
    refusals: ['member_unknown', 'message_unknown'],
    run: ({ payload }, input) => markMessageRead(payload, input),
    rest: {
      method: 'POST',
      path: `/${slugs.members}/:member/messages/:message/read`,
      collection: slugs.members,
      input: 'body',
    },
    graphql: {
      kind: 'mutation',
      field: 'markMessageRead',
      args: { member: 'String!', message: 'String!' },
      type: 'MessageRead',
      description: "Marks one of the member's in-app messages read (again: keeps the first time).",
    },
    lean: true,
  }),
} satisfies Record<string, ApiOperation>

export type OperationName = keyof typeof apiOperations

/**
 * What every transport does with a request, in this order: authorise from the policy table, then
 * parse the input with the schema, then run the operation. `raw` is the input as the transport
 * received it (query parameters, body fields, path parameters, GraphQL arguments).
 */
export async function perform(
  operation: ApiOperation,
  call: Call,
  principal: Principal | null,
  raw: unknown,
): Promise<Outcome<unknown>> {
  const denied = authorise(operation.policy, principal)
  if (denied) return { ok: false, refusal: denied }
  const input = parseInput(operation.schema, raw)
  if (!input.ok) return input
  return operation.run(call, input.value)
}
