// Wiring only: collections, database, email, languages. Rules live in src/ and hooks/.
// No side effects: importing it starts no database and opens no connection.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { AuditLog } from './collections/AuditLog'
import { Benefits } from './collections/Benefits'
import { CourseAccessTiers } from './collections/CourseAccessTiers'
import { Courses } from './collections/Courses'
import { Media } from './collections/Media'
import { Members } from './collections/Members'
import { MembershipEvents } from './collections/MembershipEvents'
import { CampaignClaims } from './collections/CampaignClaims'
import { CancelIntents } from './collections/CancelIntents'
import { CampaignRedemptions } from './collections/CampaignRedemptions'
import { EntitlementGrants } from './collections/EntitlementGrants'
import { TierVersions } from './collections/TierVersions'
import { BenefitUsage } from './collections/BenefitUsage'
import { UsageRequests } from './collections/UsageRequests'
import { ServiceAccounts } from './collections/ServiceAccounts'
import { Tiers } from './collections/Tiers'
import { Users } from './collections/Users'
import { Campaigns } from './collections/Campaigns'
import { WebhookAttempts } from './collections/WebhookAttempts'
import { WebhookDeliveries } from './collections/WebhookDeliveries'
import { WebhookEndpoints } from './collections/WebhookEndpoints'
import { WebhookEvents } from './collections/WebhookEvents'
import { MemberMessages } from './collections/MemberMessages'
import { MessageClaims } from './collections/MessageClaims'
import { MembershipSettings } from './globals/MembershipSettings'
import { developmentOrigins } from './src/config/devOrigins'
import { databaseAdapter } from './src/database/payloadAdapter'
import { emailSettingsFromEnv } from './src/email/transport'
import { deliverWebhooksTask } from './src/jobs/deliverWebhooks'
import { expireMembershipsTask } from './src/jobs/expireMemberships'
import { snapshotLaunchAudiencesTask } from './src/jobs/snapshotLaunchAudiences'
import { sendRenewalRemindersTask } from './src/jobs/sendRenewalReminders'
import { rootEndpoints } from './src/endpoints/operations'
import { apiMutations, apiQueries, graphqlRefusalExtensions } from './src/graphql/operations'
import { payloadSecret } from './src/config/secret'
import { inputLimits } from './src/domain/input/limits'
import { graphqlArgumentGuard } from './src/graphql/argumentGuard'
import { graphqlDocumentLimits } from './src/graphql/documentLimits'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const email = emailSettingsFromEnv()

export default buildConfig({
  secret: payloadSecret(),
  // The public address (absolute links in emails). Unset in development: the admin then calls its
  // API on whichever address it was opened at, and reset links use that address too (it is in
  // `csrf`, which Payload trusts for the request's origin).
  serverURL: process.env.SERVER_URL ?? '',
  // Session cookies are accepted from these origins (Payload adds serverURL); in development every
  // address of this machine, so signing in works at 127.0.0.1 as at localhost.
  csrf: process.env.NODE_ENV === 'development' ? developmentOrigins() : [],
  admin: {
    user: Users.slug,
    importMap: { baseDir: path.resolve(dirname, 'src') },
    meta: { titleSuffix: ' · 会员中心' },
    // Gravatar would need the network; staff see an initial-based avatar instead.
    avatar: 'default',
  },
  collections: [
    Tiers,
    Benefits,
    CourseAccessTiers,
    Courses,
    Media,
    AuditLog,
    Users,
    ServiceAccounts,
    Members,
    MembershipEvents,
    EntitlementGrants,
    TierVersions,
    BenefitUsage,
    UsageRequests,
    Campaigns,
    CampaignRedemptions,
    CampaignClaims,
    CancelIntents,
    WebhookEndpoints,
    WebhookEvents,
    WebhookDeliveries,
    WebhookAttempts,
    MemberMessages,
    MessageClaims,
  ],
  globals: [MembershipSettings],
  // API operations (src/api/operations.ts); collection-scoped ones are wired by their collection.
  endpoints: rootEndpoints,
  // DATABASE_URI, resolved by the command that runs (importing this file starts nothing); the
  // adapter fits its options to the server when Payload connects.
  db: databaseAdapter(),
  email: nodemailerAdapter({
    defaultFromAddress: email.fromAddress,
    defaultFromName: email.fromName,
    transport: email.transport,
    skipVerify: email.skipVerify,
  }),
  i18n: { supportedLanguages: { zh, en }, fallbackLanguage: 'zh' },
  localization: {
    locales: [
      { code: 'zh', label: '中文' },
      { code: 'en', label: 'English' },
    ],
    defaultLocale: 'zh',
    fallback: true,
  },
  // The REST and GraphQL guards (src/endpoints/restGuard.ts) hold requests to the same limits.
  upload: { limits: { fileSize: inputLimits.uploadFileBytes } },
  maxDepth: inputLimits.depth,
  sharp,
  graphQL: {
    disablePlaygroundInProduction: true,
    queries: apiQueries,
    mutations: apiMutations,
    validationRules: graphqlDocumentLimits,
  },
  plugins: [graphqlArgumentGuard],
  // A refused API operation's GraphQL error carries the API's extensions.
  hooks: { afterError: [graphqlRefusalExtensions] },
  jobs: {
    // Runs scheduled publishes and the tasks below (all on `default`). Tests run jobs themselves;
    // JOBS_AUTORUN=false leaves them to a separate worker (`payload jobs:run`) or, in benchmarks,
    // keeps the minute's jobs out of the figures.
    autoRun:
      process.env.VITEST || process.env.JOBS_AUTORUN === 'false'
        ? []
        : [{ cron: '* * * * *', queue: 'default' }],
    tasks: [
      expireMembershipsTask,
      snapshotLaunchAudiencesTask,
      deliverWebhooksTask,
      sendRenewalRemindersTask,
    ],
  },
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
    autoGenerate: false,
  },
  telemetry: false,
})
