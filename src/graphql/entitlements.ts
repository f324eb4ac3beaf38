// GraphQL face of the entitlement service: queries `memberEntitlements`, `checkEntitlement`,
// `checkEntitlements` (batch) and mutation `consumeBenefit`, answering exactly what REST answers.
// Bad input and unknown members become GraphQL errors carrying the REST status and error code;
// refusals (allowed: false) are answers.
import type { GraphQLFieldConfig, GraphQLNullableType, GraphQLType } from 'graphql'
import { APIError, type GraphQLExtension, type PayloadRequest } from 'payload'

import { endpointPolicy } from '../access/policy'
import { checkReasons } from '../domain/entitlements/engine'
import {
  fromObject,
  isProblem,
  parseBatch,
  parseCheck,
  parseConsume,
  parseMemberOnly,
  type InputProblem,
} from '../endpoints/entitlementInput'
import { consumeBenefit } from '../operations/entitlements/consume'
import {
  checkBatch,
  checkEntitlement,
  memberEntitlements,
  type ServiceAnswer,
} from '../operations/entitlements/service'

type GraphQLModule = Parameters<GraphQLExtension>[0]
type Context = { req: PayloadRequest }
type Types = ReturnType<typeof buildTypes>

// Queries and mutations are built by separate calls; the types must exist once per schema.
const typesByModule = new WeakMap<GraphQLModule, Types>()

