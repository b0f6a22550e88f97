import { draftMode } from 'next/headers'

import { safePreviewPath } from '@/lib/site/preview'

export const dynamic = 'force-dynamic'

async function exit(path: null | string): Promise<Response> {
  const draft = await draftMode()
  draft.disable()
  return new Response(null, { headers: { 'Cache-Control': 'no-store', Location: safePreviewPath(path) ?? '/' }, status: 303 })
}

/** The preview banner's "Exit preview" form. */
export async function POST(request: Request): Promise<Response> {
  const form = await request.formData().catch(() => null)
  const path = form?.get('path')
  return exit(typeof path === 'string' ? path : null)
}

export async function GET(request: Request): Promise<Response> {
  return exit(new URL(request.url).searchParams.get('path'))
}
