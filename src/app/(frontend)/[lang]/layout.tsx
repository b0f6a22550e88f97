import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'

import { SiteFooter } from '@/components/SiteFooter'
import { SiteHeader } from '@/components/SiteHeader'
import { defaultLanguage, isSiteLanguage } from '@/lib/site/languages'
import { feedPath } from '@/lib/site/paths'
import { siteSettings, siteUrl } from '@/lib/site/siteSettings'
import { getStrings } from '@/lib/site/i18n'

import '../global.css'

type Props = { children: ReactNode; params: Promise<{ lang: string }> }

export async function generateMetadata({ params }: Omit<Props, 'children'>): Promise<Metadata> {
  const { lang: raw } = await params
  const lang = isSiteLanguage(raw) ? raw : defaultLanguage
  const t = getStrings(lang)
  return {
    alternates: { types: { 'application/rss+xml': feedPath(lang) } },
    description: t.homeTitle,
    metadataBase: new URL(siteUrl()),
    title: { default: `${t.homeTitle} — ${siteSettings.siteName}`, template: `%s — ${siteSettings.siteName}` },
  }
}

export const viewport: Viewport = { initialScale: 1, themeColor: '#14365d', width: 'device-width' }

/**
 * Root layout of the public site (the admin has its own in `(payload)`): `<html lang>` from
 * the URL, skip link, header, main landmark, footer. An unknown language renders in the
 * default one; its pages answer 404.
 */
export default async function SiteLayout({ children, params }: Props) {
  const { lang: raw } = await params
  const lang = isSiteLanguage(raw) ? raw : defaultLanguage
  const t = getStrings(lang)
  return (
    <html dir="ltr" lang={lang}>
      <body>
        <a className="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <SiteHeader lang={lang} />
        <main className="site-main" id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter lang={lang} />
      </body>
    </html>
  )
}
