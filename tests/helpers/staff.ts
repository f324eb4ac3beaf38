// Creates throw-away staff users and service accounts for a test file and removes them afterwards.
import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { slugs } from '../../collections/slugs'
import type { ServiceRole, StaffRole } from '../../src/access/roles'
import { signIn } from './api'

export type TestStaff = { id: string; email: string; password: string; token: string }

export function staffFactory(payload: Payload) {
  const userIds: string[] = []
  const accountIds: string[] = []
  return {
    async staff(roles: StaffRole[]): Promise<TestStaff> {
      const email = `${roles.join('-')}-${randomUUID().slice(0, 8)}@test.example`
      const password = `pw-${randomUUID()}`
      const user = await payload.create({
        collection: slugs.users,
        data: { name: `Test ${roles.join('+')}`, email, password, roles },
      })
      userIds.push(String(user.id))
      const { token } = await signIn(email, password)
      return { id: String(user.id), email, password, token }
    },
    async serviceAccount(
      roles: ServiceRole[] = ['frontend'],
    ): Promise<{ id: string; apiKey: string }> {
      const apiKey = `test-key-${randomUUID()}`
      const account = await payload.create({
        collection: slugs.serviceAccounts,
        data: {
          name: `Test ${roles.join('+')} ${randomUUID().slice(0, 8)}`,
          roles,
          enableAPIKey: true,
          apiKey,
        },
      })
      accountIds.push(String(account.id))
      return { id: String(account.id), apiKey }
    },
    async cleanup(): Promise<void> {
      if (userIds.length) {
        await payload.delete({ collection: slugs.users, where: { id: { in: userIds } } })
      }
      if (accountIds.length) {
        await payload.delete({
          collection: slugs.serviceAccounts,
          where: { id: { in: accountIds } },
        })
      }
    },
  }
}
