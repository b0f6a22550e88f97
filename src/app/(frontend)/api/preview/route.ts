import { draftMode } from 'next/headers'

import { isValidPreviewSecret, safePreviewPath } from '@/lib/site/preview'
import { isStaffViewer } from '@/lib/site/viewer'

export const dynamic = 'force-dynamic'

/**
 * `GET /api/preview?secret=…&path=/en/slug` (the admin's Preview button, see
 * src/lib/siteOptions.ts): needs the preview secret AND a signed-in editor, then turns on
 * Next draft mode and redirects to the page, which shows the latest draft.
 */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url)
  if (!isValidPreviewSecret(url.searchParams.get('secret'))) {
    return new Response('Invalid preview secret', { status: 401 })
  }
  const path = safePreviewPath(url.searchParams.get('path'))
  if (!path) return new Response('Invalid preview path', { status: 400 })
  if (!(await isStaffViewer(request.headers))) {
    return new Response('Sign in to the admin to preview drafts', { status: 403 })
  }
  const draft = await draftMode()
  draft.enable()
  return new Response(null, { headers: { 'Cache-Control': 'no-store', Location: path }, status: 307 })
}