function buildTypes(GraphQL: GraphQLModule) {
  const { GraphQLBoolean, GraphQLEnumType, GraphQLFloat, GraphQLInt, GraphQLList } = GraphQL
  const { GraphQLNonNull, GraphQLObjectType, GraphQLString } = GraphQL
  const required = <T extends GraphQLNullableType>(type: T) => new GraphQLNonNull(type)
  const list = <T extends GraphQLType>(type: T) =>
    new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(type)))

  const Localized = new GraphQLObjectType({
    name: 'EntitlementText',
    description: 'The same text in Chinese and English.',
    fields: { zh: { type: required(GraphQLString) }, en: { type: required(GraphQLString) } },
  })
  const Reason = new GraphQLEnumType({
    name: 'EntitlementReason',
    values: Object.fromEntries(checkReasons.map((reason) => [reason, { value: reason }])),
  })
  const MemberRef = new GraphQLObjectType({
    name: 'EntitlementMember',
    fields: {
      id: { type: required(GraphQLString) },
      externalId: { type: required(GraphQLString) },
    },
  })
  const Value = new GraphQLObjectType({
    name: 'EntitlementValue',
    description: 'A benefit value; which fields are set depends on `kind`.',
    fields: {
      kind: { type: required(GraphQLString) },
      enabled: { type: GraphQLBoolean },
      unlimited: { type: GraphQLBoolean },
      amount: { type: GraphQLFloat, description: 'null for a duration that grants nothing.' },
      level: { type: GraphQLString },
      percent: { type: GraphQLFloat },
    },
  })
  const Source = new GraphQLObjectType({
    name: 'EntitlementSource',
    description: 'Where a value comes from: a tier version (`tier`) or a support grant (`grant`).',
    fields: {
      type: { type: required(GraphQLString) },
      tierId: { type: GraphQLString },
      tierSlug: { type: GraphQLString },
      version: { type: GraphQLInt },
      grantId: { type: GraphQLString },
      reason: { type: GraphQLString },
      endsAt: { type: GraphQLString },
    },
  })
  const Quota = new GraphQLObjectType({
    name: 'EntitlementQuota',
    fields: {
      period: { type: required(GraphQLString) },
      limit: { type: GraphQLFloat, description: 'null: unlimited.' },
      used: { type: required(GraphQLFloat) },
      remaining: { type: GraphQLFloat, description: 'null: unlimited.' },
      resetsAt: { type: GraphQLString },
    },
  })
  const Benefit = new GraphQLObjectType({
    name: 'EntitlementBenefit',
    fields: {
      key: { type: required(GraphQLString) },
      name: { type: required(Localized) },
      category: { type: required(GraphQLString) },
      kind: { type: required(GraphQLString) },
      granted: { type: required(GraphQLBoolean) },
      value: { type: required(Value) },
      display: { type: required(Localized) },
      source: { type: Source },
      quota: { type: Quota },
    },
  })
  const TierRef = new GraphQLObjectType({
    name: 'EntitlementTier',
    fields: {
      id: { type: required(GraphQLString) },
      slug: { type: required(GraphQLString) },
      name: { type: required(Localized) },
      rank: { type: GraphQLFloat },
      kind: { type: GraphQLString },
    },
  })
  const Period = new GraphQLObjectType({
    name: 'EntitlementPeriod',
    fields: {
      start: { type: required(GraphQLString) },
      end: { type: required(GraphQLString) },
      billingPeriod: { type: GraphQLString },
    },
  })
  const PendingChange = new GraphQLObjectType({
    name: 'EntitlementPendingChange',
    fields: { tier: { type: required(TierRef) }, effectiveAt: { type: required(GraphQLString) } },
  })
  const AccessTier = new GraphQLObjectType({
    name: 'EntitlementAccessTier',
    fields: {
      id: { type: required(GraphQLString) },
      rank: { type: required(GraphQLFloat) },
      name: { type: required(Localized) },
      source: { type: Source },
    },
  })
  const Price = new GraphQLObjectType({
    name: 'EntitlementPrice',
    fields: {
      period: { type: required(GraphQLString) },
      listPrice: { type: required(GraphQLInt), description: 'In the smallest currency unit (分).' },
      sellingPrice: { type: required(GraphQLInt) },
      currency: { type: required(GraphQLString) },
    },
  })
  const Upgrade = new GraphQLObjectType({
    name: 'EntitlementUpgrade',
    description: 'The cheapest tier that would allow what was refused, with its best-value price.',
    fields: { tier: { type: required(TierRef) }, price: { type: Price } },
  })
  const MemberEntitlements = new GraphQLObjectType({
    name: 'MemberEntitlements',
    fields: {
      member: { type: required(MemberRef) },
      tier: { type: TierRef },
      version: { type: GraphQLInt },
      heldVersion: { type: GraphQLInt },
      grandfatheredUntil: { type: GraphQLString },
      status: { type: required(GraphQLString) },
      period: { type: Period },
      graceEndsAt: { type: GraphQLString },
      autoRenew: { type: required(GraphQLBoolean) },
      pendingChange: { type: PendingChange },
      benefits: { type: list(Benefit) },
      courseAccess: { type: list(AccessTier) },
      evaluatedAt: { type: required(GraphQLString) },
    },
  })
  const CourseCheck = new GraphQLObjectType({
    name: 'CourseCheck',
    fields: {
      id: { type: required(GraphQLString) },
      allowed: { type: required(GraphQLBoolean) },
      reason: { type: required(Reason) },
      message: { type: required(Localized) },
      accessTier: { type: AccessTier },
      source: { type: Source },
      upgrade: { type: Upgrade },
    },
  })
  const BenefitCheck = new GraphQLObjectType({
    name: 'BenefitCheck',
    fields: {
      key: { type: required(GraphQLString) },
      allowed: { type: required(GraphQLBoolean) },
      reason: { type: required(Reason) },
      message: { type: required(Localized) },
      value: { type: Benefit },
      upgrade: { type: Upgrade },
    },
  })
  const Check = new GraphQLObjectType({
    name: 'EntitlementCheck',
    fields: {
      allowed: { type: required(GraphQLBoolean) },
      reason: { type: required(Reason) },
      message: { type: required(Localized) },
      member: { type: MemberRef },
      course: { type: CourseCheck },
      benefit: { type: BenefitCheck },
      upgrade: { type: Upgrade },
      evaluatedAt: { type: GraphQLString },
    },
  })
  const Batch = new GraphQLObjectType({
    name: 'EntitlementBatch',
    fields: {
      member: { type: required(MemberRef) },
      courses: { type: list(CourseCheck) },
      benefits: { type: list(BenefitCheck) },
      evaluatedAt: { type: required(GraphQLString) },
    },
  })
  const Consumption = new GraphQLObjectType({
    name: 'BenefitConsumption',
    fields: {
      consumed: { type: required(GraphQLBoolean) },
      replayed: {
        type: GraphQLBoolean,
        description: 'true when the idempotency key was seen before.',
      },
      reason: { type: required(Reason) },
      message: { type: Localized },
      member: { type: MemberRef },
      benefit: { type: required(GraphQLString) },
      amount: { type: GraphQLInt },
      used: { type: GraphQLFloat },
      limit: { type: GraphQLFloat },
      remaining: { type: GraphQLFloat },
      resetsAt: { type: GraphQLString },
      usageId: { type: GraphQLString },
      value: { type: Benefit },
      upgrade: { type: Upgrade },
    },
  })
  return {
    MemberEntitlements,
    Check,
    Batch,
    Consumption,
    GraphQLString,
    GraphQLInt,
    required,
    list,
  }
}

