import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { redacted, secretChanges } from '../../../src/domain/audit/secrets'
import { auditSummary } from '../../../src/domain/audit/summary'

describe('secretChanges', () => {
  it.each<[string, Record<string, string | null>, Record<string, string | null>, unknown[]]>([
    [
      'says a key was set',
      { apiKey: null },
      { apiKey: 'f1' },
      [{ path: 'apiKey', before: null, after: redacted, secret: 'set' }],
    ],
    [
      'says a key was rotated',
      { apiKey: 'f1' },
      { apiKey: 'f2' },
      [{ path: 'apiKey', before: redacted, after: redacted, secret: 'changed' }],
    ],
    [
      'says a key was revoked',
      { apiKey: 'f1' },
      { apiKey: null },
      [{ path: 'apiKey', before: redacted, after: null, secret: 'removed' }],
    ],
    ['says nothing when the key stayed', { apiKey: 'f1' }, { apiKey: 'f1' }, []],
    ['says nothing when there never was one', { apiKey: null }, {}, []],
    [
      'names each secret that changed',
      { password: 'p1', apiKey: 'k1' },
      { password: 'p2', apiKey: 'k1' },
      [{ path: 'password', before: redacted, after: redacted, secret: 'changed' }],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(secretChanges(before, after)).toEqual(expected)
  })

  it('never reports a fingerprint, whatever the fingerprints are (property)', () => {
    const fingerprint = fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: null })
    fc.assert(
      fc.property(fingerprint, fingerprint, (before, after) => {
        // What an entry shows of the secret: its before and after (a substring test of the JSON
        // would trip over fingerprints such as ":" that are part of JSON's own syntax).
        const shown = secretChanges({ apiKey: before }, { apiKey: after }).flatMap((entry) => [
          entry.before,
          entry.after,
        ])
        for (const value of [before, after]) {
          if (value && !redacted.includes(value)) expect(shown).not.toContain(value)
        }
      }),
    )
  })
})

describe('auditSummary', () => {
  it('names the top-level fields an update changed, and what happened to a secret', () => {
    expect(
      auditSummary({
        action: 'update',
        target: 'users',
        title: 'ops@edu.example',
        changes: [
          { path: 'roles', before: ['viewer'], after: ['operations'] },
          { path: 'password', before: redacted, after: redacted, secret: 'changed' },
        ],
      }),
    ).toBe('update users “ops@edu.example”: roles, password (changed)')
  })

  it('names each field once and counts the ones it leaves out', () => {
    const changes = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'g.1'].map((path) => ({
      path,
      before: 1,
      after: 2,
    }))
    expect(auditSummary({ action: 'publish', target: 'tiers', title: '黄金', changes })).toBe(
      'publish tiers “黄金”: a, b, c, d, e, f +1',
    )
  })

  it('lists no fields for a creation or deletion', () => {
    const changes = [{ path: 'rank', before: undefined, after: 1 }]
    expect(auditSummary({ action: 'create', target: 'tiers', title: '黄金', changes })).toBe(
      'create tiers “黄金”',
    )
  })
})
