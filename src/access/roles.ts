// The roles a principal can hold. Staff sign in to the admin; service accounts call the APIs.
export const staffRoles = ['admin', 'operations', 'marketing', 'support', 'viewer'] as const
export const serviceRoles = ['frontend', 'billing'] as const

export type StaffRole = (typeof staffRoles)[number]
export type ServiceRole = (typeof serviceRoles)[number]
export type Role = StaffRole | ServiceRole

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '管理员', en: 'Administrator' },
  operations: { zh: '运营', en: 'Operations' },
  marketing: { zh: '市场', en: 'Marketing' },
  support: { zh: '客服', en: 'Support' },
  viewer: { zh: '只读', en: 'Viewer' },
  frontend: { zh: '前端服务', en: 'Frontend service' },
  billing: { zh: '计费系统', en: 'Billing system' },
}

/** Any authenticated principal: a staff user or a service account. */
export type Principal = {
  id: string | number
  collection: string
  roles?: readonly string[] | null
}

export function hasAnyRole(
  principal: Principal | null | undefined,
  roles: readonly Role[],
): boolean {
  const held = principal?.roles
  return Array.isArray(held) && held.some((role) => (roles as readonly string[]).includes(role))
}
