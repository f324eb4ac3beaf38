// The GraphQL output types of the API operations, built once per GraphQL module (Payload builds
// queries and mutations in separate calls; a type must exist once per schema). Operation rows name
// their output type (`type: 'EntitlementCheck'`); src/graphql/operations.ts looks it up here.
import type { GraphQLNamedType, GraphQLNullableType, GraphQLType } from 'graphql'
import type { GraphQLExtension } from 'payload'

import { checkReasons } from '../domain/entitlements/engine'

export type GraphQLModule = Parameters<GraphQLExtension>[0]

function buildTypes(GraphQL: GraphQLModule): Record<string, GraphQLNamedType> {
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
  const Trial = new GraphQLObjectType({
    name: 'EntitlementTrial',
    fields: {
      tier: { type: required(TierRef) },
      endsAt: { type: required(GraphQLString) },
      returnsTo: { type: TierRef },
    },
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
  const offerFields = (copy: InstanceType<typeof GraphQLObjectType>) => ({
    campaign: { type: required(OfferCampaign) },
    kind: { type: required(GraphQLString) },
    tier: { type: required(OfferTier) },
    billingPeriod: { type: required(GraphQLString) },
    listPrice: { type: required(GraphQLInt), description: 'In the smallest currency unit (分).' },
    sellingPrice: { type: required(GraphQLInt) },
    offerPrice: { type: required(GraphQLInt) },
    saving: { type: required(GraphQLInt) },
    bonusDays: { type: required(GraphQLInt) },
    trialDays: { type: required(GraphQLInt) },
    gifts: { type: list(OfferGift) },
    endsAt: { type: required(GraphQLString) },
    copy: { type: required(copy) },
    currency: { type: required(GraphQLString) },
  })
  const OfferCampaign = new GraphQLObjectType({
    name: 'OfferCampaign',
    fields: {
      id: { type: required(GraphQLString) },
      slug: { type: required(GraphQLString) },
      name: { type: required(Localized) },
    },
  })
  const OfferTier = new GraphQLObjectType({
    name: 'OfferTier',
    fields: {
      id: { type: required(GraphQLString) },
      slug: { type: required(GraphQLString) },
      name: { type: required(Localized) },
    },
  })
  const OfferGift = new GraphQLObjectType({
    name: 'OfferGift',
    fields: {
      benefitKey: { type: required(GraphQLString) },
      amount: { type: required(GraphQLFloat) },
      validDays: { type: required(GraphQLInt) },
    },
  })
  const OfferCopy = new GraphQLObjectType({
    name: 'OfferCopy',
    fields: {
      headline: { type: required(GraphQLString) },
      body: { type: required(GraphQLString) },
      callToAction: { type: required(GraphQLString) },
    },
  })
  const OfferCopyTexts = new GraphQLObjectType({
    name: 'OfferCopyTexts',
    description: 'The copy in Chinese and English.',
    fields: { zh: { type: required(OfferCopy) }, en: { type: required(OfferCopy) } },
  })
  const Offer = new GraphQLObjectType({
    name: 'CampaignOffer',
    description: 'A live campaign offer on one price of the tier it sells; copy in one language.',
    fields: offerFields(OfferCopy),
  })
  const RefusalOffer = new GraphQLObjectType({
    name: 'RefusalOffer',
    description: 'The best live offer that would allow what was refused; copy in both languages.',
    fields: offerFields(OfferCopyTexts),
  })
  const MemberOffers = new GraphQLObjectType({
    name: 'MemberOffers',
    fields: {
      member: { type: required(MemberRef) },
      offers: { type: list(Offer) },
      evaluatedAt: { type: required(GraphQLString) },
    },
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
      trial: { type: Trial },
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
      offer: { type: RefusalOffer },
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
      offer: { type: RefusalOffer },
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
      offer: { type: RefusalOffer },
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
      offer: { type: RefusalOffer },
    },
  })

  const CampaignRef = new GraphQLObjectType({
    name: 'CampaignRef',
    fields: {
      id: { type: GraphQLString, description: 'null for a campaign not yet saved.' },
      slug: { type: required(GraphQLString) },
      name: { type: required(Localized) },
      kind: { type: required(GraphQLString) },
    },
  })
  const CampaignBudget = new GraphQLObjectType({
    name: 'CampaignBudgetFigures',
    fields: {
      totalRedemptions: { type: GraphQLInt, description: 'null: unlimited.' },
      perMember: { type: required(GraphQLInt) },
      maxDiscount: { type: GraphQLFloat, description: '分; null: no cap.' },
    },
  })
  const CampaignTier = new GraphQLObjectType({
    name: 'CampaignTierRef',
    fields: {
      id: { type: required(GraphQLString) },
      slug: { type: required(GraphQLString) },
      name: { type: required(Localized) },
      rank: { type: GraphQLFloat },
    },
  })
  const TierCount = new GraphQLObjectType({
    name: 'CampaignAudienceTier',
    fields: { tier: { type: required(CampaignTier) }, members: { type: required(GraphQLInt) } },
  })
  const WhyNot = new GraphQLObjectType({
    name: 'CampaignAudienceMiss',
    description: 'Members outside the audience by the first condition they miss.',
    fields: {
      reason: { type: required(GraphQLString) },
      message: { type: required(Localized) },
      members: { type: required(GraphQLInt) },
    },
  })
  const OfferPrice = new GraphQLObjectType({
    name: 'CampaignOfferPrice',
    description: 'The offer on one price of a tier it sells, in 分.',
    fields: {
      tier: { type: required(CampaignTier) },
      billingPeriod: { type: required(GraphQLString) },
      sellingPrice: { type: required(GraphQLFloat) },
      offerPrice: { type: required(GraphQLFloat) },
      saving: { type: required(GraphQLFloat) },
    },
  })
  const Cost = new GraphQLObjectType({
    name: 'CampaignBudgetCost',
    description: 'The discount (分) if the eligible members redeem, up to the budget and the cap.',
    fields: {
      redemptions: { type: required(GraphQLInt) },
      discount: { type: required(GraphQLFloat) },
      capped: { type: required(GraphQLBoolean) },
      unlimited: {
        type: required(GraphQLBoolean),
        description: 'No redemption budget and no cap: the cost grows with the audience.',
      },
    },
  })
  const CampaignAudiencePreview = new GraphQLObjectType({
    name: 'CampaignAudiencePreview',
    description:
      'Who a campaign reaches at `evaluatedAt` (its start while ahead, else now), its prices and cost.',
    fields: {
      campaign: { type: required(CampaignRef) },
      evaluatedAt: { type: required(GraphQLString) },
      countedAt: { type: required(GraphQLString), description: '`start` or `now`.' },
      members: { type: required(GraphQLInt) },
      eligible: { type: required(GraphQLInt) },
      eligibleByTier: { type: list(TierCount) },
      ineligible: { type: list(WhyNot) },
      prices: { type: list(OfferPrice) },
      cost: { type: required(Cost) },
      budget: { type: required(CampaignBudget) },
      currency: { type: required(GraphQLString) },
    },
  })
  const CampaignDraftValue = new GraphQL.GraphQLScalarType({
    name: 'CampaignDraftValue',
    description:
      'A part of a campaign as the editor holds it (a JSON value: `schedule`, `terms`, `name`); its shape is checked like the REST body.',
    serialize: (value) => value,
    parseValue: (value) => value,
    parseLiteral: (node, variables) => GraphQL.valueFromASTUntyped(node, variables),
  })
  const TierPeriod = new GraphQLObjectType({
    name: 'CampaignRedemptionsByTier',
    fields: {
      tier: { type: CampaignTier },
      billingPeriod: { type: GraphQLString },
      redemptions: { type: required(GraphQLInt) },
      revenue: { type: required(GraphQLFloat) },
      discountGiven: { type: required(GraphQLFloat) },
    },
  })
  const BudgetLeft = new GraphQLObjectType({
    name: 'CampaignBudgetLeft',
    fields: {
      redemptions: { type: GraphQLInt, description: 'null: unlimited.' },
      discount: { type: GraphQLFloat, description: '分; null: no cap.' },
    },
  })
  const ReasonCount = new GraphQLObjectType({
    name: 'CancelReasonCount',
    fields: {
      reason: { type: required(GraphQLString) },
      label: { type: required(Localized) },
      intents: { type: required(GraphQLInt) },
      confirmed: { type: required(GraphQLInt) },
    },
  })
  const CampaignStats = new GraphQLObjectType({
    name: 'CampaignStats',
    description:
      'A campaign: status, eligible now, redemptions, revenue and discount (分), conversion.',
    fields: {
      campaign: { type: required(CampaignRef) },
      status: { type: required(GraphQLString) },
      eligibleNow: { type: required(GraphQLInt) },
      redemptions: { type: required(GraphQLInt) },
      revenue: { type: required(GraphQLFloat) },
      discountGiven: { type: required(GraphQLFloat) },
      byTierAndPeriod: { type: list(TierPeriod) },
      audienceAtLaunch: { type: GraphQLInt },
      audienceCountedAt: { type: GraphQLString },
      conversion: { type: GraphQLFloat, description: 'Redemptions / audience at launch.' },
      budget: { type: required(CampaignBudget) },
      budgetLeft: { type: required(BudgetLeft) },
      cancelReasons: {
        type: list(ReasonCount),
        description: 'A retention campaign: cancel intents it was offered to, by reason.',
      },
      currency: { type: required(GraphQLString) },
      evaluatedAt: { type: required(GraphQLString) },
    },
  })
  const ReferralProgramme = new GraphQLObjectType({
    name: 'ReferralProgramme',
    description: 'The live referral campaign and what is left of its cap for this referrer.',
    fields: {
      campaign: { type: required(OfferCampaign) },
      perReferrer: { type: required(GraphQLInt) },
      earned: { type: required(GraphQLInt) },
      left: { type: required(GraphQLInt) },
    },
  })
  const MemberReferral = new GraphQLObjectType({
    name: 'MemberReferral',
    fields: {
      member: { type: required(MemberRef) },
      code: { type: required(GraphQLString) },
      referredBy: { type: MemberRef },
      referredCount: { type: required(GraphQLInt) },
      rewardsEarned: { type: required(GraphQLInt) },
      programme: { type: ReferralProgramme },
    },
  })
  const ReferralAttribution = new GraphQLObjectType({
    name: 'ReferralAttribution',
    fields: {
      attributed: { type: required(GraphQLBoolean) },
      member: { type: required(MemberRef) },
      referredBy: { type: required(MemberRef) },
      referredAt: { type: GraphQLString },
    },
  })

  const QuoteTier = new GraphQLObjectType({
    name: 'QuoteTier',
    fields: {
      id: { type: required(GraphQLString) },
      slug: { type: required(GraphQLString) },
      name: { type: required(Localized) },
    },
  })
  const QuoteFrom = new GraphQLObjectType({
    name: 'QuoteFrom',
    description: 'The membership the upgrade replaces (beneath any trial).',
    fields: {
      tier: { type: QuoteTier },
      billingPeriod: { type: GraphQLString },
      periodEnd: { type: GraphQLString },
    },
  })
  const QuoteCycle = new GraphQLObjectType({
    name: 'QuoteCreditCycle',
    description:
      'One paid cycle still running: what it was paid and what its unused days are worth.',
    fields: {
      start: { type: required(GraphQLString) },
      end: { type: required(GraphQLString) },
      paid: { type: required(GraphQLInt) },
      days: { type: required(GraphQLInt) },
      unusedDays: { type: required(GraphQLInt) },
      credit: { type: required(GraphQLInt) },
    },
  })
  const QuoteCredit = new GraphQLObjectType({
    name: 'QuoteCredit',
    description: 'Credit in 分 for the unused, paid-for rest of the period (rule 18).',
    fields: {
      amount: { type: required(GraphQLInt) },
      applied: { type: required(GraphQLInt) },
      left: { type: required(GraphQLInt), description: 'Credit above the price: not paid out.' },
      unusedDays: { type: required(GraphQLInt) },
      cycles: { type: list(QuoteCycle) },
    },
  })
  const MemberQuote = new GraphQLObjectType({
    name: 'MemberQuote',
    description: 'An upgrade priced now; amounts in 分.',
    fields: {
      quoteId: { type: required(GraphQLString) },
      validUntil: { type: required(GraphQLString) },
      member: { type: required(MemberRef) },
      from: { type: required(QuoteFrom) },
      tier: { type: required(QuoteTier) },
      billingPeriod: { type: required(GraphQLString) },
      listPrice: { type: required(GraphQLInt) },
      sellingPrice: { type: required(GraphQLInt) },
      offer: { type: Offer },
      offerPrice: { type: required(GraphQLInt) },
      credit: { type: required(QuoteCredit) },
      amount: { type: required(GraphQLInt) },
      newPeriod: { type: required(Period) },
      currency: { type: required(GraphQLString) },
      evaluatedAt: { type: required(GraphQLString) },
    },
  })

  const CancelIntentRecord = new GraphQLObjectType({
    name: 'MemberCancelIntentRecord',
    fields: {
      id: { type: required(GraphQLString) },
      reason: { type: required(GraphQLString) },
      text: { type: GraphQLString },
      confirmed: { type: required(GraphQLBoolean) },
      confirmedAt: { type: GraphQLString },
      periodEnd: { type: GraphQLString },
      createdAt: { type: GraphQLString },
    },
  })
  const CancelIntent = new GraphQLObjectType({
    name: 'MemberCancelIntent',
    description: 'A member who will not renew: their intent, the retention offer, auto-renew now.',
    fields: {
      recorded: { type: required(GraphQLBoolean), description: 'false: the intent was there.' },
      intent: { type: required(CancelIntentRecord) },
      member: { type: required(MemberRef) },
      offer: { type: Offer },
      autoRenew: { type: required(GraphQLBoolean) },
      periodEnd: { type: GraphQLString },
      message: { type: required(Localized) },
      evaluatedAt: { type: required(GraphQLString) },
    },
  })
  // Member contact, preferences and inbox (docs/messages.md).
  const Consent = new GraphQLObjectType({
    name: 'ContactConsent',
    description: 'Marketing consent per channel.',
    fields: {
      email: { type: required(GraphQLBoolean) },
      inApp: { type: required(GraphQLBoolean) },
      sms: { type: required(GraphQLBoolean) },
    },
  })
  const MemberContactAnswer = new GraphQLObjectType({
    name: 'MemberContactAnswer',
    fields: {
      member: { type: required(MemberRef) },
      created: { type: required(GraphQLBoolean) },
      changed: { type: required(GraphQLBoolean) },
      contact: {
        type: required(
          new GraphQLObjectType({
            name: 'MemberContactDetails',
            fields: {
              email: { type: GraphQLString },
              phone: { type: GraphQLString },
              language: { type: required(GraphQLString) },
              consent: { type: required(Consent) },
              consentUpdatedAt: { type: GraphQLString },
            },
          }),
        ),
      },
    },
  })
  const MemberPreferences = new GraphQLObjectType({
    name: 'MemberPreferences',
    fields: {
      member: { type: required(MemberRef) },
      language: { type: required(GraphQLString) },
      consent: { type: required(Consent) },
      consentUpdatedAt: { type: GraphQLString },
      reachable: {
        type: required(
          new GraphQLObjectType({
            name: 'MemberReachable',
            description: 'Whether an address is on file for the channel.',
            fields: {
              email: { type: required(GraphQLBoolean) },
              sms: { type: required(GraphQLBoolean) },
            },
          }),
        ),
      },
    },
  })
  const MessageOffer = new GraphQLObjectType({
    name: 'InboxMessageOffer',
    fields: {
      campaign: {
        type: required(
          new GraphQLObjectType({
            name: 'InboxMessageCampaign',
            fields: {
              id: { type: required(GraphQLString) },
              slug: { type: required(GraphQLString) },
              name: { type: required(GraphQLString) },
            },
          }),
        ),
      },
      headline: { type: required(GraphQLString) },
      price: { type: required(GraphQLInt) },
      sellingPrice: { type: required(GraphQLInt) },
      currency: { type: required(GraphQLString) },
      billingPeriod: { type: required(GraphQLString) },
      bonusDays: { type: required(GraphQLInt) },
      newPeriodEnd: { type: GraphQLString },
      endsAt: { type: GraphQLString },
    },
  })
  const MemberMessage = new GraphQLObjectType({
    name: 'InboxMessage',
    fields: {
      id: { type: required(GraphQLString) },
      kind: { type: required(GraphQLString) },
      title: { type: required(GraphQLString) },
      body: { type: required(GraphQLString) },
      offer: { type: MessageOffer },
      link: { type: GraphQLString },
      createdAt: { type: GraphQLString },
      readAt: { type: GraphQLString },
    },
  })
  const MemberInbox = new GraphQLObjectType({
    name: 'MemberInbox',
    fields: {
      member: { type: required(MemberRef) },
      messages: { type: list(MemberMessage) },
      unread: { type: required(GraphQLInt) },
      total: { type: required(GraphQLInt) },
      page: { type: required(GraphQLInt) },
      limit: { type: required(GraphQLInt) },
      totalPages: { type: required(GraphQLInt) },
    },
  })
  const MessageRead = new GraphQLObjectType({
    name: 'MessageRead',
    fields: { message: { type: required(MemberMessage) }, unread: { type: required(GraphQLInt) } },
  })

  return {
    MemberContactAnswer,
    MemberPreferences,
    MemberInbox,
    MessageRead,
    CampaignAudiencePreview,
    MemberCancelIntent: CancelIntent,
    MemberQuote,
    CampaignDraftValue,
    CampaignStats,
    MemberEntitlements,
    MemberOffers,
    MemberReferral,
    ReferralAttribution,
    EntitlementCheck: Check,
    EntitlementBatch: Batch,
    BenefitConsumption: Consumption,
    ...pricingTypes(GraphQL),
  }
}

/** The types of `pricingMatrix`: the published ladder, strings in the requested locale. */
function pricingTypes(GraphQL: GraphQLModule) {
  const { GraphQLBoolean, GraphQLEnumType, GraphQLFloat, GraphQLInt, GraphQLList } = GraphQL
  const { GraphQLNonNull, GraphQLObjectType, GraphQLString } = GraphQL
  const list = <T extends GraphQLType>(type: T) =>
    new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(type)))
  const required = <T extends GraphQLNullableType>(type: T) => new GraphQLNonNull(type)

  const PricingLocale = new GraphQLEnumType({
    name: 'PricingLocale',
    values: { zh: { value: 'zh' }, en: { value: 'en' } },
  })
  const AccessTier = new GraphQLObjectType({
    name: 'PricingAccessTier',
    fields: {
      id: { type: required(GraphQLString) },
      rank: { type: required(GraphQLInt) },
      name: { type: required(GraphQLString) },
    },
  })
  const Price = new GraphQLObjectType({
    name: 'PricingPrice',
    fields: {
      period: { type: required(GraphQLString) },
      listPrice: { type: required(GraphQLInt), description: 'In the smallest currency unit (分).' },
      sellingPrice: { type: required(GraphQLInt) },
      display: { type: required(GraphQLString) },
    },
  })
  const Growth = new GraphQLObjectType({
    name: 'PricingGrowth',
    fields: { reach: { type: required(GraphQLFloat) }, keep: { type: required(GraphQLFloat) } },
  })
  const PricingOfferCampaign = new GraphQLObjectType({
    name: 'PricingOfferCampaign',
    fields: {
      id: { type: required(GraphQLString) },
      slug: { type: required(GraphQLString) },
      name: { type: required(GraphQLString) },
    },
  })
  const PricingOffer = new GraphQLObjectType({
    name: 'PricingOffer',
    description: 'A live public campaign offer (for members who have not paid) on one price.',
    fields: {
      campaign: { type: required(PricingOfferCampaign) },
      kind: { type: required(GraphQLString) },
      period: { type: required(GraphQLString) },
      sellingPrice: { type: required(GraphQLInt) },
      offerPrice: { type: required(GraphQLInt) },
      saving: { type: required(GraphQLInt) },
      bonusDays: { type: required(GraphQLInt) },
      trialDays: { type: required(GraphQLInt) },
      endsAt: { type: required(GraphQLString) },
      headline: { type: required(GraphQLString) },
      callToAction: { type: required(GraphQLString) },
    },
  })
  const Tier = new GraphQLObjectType({
    name: 'PricingTier',
    fields: {
      id: { type: required(GraphQLString) },
      slug: { type: required(GraphQLString) },
      name: { type: required(GraphQLString) },
      kind: { type: required(GraphQLString) },
      rank: { type: required(GraphQLFloat) },
      honorary: { type: required(GraphQLBoolean) },
      prices: { type: list(Price) },
      growth: { type: Growth },
      accessTiers: { type: list(AccessTier) },
      offers: { type: list(PricingOffer) },
    },
  })
  const Value = new GraphQLObjectType({
    name: 'PricingValue',
    description: 'A benefit value; which fields are set depends on `kind`.',
    fields: {
      kind: { type: required(GraphQLString) },
      enabled: { type: GraphQLBoolean },
      unlimited: { type: GraphQLBoolean },
      amount: { type: GraphQLFloat },
      level: { type: GraphQLString },
      percent: { type: GraphQLFloat },
    },
  })
  const Cell = new GraphQLObjectType({
    name: 'PricingCell',
    fields: {
      tierId: { type: required(GraphQLString) },
      tierSlug: { type: required(GraphQLString) },
      value: { type: Value, description: 'null when the tier does not grant the benefit.' },
      display: { type: required(GraphQLString) },
    },
  })
  const Benefit = new GraphQLObjectType({
    name: 'PricingBenefit',
    fields: {
      id: { type: required(GraphQLString) },
      key: { type: required(GraphQLString) },
      name: { type: required(GraphQLString) },
      unit: { type: required(GraphQLString) },
      category: { type: required(GraphQLString) },
      kind: { type: required(GraphQLString) },
      cells: { type: list(Cell) },
    },
  })
  const Matrix = new GraphQLObjectType({
    name: 'PricingMatrix',
    fields: {
      locale: { type: required(GraphQLString) },
      currency: { type: required(GraphQLString) },
      tiers: { type: list(Tier) },
      benefits: { type: list(Benefit) },
      accessTiers: { type: list(AccessTier) },
    },
  })

  return { PricingLocale, PricingMatrix: Matrix }
}

const typesByModule = new WeakMap<GraphQLModule, Record<string, GraphQLNamedType>>()

/** The named output and argument types, the same objects every time for one GraphQL module. */
export function apiTypes(GraphQL: GraphQLModule): Record<string, GraphQLNamedType> {
  let types = typesByModule.get(GraphQL)
  if (!types) {
    types = buildTypes(GraphQL)
    typesByModule.set(GraphQL, types)
  }
  return types
}
