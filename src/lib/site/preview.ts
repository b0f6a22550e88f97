import { createHmac, timingSafeEqual } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import type { PreviewablePost } from 'payload-policy-posts'

import { payloadSecret } from '../secret'
import { absoluteUrl, hasConfiguredSiteUrl } from './siteSettings'

/** Route handler that turns draft mode on (see src/app/(frontend)/api/preview/route.ts). */
const PREVIEW_ROUTE = '/api/preview'
export const EXIT_PREVIEW_ROUTE = '/api/exit-preview'

/**
 * The shared secret of preview links: PREVIEW_SECRET, else one derived from PAYLOAD_SECRET
 * (so a deployment needs no extra variable, and the Payload secret itself never appears in a URL).
 */
export function previewSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PREVIEW_SECRET) return env.PREVIEW_SECRET
  return createHmac('sha256', payloadSecret(env)).update('policy-posts:draft-preview').digest('hex')
}

export function isValidPreviewSecret(candidate: null | string | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!candidate) return false
  const expected = Buffer.from(previewSecret(env))
  const given = Buffer.from(candidate)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/**
 * Only a same-site absolute path may follow a preview link: `/en/slug`, never `//evil.test`,
 * `/\evil.test` or `https://…` (open redirect).
 */
export function safePreviewPath(path: null | string | undefined): null | string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return null
  if (/[\u0000-\u001f]/.test(path)) return null
  return path
}

function requestOrigin(req?: PayloadRequest): null | string {
  try {
    return req?.url ? new URL(req.url).origin : null
  } catch {
    return null
  }
}

/**
 * The admin's preview URL of a post. Absolute (Live Preview only talks to a window whose URL
 * starts with the origin of its messages): SITE_URL / NEXT_PUBLIC_SERVER_URL when set, else the
 * origin the admin is being used on.
 */
export function postPreviewUrl(doc: PreviewablePost, { req }: { req?: PayloadRequest } = {}): null | string {
  if (!doc?.language || !doc.slug) return null
  const path = `/${encodeURIComponent(doc.language)}/${encodeURIComponent(doc.slug)}`
  const query = new URLSearchParams({ path, secret: previewSecret() })
  const route = `${PREVIEW_ROUTE}?${query.toString()}`
  if (hasConfiguredSiteUrl()) return absoluteUrl(route)
  const origin = requestOrigin(req)
  return origin ? `${origin}${route}` : route
}
