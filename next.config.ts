import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

import { developmentHosts } from './src/config/devOrigins'

const nextConfig: NextConfig = {
  // The dev server answers its HMR websocket only to these hosts (localhost alone by default, and
  // a page opened at 127.0.0.1 then reloads forever): src/config/devOrigins.ts.
  allowedDevOrigins: developmentHosts(),
  // Payload's admin and API run on the Node runtime; keep native and server-only packages external.
  // Payload's server packages too, in the production build as in development: the app server
  // (src/server/appServer.ts) loads them from node_modules and shares its Payload instance with
  // Next, and a second, bundled copy of `payload` would have its own error classes (a hook's
  // ValidationError would fail the bundled `instanceof` and lose its field errors in the REST answer).
  serverExternalPackages: [
    'sharp',
    'mongodb',
    'mongoose',
    'payload',
    '@payloadcms/db-mongodb',
    '@payloadcms/email-nodemailer',
    '@payloadcms/graphql',
  ],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
