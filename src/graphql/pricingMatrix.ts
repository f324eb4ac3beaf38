// GraphQL `pricingMatrix(locale)`: the same operation and answer as GET /api/pricing-matrix.
import type { GraphQLNullableType, GraphQLType } from 'graphql'
import type { GraphQLExtension, PayloadRequest } from 'payload'

import { pricingMatrix } from '../operations/pricingMatrix'

export const pricingMatrixQuery: GraphQLExtension = (GraphQL) => {
  const {
    GraphQLEnumType,
    GraphQLFloat,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
  } = GraphQL
  const { GraphQLBoolean, GraphQLString } = GraphQL
  const list = <T extends GraphQLType>(type: T) =>
    new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(type)))
  const required = <T extends GraphQLNullableType>(type: T) => new GraphQLNonNull(type)

  const Locale = new GraphQLEnumType({
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

  return {
    pricingMatrix: {
      type: required(Matrix),
      args: { locale: { type: Locale, defaultValue: 'zh' } },
      resolve: (
        _source: unknown,
        args: { locale: 'zh' | 'en' },
        context: { req: PayloadRequest },
      ) => pricingMatrix(context.req, args.locale),
    },
  }
}