const typesFor = (GraphQL: GraphQLModule): Types => {
  let types = typesByModule.get(GraphQL)
  if (!types) {
    types = buildTypes(GraphQL)
    typesByModule.set(GraphQL, types)
  }
  return types
}

/** REST's answer as GraphQL data, or its 4xx as a GraphQL error with the same code. */
function unwrap(answer: ServiceAnswer | InputProblem, req: PayloadRequest): unknown {
  const body = answer.body as {
    error?: string
    reason?: string
    message?: { zh: string; en: string }
  }
  const failed = answer.status >= 400 && (body.error || body.reason === 'member_unknown')
  if (!failed) return answer.body
  const message = body.message ? body.message[req.i18n?.language === 'en' ? 'en' : 'zh'] : 'error'
  throw new APIError(message, answer.status, { code: body.error ?? body.reason, ...body }, true)
}

function authorised(req: PayloadRequest): void {
  if (endpointPolicy.entitlements({ req })) return
  throw new APIError(
    req.user ? 'This key may not call the entitlement API.' : 'An API key is required.',
    req.user ? 403 : 401,
    undefined,
    true,
  )
}

type Resolver = GraphQLFieldConfig<unknown, Context, Record<string, unknown>>

export const entitlementQueries: GraphQLExtension = (GraphQL) => {
  const { MemberEntitlements, Check, Batch, GraphQLString, GraphQLInt, required } =
    typesFor(GraphQL)
  const memberEntitlementsQuery: Resolver = {
    type: required(MemberEntitlements),
    args: { member: { type: required(GraphQLString) } },
    resolve: async (_source, args, { req }) => {
      authorised(req)
      const input = parseMemberOnly(fromObject(args))
      return unwrap(isProblem(input) ? input : await memberEntitlements(req.payload, input), req)
    },
  }
  const checkEntitlementQuery: Resolver = {
    type: required(Check),
    args: {
      member: { type: required(GraphQLString) },
      course: { type: GraphQLString },
      benefit: { type: GraphQLString },
      amount: { type: GraphQLInt },
    },
    resolve: async (_source, args, { req }) => {
      authorised(req)
      const input = parseCheck(fromObject(args))
      return unwrap(isProblem(input) ? input : await checkEntitlement(req.payload, input), req)
    },
  }
  const checkEntitlementsQuery: Resolver = {
    type: required(Batch),
    args: {
      member: { type: required(GraphQLString) },
      courses: { type: new GraphQL.GraphQLList(required(GraphQLString)) },
      benefits: { type: new GraphQL.GraphQLList(required(GraphQLString)) },
    },
    resolve: async (_source, args, { req }) => {
      authorised(req)
      const input = parseBatch(fromObject(args))
      return unwrap(isProblem(input) ? input : await checkBatch(req.payload, input), req)
    },
  }
  return {
    memberEntitlements: memberEntitlementsQuery,
    checkEntitlement: checkEntitlementQuery,
    checkEntitlements: checkEntitlementsQuery,
  }
}

export const entitlementMutations: GraphQLExtension = (GraphQL) => {
  const { Consumption, GraphQLString, GraphQLInt, required } = typesFor(GraphQL)
  const consume: Resolver = {
    type: required(Consumption),
    args: {
      member: { type: required(GraphQLString) },
      benefit: { type: required(GraphQLString) },
      amount: { type: GraphQLInt },
      idempotencyKey: { type: required(GraphQLString) },
    },
    resolve: async (_source, args, { req }) => {
      authorised(req)
      const input = parseConsume(fromObject(args))
      const answer = isProblem(input) ? input : await consumeBenefit(req.payload, input)
      const body = answer.body as { consumed?: boolean; reason?: string }
      // A refusal (quota used up, not included) is an answer, not an error.
      if (answer.status >= 400 && body.consumed === false && body.reason) return body
      return unwrap(answer, req)
    },
  }
  return { consumeBenefit: consume }
}
