import { headers } from 'next/headers'

import { hasRole } from '../../plugin/access/roles'
import { getPayloadClient } from './payload'

/**
 * Whether the request comes from a signed-in editor (Payload session cookie or API token).
 * Only called in draft mode, so published pages stay static.
 */
export async function isStaffViewer(requestHeaders?: Headers): Promise<boolean> {
  try {
    const payload = await getPayloadClient()
    const { user } = await payload.auth({ headers: requestHeaders ?? (await headers()) })
    return hasRole(user, 'admin', 'editor', 'translator')
  } catch {
    return false
  }
}
