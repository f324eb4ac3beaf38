// Wiring only: collections, database, email, languages. Rules live in src/ and hooks/.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
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
import { EntitlementGrants } from './collections/EntitlementGrants'
import { TierVersions } from './collections/TierVersions'
import { BenefitUsage } from './collections/BenefitUsage'
import { UsageRequests } from './collections/UsageRequests'
import { ServiceAccounts } from './collections/ServiceAccounts'
import { Tiers } from './collections/Tiers'
import { Users } from './collections/Users'
import { MembershipSettings } from './globals/MembershipSettings'
import { mongoAdapterTuning } from './src/database/adapterOptions'
import { withServerWorkarounds } from './src/database/ferretdbWorkarounds'
import { resolveDatabase } from './src/database/localDatabase'
import { probeServerCapabilities } from './src/database/serverCapabilities'
import { emailSettingsFromEnv } from './src/email/transport'
import { expireMembershipsTask } from './src/jobs/expireMemberships'
import { rootEndpoints } from './src/endpoints/operations'
import { apiMutations, apiQueries, graphqlRefusalExtensions } from './src/graphql/operations'
import { payloadSecret } from './src/config/secret'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const database = await resolveDatabase()
const capabilities = await probeServerCapabilities(database.uri)
const email = emailSettingsFromEnv()

export default buildConfig({
  secret: payloadSecret(),
  // Absolute links in emails (password reset) need it; `npm run dev` sets it to localhost.
  serverURL: process.env.SERVER_URL ?? '',
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
  ],
  globals: [MembershipSettings],
  // API operations (src/api/operations.ts); collection-scoped ones are wired by their collection.
  endpoints: rootEndpoints,
  db: withServerWorkarounds(
    mongooseAdapter({ url: database.uri, ...mongoAdapterTuning(capabilities) }),
    capabilities,
  ),
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
  upload: { limits: { fileSize: 10 * 1024 * 1024 } },
  sharp,
  graphQL: {
    disablePlaygroundInProduction: true,
    queries: apiQueries,
    mutations: apiMutations,
  },
  // A refused API operation's GraphQL error carries the API's extensions.
  hooks: { afterError: [graphqlRefusalExtensions] },
  jobs: {
    // Runs scheduled publishes (Payload queues them on `default`). Tests run jobs themselves.
    autoRun: process.env.VITEST ? [] : [{ cron: '* * * * *', queue: 'default' }],
    tasks: [expireMembershipsTask],
  },
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
    autoGenerate: false,
  },
  telemetry: false,
})
