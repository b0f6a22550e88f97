import type { Payload } from 'payload'

import { headers } from 'next/headers'

import { hasRole } from 'payload-policy-posts'
import { hasLoginCredentials } from '../requestCredentials'
import { getPayloadClient } from './payload'

/**
 * Whether a request could carry a Payload session at all: an Authorization header (JWT,
 * Bearer or API key) or the session cookie (`<cookiePrefix>-token`). Collections with custom
 * auth strategies may read anything, so with any of those the answer is always yes.
 */
export function mayCarryCredentials(requestHeaders: Headers, payload: Pick<Payload, 'config'>): boolean {
  if (payload.config.collections.some((collection) => (collection.auth?.strategies?.length ?? 0) > 0)) return true
  return hasLoginCredentials(requestHeaders, payload.config.cookiePrefix)
}

/**
 * Whether the request comes from a signed-in editor (Payload session cookie or API token).
 * Only called in draft mode, so published pages stay static. Without credentials it answers
 * at once: `payload.auth` would also work out the anonymous visitor's permissions for every
 * collection on every draft-mode render.
 */
export async function isStaffViewer(requestHeaders?: Headers): Promise<boolean> {
  try {
    const payload = await getPayloadClient()
    const source = requestHeaders ?? (await headers())
    if (!mayCarryCredentials(source, payload)) return false
    const { user } = await payload.auth({ headers: source })
    return hasRole(user, 'admin', 'editor', 'translator')
  } catch {
    return false
  }
}
