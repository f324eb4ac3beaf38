import type { Access, PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { policy } from '../../src/access/policy'
import { staffRoles, type Role } from '../../src/access/roles'
import { allow, anyOf, ownRecord } from '../../src/access/rules'

const requestAs = (roles: Role[] | null, collection = 'users', id = 'u1') =>
  ({
    req: { user: roles ? { id, collection, roles } : null } as unknown as PayloadRequest,
  }) as Parameters<Access>[0]

describe('allow', () => {
  it('grants principals holding any listed role and nobody else', () => {
    const rule = allow('admin', 'operations')
    expect(rule(requestAs(['operations']))).toBe(true)
    expect(rule(requestAs(['viewer', 'admin']))).toBe(true)
    expect(rule(requestAs(['viewer']))).toBe(false)
    expect(rule(requestAs([]))).toBe(false)
    expect(rule(requestAs(null))).toBe(false)
  })
})

describe('anyOf', () => {
  it('grants outright when one rule does', async () => {
    expect(await anyOf(ownRecord('users'), allow('admin'))(requestAs(['admin']))).toBe(true)
  })

  it('returns the query constraint of the rules that give one', async () => {
    expect(await anyOf(allow('admin'), ownRecord('users'))(requestAs(['viewer']))).toEqual({
      id: { equals: 'u1' },
    })
  })

  it('ORs several constraints', async () => {
    const byOwner: Access = () => ({ owner: { equals: 'u1' } })
    expect(await anyOf(ownRecord('users'), byOwner)(requestAs(['viewer']))).toEqual({
      or: [{ id: { equals: 'u1' } }, { owner: { equals: 'u1' } }],
    })
  })

  it('refuses when no rule grants', async () => {
    expect(await anyOf(allow('admin'))(requestAs(['viewer']))).toBe(false)
  })
})

describe('the policy table', () => {
  it('lets every staff role, and no service account, into the admin panel', () => {
    for (const role of staffRoles) expect(policy.users.admin(requestAs([role]))).toBe(true)
    expect(policy.users.admin(requestAs(['frontend'], 'service-accounts'))).toBe(false)
  })

  it('shows a service account no staff record, even one with the same id', async () => {
    expect(await policy.users.read(requestAs(['frontend'], 'service-accounts', 'u1'))).toBe(false)
  })
})
