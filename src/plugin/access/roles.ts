import type { PayloadRequest } from 'payload'

export const ROLES = ['admin', 'editor', 'translator'] as const
export type Role = (typeof ROLES)[number]

interface UserWithRoles {
  languages?: null | string[]
  roles?: null | string[]
}

/** The signed-in user's roles; none for anonymous requests or other auth collections. */
const rolesOf = (user: PayloadRequest['user']): string[] =>
  ((user as UserWithRoles | null)?.roles ?? []).filter(Boolean)

export const hasRole = (user: PayloadRequest['user'], ...roles: Role[]): boolean =>
  rolesOf(user).some((role) => (roles as string[]).includes(role))

/** Languages a translator may work in. */
export const languagesOf = (user: PayloadRequest['user']): string[] =>
  (user as UserWithRoles | null)?.languages ?? []
