import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Payload's admin and API run on the Node runtime; keep native and server-only packages external.
  serverExternalPackages: ['sharp', 'mongodb', 'mongoose'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
