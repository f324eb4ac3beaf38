import { demoBillingAccount, demoServiceAccount, demoStaff } from './data/staff'

/** The demo sign-ins as a printable table (dev start-up and `npm run seed` print it). */
export function formatDemoLogins(adminUrl: string): string {
  const rows = demoStaff.map(
    (person) => `  ${person.role.padEnd(11)} ${person.email.padEnd(24)} ${person.password}`,
  )
  return [
    `Admin: ${adminUrl}`,
    `  ${'role'.padEnd(11)} ${'email'.padEnd(24)} password`,
    ...rows,
    `Frontend API key (header "Authorization: service-accounts API-Key <key>"):`,
    `  ${demoServiceAccount.apiKey}`,
    `Billing API key (POST /api/membership/orders):`,
    `  ${demoBillingAccount.apiKey}`,
  ].join('\n')
}
