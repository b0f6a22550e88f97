import type { MetadataRoute } from 'next'

import { absoluteUrl } from '@/lib/site/siteSettings'

// The origin is read at run time (SITE_URL / NEXT_PUBLIC_SERVER_URL), not at build.
export const dynamic = 'force-dynamic'

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ allow: '/', disallow: ['/admin', '/api/'], userAgent: '*' }],
    sitemap: absoluteUrl('/sitemap.xml'),
  }
}
