// PAYLOAD_SECRET signs sessions and encrypts API keys. Development gets a fixed demo value so the
// quick start needs no setup; production refuses to start without a real one.
const developmentSecret = 'membership-admin-development-secret-do-not-use-in-production'

export function payloadSecret(): string {
  const secret = process.env.PAYLOAD_SECRET?.trim()
  if (secret) return secret
  if (process.env.NODE_ENV === 'production' && process.env.ALLOW_DEMO_SECRET !== 'true') {
    throw new Error(
      'PAYLOAD_SECRET is not set. Set it to a long random string (e.g. `openssl rand -hex 32`) ' +
        'before running in production.',
    )
  }
  return developmentSecret
}
