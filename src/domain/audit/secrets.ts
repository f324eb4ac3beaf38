// Secrets (a password, an API key) in the audit log (docs/rules.md rule 12): that one was set,
// changed or removed is recorded; the secret, its hash or any fingerprint of it never is.
import type { FieldChange } from './diff'

/** What the audit log shows in place of a secret. */
export const redacted = '••••••'

/**
 * Each secret by name, as an opaque fingerprint of the stored value (null or missing: none is
 * stored). Fingerprints are only compared, never reported.
 */
export type SecretFingerprints = Readonly<Record<string, string | null | undefined>>

/** The redacted change recorded when a secret was set, changed or removed. */
export function secretChange(name: string, what: NonNullable<FieldChange['secret']>): FieldChange {
  return {
    path: name,
    before: what === 'set' ? null : redacted,
    after: what === 'removed' ? null : redacted,
    secret: what,
  }
}

/** One redacted change per secret that was set, changed or removed, in the order named. */
export function secretChanges(
  before: SecretFingerprints,
  after: SecretFingerprints,
): FieldChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return names.flatMap((name): FieldChange[] => {
    const had = Boolean(before[name])
    const has = Boolean(after[name])
    if (!had && !has) return []
    if (had && has && before[name] === after[name]) return []
    return [secretChange(name, !had ? 'set' : has ? 'changed' : 'removed')]
  })
}
