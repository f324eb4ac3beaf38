// Demo accounts for development and tests. The passwords are public: never seed them in production.
import type { StaffRole } from '../../src/access/roles'

export type DemoStaffUser = { role: StaffRole; name: string; email: string; password: string }

export const demoStaff: readonly DemoStaffUser[] = [
  { role: 'admin', name: '管理员 Ada', email: 'admin@edu.example', password: 'admin-demo-2026' },
  { role: 'operations', name: '运营 Olivia', email: 'ops@edu.example', password: 'ops-demo-2026' },
  {
    role: 'marketing',
    name: '市场 Mark',
    email: 'marketing@edu.example',
    password: 'marketing-demo-2026',
  },
  {
    role: 'support',
    name: '客服 Sam',
    email: 'support@edu.example',
    password: 'support-demo-2026',
  },
  { role: 'viewer', name: '只读 Vera', email: 'viewer@edu.example', password: 'viewer-demo-2026' },
]

export const demoServiceAccount = {
  name: 'Web 前端 (demo)',
  apiKey: 'demo-frontend-web-key-7f3c9a2e5b814d06',
} as const

/** The billing system's key for POST /api/membership/orders in development. */
export const demoBillingAccount = {
  name: '计费系统 Billing (demo)',
  apiKey: 'demo-billing-key-3d8e1f6a9c2b4e70',
} as const
